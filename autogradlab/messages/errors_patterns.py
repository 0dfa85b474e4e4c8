"""The `match` statement (lang/match_checks.py, lang/match_statement.py) and `__slots__`
(lang/class_slots.py): CPython's own words, which `except ... as e` prints as Python prints them; the
error box says them in Chinese too (autogradlab/error_keys_more.py recognises them from these texts)."""

_K = "errors_patterns."

EN = {
    _K + "capture_unreachable": "name capture '{name}' makes remaining patterns unreachable",
    _K + "wildcard_unreachable": "wildcard makes remaining patterns unreachable",
    _K + "alternatives_names": "alternative patterns bind different names",
    _K + "pattern_twice": "multiple assignments to name '{name}' in pattern",
    _K + "duplicate_key": "mapping pattern checks duplicate key ({key})",
    _K + "two_stars": "multiple starred names in sequence pattern",
    _K + "repeated_attribute": "attribute name repeated in class pattern: {name}",
    _K + "value_pattern": "patterns may only match literals and attribute lookups",
    _K + "mapping_keys": "mapping pattern keys may only match literals and attribute lookups",
    _K + "not_a_type": "called match pattern must be a type",
    _K + "positional_count": "{cls}() accepts {n} positional sub-patterns ({given} given)",
    _K + "positional_count_one": "{cls}() accepts {n} positional sub-pattern ({given} given)",
    _K + "match_args_tuple": "{cls}.__match_args__ must be a tuple (got {type})",
    _K + "match_args_strings": "__match_args__ elements must be strings (got {type})",
    _K + "sub_patterns_twice": "{cls}() got multiple sub-patterns for attribute '{name}'",
    _K + "slot_read_only": "'{cls}' object attribute '{name}' is read-only",
    _K + "slot_conflict": "'{name}' in __slots__ conflicts with class variable",
    _K + "slot_items": "__slots__ items must be strings, not '{type}'",
    _K + "slot_identifiers": "__slots__ must be identifiers",
    _K + "comprehension_walrus": "assignment expression cannot be used in a comprehension iterable "
                                 "expression",
    _K + "slot_class_read": "reading the slot `{name}` from the class `{cls}` is not supported in "
                            "Autograd Lab",
    _K + "slot_class_assign": "assigning to the slot `{name}` of the class `{cls}` is not supported in "
                              "Autograd Lab",
}

ZH = {
    _K + "capture_unreachable": "名字捕获 '{name}' 使后面的模式永远无法匹配",
    _K + "wildcard_unreachable": "通配符 `_` 使后面的模式永远无法匹配",
    _K + "alternatives_names": "`|` 的各个备选模式绑定的名字不同",
    _K + "pattern_twice": "模式中多次绑定名字 '{name}'",
    _K + "duplicate_key": "映射模式重复检查了键 ({key})",
    _K + "two_stars": "序列模式中有多个带星号的名字",
    _K + "repeated_attribute": "类模式中重复了属性名：{name}",
    _K + "value_pattern": "模式只能匹配字面量和属性查找（如 `Color.RED`）",
    _K + "mapping_keys": "映射模式的键只能是字面量和属性查找",
    _K + "not_a_type": "`case` 中像调用一样写出的模式必须是一个类型",
    _K + "positional_count": "{cls}() 只接受 {n} 个位置子模式（给了 {given} 个）",
    _K + "positional_count_one": "{cls}() 只接受 {n} 个位置子模式（给了 {given} 个）",
    _K + "match_args_tuple": "{cls}.__match_args__ 必须是元组（实际是 {type}）",
    _K + "match_args_strings": "__match_args__ 的元素必须是字符串（实际是 {type}）",
    _K + "sub_patterns_twice": "{cls}() 的属性 '{name}' 有多个子模式",
    _K + "slot_read_only": "'{cls}' 对象的属性 '{name}' 是只读的",
    _K + "slot_conflict": "__slots__ 中的 '{name}' 与类变量冲突",
    _K + "slot_items": "__slots__ 的元素必须是字符串，而不是 '{type}'",
    _K + "slot_identifiers": "__slots__ 中的名字必须是合法标识符",
    _K + "comprehension_walrus": "推导式的可迭代对象表达式（`in` 后面的部分）中不能使用赋值表达式 `:=`",
    _K + "slot_class_read": "Autograd Lab 不支持从类 `{cls}` 读取槽 `{name}`",
    _K + "slot_class_assign": "Autograd Lab 不支持给类 `{cls}` 的槽 `{name}` 赋值",
}
