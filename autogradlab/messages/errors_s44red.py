"""Session 44 (red team): messages of the red team's fixes (lang/class_dispatch.py). The English texts give
back the engine's sentences exactly."""

EN = {
    "errors_s44red.super_of_library_class": "`super({name}, ...)` of a class that is not your program's is "
                                            "not supported in Autograd Lab",
}

ZH = {
    "errors_s44red.super_of_library_class": "Autograd Lab 不支持对不是你的程序定义的类使用 "
                                            "`super({name}, ...)`",
}
