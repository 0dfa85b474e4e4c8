"""The attributes and methods of Python numbers that lessons on Python basics show (session 38, Whirlwind
Tour of Python): `x.real`, `x.imag`, `n.numerator`, `x.is_integer()`, `x.as_integer_ratio()`,
`c.conjugate()`, `n.bit_length()`, `x.hex()`. Each builds a number, a short text or a pair of numbers
whose size is bounded by the number's own (an int is at most max_int_bits long; a float's ratio at
most ~1,100 bits): nothing to size beforehand. Only the exact types int, bool, float and complex are
read here, and a NumPy scalar's `.real` / `.imag` (its methods are lang/numpy_*'s)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

_NUMBER_TYPES = (int, bool, float, complex)
_ATTRIBUTES = {int: ("real", "imag", "numerator", "denominator"), bool: ("real", "imag", "numerator",
               "denominator"), float: ("real", "imag"), complex: ("real", "imag")}
_METHOD_NAMES = {
    int: ("bit_length", "bit_count", "conjugate", "as_integer_ratio", "is_integer"),
    float: ("is_integer", "as_integer_ratio", "conjugate", "hex"),
    complex: ("conjugate",),
}


def read_number_attribute(base: Any, name: str) -> tuple[bool, Any]:
    """(True, value) for `x.real` and the like of a plain Python number, else (False, None)."""
    if type(base) in _NUMBER_TYPES and name in _ATTRIBUTES[type(base)] or \
            isinstance(base, (np.number, np.bool_)) and name in ("real", "imag"):   # np.float64(2).real
        return True, getattr(base, name)
    return False, None


def _method(name: str) -> Callable[..., Any]:
    return lambda interp, base, args: getattr(base, name)(*args)


# (type, name) -> method, merged into attributes.PLAIN_METHODS; a method this Python lacks is left out
# (int.is_integer() came with 3.12), so the engine answers as the Python it runs on.
NUMBER_METHODS: dict[tuple[type, str], Callable[..., Any]] = {
    (kind, name): _method(name) for kind, names in _METHOD_NAMES.items() for name in names
    if hasattr(kind, name)
}
