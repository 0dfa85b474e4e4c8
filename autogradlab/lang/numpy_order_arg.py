"""The `order=` of a.reshape / np.reshape / a.ravel / np.ravel / a.flatten, as NumPy reads it (session 36).

Until session 36 the engine compared the value with 'C', 'F', 'A' (and 'K') itself and said "order must be
one of 'C', 'F', 'A', or 'K'" as a TypeError for everything else, where NumPy accepts `order=None` (C
order) and lower case ('f'), refuses 'K' for reshaping with "order 'K' is not permitted for reshaping",
and a wrong string with a ValueError that quotes it. Now a string, bytes or None goes to NumPy as it is
(NumPy only reads it: its words and error classes are NumPy's own); any other value gets NumPy's
TypeError, with the type named as NumPy names it (`numpy.ndarray`, `int`).
"""

from __future__ import annotations

from typing import Any

from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import type_text


def order_arg(value: Any, what: str = "") -> Any:
    """`value` to hand to NumPy's own order= (`what`: the keyword reader's label, unused)."""
    from autogradlab.lang.bytes_values import BytesValue
    if value is None or type(value) is str:
        return value
    if isinstance(value, BytesValue):   # b'C' (NumPy reads bytes too)
        return value.data
    raise python_error(TypeError(f"order must be str, not {type_text(value)}"))
