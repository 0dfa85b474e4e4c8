"""Session 44 (breadth): messages of what a lesson asks of its own classes (lang/class_introspection.py:
`C.mro()`, `vars(C)`, `C.__doc__`) and of `name = property(...)` in a class body
(lang/class_dispatch.py). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s44breadth.dataclass_doc": "`__doc__` of the dataclass `{name}` without a docstring is not "
                                       "supported in Autograd Lab (Python makes one from its fields)",
    "errors_s44breadth.vars_dunder": "`'{name}' in vars(...)` of a class is not supported in Autograd Lab "
                                     "(double-underscore names are Python's internals)",
    "errors_s44breadth.vars_shown": "showing `vars(...)` of a class is not supported in Autograd Lab (Python "
                                    "lists its internals); ask `name in vars(cls)` or read `vars(cls)[name]`",
    "errors_s44breadth.vars_member": "reading `vars({owner})['{name}']` is not supported in Autograd Lab",
    "errors_s44breadth.mro_of": "`.mro()` of {what} is not supported in Autograd Lab",
    "errors_s44breadth.property_call": "Autograd Lab supports `name = property(getter)` and `name = "
                                       "property(getter, setter)` with methods of the class (or `@property` "
                                       "and `@name.setter`)",
}

ZH = {
    "errors_s44breadth.dataclass_doc": "Autograd Lab 不支持读取没有文档字符串的数据类 `{name}` 的 `__doc__`"
                                       "（Python 会根据它的字段生成一个）",
    "errors_s44breadth.vars_dunder": "Autograd Lab 不支持对类的 `vars(...)` 使用 `'{name}' in`"
                                     "（双下划线名称是 Python 的内部细节）",
    "errors_s44breadth.vars_shown": "Autograd Lab 不支持显示类的 `vars(...)`（Python 会列出它的内部细节）；"
                                    "请用 `name in vars(cls)` 查询，或读取 `vars(cls)[name]`",
    "errors_s44breadth.vars_member": "Autograd Lab 不支持读取 `vars({owner})['{name}']`",
    "errors_s44breadth.mro_of": "Autograd Lab 不支持 {what} 的 `.mro()`",
    "errors_s44breadth.property_call": "Autograd Lab 支持以类自己的方法写 `name = property(getter)` "
                                       "和 `name = property(getter, setter)`"
                                       "（或 `@property` 与 `@name.setter`）",
}
