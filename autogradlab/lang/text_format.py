"""str.format as lessons write it: `"{} {:.2f}".format(a, b)`, `"{0}{1}"`, `"{name}"`.

The same rules as f-strings: simple format specs only (FORMAT_SPEC: width of at most two digits,
so no `'{:>100000000}'` padding bombs), no conversions, and fields that name an argument only:
`{0.__class__}`, `{0[0]}` and `{x.grad}` walks are refused before anything is formatted. Each value
is weighed before it is turned into text and the result is charged like any other string.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramIndexError, ProgramValueError
from autogradlab.lang.builtins import text_of
from autogradlab.lang.calls import require_data
from autogradlab.lang.checker import FORMAT_SPEC

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_FORMAT_TEXT = 10_000   # characters of the format string itself


def format_text(interp: Interpreter, template: str, args: list, kwargs: dict) -> str:
    if len(template) > MAX_FORMAT_TEXT:
        interp.sizes.check_length(len(template), "the format string")
    for value in list(args) + list(kwargs.values()):
        require_data(value, "in `str.format`")
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ProgramValueError(str(exc)) from None
    parts: list[str] = []
    auto = total = 0
    manual = False
    for literal, name, spec, conversion in fields:
        parts.append(literal)
        if name is None:
            continue
        if conversion is not None:
            raise NotSupported(f"format conversions like `!{conversion}` are not supported in "
                               f"Autograd Lab")
        if any(ch in name for ch in ".[]") or name.startswith("_"):
            raise NotSupported(f"the format field `{{{name[:40]}}}` is not supported in Autograd Lab: "
                               f"a field names an argument only (no `.attribute` or `[index]` inside "
                               f"the braces)")
        spec = spec or ""
        if "{" in spec or (spec and not FORMAT_SPEC.fullmatch(spec)):
            raise NotSupported(f"the format spec `:{spec[:40]}` is not supported in Autograd Lab (only "
                               f"simple ones such as `:.2f` or `:>8`)")
        if name == "":
            if manual:
                raise ProgramValueError("cannot switch from manual field specification to automatic "
                                        "field numbering")
            index, auto = auto, auto + 1
            value = _positional(args, index)
        elif name.isdigit():
            manual = True
            value = _positional(args, int(name))
        else:
            if name not in kwargs:
                raise ProgramIndexError(repr(name))
            value = kwargs[name]
        parts.append(text_of(interp, value, lambda v, s=spec: format(v, s)))
        total += len(literal) + len(parts[-1])   # a running total: 100,000 fields stay linear
        interp.sizes.check_length(total, "the formatted string")
    return "".join(parts)


def _positional(args: list, index: int) -> Any:
    if index >= len(args):
        raise ProgramIndexError(f"Replacement index {index} out of range for positional args tuple")
    return args[index]
