"""Part of the `errors_more` area (merged into it by errors_more.py, in this order): the
interpreter's refusals of calls and keyword arguments, statements and formats it does not take."""

EN = {
    # keyword arguments and calls
    "errors_more.kwarg_generator": "the keyword argument `{name}=` is not supported in Autograd Lab "
                                   "(randomness uses the run's seed)",
    "errors_more.kwarg_pin_memory": "the keyword argument `{name}=` is not supported in Autograd Lab "
                                    "(memory placement is fixed)",
    "errors_more.kwarg_layout": "the keyword argument `{name}=` is not supported in Autograd Lab "
                                "(only dense tensors are supported)",
    "errors_more.kwarg_memory_format": "the keyword argument `{name}=` is not supported in Autograd Lab "
                                       "(memory layout is fixed)",
    "errors_more.kwarg_names": "the keyword argument `{name}=` is not supported in Autograd Lab "
                               "(named tensors are not supported)",
    "errors_more.no_such_kwarg": "`{fn}` does not accept the keyword argument `{name}=` in Autograd Lab",
    "errors_more.no_kwargs": "`{fn}` takes no keyword arguments in Autograd Lab",
    "errors_more.no_args": "`{fn}` takes no arguments in Autograd Lab",
    "errors_more.no_out": "`{fn}` does not accept `out=` in Autograd Lab",
    "errors_more.tensor_ctor_kwargs": "`torch.{name}(...)` takes no keyword arguments in Autograd Lab; use "
                                      "torch.tensor(data, dtype=...)",
    "errors_more.tensor_ctor_sizes": "`torch.{name}(sizes...)` would make a tensor of uninitialised memory; "
                                     "Autograd Lab supports `torch.{name}(data)` with a list of numbers",
    "errors_more.only_one_arg": "only `{code}` with one argument is supported in Autograd Lab",
    "errors_more.only_del_name": "only `del name` and `del x[i]` are supported in Autograd Lab",
    "errors_more.supports": "Autograd Lab supports `{code}`",
    "errors_more.supports_one_string": "Autograd Lab supports `{code}` with one string argument",
    "errors_more.supports_one_seed": "Autograd Lab supports `{code}` with one int seed",
    "errors_more.supports_numbers": "Autograd Lab supports `{code}` with plain numbers (not arrays or lists)",
    "errors_more.supports_positional": "Autograd Lab supports `{code}` with {low}-{high} positional "
                                       "arguments",
    "errors_more.supports_sequences": "Autograd Lab supports `{code}` on lists, tuples, ranges and strings",
    "errors_more.supports_axis": "Autograd Lab supports `{code}` on arrays",
    "errors_more.supports_type": "Autograd Lab supports `.type()` and `.type(dtype)`",
    "errors_more.dir_one": "Autograd Lab supports `dir(x)` with one argument (a module, function or value)",
    "errors_more.dir_kinds": "Autograd Lab supports `dir(x)` for modules, library functions and values",
    "errors_more.help_one": "Autograd Lab supports `help(f)` with one library function, e.g. "
                            "help(torch.ones)",
    "errors_more.help_topic": "help('name') looks a topic up by its name; Autograd Lab shows help for a "
                              "function itself: help(torch.ones)",
    "errors_more.help_module": "Autograd Lab shows help() for one library function at a time, e.g. "
                               "help(torch.ones) (a whole module's help is hundreds of kilobytes)",
    "errors_more.dir_of": "dir()/help() of `{name}` is not supported in Autograd Lab",
    "errors_more.op_prefix": "{op}: {text}",
    "errors_more.returned_value": "`{fn}` returned a value Autograd Lab cannot hold",
    "errors_more.type_as": "`.{name}()` accepts only a dtype or a tensor in Autograd Lab",
    "errors_more.needs_tensor_first": "{fn}() needs a tensor as its first argument",
    "errors_more.copy_one": "Autograd Lab supports `copy.{name}(x)` with one argument",
    "errors_more.copy_kinds": "Autograd Lab supports `copy.{name}` of tensors, numpy arrays, numbers, "
                              "lists, tuples, dicts, sets and objects of your classes",
    "errors_more.function_takes_none": "this function takes no arguments",
    "errors_more.format_spec_numeric": "the format spec `{spec}` is not supported in Autograd Lab (only "
                                       "simple "
                                       "numeric ones such as `:.2f`)",
    "errors_more.operand_function": "{what} cannot be used in `{op}`; a function may only be called or "
                                    "passed "
                                    "to jacobian/hessian/vjp/jvp",
    "errors_more.arithmetic_on": "arithmetic on {type} values is not supported in Autograd Lab",
    "errors_more.arithmetic_on_array": "arithmetic on {type} values is not supported in Autograd Lab; "
                                       "convert "
                                       "with torch.tensor(...) first",
    "errors_more.nested_to_read": "the program is nested too deeply to read (limit max_nesting = {limit})",
    "errors_more.replacement_index": "Replacement index {index} out of range for positional args tuple",
    "errors_more.manual_automatic": "cannot switch from manual field specification to automatic field "
                                    "numbering",
    "errors_more.automatic_manual": "cannot switch from automatic field numbering to manual field "
                                    "specification",
    "errors_more.format_recursion": "Max string recursion exceeded",
    "errors_more.tensor_no_delete": "Tensor does not support deleting items",
    "errors_more.array_no_delete": "cannot delete array elements",
    "errors_more.no_item_deletion": "'{type}' object doesn't support item deletion",
    "errors_more.sort_keyword": "'{word}' is an invalid keyword argument for sort()",
    "errors_more.hook_one": "`.register_hook()` takes one function in Autograd Lab",
    "errors_more.hook_program_function": "`.register_hook()` takes a function (a def, a lambda, or one such "
                                         "as print) in Autograd Lab",
    "errors_more.hook_vectorize": "a tensor hook cannot run under jacobian(..., vectorize=True) in "
                                  "Autograd Lab",
    "errors_more.hook_returned": "expected Variable, but hook returned '{type}'",
    "errors_more.variable_keyword": "'{word}' is an invalid keyword argument for this function",
    "errors_more.variable_twice": "argument '{word}' given by name and position",
    "errors_more.variable_data": "Variable data has to be a tensor, but got {type}",
    "errors_more.variable_requires_grad": "Variable's requires_grad must be True or False, not {type}",
    "errors_more.pow_three_ints": "pow() 3rd argument not allowed unless all arguments are integers",
    "errors_more.dict_sequence": "cannot convert dictionary update sequence element #{index} to a sequence",
    "errors_more.dict_pair_length": "dictionary update sequence element #{index} has length {length}; 2 is "
                                    "required",
    "errors_more.to_args": "`.to()` accepts a device, a dtype or a tensor in Autograd Lab",
    "errors_more.jacobian_returns": "{what} given to jacobian must return a tensor or a tuple of tensors, "
                                    "not {type}",
    "errors_more.store_function": "`{code}`: functions and modules cannot be stored in variables in Autograd "
                                  "Lab; call them directly, or define your own with `def` or `name = "
                                  "lambda …`",
    "errors_more.store_case": "`case {pattern}:` captures `{name}`: functions and modules cannot be "
                              "stored in variables in Autograd Lab; call them directly, or define your own "
                              "with `def` or `name = lambda …`",
    "errors_more.not_data": "{what} cannot be used {where}: a function may only be called, passed to a "
                            "function of your program, or to jacobian/hessian/vjp/jvp",
    "errors_more.nn_module": "`{code}`: nn.Module models are not covered by Autograd Lab yet",
    "errors_more.method_not_called": "`.{name}` is a tensor method: call it, as in `x.{name}(...)`",
    "errors_more.property_called": "'{type}' object is not callable (`.{name}` is a property: write "
                                   "`x.{name}` without parentheses)",
    "errors_more.is_none": "`{name}` is None, so it has no `{attr}`",
    "errors_more.private_name": "the attribute `{name}` is not supported in Autograd Lab (names starting "
                                "with `_` are private)",
    "errors_more.assign_attribute": "assigning to the attribute `.{name}` of {type} values is not supported "
                                    "in Autograd Lab (only a tensor's `.requires_grad`, `.grad`, `.data` and "
                                    "names of the program's own)",
    "errors_more.tensor_own_taken": "assigning to the tensor attribute `.{name}` is not supported in "
                                    "Autograd Lab (`.{name}` is torch.Tensor's own; only `.requires_grad`, "
                                    "`.grad` and `.data` can be assigned)",
    "errors_more.tensor_own_limit": "a tensor would hold more than {limit} attributes of the program's "
                                    "own; the limit is {limit}",
    "errors_more.gradcheck_function": "{name}() needs a function (a def, a lambda or F.apply) as its first "
                                      "argument",
    "errors_more.gradcheck_limit": "{name} would perturb {count} input elements one by one; the limit is "
                                   "{limit}",
    "errors_more.gradcheck_jacobian": "{name} would build Jacobians of {rows} x {columns} = {entries} "
                                      "entries (two calls of the function per input element, a backward "
                                      "pass per output element); the limit is {limit}",
    "errors_more.gradcheck_time": "{name} would call the function {calls} times and run {backwards} "
                                  "backward passes through it (a call took {each} ms, a backward pass "
                                  "{back} ms): about {seconds} s, past the time limit of {limit} s",
    "errors_more.numpy_print_option": "`np.set_printoptions({name}=...)` is not supported in Autograd Lab "
                                      "(only precision, threshold, edgeitems, linewidth, suppress, nanstr, "
                                      "infstr, sign and floatmode)",
    "errors_more.copy_tensor_own": "`{what}` of a tensor that holds attributes of the program's own "
                                   "(`x.g = ...`) is not supported in Autograd Lab",
    "errors_more.format_spec": "the format spec `{spec}` is not supported in Autograd Lab (only simple ones "
                               "such as `:.2f` or `:>8`)",
    "errors_more.format_field": "the format field `{field}` is not supported in Autograd Lab: a field names "
                                "an argument only (no `.attribute` or `[index]` inside the braces)",
    "errors_more.nested_format": "the f-string format with nested fields is not supported in Autograd Lab",
    "errors_more.with_torch_only": "`with ...{name}()` works with the torch module only",
    "errors_more.with_variable": "`{name}` is a variable of the program here, not torch.{name}",
    "errors_more.augmented_target": "this augmented assignment target is not supported in Autograd Lab",
    "errors_more.with_statement": "this `with` statement is not supported in Autograd Lab",
    # torch.Generator objects (lang/torch_generators.py)
    "errors_more.torch_generator_limit": "the program makes more than {limit} torch.Generator objects",
    "errors_more.torch_generator_args": "torch.Generator() takes one argument, the device",
    "errors_more.torch_generator_cpu": "Autograd Lab runs on the CPU only: torch.Generator() takes "
                                       "device='cpu'",
    "errors_more.torch_generator_method": "`Generator.{name}()` is not supported in Autograd Lab (a "
                                          "generator offers manual_seed(n), initial_seed(), get_state() and "
                                          "set_state(state))",
    "errors_more.torch_generator_state": "set_state() needs the uint8 tensor that get_state() returned",
    "errors_more.set_rng_state_args": "set_rng_state() takes one argument, new_state",
    "errors_more.torch_generator_type": "{fn}(): argument 'generator' must be torch.Generator, not {type}",
    "errors_more.storage_write": "writing into a storage takes an int index and a number in Autograd Lab",
    "errors_more.storage_room": (
        "`.storage()` of this tensor is not supported in Autograd Lab: its memory holds more than the "
        "elements of the tensor it belongs to (PyTorch left room it never wrote); `.storage()` of a tensor "
        "you made, or of a view of it, works"),
}

ZH = {
    "errors_more.kwarg_generator": "Autograd Lab 不支持关键字参数 `{name}=`（随机数使用本次运行的种子）",
    "errors_more.kwarg_pin_memory": "Autograd Lab 不支持关键字参数 `{name}=`（内存位置是固定的）",
    "errors_more.kwarg_layout": "Autograd Lab 不支持关键字参数 `{name}=`（只支持稠密张量）",
    "errors_more.kwarg_memory_format": "Autograd Lab 不支持关键字参数 `{name}=`（内存布局是固定的）",
    "errors_more.kwarg_names": "Autograd Lab 不支持关键字参数 `{name}=`（不支持命名张量）",
    "errors_more.no_such_kwarg": "在 Autograd Lab 中 `{fn}` 不接受关键字参数 `{name}=`",
    "errors_more.no_kwargs": "在 Autograd Lab 中 `{fn}` 不接受关键字参数",
    "errors_more.no_args": "在 Autograd Lab 中 `{fn}` 不接受参数",
    "errors_more.no_out": "在 Autograd Lab 中 `{fn}` 不接受 `out=`",
    "errors_more.tensor_ctor_kwargs": "在 Autograd Lab 中 `torch.{name}(...)` 不接受关键字参数；"
                                      "请用 `torch.tensor(data, dtype=...)`",
    "errors_more.tensor_ctor_sizes": "`torch.{name}(sizes...)` 会生成一个内存未初始化的张量；"
                                     "Autograd Lab 只支持用数字列表调用 `torch.{name}(data)`",
    "errors_more.only_one_arg": "Autograd Lab 只支持带一个参数的 `{code}`",
    "errors_more.only_del_name": "Autograd Lab 只支持 `del name`和 `del x[i]`",
    "errors_more.supports": "Autograd Lab 只支持这种写法：`{code}`",
    "errors_more.supports_one_string": "Autograd Lab 只支持带一个字符串参数的 `{code}`",
    "errors_more.supports_one_seed": "Autograd Lab 只支持带一个整数种子的 `{code}`",
    "errors_more.supports_numbers": "Autograd Lab 只支持用普通数字调用 `{code}`（不能用数组或列表）",
    "errors_more.supports_positional": "Autograd Lab 只支持带 {low}-{high} 个位置参数的 `{code}`",
    "errors_more.supports_sequences": "Autograd Lab 只支持对列表、元组、range 和字符串使用 `{code}`",
    "errors_more.supports_axis": "Autograd Lab 只支持对数组使用 `{code}`",
    "errors_more.supports_type": "Autograd Lab 只支持 `.type()` 和 `.type(dtype)`",
    "errors_more.dir_one": "Autograd Lab 只支持带一个参数（模块、函数或值）的 `dir(x)`",
    "errors_more.dir_kinds": "Autograd Lab 只支持对模块、库函数和值使用 `dir(x)`",
    "errors_more.help_one": "Autograd Lab 只支持对一个库函数使用 `help(f)`，例如 `help(torch.ones)`",
    "errors_more.help_topic": "`help('name')` 按名字查找主题；Autograd Lab 显示的是函数本身的帮助："
                              "`help(torch.ones)`",
    "errors_more.help_module": "Autograd Lab 一次只显示一个库函数的 `help()`，例如 `help(torch.ones)`"
                               "（整个模块的帮助有几百 KB）",
    "errors_more.dir_of": "Autograd Lab 不支持对 `{name}` 使用 `dir()`/`help()`",
    "errors_more.op_prefix": "{op}：{text}",
    "errors_more.returned_value": "`{fn}` 返回了一个 Autograd Lab 无法保存的值",
    "errors_more.type_as": "在 Autograd Lab 中 `.{name}()` 只接受一个 dtype 或一个张量",
    "errors_more.needs_tensor_first": "{fn}() 的第一个参数必须是张量",
    "errors_more.copy_one": "Autograd Lab 只支持带一个参数的 `copy.{name}(x)`",
    "errors_more.copy_kinds": "Autograd Lab 只支持对张量、numpy 数组、数字、列表、元组、字典、集合"
                              "和你定义的类的对象使用 `copy.{name}`",
    "errors_more.function_takes_none": "这个函数不接受参数",
    "errors_more.format_spec_numeric": "Autograd Lab 不支持格式说明 `{spec}`"
                                       "（只支持 `:.2f` 这样的简单数字格式）",
    "errors_more.operand_function": "{what} 不能用在 `{op}` 中；"
                                    "函数只能被调用，或传给 jacobian/hessian/vjp/jvp",
    "errors_more.arithmetic_on": "Autograd Lab 不支持对 {type} 值做算术运算",
    "errors_more.arithmetic_on_array": "Autograd Lab 不支持对 {type} 值做算术运算；"
                                       "请先用 `torch.tensor(...)` 转换",
    "errors_more.nested_to_read": "程序嵌套太深，无法读取（限制 max_nesting = {limit}）",
    "errors_more.replacement_index": "替换字段的序号 {index} 超出了位置参数的范围",
    "errors_more.manual_automatic": "不能从手动编号的字段切换到自动编号",
    "errors_more.automatic_manual": "不能从自动编号的字段切换到手动编号",
    "errors_more.format_recursion": "格式说明里的字段只能嵌套一层",
    "errors_more.tensor_no_delete": "张量不支持删除元素（del x[i]）",
    "errors_more.array_no_delete": "不能删除数组的元素",
    "errors_more.no_item_deletion": "'{type}' 对象不支持删除元素",
    "errors_more.sort_keyword": "'{word}' 不是 sort() 的关键字参数（只有 key 和 reverse）",
    "errors_more.hook_one": "在 Autograd Lab 中 `.register_hook()` 只接受一个函数",
    "errors_more.hook_program_function": "在 Autograd Lab 中 `.register_hook()` 只接受函数"
                                         "（def、lambda 或 print 这样的函数）",
    "errors_more.hook_vectorize": "在 Autograd Lab 中张量的 hook 不能在 jacobian(..., vectorize=True) 下运行",
    "errors_more.hook_returned": "hook 应返回 None 或张量（Variable），却返回了 '{type}'",
    "errors_more.variable_keyword": "'{word}' 不是这个函数的关键字参数",
    "errors_more.variable_twice": "参数 '{word}' 既按名字又按位置给出了",
    "errors_more.variable_data": "Variable 的数据必须是张量，而不是 {type}",
    "errors_more.variable_requires_grad": "Variable 的 requires_grad 必须是 True 或 False，而不是 {type}",
    "errors_more.pow_three_ints": "pow() 有第 3 个参数时，所有参数都必须是整数",
    "errors_more.dict_sequence": "dict() 的第 {index} 个元素不是序列，无法当作（键, 值）对",
    "errors_more.dict_pair_length": "dict() 的第 {index} 个元素有 {length} 项，需要 2 项（键, 值）",
    "errors_more.to_args": "在 Autograd Lab 中 `.to()` 接受一个设备、一个 dtype 或一个张量",
    "errors_more.jacobian_returns": "传给 jacobian 的{what}必须返回一个张量或张量的元组，而不是 {type}",
    "errors_more.store_function": "`{code}`：在 Autograd Lab 中函数和模块不能存进变量；请直接调用它们，"
                                  "或者用 `def` 或 `name = lambda …` 定义你自己的函数",
    "errors_more.store_case": "`case {pattern}:` 把函数或模块捕获到 `{name}`：在 Autograd Lab 中函数和模块"
                              "不能存进变量；请直接调用它们，"
                              "或者用 `def` 或 `name = lambda …` 定义你自己的函数",
    "errors_more.not_data": "{what} 不能用在{where}：函数只能被调用、传给你程序中的函数，"
                            "或传给 jacobian/hessian/vjp/jvp",
    "errors_more.nn_module": "`{code}`：Autograd Lab 目前还不支持 nn.Module 模型",
    "errors_more.method_not_called": "`.{name}` 是张量的方法：要调用它，例如 `x.{name}(...)`",
    "errors_more.property_called": "'{type}' 对象不可调用（`.{name}` 是属性：写成 `x.{name}`，不加括号）",
    "errors_more.is_none": "`{name}` 是 None，所以没有 `{attr}`",
    "errors_more.private_name": "Autograd Lab 不支持属性 `{name}`（以 `_` 开头的名字是私有的）",
    "errors_more.assign_attribute": "Autograd Lab 不支持给 {type} 值的属性 `.{name}` 赋值（只能给张量的 "
                                    "`.requires_grad`、`.grad`、`.data` 以及程序自己起名的属性赋值）",
    "errors_more.tensor_own_taken": "Autograd Lab 不支持给张量属性 `.{name}` 赋值（`.{name}` 是 torch.Tensor "
                                    "自带的；只能给 `.requires_grad`、`.grad` 和 `.data` 赋值）",
    "errors_more.tensor_own_limit": "一个张量上程序自己的属性会超过 {limit} 个；上限是 {limit}",
    "errors_more.gradcheck_function": "{name}() 的第一个参数需要是函数（def、lambda 或 F.apply）",
    "errors_more.gradcheck_limit": "{name} 会逐个扰动 {count} 个输入元素；上限是 {limit}",
    "errors_more.gradcheck_jacobian": "{name} 会构建 {rows} x {columns} = {entries} 个元素的雅可比矩阵"
                                      "（每个输入元素调用函数两次，每个输出元素做一次反向传播）；"
                                      "上限是 {limit}",
    "errors_more.gradcheck_time": "{name} 会调用函数 {calls} 次，并对其结果做 {backwards} 次反向传播"
                                  "（一次调用用了 {each} 毫秒，一次反向传播 {back} 毫秒）：约 {seconds} 秒，"
                                  "超过了 {limit} 秒的时间限制",
    "errors_more.numpy_print_option": "Autograd Lab 不支持 `np.set_printoptions({name}=...)`"
                                      "（只支持 precision、linewidth 和 suppress）",
    "errors_more.copy_tensor_own": "Autograd Lab 不支持对带有程序自己属性（`x.g = ...`）的张量做 `{what}`",
    "errors_more.format_spec": "Autograd Lab 不支持格式说明 `{spec}`"
                               "（只支持 `:.2f` 或 `:>8` 这样的简单格式）",
    "errors_more.format_field": "Autograd Lab 不支持格式字段 `{field}`：字段只能是参数名"
                                "（花括号里不能有 `.attribute` 或 `[index]`）",
    "errors_more.nested_format": "Autograd Lab 不支持带嵌套字段的 f-string 格式",
    "errors_more.with_torch_only": "`with ...{name}()` 只能用于 torch 模块",
    "errors_more.with_variable": "这里的 `{name}` 是程序中的变量，不是 `torch.{name}`",
    "errors_more.augmented_target": "Autograd Lab 不支持这种增强赋值（如 `+=`）的目标",
    "errors_more.with_statement": "Autograd Lab 不支持这种 `with` 语句",
    "errors_more.torch_generator_limit": "程序创建了超过 {limit} 个 torch.Generator 对象",
    "errors_more.torch_generator_args": "torch.Generator() 只接受一个参数：设备",
    "errors_more.torch_generator_cpu": "Autograd Lab 只在 CPU 上运行：torch.Generator() 只接受 device='cpu'",
    "errors_more.torch_generator_method": "Autograd Lab 不支持 `Generator.{name}()`（生成器对象只提供 "
                                          "manual_seed(n)、initial_seed()、get_state() 和 set_state(state)）",
    "errors_more.torch_generator_state": "set_state() 需要 get_state() 返回的 uint8 张量",
    "errors_more.set_rng_state_args": "set_rng_state() 只接受一个参数：new_state",
    "errors_more.torch_generator_type": "{fn}()：参数 'generator' 必须是 torch.Generator，而不是 {type}",
    "errors_more.storage_write": "在 Autograd Lab 中写入存储（storage）需要一个整数下标和一个数",
    "errors_more.storage_room": (
        "Autograd Lab 不支持这个张量的 `.storage()`：它的内存比它所属张量的元素多"
        "（PyTorch 留下了从未写入的空间）；你自己创建的张量及其视图的 `.storage()` 可以使用"),
}
