"""Session 43 (red team): messages of the red team's fixes (lang/numpy_flags.py). The English texts give
back the engine's sentences exactly."""

EN = {
    "errors_s43red.flag_item": "setting the flag `{flag}` of a numpy array this way is not supported in "
                               "Autograd Lab (only WRITEABLE: False, or True again for an array the program "
                               "made read-only)",
}

ZH = {
    "errors_s43red.flag_item": "Autograd Lab 不支持以这种方式设置 numpy 数组的标志 `{flag}`"
                               "（只支持 WRITEABLE：设为 False，或对程序自己设为只读的数组再设回 True）",
}
