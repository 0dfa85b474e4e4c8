"""The bytes of a structured array that belong to none of its fields (align=True's padding, a dict dtype's
gaps and 'itemsize' tail) are as malloc left them when NumPy made the array from rows or by astype: heap
text and pointers. `a.tobytes()` shows them zeroed (red team, session 35); the fields' bytes are NumPy's.

A C-contiguous view that leaves fields out (`a[['f1']]`, whose dtype keeps the others as gaps) shows the
bytes of its array's left-out fields, as NumPy does (session 36): NumPy copies its memory as it is, and
those bytes are the array's own values; only the bytes no field of the array holds are zeroed. Its copy
(`a[['f1']].copy()`) and a strided view (`a[::-1][['f1']]`, copied field by field) have gaps NumPy never
wrote: zeroed.
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


def _owner_fields(value: np.ndarray) -> np.ndarray | None | bool:
    """For a C-contiguous view whose elements lie exactly on its owner's (same itemsize, offsets whole
    elements): the owner's field mask (None: every byte a number's); False for any other array. Only a
    C-contiguous array's tobytes() copies its memory as it is: any other's copies field by field and
    leaves the gaps as malloc gave them (`a[::-1][['f2']].tobytes()` in NumPy: heap bytes)."""
    if not value.flags.c_contiguous:
        return False
    owner = value
    while isinstance(owner.base, np.ndarray):
        owner = owner.base
    if owner is value or not owner.flags.owndata:
        return False
    if owner.dtype.names is None and owner.dtype.subdtype is None:
        return None   # a numeric array's memory holds numbers only
    size = value.dtype.itemsize
    start = value.__array_interface__["data"][0] - owner.__array_interface__["data"][0]
    if owner.dtype.itemsize != size or start % size or any(step % size for step in value.strides):
        return False
    return field_bytes(owner.dtype)


def cleared(value: np.ndarray | np.generic) -> bytes:
    """value.tobytes() with every byte no field holds set to 0."""
    data = value.tobytes()
    dtype = value.dtype
    if dtype.names is None and dtype.subdtype is None:
        return data
    mask = field_bytes(dtype)
    if mask is None or not data:
        return data
    if isinstance(value, np.ndarray):
        owner = _owner_fields(value)
        if owner is None:
            return data
        if owner is not False:
            mask = mask | owner
    rows = np.frombuffer(data, dtype=np.uint8).reshape(-1, dtype.itemsize).copy()
    rows[:, ~mask] = 0
    return rows.tobytes()
