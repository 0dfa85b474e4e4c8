"""Session 43 (red team): messages of the red teams' fixes (lang/numpy_flags.py,
lang/function_names.py). The English texts give
back the engine's sentences exactly."""

EN = {
    "errors_s43red.flag_item": "setting the flag `{flag}` of a numpy array this way is not supported in "
                               "Autograd Lab (only WRITEABLE: False, or True again for an array the program "
                               "made read-only)",
    "errors_s43red.doc_of_wrapped_library": "`__doc__` of a function that wraps a library function is not "
                                            "supported in Autograd Lab",
}

ZH = {
    "errors_s43red.flag_item": "Autograd Lab 不支持以这种方式设置 numpy 数组的标志 `{flag}`"
                               "（只支持 WRITEABLE：设为 False，或对程序自己设为只读的数组再设回 True）",
    "errors_s43red.doc_of_wrapped_library": "Autograd Lab 不支持读取包装了库函数的函数的 `__doc__`",
}
