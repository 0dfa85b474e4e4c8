"""The methods of NumPy's two-argument ufuncs as numpy-100 writes them: `np.add.reduce(Z)`,
`np.subtract.outer(X, Y)`, `np.add.accumulate(Z)`, `np.add.at(Z, I, 1)`, `np.add.reduceat(F, I)`.

`np.add` is the program's np.add (a SafeFunction named "numpy.add"); its method runs NumPy's own ufunc
method on the arrays, each result counted first (numpy_ops.charge): reduce's at most the array, accumulate's
the array, outer's a.size * b.size, reduceat's one slice per index; at() writes into the program's array
in place, one step per index.

Two of them work far more than their result's size says (red team, session 31; each ran past the sandbox's
hard stop in one C call): at() writes one whole sub-array per index (an index of a 2-d array is a row:
2,000,000 zero indices into a (1, 5,000,000) array is 1e13 writes), and reduceat() reduces the slice from
each index to the next (indices alternating 0 and n - 1 make each pair a pass over the whole array:
4,000,000 of them on 5,000,000 values is 1e13 additions). Both are counted from the shapes and the indices
(Python ints and one vectorised pass over the indices) and checked against max_call_work first: at()
~80 ns a write here (NumPy 2.4, one core: AT_WRITE_WORK units), reduceat ~0.5 ns an element (1 unit).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.calls import require_data
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

METHODS = ("reduce", "accumulate", "outer", "at", "reduceat")
_PARAMS = {"reduce": ("array", "axis", "dtype", "out", "keepdims", "initial"),
           "accumulate": ("array", "axis", "dtype"),
           "outer": ("A", "B"),
           "at": ("a", "indices", "b"),
           "reduceat": ("array", "indices", "axis", "dtype")}
_REQUIRED = {"reduce": 1, "accumulate": 1, "outer": 2, "at": 2, "reduceat": 2}
AT_WRITE_WORK = 100   # units of max_call_work a write of ufunc.at costs (~80 ns; a unit ~0.5-1 ns)
REDUCEAT_INDEX_WORK = 10   # one output slice's fixed cost, in elements


def _check_work(interp: Interpreter, what: str, shape: tuple, work: int) -> None:
    limit = interp.limits.max_call_work
    if work > limit:   # said as np.diff's and torch's call-work messages say it
        raise LimitExceeded(f"{what} of shape {list(shape)} would take about {work:,} arithmetic steps in "
                            f"one call; the limit is {limit:,} per call",
                            hint="use smaller arrays (limit max_call_work)")


def at_work(shape: tuple, indices: Any) -> int:
    """Writes of ufunc.at(a, indices, ...) on an array of `shape`: one sub-array per index (an array
    index picks along the first axis: a row of a 2-d array), times AT_WRITE_WORK."""
    row = math.prod(int(n) for n in shape[1:]) if len(shape) > 1 else 1
    return AT_WRITE_WORK * max(1, int(np.size(indices))) * max(1, row)


def reduceat_work(shape: tuple, axis: int, indices: Any) -> int:
    """Elements ufunc.reduceat(a, indices, axis) reduces: from each index to the next (a pair that does
    not increase: one element), the last to the end of the axis; times the other axes' size. The indices
    are clipped to the axis (NumPy refuses one outside it itself): an upper bound of NumPy's loop."""
    length = int(shape[axis])
    rest = math.prod(int(n) for n in shape) // max(1, length)
    flat = np.asarray(indices).reshape(-1)
    if flat.dtype.kind not in "biu" or not flat.size:
        return rest * (length + REDUCEAT_INDEX_WORK)   # NumPy refuses or reduces nothing (a bound)
    at = np.clip(flat, 0, length).astype(np.int64)
    steps = np.maximum(np.diff(at), 1)   # (Python ints below: the sum of 5M int64s fits)
    slices = int(steps.sum()) + (length - int(at[-1]))
    return rest * (slices + REDUCEAT_INDEX_WORK * int(flat.size))


def ufunc_of(base: Any) -> np.ufunc | None:
    """NumPy's ufunc behind the program's `np.add` (two-argument ufuncs only), else None."""
    if type(base) is not SafeFunction or not base.qualname.startswith("numpy.") \
            or base.qualname.count(".") != 1:
        return None
    ufunc = getattr(np, base.qualname[6:], None)
    return ufunc if isinstance(ufunc, np.ufunc) and ufunc.nin == 2 else None


def _operand(interp: Interpreter, value: Any, what: str) -> Any:
    if isinstance(value, (list, tuple)):
        value = numpy_ops.lists_as_arrays(interp, [value])[0]
    return numpy_ops._raw(value, what)


def call_ufunc_method(interp: Interpreter, ufunc: np.ufunc, name: str, args: list, kwargs: dict,
                      node: ast.AST) -> Any:
    what = f"np.{ufunc.__name__}.{name}"
    params = _PARAMS[name]
    if len(args) > len(params) or set(kwargs) - set(params) or any(p in kwargs for p in params[:len(args)]) \
            or len(args) > 3 and name == "reduce":   # out= is taken by keyword only
        raise NotSupported(f"Autograd Lab supports `{what}({', '.join(params)})`")
    bound = dict(zip(params, args, strict=False)) | kwargs
    for value in bound.values():
        require_data(value, f"in `{what}`")
    missing = [p for p in params[:_REQUIRED[name]] if p not in bound]
    if missing:
        raise python_error(TypeError(f"{name}() missing required argument '{missing[0]}' "
                                     f"(pos {params.index(missing[0])})"))
    dtype = {"dtype": numpy_ops._dtype(bound)} if bound.get("dtype") is not None else {}
    if name == "at":
        target = bound["a"]
        if not isinstance(target, SafeArray):   # it writes into the array: the program's own
            raise python_error(TypeError("first operand must be array"))
        indices = _operand(interp, bound["indices"], what)
        values = () if "b" not in bound else (_operand(interp, bound["b"], what),)
        numpy_ops.charge(interp, int(np.size(indices)), what)
        _check_work(interp, what, np.shape(target.array), at_work(np.shape(target.array), indices))
        numpy_ops._guarded(lambda: ufunc.at(target.array, indices, *values))
        return None
    array = _operand(interp, bound[params[0]], what)
    if name == "outer":
        other = _operand(interp, bound["B"], what)
        numpy_ops.charge(interp, int(np.size(array)) * int(np.size(other)), what)
        return numpy_ops._wrap(numpy_ops._guarded(lambda: ufunc.outer(array, other)))
    axis = bound.get("axis", 0)
    if name == "reduceat":
        indices = _operand(interp, bound["indices"], what)
        shape = np.shape(array)
        if type(axis) is int and shape and -len(shape) <= axis < len(shape):
            numpy_ops.charge(interp, math.prod(shape) // max(1, shape[axis]) * int(np.size(indices)), what)
            _check_work(interp, what, shape, reduceat_work(shape, axis, indices))
        return numpy_ops._wrap(numpy_ops._guarded(
            lambda: ufunc.reduceat(array, indices, axis=axis, **dtype)))
    numpy_ops.charge(interp, int(np.size(array)), what)
    if name == "accumulate":
        return numpy_ops._wrap(numpy_ops._guarded(lambda: ufunc.accumulate(array, axis=axis, **dtype)))
    extra = {k: bound[k] for k in ("keepdims", "initial") if k in bound}
    out = bound.get("out")
    if out is None:
        return numpy_ops._wrap(numpy_ops._guarded(lambda: ufunc.reduce(array, axis=axis, **dtype, **extra)))
    target = out[0] if type(out) is tuple and len(out) == 1 else out
    if not isinstance(target, SafeArray):   # basics.ufuncs: np.multiply.reduce(x, dtype=..., out=y)
        raise python_error(TypeError("return arrays must be of ArrayType"))
    numpy_ops._guarded(lambda: ufunc.reduce(array, axis=axis, **dtype, out=target.array, **extra))
    return target   # NumPy writes into the program's array and returns it (numpy checks shape and cast)
