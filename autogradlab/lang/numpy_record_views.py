"""Views of structured arrays (numpy_records.py) and their comparison: `arr.view(np.recarray)`,
`arr.view(dtype=np.dtype((np.record, arr.dtype)), type=np.recarray)`, `b[['x', 'z']].view('f4')`, `a == b`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.data_wrappers import SafeArray
from autogradlab.lang.numpy_ops import _guarded, charge
from autogradlab.lang.numpy_records import RecordArray, RecordScalar, element, wrap_any


def binary(interp: Any, op: str, fn: Any, left: Any, right: Any) -> Any:
    """`a == b` of two structured arrays (NumPy compares record by record); other operators refused."""
    if op not in ("eq", "ne"):
        raise NotSupported(f"the operator `{op}` on numpy structured arrays is not supported in Autograd Lab "
                           "(supported: ==, !=)")
    a, b = (v.array if isinstance(v, RecordArray) else v.value if isinstance(v, RecordScalar) else v
            for v in (left, right))
    if not isinstance(a, (np.ndarray, np.void)) or not isinstance(b, (np.ndarray, np.void)):
        raise NotSupported("numpy structured arrays compare with another structured array in Autograd Lab")
    try:
        shape = np.broadcast_shapes(np.shape(a), np.shape(b))
    except ValueError:
        shape = np.shape(a)   # NumPy says so
    charge(interp, math.prod(shape), f"`{op}` of structured arrays")
    return element(interp, _guarded(lambda: fn(a, b)))


def view(interp: Any, base: RecordArray, args: list, kwargs: dict) -> Any:
    """`arr.view(np.recarray)`, `arr.view(dtype=np.dtype((np.record, arr.dtype)), type=np.recarray)`,
    `r.view(r.dtype.fields or r.dtype, np.ndarray)`, `b[['x', 'z']].view('f4')`: the same memory. A view
    as other types reads every byte of the records, so it is allowed only where each byte belongs to a
    field (no padding, no void field: np.array leaves those bytes as malloc gave them)."""
    from autogradlab.lang.numpy_record_dtypes import make_dtype
    from autogradlab.lang.safe_values import SafeType
    if set(kwargs) - {"dtype", "type"} or len(args) > 2:
        raise NotSupported(VIEW_FORMS)
    dtype, kind = (list(args) + [None, None])[:2]
    dtype, kind = kwargs.get("dtype", dtype), kwargs.get("type", kind)
    if isinstance(dtype, SafeType) and kind is None:   # a.view(np.recarray)
        dtype, kind = None, dtype
    if kind is not None and not (isinstance(kind, SafeType) and kind.py_type in (np.recarray, SafeArray)):
        raise NotSupported(VIEW_FORMS)
    target = type(base.array) if kind is None else np.recarray if kind.py_type is np.recarray else np.ndarray
    if dtype is None:
        return wrap_any(interp, _guarded(lambda: base.array.view(target)))
    new = make_dtype(dtype)
    if new != base.array.dtype and not (_packed(_root(base.array).dtype) and _packed(new)):
        raise NotSupported("a view of a structured array as another dtype is supported in Autograd Lab only "
                           "when every byte of its records belongs to a field")
    return wrap_any(interp, _guarded(lambda: base.array.view(dtype=new, type=target)))


VIEW_FORMS = ("Autograd Lab supports `a.view(np.recarray)` and `a.view(dtype, type)` of structured arrays, "
              "type np.recarray or np.ndarray")


def _root(array: np.ndarray) -> np.ndarray:
    while isinstance(array.base, np.ndarray):
        array = array.base
    return array


def _packed(dtype: np.dtype) -> bool:
    """Every byte of an element is a number's, a string's or a bytes field's (no padding, no void)."""
    if dtype.subdtype is not None:
        return _packed(dtype.subdtype[0])
    if dtype.names is None:
        return dtype.kind != "V"
    spans = sorted((entry[1], entry[1] + entry[0].itemsize) for entry in dtype.fields.values())
    at = 0
    for start, end in spans:
        if start != at:
            return False
        at = end
    return at == dtype.itemsize and all(_packed(entry[0]) for entry in dtype.fields.values())
