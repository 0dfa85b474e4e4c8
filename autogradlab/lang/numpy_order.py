"""NumPy's order functions as NumPy lessons use them (issue 9, session 31, from lessons no earlier
session had tried): `np.partition(x, 3)` and `np.argpartition(x, 3, axis=1)` (VanderPlas' Python Data
Science Handbook, "Sorting Arrays"), `np.searchsorted(edges, x)` (its "Fancy Indexing" histogram),
`np.may_share_memory(a, b)` (the scipy-lectures' views) and `np.diag_indices(n)`.

The same checks as the other np.* functions: plain arguments only, results counted before NumPy makes
them, NumPy's own errors. A partition at many kth's scans the lane again for each kth past NumPy's
50 kept pivots (as np.quantile's, numpy_everyday.py), so that work is checked against max_call_work.
`np.shares_memory` is left out: its exact answer solves an integer program whose cost grows
exponentially with crafted strides; `may_share_memory` only compares the memory bounds.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

KEPT_PIVOTS = 50   # NumPy's introselect keeps this many pivots; past them each kth scans its lane again
_HINT = "use smaller arrays (limit max_call_work)"


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    return _raw(lists_as_arrays(interp, [value])[0], what)


def _int(value: Any, what: str) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int(value)
    raise ProgramTypeError(f"{what} must be an int")


def _kth(interp: Interpreter, value: Any, what: str) -> tuple[Any, int]:
    """(kth for NumPy, how many distinct kth's): an int, or what NumPy makes of a number or a list (it
    refuses what is not integer). A list is sized and checked here, then goes to NumPy as the list it
    was, so that NumPy words its own errors."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int(value), 1
    kth = _array(interp, value, what)
    count = len(set(np.ravel(kth).tolist()))
    return (kth.tolist() if isinstance(value, (list, tuple)) else kth), count


def partition_function(name: str) -> SafeFunction:
    """np.partition / np.argpartition (a, kth, axis=-1), also with keywords."""
    form = f"np.{name}(a, kth, axis=-1)"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        names = ("a", "kth", "axis")
        if len(args) > 3 or set(kwargs) - set(names) or set(names[:len(args)]) & set(kwargs):
            raise NotSupported(f"Autograd Lab supports `{form}`")
        bound = {**dict(zip(names, args, strict=False)), **kwargs}
        if "a" not in bound or "kth" not in bound:
            raise NotSupported(f"Autograd Lab supports `{form}`")
        a = _array(interp, bound["a"], f"np.{name}")
        kth, count = _kth(interp, bound["kth"], f"np.{name}")
        axis_value = bound.get("axis", -1)
        axis = None if axis_value is None else _int(axis_value, f"np.{name}: axis")
        size = int(np.size(a))
        charge(interp, size, f"np.{name}")   # the partitioned copy (or its indices)
        limit = interp.sizes.limits.max_call_work
        work = size * (count - KEPT_PIVOTS) if count > KEPT_PIVOTS else 0
        if work > limit:
            raise LimitExceeded(f"np.{name} at {count:,} kth's of {size:,} values would take about "
                                f"{work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                                hint=_HINT)
        return _wrap(_guarded(lambda: getattr(np, name)(a, kth, axis=axis)))
    return SafeFunction(f"numpy.{name}", impl)


def searchsorted(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.searchsorted(a, v, side='left'): one binary search in a per value of v."""
    form = "np.searchsorted(a, v, side='left', sorter=None)"
    if not 2 <= len(args) <= 4 or set(kwargs) - {"side", "sorter"} or \
            len(args) >= 3 and "side" in kwargs or len(args) == 4 and "sorter" in kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    side = args[2] if len(args) >= 3 else kwargs.get("side", "left")
    if not isinstance(side, str):
        raise ProgramTypeError("np.searchsorted: side must be 'left' or 'right'")
    sorter = args[3] if len(args) == 4 else kwargs.get("sorter")
    a, v = _array(interp, args[0], "np.searchsorted"), _array(interp, args[1], "np.searchsorted")
    if sorter is not None:   # the order that sorts a (NumPy checks its length and its range)
        sorter = _array(interp, sorter, "np.searchsorted")
        charge(interp, int(np.size(sorter)), "np.searchsorted")
    charge(interp, int(np.size(v)), "np.searchsorted")
    return _wrap(_guarded(lambda: np.searchsorted(a, v, side=side, sorter=sorter)))


def _may_share_memory(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.may_share_memory(a, b): whether the two arrays' memory bounds overlap (no search: max_work=0
    is NumPy's bounds-only answer, its default for this function)."""
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.may_share_memory(a, b)`")
    a, b = (_raw(v, "np.may_share_memory") for v in args)
    return bool(_guarded(lambda: np.may_share_memory(a, b)))


def _diag_indices(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.diag_indices(n, ndim=2): ndim arrays of n indices."""
    if not 1 <= len(args) <= 2 or set(kwargs) - {"ndim"} or len(args) == 2 and kwargs:
        raise NotSupported("Autograd Lab supports `np.diag_indices(n, ndim=2)`")
    n = _int(args[0], "np.diag_indices: n")
    ndim = _int(args[1] if len(args) == 2 else kwargs.get("ndim", 2), "np.diag_indices: ndim")
    charge(interp, max(n, 1) * max(ndim, 1), "np.diag_indices")
    return tuple(_wrap(v) for v in _guarded(lambda: np.diag_indices(n, ndim)))


def _extract(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.extract(condition, arr): arr's values where condition is true, both read flat (Kyubyong's
    numpy_exercises, session 39); at most arr's size, counted first."""
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.extract(condition, arr)`")
    condition, arr = (_array(interp, value, "np.extract") for value in args)
    charge(interp, max(int(np.size(arr)), int(np.size(condition))), "np.extract")   # the indices, the result
    return _wrap(_guarded(lambda: np.extract(condition, arr)))


def partition_in_place(interp: Interpreter, base: Any, array: np.ndarray, args: list, kwargs: dict) -> None:
    """a.partition(kth, axis=-1): np.partition's copy, with its checks, written back into a (NumPy's
    method has no axis=None: the flat copy would not fit)."""
    axis = args[1] if len(args) > 1 else kwargs.get("axis", -1)
    if axis is None:
        raise ProgramTypeError("'NoneType' object cannot be interpreted as an integer")
    if not array.flags.writeable and type(axis) is int and -array.ndim <= axis < array.ndim:
        # NumPy's own check, after the axis's and before kth's (red team s43: was the write's words,
        # "assignment destination is read-only", for an array made read-only with a.flags.writeable)
        raise python_error(ValueError("partition array is read-only"))
    result = partition_function("partition").impl(interp, [base, *args], kwargs, None)
    _guarded(lambda: array.__setitem__(Ellipsis, _raw(result, "a.partition()")))


def numpy_order_members() -> dict[str, SafeFunction]:
    return {"partition": partition_function("partition"),   # (np.argpartition: numpy_counting.py)
            "extract": SafeFunction("numpy.extract", _extract),
            "searchsorted": SafeFunction("numpy.searchsorted", searchsorted),
            "may_share_memory": SafeFunction("numpy.may_share_memory", _may_share_memory),
            "diag_indices": SafeFunction("numpy.diag_indices", _diag_indices)}
