"""np.tensordot(a, b, axes=2) (numpy.linalg's reference, d2l's linear algebra) and a few NumPy basics the
linalg examples use beside it: np.count_nonzero, np.fliplr, np.flipud (`a.conj()`: numpy_array_methods.py).

tensordot's result has a's free dimensions then b's, and takes result x (contracted size) multiply-adds:
both are worked out from the shapes with Python ints before NumPy transposes, copies or multiplies; the
result is charged like any array (max_tensor_elements, the run's total) and the multiply-adds count
1/PRODUCT_SPEEDUP of a work unit each, as a matrix product's do in call_work (limit max_call_work). Axes
that do not name dimensions of a and b are NumPy's own error, raised before it allocates; if the rule
here cannot read them, the bound is the outer product's (fail closed).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays, product_weight
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _axes_lists(axes: Any) -> tuple[list[int], list[int]] | None:
    """NumPy's reading of axes: an int N (a's last N with b's first N) or a pair of ints / int lists."""
    if type(axes) is int:
        return list(range(-axes, 0)), list(range(0, axes))
    if type(axes) not in (tuple, list) or len(axes) != 2:
        return None
    pair = []
    for side in axes:
        items = [side] if type(side) is int else list(side) if type(side) in (tuple, list) else None
        if items is None or len(items) > 32 or not all(type(i) is int for i in items):
            return None
        pair.append(items)
    return pair[0], pair[1]


def _shape_and_sum(a: Any, b: Any, axes: Any) -> tuple[int, int]:
    """(result elements, contracted size) of tensordot(a, b, axes); the outer product's bound when the
    axes cannot be read here."""
    bound = (int(np.size(a)) * int(np.size(b)), 1)
    lists = _axes_lists(axes)
    if lists is None or len(lists[0]) != len(lists[1]):
        return bound
    shape_a, shape_b = np.shape(a), np.shape(b)
    try:
        taken_a = {i % len(shape_a) if -len(shape_a) <= i < len(shape_a) else None for i in lists[0]}
        taken_b = {i % len(shape_b) if -len(shape_b) <= i < len(shape_b) else None for i in lists[1]}
    except ZeroDivisionError:   # a 0-d array: NumPy's own error
        return bound
    if None in taken_a or None in taken_b:
        return bound
    free = [n for i, n in enumerate(shape_a) if i not in taken_a] + \
        [n for i, n in enumerate(shape_b) if i not in taken_b]
    summed = math.prod(int(shape_a[i]) for i in taken_a)
    return math.prod(int(n) for n in free), summed


def _tensordot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.call_work import PRODUCT_SPEEDUP
    if not 2 <= len(args) <= 3 or set(kwargs) - {"axes"} or (len(args) == 3 and kwargs):
        raise NotSupported("Autograd Lab supports `np.tensordot(a, b, axes=2)`")
    a, b = (_raw(v, "np.tensordot") for v in lists_as_arrays(interp, args[:2]))
    axes = args[2] if len(args) == 3 else kwargs.get("axes", 2)
    if _axes_lists(axes) is None:
        raise NotSupported("Autograd Lab supports `np.tensordot(a, b, axes)` with axes an int or a pair of "
                           "ints or int lists")
    elements, summed = _shape_and_sum(a, b, axes)
    charge(interp, elements, "np.tensordot")
    work = -(-elements * summed * max(1, product_weight(a, b)) // PRODUCT_SPEEDUP)   # int64: 16 x
    limit = interp.sizes.limits.max_call_work
    if work > limit:
        raise LimitExceeded(
            f"np.tensordot of shape {list(np.shape(a))}, {list(np.shape(b))} would take about {work:,} "
            f"arithmetic steps in one call; the limit is {limit:,} per call",
            hint="use smaller tensors (limit max_call_work)")
    return _wrap(_guarded(lambda: np.tensordot(a, b, axes)))


def _linalg_tensordot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.linalg.tensordot(x1, x2, /, *, axes=2): axes by keyword only, as in NumPy."""
    if len(args) > 2:
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"tensordot() takes 2 positional arguments but {len(args)} were given"))
    return _tensordot(interp, args, kwargs, node)


def _count_nonzero(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or set(kwargs) - {"axis", "keepdims"}:
        raise NotSupported("Autograd Lab supports `np.count_nonzero(a, axis=None, keepdims=False)`")
    (a,) = (_raw(v, "np.count_nonzero") for v in lists_as_arrays(interp, args))
    axis = kwargs.get("axis")
    if not (axis is None or type(axis) is int or type(axis) is tuple and all(type(i) is int for i in axis)):
        raise NotSupported("Autograd Lab supports np.count_nonzero's axis as an int or a tuple of ints")
    keepdims = kwargs.get("keepdims", False)
    if type(keepdims) is not bool:
        raise NotSupported("Autograd Lab supports `keepdims=True` or `False` in np.count_nonzero")
    return _wrap(_guarded(lambda: np.count_nonzero(a, axis=axis, keepdims=keepdims)))


def _flip(name: str):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 1 or kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(m)`")
        (m,) = (_raw(v, f"np.{name}") for v in lists_as_arrays(interp, args))
        return _wrap(_guarded(lambda: getattr(np, name)(m)))   # a view
    return impl


def numpy_tensordot_members() -> dict[str, SafeFunction]:
    return {"tensordot": SafeFunction("numpy.tensordot", _tensordot),
            "count_nonzero": SafeFunction("numpy.count_nonzero", _count_nonzero),
            **{name: SafeFunction(f"numpy.{name}", _flip(name)) for name in ("fliplr", "flipud")}}
