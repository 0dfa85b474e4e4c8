"""`'%s' % obj`, `'%r and %s' % (a, b)`, `'%(k)s' % {'k': obj}`, `'%s' % [obj]` (issue 9): printf-style
formatting of objects of the program's classes, through their own __str__/__repr__ run by the
interpreter (lang/class_dispatch.object_text) and never by Python's `%`.

Each directive that takes an object (or a list, tuple, dict or set holding objects) gets its text
first: `%s` the object's str(), `%r` its repr(), `%a` the repr with non-ASCII escaped as ascii() does,
and the directive becomes a `%s` of that text with the same flags, width and precision (Python pads
and cuts the text alike). A numeric directive (`%d`, `%f`, `%x`...) given an object is Python's
TypeError. What remains is a `%` of a string and plain texts, formatted and size-checked as any other
(lang/percent_format.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import python_error
from autogradlab.lang.percent_format import directives
from autogradlab.lang.safe_values import STORED_OBJECT_TYPES, is_data

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_INTEGER_CODES = "oxX"


def _needs_text(value: Any) -> bool:
    return type(value) in STORED_OBJECT_TYPES or type(value).__name__ == "SuperProxy" or not is_data(value)


def _text(interp: Interpreter, value: Any, code: str) -> str:
    from autogradlab.lang.class_dispatch import OBJECTS, object_text
    from autogradlab.lang.stored_objects import container_text, require_storable
    if isinstance(value, OBJECTS):
        text = object_text(interp, value, "str" if code == "s" else "repr")
    else:
        require_storable(value, "in `%`")   # a function, a module: refused as before
        interp.sizes.check_text_weight(value, "the %-formatted string")   # weighed before it is written
        text = container_text(interp, value)
    return text.encode("ascii", "backslashreplace").decode("ascii") if code == "a" else text


def _wrong_code(value: Any, code: str) -> Exception:
    from autogradlab.lang.object_operators import python_type
    name = python_type(value)
    if code == "c":
        return python_error(TypeError("%c requires int or char"))
    need = "an integer" if code in _INTEGER_CODES else "a real number"
    return python_error(TypeError(f"%{code} format: {need} is required, not {name}"))


def percent_objects(interp: Interpreter, template: str, args: Any) -> tuple[str, Any]:
    """(the template, the arguments) with every object's directive turned into `%s` of its text."""
    mapping = isinstance(args, dict)
    values = [] if mapping else list(args) if type(args) is tuple else [args]
    texts: dict[str, Any] = {k: v for k, v in args.items() if type(k) is str and is_data(v)} \
        if mapping else {}   # `%(name)s` looks up strings alone (keys may be objects: dicts.py)
    parts: list[str] = []
    new_values: list[Any] = []
    last = position = 0
    for number, match in enumerate(directives(template)):   # read as CPython reads them
        key, width, precision, code = match.key, match.width, match.precision, match.conversion
        if code == "%":
            continue
        if not mapping:
            for part in (width, precision):
                if part == "*" and position < len(values):
                    new_values.append(values[position])
                    position += 1
            if position >= len(values):
                break   # Python's own "not enough arguments" from the `%` itself
            value = values[position]
            position += 1
        elif key is None:   # `'%s' % d`: Python formats the mapping itself
            value = args
        elif key not in args:
            continue   # Python's own error for the mapping
        else:
            value = args[key]
        if not _needs_text(value):
            new_values.append(value)
            continue
        if code not in "sra":
            raise _wrong_code(value, code)
        text = _text(interp, value, code)
        directive = template[match.start:match.end - 1] + "s"
        if mapping:
            name = f"\x00{number}"
            texts[name] = text
            directive = f"%({name})" + directive[len(f"%({key})") if key is not None else 1:]
        parts.append(template[last:match.start] + directive)
        last = match.end
        new_values.append(text)
    parts.append(template[last:])
    new_values += values[position:]
    if mapping:
        return "".join(parts), texts
    return "".join(parts), tuple(new_values) if type(args) is tuple else new_values[0] if new_values else args
