"""Session 40 (breadth): messages of lang/numpy_array_methods.py (a.put) and numpy_strings.py (a string
array's take). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s40b.np_put": "Autograd Lab supports `a.put(ind, v)`",
    "errors_s40b.strings_take": "Autograd Lab supports `.take(indices)` of a numpy array of strings with int "
                                "indices",
}

ZH = {
    "errors_s40b.np_put": "Autograd Lab 只支持这种写法：`a.put(ind, v)`",
    "errors_s40b.strings_take": "Autograd Lab 中字符串 numpy 数组的 `.take(indices)` 只接受整数下标",
}
