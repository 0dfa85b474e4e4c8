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
    "errors_lang.cannot_unpack": "cannot unpack non-iterable {type} object",
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
    "errors_lang.call_work": "{what} of shape {shape} would take about {work} arithmetic steps in one call; "
                             "the limit is {limit} per call",
    "errors_lang.call_work_power": "{what} of shape {shape} to the power {exponent} would take about {work} "
                                   "arithmetic steps in one call; the limit is {limit} per call",
    "errors_lang.contraction_elements": "{what} of shape {shape} would hold an intermediate result of "
                                        "{elements} elements; the limit is {limit}",
    "errors_lang.hint_contraction_elements": "contract fewer or smaller tensors at a time "
                                             "(limit max_tensor_elements)",
    "errors_lang.hint_call_work": "use smaller tensors (limit max_call_work)",
    "errors_lang.hint_conv_elements": "use a smaller input, kernel or batch (limit max_total_elements)",
    "errors_lang.hint_conv_work": "use a smaller input, kernel or batch (limit max_call_work)",
    "errors_lang.too_many_dims": "a tensor of {dims} dimensions is too many to show; the limit is {limit} "
                                 "dimensions",
    "errors_lang.hint_too_many_dims": "use fewer dimensions (reshape it)",
    "errors_lang.jacobian_loop_work": "jacobian's loop would run {rows} backward passes through costly "
                                      "calls of about {work} arithmetic steps each, about {total} in all; "
                                      "the limit is {limit} per call",
    "errors_lang.jacobian_loop_graph": "jacobian's loop would run {rows} backward passes through a graph "
                                       "of {nodes} operations, about {work} arithmetic steps each, about "
                                       "{total} in all; the limit is {limit} per call",
    "errors_lang.jacobian_rows_graph": "jacobian would push {rows} rows at once through a graph of {nodes} "
                                       "operations, about {total} arithmetic steps in all; the limit is "
                                       "{limit} per call",
    "errors_lang.hint_jacobian_loop_graph": "fewer outputs or fewer operations in the function help (limit "
                                            "max_graph_work)",
    "errors_lang.hint_jacobian_loop_work": "fewer outputs or smaller matrices help, or vectorize=True (limit "
                                           "max_call_work)",
    "errors_lang.hint_call_work_power": "use a smaller matrix or exponent (limit max_call_work)",
    "errors_lang.hint_gpu": "write `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` to run the "
                            "same code here and on a GPU machine",
    "errors_lang.hint_assignable": "only .requires_grad, .grad and .data can be assigned",
    "errors_lang.hint_no_cuda": "there is no GPU here (torch.cuda.is_available() is False): write "
                                "`device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` and "
                                "`torch.randn(10, 20, device=device)` to run the same code here and on a GPU "
                                "machine",
    "errors_lang.expected_at_most": "{fn} expected at most {n} arguments, got {given}",
    "errors_lang.expected_at_most_one": "{fn} expected at most {n} argument, got {given}",
    "errors_lang.expected_at_least": "{fn} expected at least {n} arguments, got {given}",
    "errors_lang.expected_at_least_one": "{fn} expected at least {n} argument, got {given}",
    "errors_lang.expected_exactly": "{fn} expected {n} arguments, got {given}",
    "errors_lang.expected_exactly_one": "{fn} expected {n} argument, got {given}",
    "errors_lang.takes_at_most": "{fn}() takes at most {n} arguments ({given} given)",
    "errors_lang.takes_at_most_one": "{fn}() takes at most {n} argument ({given} given)",
    "errors_lang.takes_at_least": "{fn}() takes at least {n} positional arguments ({given} given)",
    "errors_lang.takes_at_least_one": "{fn}() takes at least {n} positional argument ({given} given)",
    "errors_lang.expected_between": "{fn} expected {low} to {high} arguments, got {given}",
    "errors_lang.exactly_one": "{fn}() takes exactly one argument ({given} given)",
    "errors_lang.missing_named": "{fn}() missing required argument '{param}'",
    "errors_lang.missing_named_pos": "{fn}() missing required argument '{param}' (pos {pos})",
    "errors_lang.no_keywords": "{fn}() takes no keyword arguments",
    "errors_lang.unhashable": "unhashable type: '{type}'",
    "errors_lang.unknown_conversion": "Unknown conversion specifier {conversion}",
    "errors_lang.unbound_needs_argument": "unbound method {method}() needs an argument",
    "errors_lang.invalid_action": "invalid action: {action}",
    "errors_lang.popitem_empty": "'popitem(): dictionary is empty'",
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
    "errors_lang.cannot_unpack": "无法解包不可迭代的 {type} 对象",
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
    "errors_lang.call_work": "形状为 {shape} 的 {what} 一次调用约需 {work} 步运算；每次调用的限制是 {limit}",
    "errors_lang.call_work_power": "形状为 {shape} 的 {what} 求 {exponent} 次幂一次调用约需 {work} 步运算；"
                                   "每次调用的限制是 {limit}",
    "errors_lang.contraction_elements": "形状为 {shape} 的 {what} 的中间结果将有 {elements} 个元素；"
                                        "上限为 {limit}",
    "errors_lang.hint_contraction_elements": "每次缩并更少或更小的张量（限制 max_tensor_elements）",
    "errors_lang.hint_call_work": "使用更小的张量（限制 max_call_work）",
    "errors_lang.hint_conv_elements": "使用更小的输入、卷积核或批量（限制 max_total_elements）",
    "errors_lang.hint_conv_work": "使用更小的输入、卷积核或批量（限制 max_call_work）",
    "errors_lang.too_many_dims": "{dims} 维的张量维数太多，无法显示；上限为 {limit} 维",
    "errors_lang.hint_too_many_dims": "使用更少的维度（reshape 一下）",
    "errors_lang.jacobian_loop_work": "jacobian 的循环将运行 {rows} 次反向传播，每次经过约需 {work} 步运算的"
                                      "高代价调用，总计约 {total} 步；每次调用的限制是 {limit}",
    "errors_lang.jacobian_loop_graph": "jacobian 的循环将运行 {rows} 次反向传播，"
                                       "每次经过含 {nodes} 个运算的计算图，约需 {work} 步运算，"
                                       "总计约 {total} 步；每次调用的上限为 {limit}",
    "errors_lang.jacobian_rows_graph": "jacobian 将一次让 {rows} 行经过含 {nodes} 个运算的计算图，"
                                       "总计约 {total} 步运算；每次调用的上限为 {limit}",
    "errors_lang.hint_jacobian_loop_graph": "减少输出个数或函数中的运算（限制 max_graph_work）",
    "errors_lang.hint_jacobian_loop_work": "减少输出个数或使用更小的矩阵，或者传入 vectorize=True"
                                           "（限制 max_call_work）",
    "errors_lang.hint_call_work_power": "使用更小的矩阵或更小的指数（限制 max_call_work）",
    "errors_lang.hint_gpu": "写成 `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"`，"
                            "同一段代码就能在这里和有 GPU 的机器上运行",
    "errors_lang.hint_assignable": "只能给 .requires_grad、.grad 和 .data 赋值",
    "errors_lang.hint_no_cuda": "这里没有 GPU（torch.cuda.is_available() 为 False）：写成 "
                                "`device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` 和 "
                                "`torch.randn(10, 20, device=device)`，"
                                "同一段代码就能在这里和有 GPU 的机器上运行",
    "errors_lang.expected_at_most": "{fn} 最多接受 {n} 个参数，但传入了 {given} 个",
    "errors_lang.expected_at_most_one": "{fn} 最多接受 {n} 个参数，但传入了 {given} 个",
    "errors_lang.expected_at_least": "{fn} 至少需要 {n} 个参数，但传入了 {given} 个",
    "errors_lang.expected_at_least_one": "{fn} 至少需要 {n} 个参数，但传入了 {given} 个",
    "errors_lang.expected_exactly": "{fn} 需要 {n} 个参数，但传入了 {given} 个",
    "errors_lang.expected_exactly_one": "{fn} 需要 {n} 个参数，但传入了 {given} 个",
    "errors_lang.takes_at_most": "{fn}() 最多接受 {n} 个参数（传入了 {given} 个）",
    "errors_lang.takes_at_most_one": "{fn}() 最多接受 {n} 个参数（传入了 {given} 个）",
    "errors_lang.takes_at_least": "{fn}() 至少需要 {n} 个位置参数（传入了 {given} 个）",
    "errors_lang.takes_at_least_one": "{fn}() 至少需要 {n} 个位置参数（传入了 {given} 个）",
    "errors_lang.expected_between": "{fn} 需要 {low} 到 {high} 个参数，但传入了 {given} 个",
    "errors_lang.exactly_one": "{fn}() 只接受一个参数（传入了 {given} 个）",
    "errors_lang.missing_named": "{fn}() 缺少必需的参数 '{param}'",
    "errors_lang.missing_named_pos": "{fn}() 缺少必需的参数 '{param}'（第 {pos} 个）",
    "errors_lang.no_keywords": "{fn}() 不接受关键字参数",
    "errors_lang.unhashable": "类型 '{type}' 不可哈希：不能作为字典的键或集合的元素",
    "errors_lang.unknown_conversion": "未知的转换符 {conversion}（只能用 !r、!s 或 !a）",
    "errors_lang.unbound_needs_argument": "未绑定的方法 {method}() 需要一个参数",
    "errors_lang.invalid_action": "无效的警告动作：{action}",
    "errors_lang.popitem_empty": "字典是空的，无法 popitem（KeyError）",
}
