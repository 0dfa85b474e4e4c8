"""NumPy's type hierarchy as basics.types and basics.ufuncs read it (issue 9): `np.issubdtype(d, np.integer)`,
`isinstance(x, np.floating)`, `np.typecodes['All']`, `np.can_cast('i', 'f')`.

The abstract classes (np.integer, np.floating, ...) are SafeTypes: they print as NumPy's classes and answer
isinstance; calling one is refused as any SafeType without a conversion. np.can_cast and np.issubdtype
take dtypes, scalar types and the one-character codes of np.typecodes['All'] (NumPy builds a dtype of each
code, object and datetime ones included, only to compare it; no array is made).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.numpy_ops import _guarded
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, SafeType

ABSTRACT = ("generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating",
            "complexfloating")
ABSTRACT_TYPES = {name: SafeType(f"numpy.{name}", getattr(np, name)) for name in ABSTRACT}
_CODES = frozenset(np.typecodes["All"])


def _kind(value: Any, what: str) -> Any:
    """What NumPy's own function is given for one argument (never a program's object)."""
    from autogradlab.lang.numpy_record_values import RecordDtype
    if isinstance(value, SafeNumpyDtype):
        return value.dtype.type if value.scalar_type else value.dtype
    if isinstance(value, RecordDtype):
        return value.dtype
    if isinstance(value, SafeType) and (value.py_type in (int, float, bool, complex)
                                        or value in ABSTRACT_TYPES.values()):
        return value.py_type
    if type(value) is str:
        if value in _CODES:
            return np.dtype(value)
        from autogradlab.lang.numpy_dtype_names import dtype_named
        return dtype_named(value).dtype
    from autogradlab.lang.data_wrappers import SafeArray
    if isinstance(value, SafeArray):
        return value.array.dtype
    raise ProgramTypeError(f"{what} takes dtypes, numpy types or type codes in Autograd Lab")


def _issubdtype(interp: Any, args: list, kwargs: dict, node: Any) -> bool:
    if kwargs or len(args) != 2:
        raise NotSupported("Autograd Lab supports `np.issubdtype(arg1, arg2)`")
    a, b = (_kind(v, "np.issubdtype") for v in args)
    return bool(_guarded(lambda: np.issubdtype(a, b)))


def _can_cast(interp: Any, args: list, kwargs: dict, node: Any) -> bool:
    if len(args) + len(kwargs) not in (2, 3) or set(kwargs) - {"casting"} or len(args) > 3:
        raise NotSupported("Autograd Lab supports `np.can_cast(from_, to, casting='safe')`")
    casting = kwargs.get("casting", args[2] if len(args) == 3 else "safe")
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ProgramTypeError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    a, b = (_kind(v, "np.can_cast") for v in args[:2])
    return bool(_guarded(lambda: np.can_cast(a, b, casting=casting)))


def numpy_type_tree_members() -> dict[str, Any]:
    return {**ABSTRACT_TYPES, "typecodes": dict(np.typecodes),
            "issubdtype": SafeFunction("numpy.issubdtype", _issubdtype),
            "can_cast": SafeFunction("numpy.can_cast", _can_cast)}
