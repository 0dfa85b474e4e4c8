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
}
