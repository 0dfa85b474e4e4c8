"""Hints of refusals, limits and syntax errors beyond the common ones (keys recognised by
autogradlab/error_keys_more.py, HINTS). The English texts give back the engine's hints exactly."""

EN = {
    "errors_hints.normal_string": "use a normal string",
    "errors_hints.compare_parts": "compare smaller parts (limit max_total_sequence_items / 10)",
    "errors_hints.simple_format": "use a simple number format such as {x:.3f} or {x:8.2e}",
    "errors_hints.own_line": "assign on a line of its own first",
    "errors_hints.tensor_own_name": "store the value under a name of your own, e.g. `x.g`",
    "errors_hints.smaller_check": "check the function on a smaller input",
    "errors_hints.cheaper_check": "check the function on a smaller input, or with fast_mode=True (one "
                                  "random direction instead of the whole Jacobian)",
    "errors_hints.clone_and_attributes": "copy the tensor with x.clone() and its attributes one by one",
    "errors_hints.dunder_attr": "double-underscore attributes are Python's internals, which programs cannot "
                                "reach in Autograd Lab (torch.__version__ is the one that is available)",
    "errors_hints.arguments_return": "pass values as arguments and return results",
    "errors_hints.build_list": "build a list and return it",
    "errors_hints.use_assert": "use `assert` to check a condition",
    "errors_hints.params_one_by_one": "list the parameters one by one",
    "errors_hints.kwargs_one_by_one": "pass the keyword arguments one by one",
    "errors_hints.items_one_by_one": "write the items one by one",
    "errors_hints.remove_at": "remove the @ line",
    "errors_hints.new_tensor": "build a new tensor instead",
    "errors_hints.without_with": "write the code without `with`",
    "errors_hints.full_name": "write `import torch` and use the full name, e.g. torch.tensor(...)",
    "errors_hints.rename": "rename it without the double underscores",
    "errors_hints.public_name": "use the public name without the leading underscore",
    "errors_hints.model": "Autograd Lab shows the autograd graph of tensor code; write the model as tensors "
                          "(w = torch.randn(3, 1, requires_grad=True); y = x @ w + b) and the update as "
                          "`with torch.no_grad(): w -= lr * w.grad`",
    "errors_hints.torch_func": "Autograd Lab runs torch.func's grad, grad_and_value, jacrev, jacfwd, "
                               "hessian, vmap, vjp, jvp, linearize; for the others use "
                               "torch.autograd.functional (jacobian, hessian, vjp, jvp, hvp, vhp)",
    "errors_hints.import_instead": "import torch instead",
    "errors_hints.write_with": "write `with torch.{name}():`",
    "errors_hints.list_comprehension": "use a list comprehension or a `for` loop",
    "errors_hints.for_loop": "use a `for` loop",
    "errors_hints.list_brackets": "use a list `[...]`",
    "errors_hints.plain_def": "use a plain `def`",
    "errors_hints.plain_for": "use a plain `for`",
    "errors_hints.plain_except": "use a plain `except`",
    "errors_hints.no_bang": "write {x} without `!`",
    "errors_hints.del_name": "delete a variable with `del name`",
    "errors_hints.names_first": "assign to names first, then store them one by one",
    "errors_hints.out_shape": "pass an out= tensor of the result's shape, or assign the result: "
                              "y = torch.op(...)",
    "errors_hints.sized_tensor": "use torch.zeros(...), torch.ones(...) or torch.rand(...) for a tensor of "
                                 "a given size",
    "errors_hints.dtype_name": "use a dtype such as torch.float32 or a name such as 'torch.LongTensor'",
    "errors_hints.no_grad_value": "a tensor has no .grad until backward() has reached it; a non-leaf tensor "
                                  "(one made by an operation) keeps none unless you call .retain_grad() "
                                  "before backward()",
    "errors_hints.lesson_text": "if this is text from the lesson, make it a # comment",
    "errors_hints.look_alike": "the name has non-ASCII letters ({chars}): check it is spelled as you meant",
    "errors_hints.end_string": "end the string with the same quote it starts with",
    "errors_hints.end_triple": "end it with the same three quotes it starts with",
    "errors_hints.indent_extra": "remove the spaces at the start of the line, or indent the whole block the "
                                 "same way",
    "errors_hints.indent_same": "indent the lines of a block by the same number of spaces (4 is usual)",
    "errors_hints.indent_block": "indent the lines that belong to the block by 4 spaces",
    "errors_hints.unmatched": "remove it, or add the matching opening bracket",
    "errors_hints.mismatched": "make each closing bracket match the last opened one",
    "errors_hints.print_call": "write print(...)",
    "errors_hints.finish": "finish the statement or close its brackets",
    "errors_hints.spaces_only": "indent with spaces only",
    "errors_hints.prompt": "remove the `In [..]:` line",
    "errors_hints.output_lines": "remove the output lines; only the code runs",
    "errors_hints.invisible": "delete it: it cannot be seen, but it changes what the code means",
    "errors_hints.replace_ascii": "replace it with the ASCII character {char}",
    "errors_hints.normal_space": "replace it with a normal space",
    "errors_hints.non_ascii": "non-ASCII characters may only appear in strings and # comments; if this is "
                              "text from the lesson, remove it or turn it into a # comment",
    "errors_hints.lesson_line": "this line looks like text from the lesson: turn it into a # comment "
                                "(or {inner})",
    "errors_hints.equals": "maybe you meant '==' instead of '='?",
    "errors_hints.comma": "perhaps you forgot a comma?",
    "errors_hints.shell": "remove this line: torch is already installed, and Autograd Lab runs PyTorch "
                          "code only",
    "errors_hints.remove_line": "remove this line",
    "errors_hints.shorter": "run a shorter program",
    "errors_hints.split_lines": "split it over several lines",
    "errors_hints.split_expression": "split the expression into several assignments",
    "errors_hints.split_nested": "split long or deeply nested expressions into several assignments",
    "errors_hints.inner_blocks": "move inner blocks into functions",
    "errors_hints.int_bits": "use floats or smaller numbers (limit max_int_bits)",
    "errors_hints.sequence": "build shorter strings or lists (limit max_sequence_len)",
    "errors_hints.searched_items": "look values up in a set or dict, or search shorter lists (limit "
                                   "max_searched_items)",
    "errors_hints.total_sequence": "build fewer or shorter lists and strings (limit "
                                   "max_total_sequence_items)",
    "errors_hints.print_part": "print a smaller part, e.g. x[:10] (limit max_sequence_len)",
    "errors_hints.pprint_text": "use a smaller indent or a larger width, or print a smaller part (limit "
                                "max_sequence_len)",
    "errors_hints.return_def": "use `return` inside a `def`",
    "errors_hints.loop_word": "use `{word}` inside `for` or `while`",
    "errors_hints.powers": "use ** for powers: write x**2",
    "errors_hints.grad_enabled": "write the code that needs no gradients inside `with torch.no_grad():` "
                                 "(or put @torch.no_grad() on a def)",
    "errors_hints.inference_mode": "write `with torch.inference_mode():` or put @torch.inference_mode() "
                                   "on a def",
    "errors_hints.bool_mode": "pass True or False",
    "errors_hints.storage": "Autograd Lab keeps a tensor's storage closed (it is a door to the "
                            "machine's memory); `.stride()`, `.storage_offset()` and `.is_contiguous()` show "
                            "how a view lays out the same memory, and `x.flatten()` of the tensor the view "
                            "came from shows the values in storage order",
    "errors_hints.layer_function": "`torch.nn.{name}` is a layer object (nn.Module), which Autograd Lab does "
                                   "not cover yet; its function form runs here: `{call}`",
    "errors_hints.float_default": "use torch.float64 or torch.float32",
    "errors_hints.new_copy": "use x.new_tensor(data) or x.clone() to copy a tensor",
    "errors_hints.plotting": "the Graph and Steps pages show the run; print the values you would plot, or "
                             "leave the plotting lines out to run the rest",
    "errors_hints.debugger": "the Steps page shows every step's values; print the values you would inspect, "
                             "or leave the debugger lines out to run the rest",
    "errors_hints.no_files": "Autograd Lab reads and writes no files; write the data into the program, e.g. "
                             "torch.tensor([[4.0, 1.0], [5.0, 3.0]])",
    "errors_hints.no_keyboard": "a program here runs without a keyboard; assign the value in the program "
                                "instead, e.g. n = 5",
    "errors_hints.hook_function": "write a def or a lambda of your program: "
                                  "y.register_hook(lambda grad: print(grad))",
    "errors_hints.no_vectorize": "leave out vectorize=True",
    "errors_hints.partial_lambda": "write a lambda instead: partial(f, a, b) is lambda x: f(a, b, x)",
    "errors_hints.node_apply": "only the grad_fn of a custom autograd Function has .apply(...): it runs that "
                               "Function's backward",
    "errors_hints.default_types": "use 'torch.FloatTensor' or 'torch.DoubleTensor'",
    "errors_hints.cpu": "leave out device=, or write device='cpu'",
    "errors_hints.and": "join the conditions with `and`",
    "errors_hints.flag": "use a flag variable and an `if`",
    "errors_hints.nested_for": "use nested `for` loops",
    "errors_hints.del_write": "write `del name`",
    "errors_hints.for_name": "write `for name in ...`",
    "errors_hints.remove_star": "remove the `*`",
    "errors_hints.remove_annotation": "remove the annotation",
    "errors_hints.moment": "try again in a moment",
    "errors_hints.caught_limit": "check the condition with an if before the operation instead of catching "
                                 "its error on every pass (limit max_caught_errors)",
    "errors_hints.module_constant": "keep the value under a name of your own instead",   # session 26
    # session 28 (numpy_generators.py)
    "errors_hints.choice_work": "use a smaller population or sample (limit max_call_work)",
    "errors_hints.one_generator": "make one generator and draw from it (rng = np.random.default_rng(seed))",
    "errors_hints.array_work": "use smaller arrays (limit max_call_work)",   # session 29 (numpy_everyday.py)
}

ZH = {
    "errors_hints.tensor_own_name": "把值存到你自己起的名字下，例如 `x.g`",
    "errors_hints.smaller_check": "在更小的输入上检查这个函数",
    "errors_hints.cheaper_check": "在更小的输入上检查这个函数，或者传入 fast_mode=True（只检查一个随机方向，"
                                  "而不是整个雅可比矩阵）",
    "errors_hints.clone_and_attributes": "用 x.clone() 复制张量，再逐个复制它的属性",
    "errors_hints.normal_string": "改用普通字符串",
    "errors_hints.compare_parts": "请比较更小的部分（限制 max_total_sequence_items / 10）",
    "errors_hints.simple_format": "使用简单的数字格式，例如 {x:.3f} 或 {x:8.2e}",
    "errors_hints.own_line": "先在单独的一行里赋值",
    "errors_hints.dunder_attr": "双下划线属性是 Python 的内部机制，在 Autograd Lab 中程序无法访问"
                                "（唯一可用的是 torch.__version__）",
    "errors_hints.arguments_return": "把值作为参数传入，并返回结果",
    "errors_hints.build_list": "构建一个列表并返回它",
    "errors_hints.use_assert": "用 `assert` 检查条件",
    "errors_hints.params_one_by_one": "把参数逐个列出来",
    "errors_hints.kwargs_one_by_one": "把关键字参数逐个传入",
    "errors_hints.items_one_by_one": "把各项逐个写出来",
    "errors_hints.remove_at": "删掉 @ 这一行",
    "errors_hints.new_tensor": "改为构建一个新张量",
    "errors_hints.without_with": "不用 `with` 来写这段代码",
    "errors_hints.full_name": "写 `import torch`，并使用完整的名字，例如 `torch.tensor(...)`",
    "errors_hints.rename": "把它改名，去掉双下划线",
    "errors_hints.public_name": "使用不带前导下划线的公开名字",
    "errors_hints.model": "Autograd Lab 显示的是张量代码的自动求导图；请把模型写成张量运算"
                          "（`w = torch.randn(3, 1, requires_grad=True); y = x @ w + b`），"
                          "把参数更新写成 `with torch.no_grad(): w -= lr * w.grad`",
    "errors_hints.torch_func": "Autograd Lab 支持 torch.func 的 grad、grad_and_value、jacrev、jacfwd、"
                               "hessian、vmap、vjp、jvp、linearize；其他功能请用 torch.autograd.functional"
                               "（jacobian、hessian、vjp、jvp、hvp、vhp）",
    "errors_hints.import_instead": "改为 import torch",
    "errors_hints.write_with": "写成 `with torch.{name}():`",
    "errors_hints.list_comprehension": "改用列表推导式或 `for` 循环",
    "errors_hints.for_loop": "改用 `for` 循环",
    "errors_hints.list_brackets": "改用列表 `[...]`",
    "errors_hints.plain_def": "改用普通的 `def`",
    "errors_hints.plain_for": "改用普通的 `for`",
    "errors_hints.plain_except": "改用普通的 `except`",
    "errors_hints.no_bang": "写成 {x}，不要 `!`",
    "errors_hints.del_name": "用 `del name` 删除变量",
    "errors_hints.names_first": "先赋值给名字，再逐个存储",
    "errors_hints.out_shape": "传入与结果形状相同的 out= 张量，或者直接赋值：`y = torch.op(...)`",
    "errors_hints.sized_tensor": "要得到给定大小的张量，请用 `torch.zeros(...)`、`torch.ones(...)` 或 "
                                 "`torch.rand(...)`",
    "errors_hints.dtype_name": "使用 torch.float32 这样的 dtype，或 'torch.LongTensor' 这样的名字",
    "errors_hints.no_grad_value": "在 backward() 到达之前，张量没有 .grad；非叶子张量（由运算得到的张量）"
                                  "不保留 .grad，除非在 backward() 之前调用 .retain_grad()",
    "errors_hints.lesson_text": "如果这是课程中的文字，请把它改成 # 注释",
    "errors_hints.look_alike": "这个名字含有非 ASCII 字母（{chars}）：请检查拼写是否正确",
    "errors_hints.end_string": "用开头的同一种引号结束这个字符串",
    "errors_hints.end_triple": "用开头的同样三个引号结束它",
    "errors_hints.indent_extra": "删掉行首的空格，或者让整个代码块使用同样的缩进",
    "errors_hints.indent_same": "同一代码块中的各行要缩进相同数量的空格（通常是 4 个）",
    "errors_hints.indent_block": "把属于这个代码块的各行缩进 4 个空格",
    "errors_hints.unmatched": "删掉它，或者补上对应的开括号",
    "errors_hints.mismatched": "让每个闭括号与最近打开的括号配对",
    "errors_hints.print_call": "写成 print(...)",
    "errors_hints.finish": "把语句写完整，或者闭合它的括号",
    "errors_hints.spaces_only": "只用空格缩进",
    "errors_hints.prompt": "删掉 `In [..]:` 这一行",
    "errors_hints.output_lines": "删掉输出的那几行；只有代码会被运行",
    "errors_hints.invisible": "删掉它：它看不见，但会改变代码的含义",
    "errors_hints.replace_ascii": "把它换成 ASCII 字符 {char}",
    "errors_hints.normal_space": "把它换成普通空格",
    "errors_hints.non_ascii": "非 ASCII 字符只能出现在字符串和 # 注释中；"
                              "如果这是课程中的文字，请删掉它或改成 # 注释",
    "errors_hints.lesson_line": "这一行看起来像课程中的文字：把它改成 # 注释（或者：{inner}）",
    "errors_hints.equals": "也许你想写的是 '==' 而不是 '='？",
    "errors_hints.comma": "也许你漏了一个逗号？",
    "errors_hints.shell": "删掉这一行：torch 已经安装好了，而且 Autograd Lab 只运行 PyTorch 代码",
    "errors_hints.remove_line": "删掉这一行",
    "errors_hints.shorter": "运行一个短一些的程序",
    "errors_hints.split_lines": "把它拆成几行",
    "errors_hints.split_expression": "把表达式拆成几个赋值语句",
    "errors_hints.split_nested": "把很长或嵌套很深的表达式拆成几个赋值语句",
    "errors_hints.inner_blocks": "把内层的代码块移到函数里",
    "errors_hints.int_bits": "改用浮点数或更小的数（限制 max_int_bits）",
    "errors_hints.sequence": "构建短一些的字符串或列表（限制 max_sequence_len）",
    "errors_hints.searched_items": "用集合或字典来查找值，或在更短的列表中查找（限制 max_searched_items）",
    "errors_hints.total_sequence": "少构建一些列表和字符串，或让它们短一些（限制 max_total_sequence_items）",
    "errors_hints.print_part": "只打印一小部分，例如 x[:10]（限制 max_sequence_len）",
    "errors_hints.pprint_text": "请用更小的 indent 或更大的 width，或只打印一小部分（限制 max_sequence_len）",
    "errors_hints.return_def": "在 `def` 里面使用 `return`",
    "errors_hints.loop_word": "在 `for` 或 `while` 里面使用 `{word}`",
    "errors_hints.powers": "乘方用 **：写成 x**2",
    "errors_hints.grad_enabled": "把不需要梯度的代码写在 `with torch.no_grad():` 里面"
                                 "（或在 def 上加 @torch.no_grad()）",
    "errors_hints.inference_mode": "写成 `with torch.inference_mode():`，"
                                   "或在 def 上加 @torch.inference_mode()",
    "errors_hints.bool_mode": "传入 True 或 False",
    "errors_hints.storage": "Autograd Lab 不开放张量的存储（storage 是通往机器内存的门）；"
                            "`.stride()`、`.storage_offset()` 和 `.is_contiguous()` "
                            "可以显示视图如何排布同一块内存，"
                            "对视图所来自的张量用 `x.flatten()` 可以按存储顺序看到各个值",
    "errors_hints.layer_function": "`torch.nn.{name}` 是层对象（nn.Module），Autograd Lab 暂不支持；"
                                   "它的函数形式可以在这里运行：`{call}`",
    "errors_hints.float_default": "请用 torch.float64 或 torch.float32",
    "errors_hints.new_copy": "复制张量请用 x.new_tensor(data) 或 x.clone()",
    "errors_hints.plotting": "计算图和步骤页面展示了这次运行；可以打印想画的数值，"
                             "或者去掉画图的几行来运行其余部分",
    "errors_hints.debugger": "步骤页面展示了每一步的数值；可以打印想查看的数值，"
                             "或者去掉调试器的几行来运行其余部分",
    "errors_hints.no_files": "Autograd Lab 不读写文件；请把数据直接写进程序，"
                             "例如 torch.tensor([[4.0, 1.0], [5.0, 3.0]])",
    "errors_hints.no_keyboard": "这里的程序运行时没有键盘输入；请在程序里直接赋值，例如 n = 5",
    "errors_hints.hook_function": "请写你程序里的 def 或 lambda：y.register_hook(lambda grad: print(grad))",
    "errors_hints.no_vectorize": "去掉 vectorize=True",
    "errors_hints.partial_lambda": "请改写成 lambda：partial(f, a, b) 就是 lambda x: f(a, b, x)",
    "errors_hints.node_apply": "只有自定义 autograd Function 的 grad_fn 才有 .apply(...)："
                               "它运行该 Function 的 backward",
    "errors_hints.default_types": "请用 'torch.FloatTensor' 或 'torch.DoubleTensor'",
    "errors_hints.cpu": "去掉 device=，或者写 device='cpu'",
    "errors_hints.and": "用 `and` 连接这些条件",
    "errors_hints.flag": "改用一个标志变量和 `if`",
    "errors_hints.nested_for": "改用嵌套的 `for` 循环",
    "errors_hints.del_write": "写成 `del name`",
    "errors_hints.for_name": "写成 `for name in ...`",
    "errors_hints.remove_star": "删掉 `*`",
    "errors_hints.remove_annotation": "删掉类型注解",
    "errors_hints.moment": "请稍后再试",
    "errors_hints.caught_limit": "请在运算前用 if 检查条件，而不是在每一轮都捕获它的错误"
                                 "（限制 max_caught_errors）",
    "errors_hints.module_constant": "请改用你自己的变量名保存这个值",
    "errors_hints.choice_work": "使用更小的总体或样本（限制 max_call_work）",
    "errors_hints.one_generator": "只创建一个生成器并从中抽样（rng = np.random.default_rng(seed)）",
    "errors_hints.array_work": "使用更小的数组（限制 max_call_work）",
}

# Parts of torch not covered yet (lang/allowed_imports.py OUT_OF_SCOPE), said before the model hint:
# "{why}; {errors_hints.model}" as lang/allowed_imports._import_hint and attribute_errors write it.
_SCOPE = {
    "optim": ("optimizers (torch.optim) are not covered by Autograd Lab yet",
              "Autograd Lab 暂不支持优化器（torch.optim）"),
    "utils": ("datasets and data loaders (torch.utils.data) are not covered by Autograd Lab",
              "Autograd Lab 不支持数据集和数据加载器（torch.utils.data）"),
    "nn": ("nn.Module models and layers are not covered by Autograd Lab yet",
           "Autograd Lab 暂不支持 nn.Module 模型和层"),
    "torchvision": ("pretrained models (torchvision.models) are not covered by Autograd Lab yet",
                    "Autograd Lab 暂不支持预训练模型（torchvision.models）"),
}
EN.update({f"errors_hints.model_{k}": f"{en}; {EN['errors_hints.model']}" for k, (en, _) in _SCOPE.items()})
ZH.update({f"errors_hints.model_{k}": f"{zh}；{ZH['errors_hints.model']}" for k, (_, zh) in _SCOPE.items()})
