"""The interpreter's refusals and errors beyond the common ones (keys recognised by
autogradlab/error_keys_more.py): calls and keyword arguments (errors_more_calls.py), devices and
types, grad-mode managers, dictionaries, syntax, and their hints. The English texts give back the
engine's sentences exactly; code stays code."""

from autogradlab.messages import errors_more_calls

EN = {
    **errors_more_calls.EN,
    # types and devices
    "errors_more.device_type": "a device must be a string such as 'cpu' or a torch.device, not {type}",
    "errors_more.invalid_type": "invalid type: '{name}'",
    "errors_more.exactly_one_arg": "{fn}() takes exactly one argument ({count} given)",
    "errors_more.node_no_apply": "'{name}' object has no attribute 'apply'",
    "errors_more.plotting": "`{name}`: plotting is not available in Autograd Lab; the lines before this "
                            "one ran",
    "errors_more.debugger": "`{name}`: the debugger is not available in Autograd Lab; the lines before this "
                            "one ran",
    "errors_more.node_apply_torch": "`.apply()` of {name} is not supported in Autograd Lab: only the "
                                    "grad_fn of the program's own autograd Function can be called",
    "errors_more.grad_mode_bool": "set_grad_enabled(): argument 'enabled' (position 1) must be bool, "
                                  "not {type}",
    "errors_more.default_floats": "only floating-point types are supported as the default type",
    "errors_more.default_floats_object": "invalid {what} object: only floating-point types are supported as "
                                         "the default type",
    # grad-mode managers and the default dtype as PyTorch/Python word them (lang/grad_managers.py)
    "errors_more.init_unexpected_keyword": "{fn}.__init__() got an unexpected keyword argument '{param}'",
    "errors_more.init_positional": "{fn}.__init__() takes 2 positional arguments but {given} were given",
    "errors_more.init_missing": "{fn}.__init__() missing 1 required positional argument: '{param}'",
    "errors_more.init_multiple": "{fn}.__init__() got multiple values for argument '{param}'",
    "errors_more.new_positional_range": "{fn}.__new__() takes from 1 to 2 positional arguments but {given} "
                                        "were given",
    "errors_more.missing_positional": "{fn}() missing 1 required positional argument: '{param}'",
    "errors_more.positional_only_keyword": "{fn}() got some positional-only arguments passed as keyword "
                                           "arguments: '{param}'",
    "errors_more.no_arguments_given": "{fn}() takes no arguments ({count} given)",
    "errors_more.no_context_manager": "'{type}' object does not support the context manager protocol",
    "errors_more.flag_bool": "{fn} expects a bool, but got {type}",
    "errors_more.new_kwargs": "`x.new(...)` takes no keyword arguments in Autograd Lab; use "
                              "torch.zeros(..., dtype=x.dtype) or x.new_tensor(data)",
    "errors_more.new_forms": "Autograd Lab supports `x.new(sizes...)` and `x.new(data)` with a list of "
                             "numbers",
    "errors_more.type_needs_dtype": "`.type()` needs a dtype such as torch.float32",
    "errors_more.size_iterable": "torch.Size() takes an iterable of 'int'",
    "errors_more.size_one": "torch.Size() takes at most one argument, a list of ints",
    "errors_more.int_seed": "{fn}() needs an int seed",
    "errors_more.int_seed_here": "{fn}() needs an int seed here",
    "errors_more.seed_range": "{fn}(): Seed must be between 0 and 2**32 - 1",
    "errors_more.no_arguments": "{fn}() takes no arguments",
    "errors_more.set_default_device": "set_default_device() takes one argument, the device",
    "errors_more.seed_one": "{fn}() takes one argument, the seed",
    "errors_more.warnings_filter": "Autograd Lab supports `warnings.{fn}(\"ignore\")` with an action and the "
                                   "keywords {keywords}",
    "errors_more.warnings_error": "`warnings.{fn}(\"error\")` is not supported in Autograd Lab: it shows no "
                                  "warnings, so it cannot turn them into errors",
    "errors_more.seed_integer": "{fn}() needs an integer seed, not {type}",
    # PyTorch's own words (a custom Function without jvp met by forward mode: the Steps page's tangents)
    "errors_more.custom_no_jvp": "You must implement the jvp function for custom autograd.Function to use it "
                                 "with forward mode AD.",
    "errors_more.function_first": "{fn}() needs a function (a def or a lambda) as its first argument",
    "errors_more.must_be_tensor": "{fn}(): argument '{name}' (position 1) must be Tensor, not {type}",
    "errors_more.out_tensor": "{fn}(): argument 'out' must be Tensor, not {type}",
    "errors_more.out_shape": "{fn}(): the out= tensor has shape {a} but the result has shape {b}; Autograd "
                             "Lab does not resize out= tensors (PyTorch would resize it and warn that this "
                             "is deprecated)",
    "errors_more.index_with": "a tensor cannot be indexed with {type} values",
    "errors_more.index_type": "only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                              "Variables are valid indices (got {type})",
    "errors_more.join_strings": "str.join() needs strings, got {type}",
    "errors_more.isinstance_type": "isinstance() arg 2 must be a type, a tuple of types, or a union",
    "errors_more.isinstance_count": "isinstance expected 2 arguments, got {n}",
    "errors_more.default_many": "Cannot specify a default for {fn}() with multiple positional arguments",
    "errors_more.print_strings": "print(): sep and end must be strings",
    "errors_more.int_string": "int() missing string argument",
    "errors_more.except_class": "catching classes that do not inherit from BaseException is not allowed",
    "errors_more.key_tuple_deep": "a tuple nested more than {depth} deep cannot be a dictionary key "
                                  "or be hashed in Autograd Lab (tuple keys nest at most {depth} deep "
                                  "and hold at most {items} values in all)",
    "errors_more.key_tuple_long": "a tuple holding more than {items} values in all cannot be a dictionary "
                                  "key or be hashed in Autograd Lab (tuple keys nest at most {depth} deep "
                                  "and hold at most {items} values in all)",
    "errors_more.dict_key": "unhashable or unsupported dictionary key of type '{type}' (keys are numbers, "
                            "strings, None, tensors, objects of your classes or short tuples of those in "
                            "Autograd Lab)",
    "errors_more.dict_big_int": "integers this large cannot be dictionary keys in Autograd Lab",
    "errors_more.program_text": "a program must be text, not {type}",
    "errors_more.parser_internal": "the program could not be read (an internal error in the parser)",
    # syntax
    "errors_more.unindent": "this line's indentation does not match any block above it",
    "errors_more.triple_quote": "a triple-quoted string is not closed",
    "errors_more.print_parentheses": "print needs parentheses in Python 3",
    "errors_more.notebook_prompt": "a notebook prompt was pasted with the code",
    "errors_more.pasted_error": "an error message was pasted with the code",
    "errors_more.expected_block": "expected an indented block after '{stmt}' statement on line {line}",
    "errors_more.expected_block_def": "expected an indented block after function definition on line {line}",
    "errors_more.invisible": "invisible character {char} is not allowed anywhere in the program",
    "errors_more.control": "control character {char} is not allowed anywhere in the program",
    "errors_more.character": "character {char} is not allowed in code",
    "errors_more.unmatched": "unmatched '{bracket}'",
    "errors_more.mismatched": "closing parenthesis '{close}' does not match opening parenthesis '{open}'",
    "errors_more.tabs": "inconsistent use of tabs and spaces in indentation",
    "errors_more.assign_call": "cannot assign to function call here",
    "errors_more.assign_literal": "cannot assign to literal here",
    "errors_more.delete_literal": "cannot delete literal",
    "errors_more.blocks_nested": "blocks nested more than {n} levels deep (limit max_nesting = {limit})",
    "errors_more.brackets_nested": "brackets nested more than {n} levels deep (limit max_nesting = {limit})",
    "errors_more.tree_nested": "the program is nested more than {n} levels deep (limit max_nesting = "
                               "{limit}, times 5 for the parse tree)",
    # torch.set_printoptions and pprint's options (lang/print_options.py, lang/pprint_module.py)
    "errors_more.option_int": "{fn}(): {param} must be an int, not {type}",
    "errors_more.option_bool": "{fn}(): {param} must be a bool, not {type}",
    "errors_more.option_number": "{fn}(): {param} must be a number, not {type}",
    "errors_more.option_str": "{fn}(): {param} must be a str, not {type}",
    "errors_more.option_range": "{fn}(): {param} must be from {low} to {high} in Autograd Lab, not {value}",
    "errors_more.pprint_data": "`{fn}` prints numbers, strings, tensors and lists, tuples and dicts of "
                               "them in Autograd Lab",
    "errors_more.pprint_stream": "`{fn}(stream=...)` is not supported in Autograd Lab: it prints to the "
                                 "program's output only",
    "errors_more.pprint_method": "`PrettyPrinter.{name}` is not supported in Autograd Lab: use .pprint(x) or "
                                 ".pformat(x)",
    # collections.Counter and defaultdict (lang/collections_module.py)
    "errors_more.collections_refused": "`collections.{name}` is not supported in Autograd Lab: Counter, "
                                       "defaultdict, namedtuple, deque and OrderedDict are",
    "errors_more.deque_empty": "pop from an empty deque",
    "errors_more.deque_maxlen_int": "an integer is required",
    "errors_more.deque_maxlen": "maxlen must be non-negative",
    "errors_more.deque_full": "deque already at its maximum size",
    "errors_more.deque_slice": "sequence index must be integer, not 'slice'",
    "errors_more.namedtuple_str": "Type names and field names must be strings",
    "errors_more.namedtuple_identifier": "Type names and field names must be valid identifiers: {name}",
    "errors_more.namedtuple_keyword": "Type names and field names cannot be a keyword: {name}",
    "errors_more.namedtuple_long": "namedtuple names are at most {n} characters long in Autograd Lab",
    "errors_more.namedtuple_underscore": "Field names cannot start with an underscore: {name}",
    "errors_more.namedtuple_duplicate": "Encountered duplicate field name: {name}",
    "errors_more.defaultdict_factory": "the default factory of a defaultdict must be a builtin type (int, "
                                       "float, str, list, tuple, dict, set) or a function of the program in "
                                       "Autograd Lab",
    "errors_more.counter_numbers": "Counter counts must be numbers in Autograd Lab",
    "errors_more.most_common_numbers": "Counter.most_common() in Autograd Lab compares counts that are "
                                       "numbers only",
}

ZH = {
    **errors_more_calls.ZH,
    "errors_more.device_type": "设备必须是 'cpu' 这样的字符串或 torch.device，而不是 {type}",
    "errors_more.invalid_type": "无效的类型：'{name}'",
    "errors_more.exactly_one_arg": "{fn}() 只接受一个参数（给了 {count} 个）",
    "errors_more.node_no_apply": "'{name}' 对象没有属性 'apply'",
    "errors_more.plotting": "`{name}`：Autograd Lab 不能画图；这一行之前的代码都已运行",
    "errors_more.debugger": "`{name}`：Autograd Lab 里没有调试器；这一行之前的代码都已运行",
    "errors_more.node_apply_torch": "Autograd Lab 不支持 {name} 的 `.apply()`：只能调用程序自己的 autograd "
                                    "Function 的 grad_fn",
    "errors_more.grad_mode_bool": "set_grad_enabled()：参数 'enabled'（第 1 个）必须是 bool，而不是 {type}",
    "errors_more.default_floats": "默认类型只能是浮点类型",
    "errors_more.default_floats_object": "无效的 {what} 对象：默认类型只能是浮点类型",
    "errors_more.init_unexpected_keyword": "{fn}.__init__() 收到了意外的关键字参数 '{param}'",
    "errors_more.init_positional": "{fn}.__init__() 接受 2 个位置参数，但传入了 {given} 个",
    "errors_more.init_missing": "{fn}.__init__() 缺少 1 个必需的位置参数：'{param}'",
    "errors_more.init_multiple": "{fn}.__init__() 的参数 '{param}' 收到了多个值",
    "errors_more.new_positional_range": "{fn}.__new__() 接受 1 到 2 个位置参数，但传入了 {given} 个",
    "errors_more.missing_positional": "{fn}() 缺少 1 个必需的位置参数：'{param}'",
    "errors_more.positional_only_keyword": "{fn}() 的仅限位置参数被当作关键字参数传入：'{param}'",
    "errors_more.no_arguments_given": "{fn}() 不接受参数（给了 {count} 个）",
    "errors_more.no_context_manager": "'{type}' 对象不支持上下文管理器协议（with）",
    "errors_more.flag_bool": "{fn} 需要 bool 值，但得到的是 {type}",
    "errors_more.new_kwargs": "在 Autograd Lab 中 `x.new(...)` 不接受关键字参数；"
                              "请用 torch.zeros(..., dtype=x.dtype) 或 x.new_tensor(data)",
    "errors_more.new_forms": "Autograd Lab 只支持 `x.new(sizes...)` 和用数字列表调用的 `x.new(data)`",
    "errors_more.type_needs_dtype": "`.type()` 需要一个 dtype，例如 torch.float32",
    "errors_more.size_iterable": "torch.Size() 需要一个由 'int' 组成的可迭代对象",
    "errors_more.size_one": "torch.Size() 最多接受一个参数：一个整数列表",
    "errors_more.int_seed": "{fn}() 需要一个整数种子",
    "errors_more.int_seed_here": "这里 {fn}() 需要一个整数种子",
    "errors_more.seed_range": "{fn}()：种子必须在 0 到 2**32 - 1 之间",
    "errors_more.no_arguments": "{fn}() 不接受参数",
    "errors_more.set_default_device": "set_default_device() 只接受一个参数：设备",
    "errors_more.seed_one": "{fn}() 只接受一个参数：种子",
    "errors_more.warnings_filter": "Autograd Lab 支持 `warnings.{fn}(\"ignore\")`："
                                   "一个动作参数，以及关键字 {keywords}",
    "errors_more.warnings_error": "Autograd Lab 不支持 `warnings.{fn}(\"error\")`："
                                  "这里不显示警告，所以无法把警告变成错误",
    "errors_more.seed_integer": "{fn}() 需要一个整数种子，而不是 {type}",
    "errors_more.custom_no_jvp": "自定义的 autograd.Function 要用于前向模式自动微分，必须实现 jvp 函数",
    "errors_more.function_first": "{fn}() 的第一个参数必须是一个函数（def 或 lambda）",
    "errors_more.must_be_tensor": "{fn}()：参数 '{name}'（第 1 个位置）必须是张量，而不是 {type}",
    "errors_more.out_tensor": "{fn}()：参数 'out' 必须是张量，而不是 {type}",
    "errors_more.out_shape": "{fn}()：out= 张量的形状是 {a}，但结果的形状是 {b}；Autograd Lab 不会调整 out= "
                             "张量的大小（PyTorch 会调整并警告这种用法已被弃用）",
    "errors_more.index_with": "张量不能用 {type} 类型的值作索引",
    "errors_more.index_type": "下标只能是整数、切片（`:`）、省略号（`...`）、None 或整数张量"
                              "（这里是 {type}）",
    "errors_more.join_strings": "str.join() 需要字符串，却得到了 {type}",
    "errors_more.isinstance_type": "isinstance() 的第 2 个参数必须是类型、类型的元组或联合类型",
    "errors_more.isinstance_count": "isinstance 需要 2 个参数，却得到了 {n} 个",
    "errors_more.default_many": "{fn}() 有多个位置参数时不能指定 default",
    "errors_more.print_strings": "print()：sep 和 end 必须是字符串",
    "errors_more.int_string": "int() 缺少字符串参数",
    "errors_more.except_class": "不能捕获不继承自 BaseException 的类",
    "errors_more.key_tuple_deep": "嵌套超过 {depth} 层的元组在 Autograd Lab 中不能作为字典的键，"
                                  "也不能用 hash() 计算哈希（作为键的元组最多嵌套 {depth} 层、"
                                  "总共最多包含 {items} 个值）",
    "errors_more.key_tuple_long": "总共包含超过 {items} 个值的元组在 Autograd Lab 中不能作为字典的键，"
                                  "也不能用 hash() 计算哈希（作为键的元组最多嵌套 {depth} 层、"
                                  "总共最多包含 {items} 个值）",
    "errors_more.dict_key": "不可哈希或不支持的字典键类型 '{type}'"
                            "（在 Autograd Lab 中，键可以是数字、字符串、"
                            "None、张量、你的类的对象，或由它们组成的短元组）",
    "errors_more.dict_big_int": "在 Autograd Lab 中这么大的整数不能作字典的键",
    "errors_more.program_text": "程序必须是文本，而不是 {type}",
    "errors_more.parser_internal": "无法读取程序（解析器内部错误）",
    "errors_more.unindent": "这一行的缩进与上面任何一个代码块都对不上",
    "errors_more.triple_quote": "三引号字符串没有结束",
    "errors_more.print_parentheses": "在 Python 3 中 print 需要括号",
    "errors_more.notebook_prompt": "代码中粘贴进了 notebook 的提示符",
    "errors_more.pasted_error": "代码中粘贴进了一段错误信息",
    "errors_more.expected_block": "第 {line} 行的 '{stmt}' 语句后面需要一个缩进的代码块",
    "errors_more.expected_block_def": "第 {line} 行的函数定义后面需要一个缩进的代码块",
    "errors_more.invisible": "程序中任何地方都不允许出现不可见字符 {char}",
    "errors_more.control": "程序中任何地方都不允许出现控制字符 {char}",
    "errors_more.character": "代码中不允许出现字符 {char}",
    "errors_more.unmatched": "多出了一个 '{bracket}'，没有与之配对的开括号",
    "errors_more.mismatched": "闭括号 '{close}' 与开括号 '{open}' 不匹配",
    "errors_more.tabs": "缩进中混用了制表符和空格",
    "errors_more.assign_call": "这里不能给函数调用赋值",
    "errors_more.assign_literal": "这里不能给字面量赋值",
    "errors_more.delete_literal": "不能删除字面量",
    "errors_more.blocks_nested": "代码块嵌套超过 {n} 层（限制 max_nesting = {limit}）",
    "errors_more.brackets_nested": "括号嵌套超过 {n} 层（限制 max_nesting = {limit}）",
    "errors_more.tree_nested": "程序嵌套超过 {n} 层（限制 max_nesting = {limit}，语法树为其 5 倍）",
    "errors_more.option_int": "{fn}()：{param} 必须是 int，而不是 {type}",
    "errors_more.option_bool": "{fn}()：{param} 必须是 bool，而不是 {type}",
    "errors_more.option_number": "{fn}()：{param} 必须是数字，而不是 {type}",
    "errors_more.option_str": "{fn}()：{param} 必须是 str，而不是 {type}",
    "errors_more.option_range": "{fn}()：在 Autograd Lab 中 {param} 必须在 {low} 到 {high} 之间，"
                                "而不是 {value}",
    "errors_more.pprint_data": "在 Autograd Lab 中 `{fn}` 只打印数字、字符串、张量，"
                               "以及由它们组成的列表、元组和字典",
    "errors_more.pprint_stream": "Autograd Lab 不支持 `{fn}(stream=...)`：它只打印到程序的输出",
    "errors_more.pprint_method": "Autograd Lab 不支持 `PrettyPrinter.{name}`：请用 .pprint(x) 或 .pformat(x)",
    "errors_more.collections_refused": "Autograd Lab 不支持 `collections.{name}`："
                                       "支持的是 Counter、defaultdict、namedtuple、deque 和 OrderedDict",
    "errors_more.deque_empty": "不能从空的 deque 中弹出元素",
    "errors_more.deque_maxlen_int": "需要一个整数",
    "errors_more.deque_maxlen": "maxlen 不能是负数",
    "errors_more.deque_full": "deque 已达到最大长度",
    "errors_more.deque_slice": "序列的索引必须是整数，而不是 'slice'",
    "errors_more.namedtuple_str": "类型名和字段名必须是字符串",
    "errors_more.namedtuple_identifier": "类型名和字段名必须是有效的标识符：{name}",
    "errors_more.namedtuple_keyword": "类型名和字段名不能是关键字：{name}",
    "errors_more.namedtuple_long": "在 Autograd Lab 中 namedtuple 的名字最多 {n} 个字符",
    "errors_more.namedtuple_underscore": "字段名不能以下划线开头：{name}",
    "errors_more.namedtuple_duplicate": "字段名重复：{name}",
    "errors_more.defaultdict_factory": "在 Autograd Lab 中 defaultdict 的默认工厂必须是内置类型"
                                       "（int、float、str、list、tuple、dict、set）或程序自己的函数",
    "errors_more.counter_numbers": "在 Autograd Lab 中 Counter 的计数必须是数字",
    "errors_more.most_common_numbers": "在 Autograd Lab 中 Counter.most_common() 只比较数字计数",
}
