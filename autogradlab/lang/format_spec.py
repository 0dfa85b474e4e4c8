"""Format specs as Python writes them (`{x:>10.3f}`, `{n:0>60}`, `{n:#x}`, `{v:,}`, `{x:{w}.{p}f}`) and
conversions (`!r`, `!s`, `!a`), for f-strings and str.format, with the text's length known before it
is built.

A spec's width is the least length of the result, and so is its precision for the types that write
that many digits (f, F, %, e, E): `{x:>100000000}` or `{x:.100000000f}` is refused with the string
limit (sizes.check_length, the same message as any string too long) before Python is asked to build
it. What fits is formatted by Python itself (format(), the value's own __format__: only the standard
mini-language of numbers, strings and 0-d tensors; other values refuse any spec) and its exact
length checked afterwards, so a result just at the limit is kept and one just above refused. A
spec outside the mini-language is Python's own ValueError, raised before Python formats anything.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.lang.builtins import text_of

_TENSOR = torch.Tensor

# [[fill]align][sign][z][#][0][width][grouping][.precision][type]: CPython's grammar (3.11)
SPEC = re.compile(r"(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[+\- ])?z?#?0?(?P<width>\d+)?[,_]?"
                  r"(?:\.(?P<precision>\d+))?(?P<type>[bcdeEfFgGnosxX%])?", re.DOTALL)
_DIGIT_TYPES = frozenset("fF%eE")   # these write at least `precision` digits
_HUGE = 10**18                      # a width or precision written with more digits than this has
CONVERSIONS: dict[str, Callable[[Any], str]] = {"r": repr, "s": str, "a": ascii}


def _number(digits: str | None) -> int:
    digits = (digits or "").lstrip("0")   # `{x:0000001}` is a width of 1
    if not digits:
        return 0
    return int(digits) if len(digits) <= 18 else _HUGE


def _spec_errors_first(interp: Any, value: Any, spec: str) -> None:
    """CPython reads a spec and checks it against the value before it builds the text: a width or precision
    beyond Py_ssize_t is its ValueError "Too many decimal digits in format string", `{1:.{p}}` of an int
    its "Precision not allowed..." whatever p is, and of a float past C int "precision too big" (red team
    s44: `'{0:{1}}'.format(1, '9' * 20)` was the uncatchable length limit). Raised here, before the length
    is refused; the value is formatted with width and precision 1 to find them (nothing long is built)."""
    match = SPEC.fullmatch(spec)
    if match is None:
        return
    small = spec
    for group in ("precision", "width"):   # right to left: the spans stay valid
        start, end = match.span(group)
        if start < 0:
            continue
        digits = match[group].lstrip("0")
        if len(digits) > 19 or digits and int(digits) > sys.maxsize:
            from autogradlab.lang.operators import python_error
            raise python_error(ValueError("Too many decimal digits in format string"))
        # a float's precision past C int is its ValueError "precision too big" (a text's only cuts)
        kept = "2147483648" if group == "precision" and digits and int(digits) > 2**31 - 1 else "1"
        small = small[:start] + kept + small[end:]
    text_of(interp, value, lambda v: format(v, small))


def least_length(spec: str) -> int:
    """A length the formatted text certainly reaches (0 for a spec Python will refuse)."""
    match = SPEC.fullmatch(spec)
    if match is None:
        return 0
    least = _number(match["width"])
    if match["precision"] and match["type"] in _DIGIT_TYPES:
        least = max(least, _number(match["precision"]) + 2)   # "0." and the digits
    return least


def format_field(interp: Any, value: Any, conversion: str | None, spec: str, so_far: int, what: str) -> str:
    """format(value, spec) after the conversion, as an f-string field or a str.format field does;
    `so_far`: characters of the string before this field (the limit is on the whole string)."""
    limit = interp.limits.max_sequence_len
    if conversion is not None:
        value = text_of(interp, value, CONVERSIONS[conversion])
        if not spec:
            return value
    least = least_length(spec)
    if so_far + least > limit:
        _spec_errors_first(interp, value, spec)
        interp.sizes.check_length(so_far + least, what)
    if not spec and type(value) is _TENSOR and value.dim():   # f"{w}": Tensor.__format__ gives str(w)
        return text_of(interp, value)   # (tensor_text's, ~5x faster; a 0-dim tensor formats its item())
    return text_of(interp, value, lambda v: format(v, spec))
