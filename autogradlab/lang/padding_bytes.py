"""The bytes of a structured array that belong to none of its fields (align=True's padding, a dict dtype's
gaps and 'itemsize' tail) are as malloc left them when NumPy made the array from rows or by astype: heap
text and pointers. `a.tobytes()` shows them zeroed (red team, session 35); the fields' bytes are NumPy's.
"""

from __future__ import annotations

import numpy as np


def field_bytes(dtype: np.dtype) -> np.ndarray | None:
    """A bool mask of one element's bytes that some field holds (through nested and sub-array fields),
    or None when every byte is a field's."""
    mask = np.zeros(dtype.itemsize, dtype=bool)
    _mark(dtype, 0, mask)
    return None if mask.all() else mask


def _mark(dtype: np.dtype, at: int, mask: np.ndarray) -> None:
    if dtype.subdtype is not None:
        base, shape = dtype.subdtype
        for index in range(int(np.prod(shape))):
            _mark(base, at + index * base.itemsize, mask)
        return
    if dtype.names is None:
        mask[at:at + dtype.itemsize] = True
        return
    for entry in dtype.fields.values():
        _mark(entry[0], at + entry[1], mask)


def cleared(value: np.ndarray | np.generic) -> bytes:
    """value.tobytes() with every byte no field holds set to 0."""
    data = value.tobytes()
    dtype = value.dtype
    if dtype.names is None and dtype.subdtype is None:
        return data
    mask = field_bytes(dtype)
    if mask is None or not data:
        return data
    rows = np.frombuffer(data, dtype=np.uint8).reshape(-1, dtype.itemsize).copy()
    rows[:, ~mask] = 0
    return rows.tobytes()
