"""The dtype values of numpy_record_dtypes.py as a program holds them: RecordDtype (a structured, bytes,
void or sub-array dtype: prints as NumPy's; `d.names`, `d.fields`, `d['x']`, `d[['x', 'y']]`), FieldsView
(`d.fields`, NumPy's mappingproxy) and np.record's mark; wrap_dtype picks the wrapper of any dtype.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.inert_values import InertValue, named_kind


def wrap_dtype(dtype: np.dtype) -> Any:
    """A dtype as the program holds it: a numeric one as np.float32's wrapper, a string one as a string
    array's, any other (structured, bytes, void, sub-array) as a RecordDtype."""
    from autogradlab.lang.safe_values import SafeNumpyDtype
    if dtype.kind in "biufc" and dtype.names is None and dtype.subdtype is None and dtype.isnative:
        return SafeNumpyDtype(dtype, instance=True)
    if dtype.kind == "U" and dtype.isnative:
        from autogradlab.lang.numpy_strings import StringDtype
        return StringDtype(dtype)
    from autogradlab.lang.numpy_record_dtypes import checked_dtype
    return RecordDtype(checked_dtype(dtype))


class ShownAs(InertValue):
    """A wrapper that prints as the NumPy object it holds (`shown()`: a dtype, an array, a record)."""

    __slots__ = ()

    def shown(self) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        return repr(self.shown())

    def __str__(self) -> str:
        return str(self.shown())


class RecordMark(InertValue):
    """np.record, as `np.dtype((np.record, arr.dtype))` names it (nothing else of it is reachable). A class
    in NumPy: not in the Variables table (`r = np.record`, `from numpy import record`)."""

    listed = False

    def __repr__(self) -> str:
        return "<class 'numpy.record'>"


RECORD_MARK = RecordMark()


class FieldsView(InertValue):
    """`d.fields`: NumPy's mappingproxy of name -> (dtype, offset[, title]), read only."""

    __slots__ = ("mapping",)

    def __new__(cls, mapping: dict) -> FieldsView:
        return object.__new__(named_kind(FieldsView, "mappingproxy"))

    def __init__(self, mapping: dict) -> None:
        self.mapping = mapping

    def __repr__(self) -> str:
        return f"mappingproxy({self.mapping!r})"

    def __str__(self) -> str:      # print(d.fields): a mappingproxy prints as the dict it shows
        return str(self.mapping)

    def __len__(self) -> int:
        return len(self.mapping)

    def __iter__(self):  # noqa: ANN204
        return iter(list(self.mapping))

    def __contains__(self, key: object) -> bool:
        return key in self.mapping

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def subscript(self, interp: Any, index: Any, node: Any) -> Any:
        if index not in self.mapping:
            from autogradlab.lang.operators import python_error
            raise python_error(KeyError(index))
        return self.mapping[index]

    def call_method(self, interp: Any, name: str, args: list, kwargs: dict) -> Any:
        if name in ("keys", "values", "items") and not args and not kwargs:
            return list(getattr(self.mapping, name)())
        raise NotSupported(f"the method `.{name}()` of a dtype's fields is not supported in Autograd Lab "
                           "(supported: keys(), values(), items())")


def _fields(dtype: np.dtype) -> FieldsView | None:
    if dtype.fields is None:
        return None
    return FieldsView({name: (wrap_dtype(entry[0]), *entry[1:]) for name, entry in dtype.fields.items()})


_ATTRIBUTES = ("names", "fields", "itemsize", "isalignedstruct", "kind", "char", "name", "shape", "descr",
               "str", "ndim", "base", "subdtype", "type", "alignment", "byteorder", "isnative")


class RecordDtype(ShownAs):
    """A structured, bytes ('S3'), void ('V7') or sub-array dtype: prints as NumPy's; `d.names`,
    `d.fields`, `d.itemsize`, `d['x']`, `d[['x', 'y']]`."""

    __slots__ = ("dtype",)

    def __new__(cls, dtype: np.dtype) -> RecordDtype:
        kind = type(dtype)
        return object.__new__(named_kind(RecordDtype, f"{kind.__module__}.{kind.__name__}"))

    def __init__(self, dtype: np.dtype) -> None:
        self.dtype = dtype

    def shown(self) -> np.dtype:
        return self.dtype

    def __eq__(self, other: object) -> bool:
        from autogradlab.lang.safe_values import SafeNumpyDtype
        if isinstance(other, (RecordDtype, SafeNumpyDtype)):
            return bool(self.dtype == other.dtype)
        return False

    def __hash__(self) -> int:
        return hash(self.dtype)

    def attribute(self, interp: Any, name: str, node: Any) -> Any:
        if name not in _ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of a numpy dtype is not supported in Autograd Lab")
        if name == "fields":
            return _fields(self.dtype)
        if name == "base":
            return wrap_dtype(self.dtype.base)
        if name == "subdtype":
            sub = self.dtype.subdtype
            return None if sub is None else (wrap_dtype(sub[0]), sub[1])
        if name == "type":
            from autogradlab.lang.safe_values import SafeType
            kind = self.dtype.type
            return SafeType(f"numpy.{kind.__name__}", kind)
        if name == "descr":
            return self.dtype.descr if self.dtype.names is not None else [("", self.dtype.str)]
        return getattr(self.dtype, name)

    def subscript(self, interp: Any, index: Any, node: Any) -> Any:
        from autogradlab.lang.numpy_ops import _guarded
        if self.dtype.names is None:
            from autogradlab.lang.operators import python_error
            raise python_error(KeyError(f"There are no fields in dtype {self.dtype}."))
        if type(index) is list and not all(type(name) is str for name in index):
            raise ProgramTypeError("a dtype's fields are named by strings")
        if type(index) not in (str, int, list):
            raise ProgramTypeError("Field key must be an integer field offset, single field name, or list "
                                   "of field names.")
        return wrap_dtype(_guarded(lambda: self.dtype[index]))
