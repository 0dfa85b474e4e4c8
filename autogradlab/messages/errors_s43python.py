"""Session 43 (python): the hint beside Python's AttributeError for a name read on None
(lang/attribute_errors.py), and the hints of two refusals kept (`frozenset`: outside_world.BUILTIN_HINTS;
`import fractions` / `decimal`: allowed_imports._import_hint). The English texts give back the engine's
sentences exactly."""

EN = {
    "errors_s43python.is_none_hint": "`{name}` is None here",
    "errors_s43python.frozenset_hint": "use a set (`set(...)`), or a tuple where a fixed collection that can "
                                       "be a dict key is needed",
    "errors_s43python.exact_numbers_hint": "Autograd Lab computes with int (exact for whole numbers), float "
                                           "and complex; fractions and decimal are not available: write the "
                                           "value as a float, e.g. 1 / 3",
}

ZH = {
    "errors_s43python.is_none_hint": "`{name}` 在这里是 None",
    "errors_s43python.frozenset_hint": "请使用集合（`set(...)`）；需要可作字典键的固定集合时请使用元组",
    "errors_s43python.exact_numbers_hint": "Autograd Lab 使用 int（整数精确）、float 和 complex 计算；"
                                           "fractions 和 decimal 不可用：请把数值写成浮点数，例如 1 / 3",
}
