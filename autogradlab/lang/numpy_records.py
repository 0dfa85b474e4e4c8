"""NumPy's structured arrays as its user guide teaches them (basics.rec, issue 9): `np.array(rows,
dtype=[('name', 'U10'), ('age', 'i4')])`, `np.zeros(2, dtype='i8, f4, ?, S1')`, a field `x['age']` (a view:
writing to it writes into x), several fields `a[['a', 'c']]`, a record `x[1]` (np.void, also a view),
`x[1] = (7, 8, 9)`, `a == b`, `np.rec.array(...)` and `arr.view(np.recarray)` (`r.foo`).

A RecordArray is not a SafeArray: no numeric path of the engine ever sees one. It also holds the bytes
('S3') and void ('V7') arrays a field or a dtype string gives, and a numeric array of a non-native byte
order. Its dtype was checked by numpy_record_dtypes (no object fields, at most MAX_ITEMSIZE bytes a
record); every array it makes is charged as records * ceil(itemsize / 4) elements before it is made.
Elements read out are the engine's values: numbers, str, numeric arrays (SafeArray), string arrays,
records; a bytes element is refused by name.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.bytes_values import BytesValue, make_bytes, to_bytes, unwrapped
from autogradlab.lang.data_wrappers import SafeArray
from autogradlab.lang.numpy_ops import _guarded, charge
from autogradlab.lang.numpy_record_dtypes import checked_dtype, make_dtype
from autogradlab.lang.numpy_record_values import FieldsView, ShownAs, wrap_dtype
from autogradlab.lang.record_weight import array_weight
from autogradlab.lang.safe_values import SafeFunction

_NAMED: dict[str, type] = {}
_ARRAY_ATTRIBUTES = ("shape", "ndim", "size", "dtype", "itemsize", "nbytes", "strides", "T")


def _kind(base: type, name: str) -> type:
    kind = _NAMED.get(name)
    if kind is None:   # a subclass named as NumPy's class (type() and CPython's messages name it)
        kind = _NAMED[name] = type(name, (base,), {})
    return kind


def units(dtype: np.dtype) -> int:
    """What one element of `dtype` counts towards the size limits: its bytes in 4-byte elements."""
    return max(1, -(-dtype.itemsize // 4))


def charge_records(interp: Any, count: int, dtype: np.dtype, what: str) -> None:
    charge(interp, count * units(dtype), f"{what} ({count:,} × {units(dtype)})")   # records × 4-byte units


def plain_numeric(dtype: np.dtype) -> bool:
    return dtype.kind in "biufc" and dtype.names is None and dtype.subdtype is None and dtype.isnative


class RecordArray(ShownAs):
    """A structured (or bytes, void) numpy array; `rec` marks np.recarray (fields read as attributes)."""

    def __new__(cls, array: np.ndarray) -> RecordArray:
        name = "numpy.rec.recarray" if isinstance(array, np.recarray) else "numpy.ndarray"
        return object.__new__(_kind(RecordArray, name))

    def __init__(self, array: np.ndarray) -> None:
        checked_dtype(array.dtype)
        self.array = array

    def shown(self) -> np.ndarray:
        return self.array

    def own_text_weight(self) -> int:
        return array_weight(self.array)

    def __len__(self) -> int:
        return len(self.array)

    def attribute(self, interp: Any, name: str, node: Any) -> Any:
        if name in _ARRAY_ATTRIBUTES:
            if name == "dtype":
                return wrap_dtype(self.array.dtype)
            if name == "T":
                return wrap_any(interp, self.array.T)
            value = getattr(self.array, name)
            return tuple(int(n) for n in value) if isinstance(value, tuple) else int(value)
        names = self.array.dtype.names or ()
        if isinstance(self.array, np.recarray) and name in names:   # recordarr.foo
            return wrap_any(interp, self.array.field(name))
        raise NotSupported(f"the attribute `.{name}` of a numpy structured array is not supported in "
                           "Autograd Lab (supported: its fields by name, a['x'], shape, ndim, size, dtype)")

    def call_method(self, interp: Any, name: str, args: list, kwargs: dict) -> Any:
        if name == "copy" and not args and not kwargs:
            charge_records(interp, self.array.size, self.array.dtype, "copy")
            return wrap_any(interp, self.array.copy())
        if name == "tolist" and not args and not kwargs:   # its strings and bytes count too (4-byte units)
            size = int(self.array.size)
            interp.sizes.charge_sequence(size, "the list", added=size * units(self.array.dtype))
            return plain_items(_guarded(self.array.tolist))
        if name == "astype" and len(args) == 1 and not kwargs:   # np.array([b"hello"]).astype(np.void)
            new = np.void if is_void(args[0]) else make_dtype(args[0])
            charge_records(interp, self.array.size, np.dtype(new) if new is not np.void else self.array.dtype,
                           "astype")
            return wrap_any(interp, _guarded(lambda: self.array.astype(new)))
        if name == "tobytes" and not args and not kwargs:   # np.array(words, dtype="S7").tobytes()
            return to_bytes(interp, self.array, "a.tobytes()")
        if name == "item" and not kwargs:
            interp.sizes.charge_sequence(1, "the item", added=units(self.array.dtype))
            return plain_items(_guarded(lambda: self.array.item(*_ints(args))))
        if name == "view":   # arr.view(np.recarray) (numpy_record_views.py)
            from autogradlab.lang.numpy_record_views import view
            return view(interp, self, args, kwargs)
        raise NotSupported(f"the method `.{name}()` of a numpy structured array is not supported in Autograd "
                           "Lab (supported: copy(), tolist(), item(), tobytes(), astype(), view())")

    def subscript(self, interp: Any, index: Any, node: Any) -> Any:
        return wrap_any(interp, _guarded(lambda: self.array[_index(interp, self.array, index)]))


class RecordScalar(ShownAs):
    """One record, `x[1]`: NumPy's np.void (np.record in a recarray), a view into the array's memory."""

    __slots__ = ("value",)

    def __new__(cls, value: np.void) -> RecordScalar:
        name = "numpy.record" if isinstance(value, np.record) else "numpy.void"
        return object.__new__(_kind(RecordScalar, name))

    def __init__(self, value: np.void) -> None:
        self.value = value

    def shown(self) -> np.void:
        return self.value

    def own_text_weight(self) -> int:
        return array_weight(self.value)

    def __len__(self) -> int:
        return len(self.value)

    def attribute(self, interp: Any, name: str, node: Any) -> Any:
        if name == "dtype":
            return wrap_dtype(self.value.dtype)
        if name in ("itemsize", "nbytes"):
            return int(self.value.dtype.itemsize)
        if isinstance(self.value, np.record) and name in (self.value.dtype.names or ()):
            return element(interp, self.value[name])
        raise NotSupported(f"the attribute `.{name}` of a numpy record is not supported in Autograd Lab "
                           "(supported: r['x'], r[0], item(), dtype)")

    def call_method(self, interp: Any, name: str, args: list, kwargs: dict) -> Any:
        if name in ("item", "tolist") and not args and not kwargs:   # the record's strings count too
            interp.sizes.charge_sequence(1, "the item", added=units(self.value.dtype))
            return plain_items(_guarded(getattr(self.value, name)))
        raise NotSupported(f"the method `.{name}()` of a numpy record is not supported in Autograd Lab "
                           "(supported: item(), tolist())")

    def subscript(self, interp: Any, index: Any, node: Any) -> Any:
        if type(index) not in (str, int, list):
            raise ProgramTypeError("a numpy record takes a field name or an int index")
        return element(interp, _guarded(lambda: self.value[index]))


def _void(interp: Any, args: list, kwargs: dict, node: Any) -> RecordScalar:
    """np.void(b"hello"): the raw bytes as one void scalar (np.void(5): five zero bytes)."""
    if kwargs or len(args) != 1 or not (isinstance(args[0], BytesValue) or type(args[0]) is int):
        raise NotSupported("Autograd Lab supports `np.void(b'...')` and `np.void(length)`")
    data = args[0].data if isinstance(args[0], BytesValue) else None
    interp.sizes.charge_sequence(len(data) if data is not None else max(args[0], 0), "np.void")
    return RecordScalar(_guarded(lambda: np.void(data if data is not None else args[0])))


VOID = SafeFunction("numpy.void", _void)


def is_void(value: Any) -> bool:
    return value is VOID


def _ints(args: list) -> list:
    if not all(type(a) is int for a in args):
        raise ProgramTypeError("item() takes int indices")
    return args


def plain_items(value: Any) -> Any:
    """What tolist() / item() give, as the program may hold it: tuples, lists, numbers, str and bytes (an
    'S' field's, within the array's own size)."""
    if isinstance(value, bytes):
        return BytesValue(value)
    if isinstance(value, (list, tuple)):
        return type(value)(plain_items(item) for item in value)
    if isinstance(value, np.ndarray):   # a sub-array field inside item()
        return SafeArray(value) if plain_numeric(value.dtype) else plain_items(value.tolist())
    return value


def element(interp: Any, value: Any) -> Any:
    """An element or part read out of a record or an array."""
    if isinstance(value, np.ndarray):
        return wrap_any(interp, value)
    if isinstance(value, np.void):   # a record, or the raw bytes of a 'V7' array's element
        return RecordScalar(value)
    if isinstance(value, (bytes, np.bytes_)):   # recordarr[1].baz: b'World' (bytes_values.py)
        return make_bytes(interp, bytes(value), "the bytes", numpy=True)
    if isinstance(value, np.str_):   # a 'U' field's: counted as a new string
        if interp is not None:
            interp.sizes.charge_sequence(len(value), "the string")
        return value   # NumPy's np.str_ (numpy_strings.py)
    return value


def wrap_any(interp: Any, value: Any, charged: bool = True) -> Any:
    """An ndarray NumPy gave: numeric -> SafeArray, strings -> StringArray, the rest -> RecordArray; each
    counted towards the size limits (a view too: it is cheap, and a loop of them is relieved by
    live_memory)."""
    if not isinstance(value, np.ndarray):
        return element(interp, value)
    dtype = value.dtype
    if charged:
        charge_records(interp, int(value.size), dtype, "the array")
    if plain_numeric(dtype) and type(value) is np.ndarray:
        return SafeArray(value)
    if dtype.kind == "U" and dtype.isnative and type(value) is np.ndarray:
        from autogradlab.lang.numpy_strings import StringArray, check_chars
        check_chars(int(value.size), dtype.itemsize // 4, "the string array")   # its own bound
        return StringArray(value)
    if plain_numeric(dtype):   # a recarray's numeric field is a plain ndarray in NumPy
        return SafeArray(value.view(np.ndarray))
    return RecordArray(value)


def _index(interp: Any, array: np.ndarray, index: Any) -> Any:
    """A checked index: a field name, a list of them, ints, slices, a mask or an int array (sized)."""
    from autogradlab.lang.numpy_ops import lists_as_arrays
    if type(index) is str:
        return index
    if type(index) is list and index and all(type(name) is str for name in index):
        return index
    if isinstance(index, list):
        index = lists_as_arrays(interp, [index])[0]
    raw = index.array if isinstance(index, SafeArray) else index
    if isinstance(raw, np.ndarray):
        if raw.dtype.kind not in "biu":
            raise NotSupported("a numpy structured array takes ints, slices, a mask, an int array or field "
                               "names as index in Autograd Lab")
        if raw.dtype.kind in "iu":
            charge_records(interp, int(raw.size) * max(math.prod(array.shape[1:]), 1), array.dtype,
                           "indexing the array")
        return raw
    parts = raw if isinstance(raw, tuple) else (raw,)
    plain = (int, np.integer, slice, type(None), type(Ellipsis))
    if not all(isinstance(part, plain) and not isinstance(part, bool) for part in parts):
        raise NotSupported("a numpy structured array takes ints, slices, a mask, an int array or field names "
                           "as index in Autograd Lab")
    return raw


_VALUES = (bool, int, float, complex, str, np.number, np.bool_, tuple, list, BytesValue)


def _raw_value(interp: Any, value: Any) -> Any:
    from autogradlab.lang.calls import require_data
    from autogradlab.lang.numpy_strings import StringArray
    if isinstance(value, (SafeArray, RecordArray, StringArray)):
        return value.array
    if isinstance(value, RecordScalar):
        return value.value
    if not isinstance(value, _VALUES):
        raise NotSupported("a numpy structured array takes numbers, strings, tuples, lists or arrays in "
                           "Autograd Lab")
    if isinstance(value, BytesValue):
        return value.data
    if isinstance(value, (list, tuple)):
        require_data(value, "in the assignment")
        interp.sizes.check_nested(value, "the assignment")
        if _holds_arrays(value):
            raise NotSupported("a numpy structured array takes numbers, strings, tuples, lists or arrays "
                               "in Autograd Lab")
        return unwrapped(value)
    return value


def _holds_arrays(value: Any) -> bool:
    stack, seen = [value], set()
    while stack:
        seq = stack.pop()
        for item in seq:
            if isinstance(item, (list, tuple)):   # a list or tuple met again (`[(1, 2)] * 3`): walked once
                if id(item) not in seen:
                    seen.add(id(item))
                    stack.append(item)
            elif not isinstance(item, (bool, int, float, complex, str, np.number, np.bool_, BytesValue)):
                return True
    return False


def set_item(interp: Any, base: Any, index: Any, value: Any) -> None:
    """`x['age'] = 5`, `x[1] = (7, 8, 9)`, `a[['a', 'c']] = (2, 3)`, `s['bar'] = 100` (s = x[0])."""
    raw = _raw_value(interp, value)
    if isinstance(base, RecordScalar):
        if type(index) not in (str, int):
            raise ProgramTypeError("a numpy record takes a field name or an int index")
        target, key = base.value, index
    else:
        target, key = base.array, _index(interp, base.array, index)

    def write() -> None:
        target[key] = raw

    _guarded(write)


def items(interp: Any, value: RecordArray) -> Any:
    """`for row in x`: its records (np.void), or rows of a structured array of more dimensions."""
    from autogradlab.lang.numpy_strings import array_rows
    return array_rows(interp, value.array, element)


RECORD_VALUES = (RecordArray, RecordScalar, FieldsView, BytesValue)   # with call_method (attributes.py)
