"""What may meet an operator (lang/operators.py): data; wrappers only in == / !=; lists holding the
program's objects in `+`, `*`, `in`, `==` (lang/stored_objects.py); sets holding them in `in`, the
comparisons and the set operators (CPython hashes and compares those objects by identity, lang/sets.py);
an object of the program's classes looked for only where no program code and no library looks at it."""

from __future__ import annotations

from typing import Any

from autogradlab.errors import NotSupported
from autogradlab.lang.safe_values import (
    SafeArray,
    SafeGradFn,
    SafeNumpyDtype,
    SafeType,
    describe,
    is_data,
    is_storable,
)
from autogradlab.lang.set_value import ProgramSet

_OPAQUE = (SafeArray, SafeType, SafeGradFn, SafeNumpyDtype)
_STORING_OPS = frozenset({"add", "mul", "in", "not_in", "eq", "ne"})
_SET_OPS = frozenset({"in", "not_in", "eq", "ne", "bitwise_or", "bitwise_and", "sub", "bitwise_xor", "lt",
                      "le", "gt", "ge"})   # a set holding objects: CPython compares its items by identity
STORED = frozenset({"ProgramObject", "ProgramClass"})   # what lists may hold besides data
_KEYS = type({}.keys())
_DICT_OPS = frozenset({"in", "not_in", "eq", "ne"})   # a dict holding objects
# `d.keys() & other` holding objects: CPython's set of the view's keys (lang/object_equality.py hashes them);
# a list or tuple beside the view is read as its items (list | list stays Python's TypeError)
_VIEW_SET_OPS = frozenset({"bitwise_or", "bitwise_and", "sub", "bitwise_xor"})


def _is_code(value: Any) -> bool:
    from autogradlab.lang.function_operands import is_code_value
    return is_code_value(value) and type(value).__name__ != "Namespace"


def check_operand(value: Any, op: str) -> None:
    """Only data may meet an operator; wrappers only in == / != (`type(A) == torch.Tensor`); lists
    holding the program's objects in `+`, `*`, `in`, `==` (lang/stored_objects.py)."""
    if not is_data(value):
        if op in ("in", "not_in") and _is_code(value):   # `torch.sin in ops`: compared by identity, as Python
            return
        if op in _STORING_OPS and (type(value).__name__ in STORED and op in ("in", "not_in")
                                   or isinstance(value, list | tuple) and is_storable(value)) \
                or op in _SET_OPS and type(value) is ProgramSet and is_storable(value) \
                or op in _DICT_OPS and type(value) in (dict, _KEYS) and is_storable(value) \
                or op in _VIEW_SET_OPS and (type(value) is _KEYS or isinstance(value, list | tuple)) \
                and is_storable(value):
            return   # `node in d`, `d == e`: hash lookups (by identity for objects and tensors), values by ==
        if isinstance(value, list | tuple | dict):   # `[obj] < [obj]`: names the object inside
            from autogradlab.lang.calls import require_data
            require_data(value, f"in `{op}`")
        raise NotSupported(f"{describe(value)} cannot be used in `{op}`; a function may only be "
                           f"called or passed to jacobian/hessian/vjp/jvp")
    # `type(v) in (int, float)`, `a.dtype in (np.float32, np.float64)`: == each (red team s45: a dtype's
    # was "arithmetic on numpydtype values")
    if isinstance(value, _OPAQUE) and op not in ("eq", "ne") and not (
            op in ("in", "not_in") and (type(value) is SafeType or isinstance(value, SafeNumpyDtype))):
        hint = "; convert with torch.tensor(...) first" if isinstance(value, SafeArray) else ""
        wrapper = type(value).__qualname__.split(".")[0]   # the engine's wrapper (its __name__ is Python's)
        raise NotSupported(f"arithmetic on {wrapper.removeprefix('Safe').lower()} "
                           f"values is not supported in Autograd Lab{hint}")


# What an object of the program's classes may be looked for in (by identity, or by a hash that runs no
# program code); a str, tensor or array would look at it themselves (and name the engine's type).
_OBJECT_CONTAINERS = frozenset({"list", "tuple", "dict", "range", "set", "ProgramSet", "dict_keys"})


def object_in(left: Any, right: Any) -> None:
    if type(right).__name__ == "ProgramObject":   # no __contains__/__iter__: never Python's `in`
        from autogradlab.lang.calls import require_data
        require_data(right, "after `in`")
    if type(left).__name__ in STORED and type(right).__name__ not in _OBJECT_CONTAINERS:
        from autogradlab.lang.calls import require_data
        require_data(left, "before `in`")
