"""The interpreter's most common own errors (keys recognised by autogradlab/error_keys_lang.py). The
English texts give back the engine's sentences exactly."""

EN = {
    "errors_lang.no_gpu": "there is no GPU here: Autograd Lab runs every program on the CPU, so device "
                          "'{device}' is not available (torch.cuda.is_available() is False)",
    "errors_lang.cpu_only": "only the CPU device is available in Autograd Lab, not '{device}'",
    "errors_lang.unpack": "cannot unpack {given} values into {names} names",
    "errors_lang.set_tensor": "tensors cannot be set items in Autograd Lab (a tensor hashes by its identity, "
                              "not its values)",
    "errors_lang.set_item": "set items are numbers, strings, None or short tuples of those in Autograd Lab "
                            "(not '{type}')",
    "errors_lang.multiple_starred": "multiple starred expressions in assignment",
    "errors_lang.starred_alone": "starred assignment target must be in a list or tuple",
    "errors_lang.set_pop_empty": "'pop from an empty set'",
    "errors_lang.hint_set_tensor": "use a list, or a set of the numbers (t.item())",
    "errors_lang.not_iterable": "'{type}' object is not iterable",
    "errors_lang.not_subscriptable": "'{type}' object is not subscriptable",
    "errors_lang.no_item_assignment": "'{type}' object does not support item assignment",
    "errors_lang.not_callable": "'{type}' object is not callable",
    "errors_lang.positional": "{fn}() takes {n} positional arguments but {given} were given",
    "errors_lang.positional_one": "{fn}() takes {n} positional argument but {given} were given",
    "errors_lang.positional_given_one": "{fn}() takes {n} positional arguments but {given} was given",
    "errors_lang.multiple_values": "{fn}() got multiple values for argument '{param}'",
    "errors_lang.missing_argument": "{fn}() missing required argument: '{param}'",
    "errors_lang.unexpected_keyword": "{fn}() got an unexpected keyword argument '{param}'",
    "errors_lang.call_depth": "functions called each other more than {limit} levels deep; "
                              "the limit is {limit}",
    "errors_lang.iterate_0d": "iteration over a 0-d tensor",
    "errors_lang.xor": "`^` is exclusive-or in Python, not a power",
    "errors_lang.return_outside": "`return` outside a function",
    "errors_lang.outside_loop": "`{word}` outside a loop",
    "errors_lang.too_long": "the program is too long: {length} characters (limit max_source_chars = {limit})",
    "errors_lang.too_many_lines": "the program has too many lines: {lines} (limit max_lines = {limit})",
    "errors_lang.line_too_long": "line {line} is too long: {length} characters "
                                 "(limit max_line_chars = {limit})",
    "errors_lang.free_value": "the value of {name} must be a number or a nested list of numbers",
    "errors_lang.free_value_size": "the value of {name} has {count} numbers; the limit is {limit}",
    "errors_lang.jacobian_inputs": "the inputs given to jacobian must be either a Tensor or a tuple of "
                                   "Tensors, not {type}",
    "errors_lang.empty_extent": "an empty tensor of shape [{shape}] is too large to show: its non-zero "
                                "dimensions multiply to {extent}; the limit is {limit}",
    "errors_lang.empty_rows": "an empty tensor of shape [{shape}] is too large to show: it holds {rows} "
                              "empty rows (the sizes before its first 0); the limit is {limit}",
    "errors_lang.slow_text": "{what} would take too long to print: each tensor in it counts as {overhead} "
                             "values besides its numbers, more than {limit} values in all (at most {count} "
                             "one-number tensors)",
    "errors_lang.hint_gpu": "write `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` to run the "
                            "same code here and on a GPU machine",
    "errors_lang.hint_assignable": "only .requires_grad, .grad and .data can be assigned",
}

ZH = {
    "errors_lang.no_gpu": "这里没有 GPU：Autograd Lab 在 CPU 上运行所有程序，因此设备 '{device}' 不可用"
                          "（torch.cuda.is_available() 为 False）",
    "errors_lang.cpu_only": "Autograd Lab 只提供 CPU 设备，不能用 '{device}'",
    "errors_lang.unpack": "无法把 {given} 个值解包给 {names} 个名字",
    "errors_lang.set_tensor": "在 Autograd Lab 中张量不能作为集合元素（张量按身份而不是按值求哈希）",
    "errors_lang.set_item": "在 Autograd Lab 中集合元素只能是数字、字符串、None 或由它们组成的短元组"
                            "（不能是 '{type}'）",
    "errors_lang.multiple_starred": "赋值中有多个带星号的目标",
    "errors_lang.starred_alone": "带星号的赋值目标必须放在列表或元组中",
    "errors_lang.set_pop_empty": "集合是空的，无法 pop（KeyError）",
    "errors_lang.hint_set_tensor": "改用列表，或者用数字组成的集合（t.item()）",
    "errors_lang.not_iterable": "'{type}' 对象不可迭代",
    "errors_lang.not_subscriptable": "'{type}' 对象不支持下标访问",
    "errors_lang.no_item_assignment": "'{type}' 对象不支持按下标赋值",
    "errors_lang.not_callable": "'{type}' 对象不可调用",
    "errors_lang.positional": "{fn}() 接受 {n} 个位置参数，但传入了 {given} 个",
    "errors_lang.positional_one": "{fn}() 接受 {n} 个位置参数，但传入了 {given} 个",
    "errors_lang.positional_given_one": "{fn}() 接受 {n} 个位置参数，但传入了 {given} 个",
    "errors_lang.multiple_values": "{fn}() 的参数 '{param}' 被赋了多个值",
    "errors_lang.missing_argument": "{fn}() 缺少必需的参数：'{param}'",
    "errors_lang.unexpected_keyword": "{fn}() 收到了意外的关键字参数 '{param}'",
    "errors_lang.call_depth": "函数相互调用超过了 {limit} 层；上限为 {limit}",
    "errors_lang.iterate_0d": "不能遍历 0 维张量",
    "errors_lang.xor": "在 Python 中 `^` 是按位异或，不是乘方",
    "errors_lang.return_outside": "`return` 出现在函数之外",
    "errors_lang.outside_loop": "`{word}` 出现在循环之外",
    "errors_lang.too_long": "程序太长：{length} 个字符（上限 max_source_chars = {limit}）",
    "errors_lang.too_many_lines": "程序行数太多：{lines} 行（上限 max_lines = {limit}）",
    "errors_lang.line_too_long": "第 {line} 行太长：{length} 个字符（上限 max_line_chars = {limit}）",
    "errors_lang.free_value": "{name} 的值必须是一个数或由数组成的嵌套列表",
    "errors_lang.free_value_size": "{name} 的值有 {count} 个数；上限为 {limit}",
    "errors_lang.jacobian_inputs": "传给 jacobian 的输入必须是一个张量或张量的元组，而不是 {type}",
    "errors_lang.empty_extent": "形状为 [{shape}] 的空张量太大，无法显示：它的非零维度相乘为 {extent}；"
                                "上限为 {limit}",
    "errors_lang.empty_rows": "形状为 [{shape}] 的空张量太大，无法显示：它包含 {rows} 个空行"
                              "（第一个 0 之前的各维）；上限为 {limit}",
    "errors_lang.slow_text": "{what} 打印起来太慢：其中每个张量除了自身的数值外还按 {overhead} 个值计算，"
                             "总计超过 {limit} 个值（最多 {count} 个单元素张量）",
    "errors_lang.hint_gpu": "写成 `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"`，"
                            "同一段代码就能在这里和有 GPU 的机器上运行",
    "errors_lang.hint_assignable": "只能给 .requires_grad、.grad 和 .data 赋值",
}
