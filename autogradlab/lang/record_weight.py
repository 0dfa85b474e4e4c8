"""How much text a structured array or record prints (lang/text_weight.py's units: about one a number, a
string's or bytes' characters / 20), known before NumPy writes it. NumPy summarises a structured array by
its records and each sub-array field by its own size, but a sub-array of records holding sub-arrays is
written whole: 1 record of a (100,)-of-(100,)-of-(100,) field printed 1,000,000 numbers (5.6 s, in the
report's Variables after the program: red team, session 35); and a float sub-array field's format is found
from every number of it, shown or not (20 records of a (250000,) 'f4' field: 24 s for the Variables table,
in the sandbox "ran longer than 5 s" with no line). Both weigh what NumPy's repr works through, so they are
refused before, as a big tensor is.
"""

from __future__ import annotations

import math

import numpy as np

_CHARS_PER_UNIT = 20


def _shown(shape: tuple[int, ...], size: int) -> int:
    """The elements NumPy's repr writes of an array (or a sub-array field) of `shape`."""
    options = np.get_printoptions()
    if size <= options["threshold"]:
        return size
    return math.prod(min(int(n), 2 * options["edgeitems"]) for n in shape)


def element_weight(dtype: np.dtype) -> int:
    """One element of `dtype`: its fields' weights (a sub-array field: the elements shown of it)."""
    if dtype.subdtype is not None:   # NumPy finds a float field's format from all its numbers (Python
        base, shape = dtype.subdtype  # code: ~5 us each), however few it shows
        count = math.prod(shape)
        whole = base.kind in "fc" or base.names is not None
        return max(1, count if whole else _shown(shape, count)) * element_weight(base)
    if dtype.names is not None:
        return 1 + sum(element_weight(entry[0]) for entry in dtype.fields.values())
    if dtype.kind in "SV":   # bytes print a byte as up to 4 characters (b'\x00')
        return 1 + 4 * dtype.itemsize // _CHARS_PER_UNIT
    if dtype.kind == "U":
        return 1 + (dtype.itemsize // 4) // _CHARS_PER_UNIT
    return 1


def array_weight(array: np.ndarray | np.generic) -> int:
    """A structured (or bytes) array or record: the records its repr shows, each by its fields."""
    shape = tuple(np.shape(array))
    return max(1, _shown(shape, math.prod(shape))) * element_weight(array.dtype)
