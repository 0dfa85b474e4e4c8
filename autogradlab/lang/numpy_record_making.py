"""Making structured arrays (numpy_records.py) as NumPy's basics.rec makes them: `np.array(rows, dtype=...)`,
`np.zeros(2, dtype='i8, f4, ?, S1')`, `np.ones`, `np.rec.array(rows, dtype=...)` / `np.rec.array(arr)`,
`np.dtype(spec, align=True)` and `np.result_type` of dtypes. The records are counted before NumPy makes
them (records * ceil(itemsize / 4) elements): a list's records are its items down to the first tuple.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.bytes_values import BytesValue, unwrapped
from autogradlab.lang.numpy_ops import _guarded
from autogradlab.lang.numpy_record_dtypes import is_record_spec, make_dtype
from autogradlab.lang.numpy_record_values import RecordDtype, wrap_dtype
from autogradlab.lang.numpy_records import RecordArray, RecordScalar, _holds_arrays, charge_records, wrap_any
from autogradlab.lang.safe_values import Namespace, SafeArray, SafeFunction, SafeNumpyDtype, SafeType

_ONE_RECORD = (bool, int, float, complex, str, np.number, np.bool_, BytesValue)


def _records(data: Any) -> int:
    """How many records np.array makes of `data`: the items of its lists down to the first non-list (a
    tuple is one record); lists shared in several places counted each time (the caller checked the
    nested size)."""
    if not isinstance(data, list):
        return 1
    count, stack = 0, [data]
    while stack:
        seq = stack.pop()
        for item in seq:
            if isinstance(item, list):
                stack.append(item)
            else:
                count += 1
    return count


def record_array(interp: Any, data: Any, spec: Any, align: bool = False, rec: bool = False) -> RecordArray:
    """np.array(data, dtype=spec) of a structured (or bytes, void) dtype; np.rec.array with rec."""
    from autogradlab.lang.calls import require_data
    dtype = spec if isinstance(spec, np.dtype) else make_dtype(spec, align)
    if isinstance(data, (RecordArray, RecordScalar)):
        raw = data.array if isinstance(data, RecordArray) else data.value
        charge_records(interp, int(np.size(raw)), dtype, "np.array")
        result = _guarded(lambda: np.array(raw, dtype=dtype))
    else:
        require_data(data, "in `np.array`")
        interp.sizes.check_nested(data, "np.array")
        if isinstance(data, (list, tuple)) and _holds_arrays(data):
            raise NotSupported("Autograd Lab makes structured arrays of lists of tuples of numbers and "
                               "strings")
        if not isinstance(data, (list, tuple, *_ONE_RECORD)):
            raise NotSupported("Autograd Lab makes structured arrays of lists of tuples of numbers and "
                               "strings")
        charge_records(interp, _records(data), dtype, "np.array")
        plain = unwrapped(data)   # b"hello" -> bytes (bytes_values.py)
        result = _guarded(lambda: np.array(plain, dtype=dtype))
    if rec:
        result = _guarded(lambda: result.view(np.recarray))
    return wrap_any(interp, result)


def bytes_array(interp: Any, data: Any) -> Any:
    """np.array([b"hello", b"world"]): NumPy's 'S' array of the longest one's width, counted first."""
    from autogradlab.lang.calls import require_data
    from autogradlab.lang.numpy_strings import _leaves
    require_data(data, "in `np.array`")
    interp.sizes.check_nested(data, "np.array")
    leaves: list = []
    _leaves(data, leaves)
    if not all(isinstance(leaf, BytesValue) for leaf in leaves):
        raise NotSupported("Autograd Lab makes arrays of bytes of lists of bytes only")
    width = max((len(leaf) for leaf in leaves), default=1)
    return record_array(interp, data, np.dtype(f"S{max(width, 1)}"))


def record_filled(interp: Any, name: str, shape: tuple[int, ...], spec: Any) -> Any:
    """np.zeros(shape, dtype=spec) / np.ones of a structured dtype."""
    dtype = make_dtype(spec)
    charge_records(interp, math.prod(shape), dtype, f"np.{name}")
    return wrap_any(interp, _guarded(lambda: getattr(np, name)(shape, dtype=dtype)))


def numpy_dtype(args: list, kwargs: dict) -> Any | None:
    """np.dtype(spec, align=...) of a structured, bytes or void spec, else None (the numeric path)."""
    if len(args) != 1 or set(kwargs) - {"align"}:
        if len(args) == 2 and not kwargs and isinstance(args[1], (int, tuple)):   # np.dtype('f8', (2,))
            return wrap_dtype(make_dtype((args[0], args[1])))
        if len(args) == 2 and not kwargs and type(args[1]) is bool:   # np.dtype(spec, True): align
            return wrap_dtype(make_dtype(args[0], args[1]))
        raise NotSupported("Autograd Lab supports `np.dtype(spec)` and `np.dtype(spec, align=True)`")
    if not (is_record_spec(args[0]) or kwargs):
        return None
    return wrap_dtype(make_dtype(args[0], kwargs.get("align", False)))


def _result_type(interp: Any, args: list, kwargs: dict, node: Any) -> Any:
    """np.result_type of dtypes (structured ones too, as basics.rec shows), arrays and numbers."""
    if kwargs or not 1 <= len(args) <= 32:
        raise NotSupported("Autograd Lab supports `np.result_type(*dtypes_or_arrays)`")
    raw = []
    for value in args:
        if isinstance(value, (RecordDtype, SafeNumpyDtype)):
            raw.append(value.dtype)
        elif isinstance(value, (SafeArray, RecordArray)):
            raw.append(value.array.dtype)
        elif isinstance(value, SafeType) and value.py_type in (int, float, bool, complex):
            raw.append(np.dtype(value.py_type))
        elif type(value) in (int, float, bool, complex) or isinstance(value, (np.number, np.bool_)):
            raw.append(value)
        elif type(value) is str:
            raw.append(make_dtype(value))
        else:
            raise NotSupported("Autograd Lab supports `np.result_type(*dtypes_or_arrays)`")
    return wrap_dtype(_guarded(lambda: np.result_type(*raw)))


def _rec_array(interp: Any, args: list, kwargs: dict, node: Any) -> Any:
    """np.rec.array(rows, dtype=...) or np.rec.array(structured_array)."""
    if len(args) != 1 or set(kwargs) - {"dtype"}:
        raise NotSupported("Autograd Lab supports `np.rec.array(data, dtype=...)` and `np.rec.array(arr)`")
    data, spec = args[0], kwargs.get("dtype")
    if spec is None:
        if not isinstance(data, RecordArray) or data.array.dtype.names is None:
            raise NotSupported("Autograd Lab supports `np.rec.array(data, dtype=...)` and "
                               "`np.rec.array(arr)`")
        spec = data.array.dtype
    elif isinstance(spec, (RecordDtype, SafeNumpyDtype)):
        spec = spec.dtype
    return record_array(interp, data, spec, rec=True)


RECARRAY_TYPE = SafeType("numpy.rec.recarray", np.recarray)


def rec_namespace() -> Namespace:
    return Namespace("numpy.rec", {"array": SafeFunction("numpy.rec.array", _rec_array),
                                   "recarray": RECARRAY_TYPE})


def _repack_fields(interp: Any, args: list, kwargs: dict, node: Any) -> Any:
    """numpy.lib.recfunctions.repack_fields(a): a copy without padding (of a dtype: the packed dtype)."""
    from numpy.lib import recfunctions
    if len(args) != 1 or kwargs or not isinstance(args[0], (RecordArray, RecordDtype)):
        raise NotSupported("Autograd Lab supports `repack_fields(a)` of a structured array or dtype")
    if isinstance(args[0], RecordDtype):
        return wrap_dtype(_guarded(lambda: recfunctions.repack_fields(args[0].dtype)))
    array = args[0].array
    charge_records(interp, int(array.size), array.dtype, "repack_fields")
    return wrap_any(interp, _guarded(lambda: recfunctions.repack_fields(array)))


def _to_unstructured(interp: Any, args: list, kwargs: dict, node: Any) -> Any:
    """numpy.lib.recfunctions.structured_to_unstructured(arr[, dtype]): the fields side by side in a last
    axis, as numbers; its elements (records * the fields' leaf elements) counted first."""
    from numpy.lib import recfunctions
    if len(args) != 1 or set(kwargs) - {"dtype"} or not isinstance(args[0], RecordArray) \
            or args[0].array.dtype.names is None:
        raise NotSupported("Autograd Lab supports `structured_to_unstructured(arr, dtype=...)` of a "
                           "structured array")
    array = args[0].array
    dtype = None if kwargs.get("dtype") is None else make_dtype(kwargs["dtype"])
    try:   # the result's dtype: the one given, or the fields' common type (NumPy says if there is none)
        out = dtype or np.result_type(*(array.dtype.fields[name][0].base for name in array.dtype.names))
    except TypeError:
        out = np.dtype("f8")
    charge_records(interp, int(array.size) * _leaves(array.dtype), out, "structured_to_unstructured")
    return wrap_any(interp, _guarded(lambda: recfunctions.structured_to_unstructured(array, dtype=dtype)))


def _leaves(dtype: np.dtype) -> int:
    """Numbers one record of `dtype` holds, through sub-arrays and nested fields (at most 8 levels)."""
    if dtype.subdtype is not None:
        return _leaves(dtype.subdtype[0]) * math.prod(dtype.subdtype[1])
    if dtype.names is None:
        return 1
    return sum(_leaves(dtype.fields[name][0]) for name in dtype.names)


def recfunctions_namespace() -> Namespace:
    return Namespace("numpy.lib.recfunctions", {
        "repack_fields": SafeFunction("numpy.lib.recfunctions.repack_fields", _repack_fields),
        "structured_to_unstructured": SafeFunction("numpy.lib.recfunctions.structured_to_unstructured",
                                                   _to_unstructured)})


def numpy_record_members() -> dict[str, Any]:
    from autogradlab.lang.numpy_record_values import RECORD_MARK
    from autogradlab.lang.numpy_records import VOID
    return {"rec": rec_namespace(), "recarray": RECARRAY_TYPE, "record": RECORD_MARK, "void": VOID,
            "result_type": SafeFunction("numpy.result_type", _result_type)}


def dtype_spec(value: Any) -> Any | None:
    """The structured spec a dtype= argument names, or None for a numeric dtype."""
    if isinstance(value, RecordDtype):
        return value.dtype
    if is_record_spec(value):
        return value
    return None

