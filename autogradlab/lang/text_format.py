"""str.format as lessons write it: `"{} {:.2f}".format(a, b)`, `"{0}{1}"`, `"{name}"`, `"{!r}"`,
`"{:>{w}.{p}f}"`.

The same rules as f-strings (format_spec.py): the spec's width and digits are checked against the
string limit before the text is built (no `'{:>100000000}'` padding bombs), and fields name an
argument only: `{0.__class__}`, `{0[0]}` and `{x.grad}` walks are refused before anything is
formatted. A spec may hold fields of its own (one level, as in Python); each value is weighed
before it is turned into text and the result is charged like any other string.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramIndexError, ProgramValueError
from autogradlab.lang.calls import require_data
from autogradlab.lang.format_spec import CONVERSIONS, format_field
from autogradlab.lang.object_format import f_string_field
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import PLAIN_VALUES
from autogradlab.lang.safe_values import is_data
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_FORMAT_TEXT = 10_000   # characters of the format string itself


def format_text(interp: Interpreter, template: str, args: list, kwargs: dict) -> str:
    if len(template) > MAX_FORMAT_TEXT:
        interp.sizes.check_length(len(template), "the format string")
    for value in list(args) + list(kwargs.values()):
        if not isinstance(value, PLAIN_VALUES):   # objects of the program's classes: their __str__/__repr__
            require_storable(value, "in `str.format`")   # and lists of them: container_text
    fields = _parse(template)
    numbering = _Numbering(args, kwargs)
    parts: list[str] = []
    total = 0
    for literal, name, spec, conversion in fields:
        parts.append(literal)
        total += len(literal)
        if name is None:
            continue
        value = numbering.value(name)
        if conversion is not None and conversion not in CONVERSIONS:
            raise ProgramValueError(f"Unknown conversion specifier {conversion}")
        spec = _expanded(interp, numbering, spec or "")
        if isinstance(value, PLAIN_VALUES):
            parts.append(f_string_field(interp, value, ord(conversion) if conversion else -1, spec))
        elif not is_data(value):   # a list, tuple, dict or set holding objects: Python's repr of it
            parts.append(_container_field(interp, value, conversion, spec))
        else:
            parts.append(format_field(interp, value, conversion, spec, total, "the formatted string"))
        total += len(parts[-1])   # a running total: 100,000 fields stay linear
        interp.sizes.check_length(total, "the formatted string")
    return "".join(parts)


def _container_field(interp: Interpreter, value: Any, conversion: str | None, spec: str) -> str:
    if spec and conversion is None:
        kind = type(value).__name__
        raise python_error(TypeError(f"unsupported format string passed to {kind}.__format__"))
    from autogradlab.lang.stored_objects import container_text
    interp.sizes.check_text_weight(value, "the formatted string")   # weighed before it is written
    text = container_text(interp, value)
    text = text.encode("ascii", "backslashreplace").decode("ascii") if conversion == "a" else text
    return format_field(interp, text, None, spec, 0, "the formatted string") if spec else text   # sized


def _parse(template: str) -> list:
    try:
        return list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ProgramValueError(str(exc)) from None


def _expanded(interp: Interpreter, numbering: _Numbering, spec: str) -> str:
    """`{:>{w}.{p}f}`: the spec's own fields, formatted as Python does (one level deep)."""
    if "{" not in spec:
        return spec
    parts: list[str] = []
    for literal, name, inner_spec, conversion in _parse(spec):
        parts.append(literal)
        if name is None:
            continue
        if inner_spec and "{" in inner_spec:
            raise ProgramValueError("Max string recursion exceeded")
        value = require_data(numbering.value(name), "in `str.format`")   # never an object inside a spec
        if conversion is not None and conversion not in CONVERSIONS:
            raise ProgramValueError(f"Unknown conversion specifier {conversion}")
        parts.append(format_field(interp, value, conversion, inner_spec or "", sum(map(len, parts)),
                                  "the format spec"))
    return "".join(parts)


class _Numbering:
    """Which argument a field names: `{}` (automatic, counted in reading order through nested
    fields too), `{0}` or `{name}`; Python's errors for a mix or a missing one."""

    def __init__(self, args: list, kwargs: dict) -> None:
        self.args, self.kwargs = args, kwargs
        self.auto, self.manual = 0, False

    def value(self, name: str) -> Any:
        if any(ch in name for ch in ".[]") or name.startswith("_"):
            raise NotSupported(f"the format field `{{{name[:40]}}}` is not supported in Autograd Lab: "
                               f"a field names an argument only (no `.attribute` or `[index]` inside "
                               f"the braces)")
        if name == "":
            if self.manual:
                raise ProgramValueError("cannot switch from manual field specification to automatic "
                                        "field numbering")
            index, self.auto = self.auto, self.auto + 1
            return _positional(self.args, index)
        if name.isdigit():
            if self.auto:
                raise ProgramValueError("cannot switch from automatic field numbering to manual field "
                                        "specification")
            self.manual = True
            return _positional(self.args, int(name))
        if name not in self.kwargs:
            raise ProgramIndexError(repr(name))
        return self.kwargs[name]


def _positional(args: list, index: int) -> Any:
    if index >= len(args):
        raise ProgramIndexError(f"Replacement index {index} out of range for positional args tuple")
    return args[index]
