"""Session 45 (red team): messages of the red team's fixes (lang/numpy_dtype_names.py, ...). The English
texts give back the engine's sentences exactly."""

EN = {
    "errors_s45red.dtype_number": "the numpy dtype '{name}' ({dtype}) is not supported in Autograd Lab "
                                  "(supported: bool, int8 to int64, uint8 to uint64, float16 to float64, "
                                  "complex64, complex128)",
    "errors_s45red.own_decorator": "`@{name}` of your program's own `{name}` (not Python's) in the body of "
                                   "`class {cls}` is not supported in Autograd Lab",
    "errors_s45red.type_mro": "Autograd Lab supports `type.mro(cls)` of a class only",
}

ZH = {
    "errors_s45red.dtype_number": "Autograd Lab 不支持 numpy 数据类型 '{name}'（{dtype}）（支持：bool、"
                                  "int8 到 int64、uint8 到 uint64、float16 到 float64、complex64、"
                                  "complex128）",
    "errors_s45red.own_decorator": "Autograd Lab 不支持在 `class {cls}` 的类体中使用你的程序自己定义的 "
                                   "`{name}`（不是 Python 的）作装饰器 `@{name}`",
    "errors_s45red.type_mro": "Autograd Lab 只支持对类使用 `type.mro(cls)`",
}
