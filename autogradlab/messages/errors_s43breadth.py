"""Session 43 (breadth): messages of `vars(...)` (lang/vars_builtin.py). The English texts give back the
engine's sentences exactly."""

EN = {
    "errors_s43breadth.vars_only": "`vars` is supported in Autograd Lab only as `vars(obj)` of an object of "
                                   "your own class",
}

ZH = {
    "errors_s43breadth.vars_only": "Autograd Lab 只支持以 `vars(obj)` 的形式对你自己定义的类的对象"
                                   "使用 `vars`",
}
