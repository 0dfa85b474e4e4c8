"""The work and size charges added by session 26's red team (lang/create_graph_work.py, ...). Keys
ending in `_hint` are hints (autogradlab/error_keys_more.py recognises both kinds from these texts)."""

_K = "errors_work."

EN = {
    _K + "create_graph_nodes": "`{call}` would differentiate a graph of more than "
                               "{limit} operations, building the graph of each one's gradient",
    _K + "create_graph_work": "`{call}` would differentiate a graph of {nodes} "
                              "operations and keep the graph of their gradients ({elements} elements), "
                              "about {total} arithmetic steps; the limit is {limit} per call",
    _K + "create_graph_hint": "fewer operations or fewer repeated derivatives help (limit max_graph_work)",
    _K + "matrix_exp_backward": "the backward of linalg.matrix_exp in `{call}` exponentiates {block} "
                                "matrices, about {work} arithmetic steps; the limit is {limit} per call",
    _K + "matrix_exp_walk": "`{call}` would walk back a graph of more than {limit} operations",
    _K + "matrix_exp_hint": "a smaller matrix or fewer matrix exponentials in the graph help (limit "
                            "max_call_work)",
    _K + "char_strip_work": "`{call}` would look {chars} characters up in chars of {given} characters, about "
                            "{work} steps in one call; the limit is {limit} per call",
    _K + "char_strip_hint": "use shorter strings or a shorter chars (limit max_call_work)",
    _K + "lexsort_values": "`np.lexsort` of {count} keys would sort {values} values in one call; the "
                           "limit is {limit}",
    _K + "lexsort_hint": "use fewer or shorter keys",
    _K + "block_parts": "`np.block` of more than {limit} lists and blocks would take too long to join; the "
                        "limit is {limit}",
    _K + "block_hint": "join fewer, larger blocks",
    _K + "nan_lanes": "`{call}` along an axis runs NumPy's Python code once for each of its {lanes} lanes, "
                      "about {work} steps in one call; the limit is {limit} per call",
    _K + "multi_dot_chain": "`{call}` of {count} matrices would take about {steps} steps to "
                            "choose the order of its products; the limit is {limit} matrices",
    _K + "multi_dot_hint": "multiply fewer matrices in one call, e.g. in a loop with @",
    _K + "nan_lanes_hint": "use fewer lanes, or no NaN function along an axis of many lanes (limit "
                           "max_call_work)",
    _K + "grad_inputs": "`torch.autograd.grad` of {count} inputs would return {count2} gradients; the "
                        "limit is {limit} (limit max_ops)",
    _K + "grad_inputs_hint": "ask for the gradient of fewer inputs in one call (a repeated input once)",
}

ZH = {
    _K + "create_graph_nodes": "`{call}` 将对一个超过 {limit} 个运算的计算图求导，"
                               "并为每个运算的梯度建立计算图",
    _K + "create_graph_work": "`{call}` 将对含 {nodes} 个运算的计算图求导，"
                              "并保留其梯度的计算图（{elements} 个元素），总计约 {total} 步运算；"
                              "每次调用的限制是 {limit}",
    _K + "create_graph_hint": "减少运算或重复求导的次数（限制 max_graph_work）",
    _K + "matrix_exp_backward": "`{call}` 中 linalg.matrix_exp 的反向传播要对 {block} 的矩阵求指数，"
                                "约 {work} 步运算；每次调用的限制是 {limit}",
    _K + "matrix_exp_walk": "`{call}` 将反向遍历一个超过 {limit} 个运算的计算图",
    _K + "matrix_exp_hint": "用更小的矩阵，或减少计算图中的矩阵指数（限制 max_call_work）",
    _K + "char_strip_work": "`{call}` 会在 {given} 个字符的 chars 中逐个查找 {chars} 个字符，"
                            "一次调用约需 {work} 步；每次调用的限制是 {limit}",
    _K + "char_strip_hint": "用更短的字符串或更短的 chars（限制 max_call_work）",
    _K + "lexsort_values": "`np.lexsort` 的 {count} 个键会在一次调用中排序 {values} 个值；上限是 {limit}",
    _K + "lexsort_hint": "用更少或更短的键",
    _K + "block_parts": "`np.block` 超过 {limit} 个列表和块，拼接太耗时；上限是 {limit}",
    _K + "block_hint": "用更少、更大的块拼接",
    _K + "nan_lanes": "`{call}` 沿某个轴计算时，NumPy 会为 {lanes} 条数据各运行一次 Python 代码，"
                      "一次调用约需 {work} 步；每次调用的限制是 {limit}",
    _K + "nan_lanes_hint": "减少数据条数，或不要沿着有很多条数据的轴使用 NaN 函数（限制 max_call_work）",
    _K + "multi_dot_chain": "`{call}` 的 {count} 个矩阵选择相乘顺序约需 {steps} 步；"
                            "上限是 {limit} 个矩阵",
    _K + "multi_dot_hint": "一次调用中少乘几个矩阵，例如在循环中用 @",
    _K + "grad_inputs": "`torch.autograd.grad` 的 {count} 个输入会返回 {count2} 个梯度；上限是 {limit}"
                        "（限制 max_ops）",
    _K + "grad_inputs_hint": "一次调用中对更少的输入求梯度（重复的输入只写一次）",
}
