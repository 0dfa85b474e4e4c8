"""f-string and format() fields holding a class or an instance of the program: the instance's own
`__format__(spec)` (session 23: `f"{money:.2f}"`), else its str()/repr() (lang/class_dispatch.py's
object_text), formatted with the spec after `!r`/`!s` as any text is (lang/format_spec.py's size checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.class_dispatch import object_text
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramObject, dunder
from autogradlab.lang.safe_values import type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def f_string_field(interp: Interpreter, value: Any, conversion: int, spec: str) -> str:
    """An f-string field holding a class or an instance: its text, as format() would give it (its own
    `__format__(spec)` first; after `!r`/`!s` the text formatted with the spec, as a str is)."""
    if conversion == -1:
        if isinstance(value, ProgramObject) and value.cls.find("__format__") is not None:
            text = dunder(interp, value, "__format__", [spec], {}, None, None)
            if not isinstance(text, str):
                raise python_error(TypeError(f"__format__ must return a str, not {type_text(text)}"))
            interp.sizes.charge_sequence(len(text), "the text")
            return text
        if spec:
            raise python_error(TypeError(f"unsupported format string passed to "
                                         f"{_type_name(value)}.__format__"))
        return object_text(interp, value)
    if conversion == ord("r") or conversion == ord("a"):
        text = object_text(interp, value, "repr")
        text = ascii(text)[1:-1] if conversion == ord("a") else text
    else:
        text = object_text(interp, value)
    if not spec:
        return text
    from autogradlab.lang.format_spec import format_field
    return format_field(interp, text, None, spec, 0, "the f-string")


def _type_name(value: Any) -> str:
    return value.cls.name if isinstance(value, ProgramObject) else "type"
