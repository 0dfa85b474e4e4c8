"""NumPy as lessons use it, left refused by session 36's corpus (issue 9, session 37): out= of
np.percentile / np.quantile / np.nanpercentile / np.nanquantile.

out= is the program's own array: NumPy writes the result into it (NumPy checks its shape and the cast, with
its own words) and returns it, as `r is o` shows. The result was counted as without out= (NumPy still makes
it before copying). Anything but an array never reaches NumPy as out=: a list, a tuple, a number or a word
is given to NumPy as a stand-in of its own kind (an empty list, the number itself), so NumPy's own
TypeError is the program's; any other value is refused with the ufuncs' message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from autogradlab.errors import ProgramTypeError
from autogradlab.lang import numpy_ops
from autogradlab.lang.safe_values import SafeArray

_STAND_INS = {list: lambda value: [], tuple: lambda value: ()}
_PLAIN = (bool, int, float, complex, str)


def into_out(name: str, out: Any, compute: Callable[..., Any]) -> Any:
    """`compute(out=...)` with the program's array `out` (None: NumPy's new array); NumPy's result."""
    if out is None:
        return numpy_ops._wrap(numpy_ops._guarded(compute))
    if isinstance(out, SafeArray):
        raw = out.array
        result = numpy_ops._guarded(lambda: compute(out=raw))
        return out if result is raw else numpy_ops._wrap(result)
    kind = type(out)
    if kind not in _STAND_INS and kind not in _PLAIN:
        raise ProgramTypeError(f"np.{name}: out= must be a numpy array")
    stand_in = _STAND_INS[kind](out) if kind in _STAND_INS else out
    numpy_ops._guarded(lambda: compute(out=stand_in))   # NumPy's own TypeError
    raise ProgramTypeError(f"np.{name}: out= must be a numpy array")
