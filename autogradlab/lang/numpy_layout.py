"""An array's memory layout as NumPy's "copies and views" lessons read it (numpy's user guide
basics.copies, rougier's From Python to NumPy ch. 3): `y.base is x`, `y.base is None`, `Z.strides`.

`.strides` is a tuple of ints (bytes between elements: no address). `.base` is the array whose memory a
view shares, as NumPy gives it; `is` between two arrays compares the arrays themselves
(operators.same_object), so `Z.ravel().base is Z` answers as in NumPy. No memory is allocated. Refused:
a base that is not a numpy array (the tensor behind `t.numpy()`, the bytes behind np.frombuffer) and a
writable base behind a read-only view (writing through `.base` would go round the read-only flag).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.data_wrappers import SafeArray

ATTRIBUTES = frozenset({"base", "strides", "flags"})


def read(array: SafeArray, name: str) -> Any:
    if name == "strides":
        return tuple(int(s) for s in array.array.strides)
    if name == "flags":   # a.flags['F_CONTIGUOUS'], read-only (numpy_flags.py, session 41)
        from autogradlab.lang.numpy_flags import ArrayFlags
        return ArrayFlags(array.array.flags, array.array)
    base = array.array.base
    if base is None:
        return None
    if type(base) is not np.ndarray:
        raise NotSupported("`.base` of an array whose memory belongs to something other than a numpy array "
                           "(a tensor's, after t.numpy()) is not supported in Autograd Lab")
    if base.flags.writeable and not array.array.flags.writeable:
        raise NotSupported("`.base` of a read-only view is not supported in Autograd Lab")
    if base.dtype.kind not in "biufc" or base.dtype.names is not None or not base.dtype.isnative:
        from autogradlab.lang.numpy_records import wrap_any  # x['age'].base: the structured array x
        return wrap_any(None, base, charged=False)
    return SafeArray(base)


def same_object(left: Any, right: Any) -> bool:
    """`a is b` as NumPy answers it: two wrappers of one numpy array are the same array."""
    if type(left) is SafeArray and type(right) is SafeArray:
        return left.array is right.array
    return left is right
