"""Plain classes (lang/class_checks.py, lang/plain_classes.py, lang/class_dispatch.py): the forms a class
may not take, and the uses of its objects the language refuses. Keys ending in `_hint` are hints
(autogradlab/error_keys_more.py recognises both kinds from these texts)."""

_K = "errors_classes."

EN = {
    _K + "base": "`class {name}({base})`: a base that is not `object`, a builtin exception class such as "
                 "`Exception` or another class of your program is not supported in Autograd Lab",
    _K + "bases": "`class {name}({bases})`: more than one base is not supported in Autograd Lab",
    _K + "keyword": "`class {name}(..., {word}=...)`: a class keyword such as `{word}=` is not supported in "
                    "Autograd Lab",
    _K + "decorator": "a decorator on `class {name}` is not supported in Autograd Lab",
    _K + "type_params": "type parameters of `class {name}` are not supported in Autograd Lab",
    _K + "method_decorator": "`{shown}` on the method `{method}` of `class {name}` (only @staticmethod, "
                             "@classmethod and @property) is not supported in Autograd Lab",
    _K + "dunder": "defining `{method}` in `class {name}` is not supported in Autograd Lab",
    _K + "member": "`{shown}` in the body of `class {name}` (it may hold a docstring, class attributes "
                   "`name = value` and methods) is not supported in Autograd Lab",
    _K + "walrus": "`{target} :=` in the body of `class {name}` (write `{target} = ...` on a line of its "
                  "own) is not supported in Autograd Lab",
    _K + "property_read": "reading the property `{name}` from the class `{cls}` is not supported in "
                          "Autograd Lab",
    _K + "property_call": "calling the property `{name}` of the class `{cls}` is not supported in "
                          "Autograd Lab",
    _K + "super_assign": "assigning to an attribute of `super()` is not supported in Autograd Lab",
    _K + "super_one": "`super()` with one argument is not supported in Autograd Lab",
    _K + "operator": "the operator `{op}` on objects of your classes is not supported in Autograd Lab",
    _K + "not_data": "{what} cannot be used {where}: the objects and classes of your program may be "
                     "stored in variables and attributes (objects also in lists, tuples and dicts), passed "
                     "to your functions and used through their "
                     "attributes "
                     "and methods",
    _K + "attribute_limit": "an object of the class `{name}` would hold more than {limit} attributes; "
                            "the limit is {limit}",
    _K + "instance_limit": "the program created more than {limit} objects of its classes; the limit is "
                           "{limit}",
    _K + "class_hint": "a class may define `__init__`, `__getitem__`, `__setitem__`, `__len__`, `__iter__`, "
                       "`__next__`, `__contains__`, `__call__`, `__repr__`, `__str__`, `__format__`, "
                       "`__getattr__`, `__index__`, `__bool__`, `__enter__`, `__exit__`, `__reversed__`, "
                       "`__eq__`, "
                       "`__hash__` (or `__hash__ = None`), "
                       "`__slots__`, `__match_args__` and operators such as `__add__`, `__radd__`, "
                       "`__iadd__`, `__neg__` and `__lt__`, "
                       "plain, `@staticmethod`, `@classmethod` and "
                       "`@property` methods, and class attributes; its base may be `object`, another "
                       "class of the program or an exception class such as `Exception` or `ValueError`",
    _K + "fewer_hint": "create fewer objects",
    _K + "hash_address": "hash() of {what} is not supported in Autograd Lab (its hash would show a memory "
                         "address)",
    _K + "hash_hint": "define `__hash__` in your class, or hash plain values",
    _K + "text_depth": "the list to show is nested more than {limit} deep; the limit is {limit}",
    _K + "parts_hint": "show its parts instead",
    _K + "copy_depth": "copy.deepcopy met values nested more than {limit} deep; the limit is {limit}",
    _K + "copy_parts_hint": "copy the parts you need instead",
    _K + "issubclass_arg1": "issubclass() arg 1 must be a class",
    _K + "issubclass_arg2": "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    _K + "issubclass_count": "issubclass expected 2 arguments, got {n}",
    # `with` on the program's objects (lang/with_objects.py) and unpacking, in Python's words
    _K + "no_exit_method": "'{type}' object does not support the context manager protocol (missed __exit__ "
                           "method)",
    _K + "with_grad_mode_value": "`with` on a value of torch.set_grad_enabled(...) is not supported in "
                                 "Autograd Lab",
    _K + "with_grad_mode_value_hint": "write `with torch.set_grad_enabled(...):`",
    _K + "unpack_too_few": "not enough values to unpack (expected {wanted}, got {got})",
    _K + "unpack_too_many": "too many values to unpack (expected {wanted})",
    # torch.manual_seed / Generator.manual_seed in PyTorch's and Python's words (lang/seed_values.py)
    _K + "seed_overflow": "Overflow when unpacking long long",
    _K + "seed_expected_long": "manual_seed expected a long, but got {type}",
    _K + "int_argument_type": "int() argument must be a string, a bytes-like object or a real number, not "
                              "'{type}'",
    _K + "one_element_scalar": "only one element tensors can be converted to Python scalars",
    _K + "counter_numbers": "Counter arithmetic in Autograd Lab needs counts that are numbers",
}

ZH = {
    _K + "base": "`class {name}({base})`：Autograd Lab 不支持 `object`、`Exception` 等内置异常类或你程序中"
                 "其他类以外的基类",
    _K + "bases": "`class {name}({bases})`：Autograd Lab 不支持多个基类",
    _K + "keyword": "`class {name}(..., {word}=...)`：Autograd Lab 不支持 `{word}=` 这样的类关键字参数",
    _K + "decorator": "Autograd Lab 不支持 `class {name}` 上的装饰器",
    _K + "type_params": "Autograd Lab 不支持 `class {name}` 的类型参数",
    _K + "method_decorator": "Autograd Lab 不支持 `class {name}` 的方法 `{method}` 上的 `{shown}`（只支持 "
                             "@staticmethod、@classmethod 和 @property）",
    _K + "dunder": "Autograd Lab 不支持在 `class {name}` 中定义 `{method}`",
    _K + "member": "Autograd Lab 不支持 `class {name}` 类体中的 `{shown}`（类体只能包含文档字符串、类属性 "
                   "`name = value` 和方法）",
    _K + "walrus": "Autograd Lab 不支持在 `class {name}` 的类体中使用 `{target} :=`（请把 `{target} = ...` "
                  "单独写成一行）",
    _K + "property_read": "Autograd Lab 不支持从类 `{cls}` 读取属性方法 `{name}`",
    _K + "property_call": "Autograd Lab 不支持调用类 `{cls}` 的属性方法 `{name}`",
    _K + "super_assign": "Autograd Lab 不支持给 `super()` 的属性赋值",
    _K + "super_one": "Autograd Lab 不支持只有一个参数的 `super()`",
    _K + "operator": "Autograd Lab 不支持对你定义的类的对象使用运算符 `{op}`",
    _K + "not_data": "{what} 不能用在{where}：你程序中的对象和类可以存进变量和属性（对象也可以放进列表、"
                     "元组和字典），传给你程序中的函数，"
                     "并通过它们的属性和方法使用",
    _K + "attribute_limit": "类 `{name}` 的对象的属性将超过 {limit} 个；上限是 {limit}",
    _K + "instance_limit": "程序创建的自定义类对象超过 {limit} 个；上限是 {limit}",
    _K + "class_hint": "类可以定义 `__init__`、`__getitem__`、`__setitem__`、`__len__`、`__iter__`、"
                       "`__next__`、`__contains__`、`__call__`、`__repr__`、`__str__`、`__format__`、"
                       "`__getattr__`、`__index__`、`__bool__`、`__enter__`、`__exit__`、`__reversed__`、"
                       "`__eq__`、"
                       "`__hash__`（或 `__hash__ = None`）、`__slots__`、`__match_args__` "
                       "以及 `__add__`、`__radd__`、`__iadd__`、"
                       "`__neg__`、`__lt__` 等运算符方法，"
                       "普通方法，`@staticmethod`、`@classmethod` 和 `@property` "
                       "方法，以及类属性；它的基类可以是 `object`、程序中的另一个类，或 `Exception`、"
                       "`ValueError` 等异常类",
    _K + "fewer_hint": "少创建一些对象",
    _K + "hash_address": "Autograd Lab 不支持 {what} 的 hash()（它的哈希值会暴露内存地址）",
    _K + "hash_hint": "在你的类中定义 `__hash__`，或者只对普通值求哈希",
    _K + "text_depth": "要显示的列表嵌套超过 {limit} 层；上限是 {limit}",
    _K + "parts_hint": "改为分别显示它的各个部分",
    _K + "copy_depth": "copy.deepcopy 遇到的值嵌套超过 {limit} 层；上限是 {limit}",
    _K + "copy_parts_hint": "改为只复制你需要的部分",
    _K + "issubclass_arg1": "issubclass() 的第 1 个参数必须是类",
    _K + "issubclass_arg2": "issubclass() 的第 2 个参数必须是类、类的元组或联合类型",
    _K + "issubclass_count": "issubclass 需要 2 个参数，实际给了 {n} 个",
    _K + "no_exit_method": "'{type}' 对象不支持上下文管理器协议（with）：缺少 __exit__ 方法",
    _K + "with_grad_mode_value": "Autograd Lab 不支持对 torch.set_grad_enabled(...) 返回的值使用 `with`",
    _K + "with_grad_mode_value_hint": "直接写 `with torch.set_grad_enabled(...):`",
    _K + "unpack_too_few": "解包的值不够（需要 {wanted} 个，实际 {got} 个）",
    _K + "unpack_too_many": "解包的值太多（需要 {wanted} 个）",
    _K + "seed_overflow": "种子超出范围：只能取 -2**63 到 2**64 - 1 之间的整数",
    _K + "seed_expected_long": "manual_seed 需要一个整数（long），实际得到 {type}",
    _K + "int_argument_type": "int() 的参数必须是字符串、字节串或实数，不能是 '{type}'",
    _K + "one_element_scalar": "只有单元素张量才能转换成 Python 标量",
    _K + "counter_numbers": "在 Autograd Lab 中，Counter 的加减等运算要求计数都是数字",
}
