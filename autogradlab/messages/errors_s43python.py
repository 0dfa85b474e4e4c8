"""Session 43 (python): the hint beside Python's AttributeError for a name read on None
(lang/attribute_errors.py). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s43python.is_none_hint": "`{name}` is None here",
}

ZH = {
    "errors_s43python.is_none_hint": "`{name}` 在这里是 None",
}
