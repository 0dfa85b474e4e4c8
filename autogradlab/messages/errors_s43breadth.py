"""Session 43 (breadth): messages of `vars(...)` (lang/vars_builtin.py) and of a string array's
`.astype(...)` (lang/numpy_strings.py). The English texts give back the
engine's sentences exactly."""

EN = {
    "errors_s43breadth.vars_only": "`vars` is supported in Autograd Lab only as `vars(obj)` of an object of "
                                   "your own class",
    "errors_s43breadth.strings_astype": "Autograd Lab supports `.astype(str)` and `.astype(number type)` of "
                                        "a numpy array of strings",
}

ZH = {
    "errors_s43breadth.vars_only": "Autograd Lab 只支持以 `vars(obj)` 的形式对你自己定义的类的对象"
                                   "使用 `vars`",
    "errors_s43breadth.strings_astype": "Autograd Lab 支持对 numpy 字符串数组使用 `.astype(str)` 和 "
                                        "`.astype(number type)`（number type 为数值类型）",
}
