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
}
