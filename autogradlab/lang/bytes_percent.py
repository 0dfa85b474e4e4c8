"""`b'%d items' % n`, `b'%s=%.2f' % (b'loss', x)`: printf-style formatting of bytes (PEP 461), as CPython
does it, sized before it runs (session 37).

The arguments are plain: numbers, None, words and bytes, alone, in a flat tuple or as a dict's values
(`b'%(n)d' % {b'n': 1}`); anything else (a tensor, an array, a list, an object of the program) is refused
by name before CPython reads it. The result's length is bounded first as a str's is (percent_format.py:
widths, precisions, `*` widths), the format read as the same directives (one character a byte) and every
argument weighed by the longest text `%a` / `%r` can make of it (`\\U0010ffff` for one character, `\\xff`
for one byte); the bytes made are counted as a string of their length.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.bytes_values import BytesValue
from autogradlab.lang.percent_format import check_percent_format

_ATOMS = (bool, int, float, complex, str, type(None), np.number, np.bool_)


def _raw(value: Any) -> Any:
    """A plain argument as CPython is given it (a BytesValue's bytes), or NotSupported."""
    if isinstance(value, BytesValue):
        return value.data
    if isinstance(value, _ATOMS):
        return value
    from autogradlab.lang.safe_values import type_text
    raise NotSupported(f"`%` formatting of bytes takes numbers, strings, None and bytes in Autograd Lab (not "
                       f"{type_text(value)})")


def _stand_in(value: Any) -> Any:
    """What percent_format weighs for a value: a text as long as its longest %a / %r."""
    if isinstance(value, bytes):
        return "x" * (4 * len(value) + 3)
    if isinstance(value, str):
        return "x" * (10 * len(value) + 3)
    return value


def percent(interp: Any, fmt: bytes, args: Any) -> BytesValue:
    from autogradlab.lang.operators import python_error
    if type(args) is tuple:
        raw: Any = tuple(_raw(v) for v in args)
        weighed: Any = tuple(_stand_in(v) for v in raw)
    elif type(args) is dict:
        raw = {_raw(k): _raw(v) for k, v in args.items()}
        weighed = {(k.decode("latin-1") if isinstance(k, bytes) else k): _stand_in(v) for k, v in raw.items()}
    else:
        raw = _raw(args)
        weighed = _stand_in(raw)
    check_percent_format(interp.sizes, fmt.decode("latin-1"), weighed)
    try:
        made = fmt % raw
    except Exception as exc:  # noqa: BLE001 - CPython's TypeError / ValueError, as Python says them
        raise python_error(exc) from None
    interp.sizes.charge_sequence(len(made), "the %-formatted bytes")
    return BytesValue(made)
