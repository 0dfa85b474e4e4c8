"""Session 36 (breadth): messages of lang/numpy_breadth_s36.py and lang/graph_hooks.py. The English texts
give back the engine's sentences exactly."""

EN = {
    "errors_s36.flag": "Autograd Lab supports `{form}` with {name} True or False",
    "errors_s36.modes": "Autograd Lab supports `{form}` with mode {modes}",
    "errors_s36.function_own_limit": "a function would hold more than {limit} attributes of the program's "
                                     "own; the limit is {limit}",
    "errors_s36.bytes_operands": "bytes values support `+` with bytes, `*` with an int and comparisons in "
                                 "Autograd Lab",
    "errors_s36.bytes_percent": "`%` formatting of bytes is not supported in Autograd Lab",
    "errors_s36.bytes_forms": "Autograd Lab supports `bytes()`, `bytes(n)`, `bytes([65, 66])` and "
                              "`bytes(text, encoding)`",
    "errors_s36.bytes_encoding": "Autograd Lab supports `bytes(text, encoding, errors)` with encoding utf-8, "
                                 "ascii or latin-1 and errors strict, ignore or replace",
    "errors_s36.node_hook_function": "`.{name}()` of a grad_fn takes a function (a def, a lambda, or one "
                                     "such as print) in Autograd Lab",
    "errors_s36.node_hook_vectorize": "a hook on a grad_fn cannot run under jacobian(..., vectorize=True) in "
                                      "Autograd Lab",
    "errors_s36.node_hook_tuple": "expected tuple, but hook returned '{type}'",
    "errors_s36.threshold_nan": "threshold must be non-NAN, try sys.maxsize for untruncated representation",
    "errors_s36.node_hook_hint": "write a def or a lambda of your program: "
                                 "y.grad_fn.register_hook(lambda gi, go: print(gi))",
}

ZH = {
    "errors_s36.flag": "Autograd Lab 支持 `{form}`，其中 {name} 为 True 或 False",
    "errors_s36.modes": "Autograd Lab 支持 `{form}`，其中 mode 为 {modes}",
    "errors_s36.function_own_limit": "一个函数将持有超过 {limit} 个程序自己的属性；上限为 {limit}",
    "errors_s36.bytes_operands": "在 Autograd Lab 中 bytes 值支持与 bytes 的 `+`、与整数的 `*` 以及比较",
    "errors_s36.bytes_percent": "Autograd Lab 不支持 bytes 的 `%` 格式化",
    "errors_s36.bytes_forms": "Autograd Lab 支持 `bytes()`、`bytes(n)`、`bytes([65, 66])` 和 "
                              "`bytes(text, encoding)`",
    "errors_s36.bytes_encoding": "Autograd Lab 支持 `bytes(text, encoding, errors)`，其中 encoding 为 utf-8、"
                                 "ascii 或 latin-1，errors 为 strict、ignore 或 replace",
    "errors_s36.node_hook_function": "在 Autograd Lab 中 grad_fn 的 `.{name}()` 只接受函数"
                                     "（def、lambda 或 print 这类函数）",
    "errors_s36.node_hook_vectorize": "在 Autograd Lab 中 grad_fn 上的 hook 不能在 "
                                      "jacobian(..., vectorize=True) 下运行",
    "errors_s36.node_hook_tuple": "hook 应返回 None 或元组（tuple），却返回了 '{type}'",
    "errors_s36.threshold_nan": "threshold 不能是 NaN；要完整打印请用 sys.maxsize 或 np.inf",
    "errors_s36.node_hook_hint": "请写你程序里的 def 或 lambda："
                                 "y.grad_fn.register_hook(lambda gi, go: print(gi))",
}
