"""Session 44 (red team): messages of the red team's fixes (lang/class_dispatch.py,
lang/numpy_dtype_names.py). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s44red.super_of_library_class": "`super({name}, ...)` of a class that is not your program's is "
                                            "not supported in Autograd Lab",
    "errors_s44red.dtype_name": "the numpy dtype '{name}' is not supported in Autograd Lab (numbers, bool "
                                "and text: 'float32', 'int64', 'bool', 'U5', ...)",
}

ZH = {
    "errors_s44red.super_of_library_class": "Autograd Lab 不支持对不是你的程序定义的类使用 "
                                            "`super({name}, ...)`",
    "errors_s44red.dtype_name": "Autograd Lab 不支持 numpy 数据类型 '{name}'（只支持数字、布尔和文本类型："
                                "'float32'、'int64'、'bool'、'U5' 等）",
}
