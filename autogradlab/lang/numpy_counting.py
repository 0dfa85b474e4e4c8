"""NumPy functions whose result's size depends on the values or on a count (numpy-100 and NumPy lessons
use them): np.bincount, np.diff, np.unravel_index, np.indices, np.pad, np.argpartition, np.fromiter and the
set functions np.intersect1d / union1d / setdiff1d.

Each result is counted before NumPy makes it (numpy_ops.charge: max_tensor_elements and the run's total):
bincount's length is the largest value + 1 (or minlength), read from the already-made input; pad's shape
is the array's plus its pad widths; unravel_index and indices make one array per dimension. np.diff's
passes are bounded too: after as many passes as the axis is long the result is empty, so NumPy is asked
for no more passes than that (the same result), and the passes' work counts against max_call_work.
"""

from __future__ import annotations

import ast
import math
import operator
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.calls import require_data
from autogradlab.lang.numpy_order import partition_function
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

DIFF_PASS_WORK = 100   # one pass's fixed cost (slicing, a new array), in arithmetic steps


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    """A list argument made into an array as np.array makes it (sized first); an array or number as is."""
    if isinstance(value, (list, tuple)):
        value = numpy_ops.lists_as_arrays(interp, [value])[0]
    return numpy_ops._raw(value, what)


def _bind(what: str, params: tuple[str, ...], required: int, args: list, kwargs: dict) -> dict:
    unknown = sorted(set(kwargs) - set(params))
    if unknown:   # as NumPy says it (`except TypeError` catches it)
        raise python_error(TypeError(f"{what[3:]}() got an unexpected keyword argument '{unknown[0]}'"))
    if len(args) > len(params) or any(p in kwargs for p in params[:len(args)]):
        raise NotSupported(f"Autograd Lab supports `{what}({', '.join(params)})`")
    bound = dict(zip(params, args, strict=False)) | kwargs
    missing = [p for p in params[:required] if p not in bound]
    if missing:
        raise python_error(TypeError(f"{what.split('.')[-1]}() missing required argument '{missing[0]}'"))
    for value in bound.values():
        require_data(value, f"in `{what}`")
    return bound


def _index(value: Any) -> int | None:
    try:
        return operator.index(value)
    except TypeError:
        return None


def _bincount(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("np.bincount", ("x", "weights", "minlength"), 1, args, kwargs)
    x = _array(interp, bound["x"], "np.bincount")
    if isinstance(bound["x"], (list, tuple)) and not bound["x"]:
        x = np.array([], dtype=np.intp)   # NumPy reads an empty list as intp here, not float64
    weights = bound.get("weights")
    weights = None if weights is None else _array(interp, weights, "np.bincount")
    minlength = bound.get("minlength", 0)
    length = _index(minlength) or 0
    if isinstance(x, np.ndarray) and x.ndim == 1 and x.size and x.dtype.kind in "biu":
        length = max(length, int(x.max()) + 1)   # NumPy refuses a negative value itself
    numpy_ops.charge(interp, max(length, 0), "np.bincount")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.bincount(x, weights, minlength)))


def _diff(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("np.diff", ("a", "n", "axis", "prepend", "append"), 1, args, kwargs)
    a = _array(interp, bound["a"], "np.diff")
    ends = {key: _array(interp, bound[key], "np.diff") for key in ("prepend", "append") if key in bound}
    n, axis = bound.get("n", 1), bound.get("axis", -1)
    passes = _index(n)
    ndim = np.ndim(a)
    if passes is not None and passes > 0 and ndim and type(axis) is int and -ndim <= axis < ndim:
        # the axis is at most this long once prepend/append are joined (each adds at most its size)
        slice_size = int(np.size(a)) // max(1, np.shape(a)[axis])   # a number is one slice along the axis
        sizes = [(1, slice_size) if np.ndim(v) == 0 else (int(np.size(v)),) * 2 for v in ends.values()]
        longest = np.shape(a)[axis] + sum(length for length, _ in sizes)
        total = int(np.size(a)) + sum(size for _, size in sizes)
        numpy_ops.charge(interp, total, "np.diff")
        n = min(passes, longest)   # more passes than the axis is long: the same empty result
        work = n * (total + DIFF_PASS_WORK)
        limit = interp.limits.max_call_work
        if work > limit:
            shape = list(np.shape(a))   # n passes over the array: said as torch's call-work messages say it
            raise LimitExceeded(f"np.diff of shape {shape} would take about {work:,} "
                                f"arithmetic steps in one call; the limit is {limit:,} per call",
                                hint="use smaller arrays (limit max_call_work)")
    return numpy_ops._wrap(numpy_ops._guarded(
        lambda: np.diff(a, n, axis, ends.get("prepend", np._NoValue), ends.get("append", np._NoValue))))


def _wrap_all(value: Any) -> Any:
    return tuple(numpy_ops._wrap(v) for v in value) if isinstance(value, tuple) else numpy_ops._wrap(value)


def _shape_of(value: Any) -> tuple[int, ...] | None:
    """A shape argument as NumPy reads it (an int or a sequence of ints), None when NumPy will refuse it."""
    items = value if isinstance(value, (tuple, list)) else (value,)
    if isinstance(value, SafeArray):
        items = tuple(value.array.reshape(-1)) if value.array.ndim <= 1 else ()
    ints = [_index(v) for v in items]
    return None if any(v is None for v in ints) else tuple(ints)


def _unravel_index(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("np.unravel_index", ("indices", "shape", "order"), 2, args, kwargs)
    indices = _array(interp, bound["indices"], "np.unravel_index")
    shape = _shape_of(bound["shape"])
    if shape is not None:
        numpy_ops.charge(interp, len(shape) * int(np.size(indices)), "np.unravel_index")
    raw_shape = numpy_ops._raw(bound["shape"], "np.unravel_index") if isinstance(bound["shape"], SafeArray) \
        else bound["shape"]
    return _wrap_all(numpy_ops._guarded(
        lambda: np.unravel_index(indices, raw_shape, order=bound.get("order", "C"))))


def _indices(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind("np.indices", ("dimensions", "dtype", "sparse"), 1, args, kwargs)
    shape = numpy_ops._shape(tuple(bound["dimensions"]) if isinstance(bound["dimensions"], list)
                             else bound["dimensions"])
    if any(n < 0 for n in shape):
        raise python_error(ValueError("negative dimensions are not allowed"))
    sparse = bool(bound.get("sparse", False))
    numpy_ops.charge(interp, sum(shape) if sparse else len(shape) * math.prod(shape), "np.indices")
    dtype = numpy_ops._dtype(bound) if bound.get("dtype") is not None else int
    return _wrap_all(numpy_ops._guarded(lambda: np.indices(shape, dtype=dtype, sparse=sparse)))


def _pad(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) > 3 or not args or set(kwargs) - {"pad_width", "mode", "constant_values", "end_values",
                                                     "reflect_type", "stat_length"}:
        raise NotSupported("Autograd Lab supports `np.pad(array, pad_width, mode='constant', ...)` with the "
                           "keywords constant_values, end_values, reflect_type and stat_length")
    bound = dict(zip(("array", "pad_width", "mode"), args, strict=False)) | kwargs
    for value in bound.values():
        require_data(value, "in `np.pad`")
    if not isinstance(bound.get("mode", "constant"), str):
        raise NotSupported("Autograd Lab supports `np.pad` with a mode named by a string, such as 'constant'")
    if bound.get("mode") == "empty":   # NumPy leaves the padding as it finds the memory (red team,
        # session 31: it printed leftover floats such as 4.68655532e-310, pointers among them)
        raise NotSupported("`np.pad(mode='empty')` is not supported in Autograd Lab: its padding would be "
                           "uninitialised memory; use mode='constant'")
    array = _array(interp, bound["array"], "np.pad")
    if "pad_width" not in bound:
        raise python_error(TypeError("pad() missing 1 required positional argument: 'pad_width'"))
    width = bound["pad_width"]
    widths = np.asarray(width.array if isinstance(width, SafeArray) else width)
    if widths.dtype.kind not in "iu":
        raise NotSupported("Autograd Lab supports `np.pad(array, pad_width, ...)` with whole-number pad "
                           "widths")
    ndim = np.ndim(array)
    try:
        pairs = np.broadcast_to(widths, (ndim, 2)) if widths.size else widths
    except ValueError:
        pairs = None   # NumPy says why, before it makes anything
    if pairs is not None and widths.size and (pairs >= 0).all():
        numpy_ops.charge(interp, math.prod(int(n) + int(b) + int(e) for n, (b, e) in zip(
            np.shape(array), pairs.tolist(), strict=True)), "np.pad")
    extra = {k: numpy_ops._raw(v, "np.pad") if isinstance(v, SafeArray) else v for k, v in bound.items()
             if k not in ("array", "pad_width", "mode")}
    return numpy_ops._wrap(numpy_ops._guarded(
        lambda: np.pad(array, widths, mode=bound.get("mode", "constant"), **extra)))


def _set_function(name: str) -> SafeFunction:
    fn = getattr(np, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        params = ("ar1", "ar2") if name == "union1d" else ("ar1", "ar2", "assume_unique")
        if name == "intersect1d":   # np.intersect1d(a, b, return_indices=True): the common values' places
            params += ("return_indices",)
        bound = _bind(f"np.{name}", params, 2, args, kwargs)
        a = _array(interp, bound["ar1"], f"np.{name}")
        b = _array(interp, bound["ar2"], f"np.{name}")
        numpy_ops.charge(interp, 2 * (int(np.size(a)) + int(np.size(b))), f"np.{name}")   # joined, sorted
        unique = {"assume_unique": bool(bound["assume_unique"])} if "assume_unique" in bound else {}
        if bound.get("return_indices"):
            numpy_ops.charge(interp, 2 * (int(np.size(a)) + int(np.size(b))), f"np.{name}")   # the indices
            found = numpy_ops._guarded(lambda: fn(a, b, return_indices=True, **unique))
            return tuple(numpy_ops._wrap(r) for r in found)
        return numpy_ops._wrap(numpy_ops._guarded(lambda: fn(a, b, **unique)))
    return SafeFunction(f"numpy.{name}", impl)


def _fromiter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.fromiter(generate(), dtype=float, count=-1): the items read as the program's loop reads them
    (each a step, at most count of them, at most max_sequence_len), numbers only, then NumPy's own."""
    from autogradlab.lang.iterators import ITERATORS
    params = ("iter", "dtype", "count")
    if len(args) > 3 or set(kwargs) - set(params) or any(p in kwargs for p in params[:len(args)]):
        raise NotSupported("Autograd Lab supports `np.fromiter(iter, dtype, count=-1)`")
    bound = dict(zip(params, args, strict=False)) | kwargs
    if "iter" not in bound or "dtype" not in bound:
        missing = "iter" if "iter" not in bound else "dtype"
        raise python_error(TypeError(f"fromiter() missing required argument '{missing}' "
                                     f"(pos {params.index(missing) + 1})"))
    count = _index(bound.get("count", -1))
    source = bound["iter"]
    if isinstance(source, ITERATORS):
        items: list = []
        limit = interp.limits.max_sequence_len
        for item in source:   # an endless generator stops at count
            if count is not None and 0 <= count <= len(items):
                break
            interp.charge_loop_iterations(1, "np.fromiter")
            items.append(item)
            if len(items) > limit:
                interp.sizes.check_length(len(items), "np.fromiter")
    else:
        items = list(interp.materialize(source, node))
    for item in items:
        require_data(item, "in `np.fromiter`")
    numpy_ops.charge(interp, len(items), "np.fromiter")
    dtype = numpy_ops._dtype({"dtype": bound["dtype"]})
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.fromiter(items, dtype, bound.get("count", -1))))


def numpy_counting_members() -> dict[str, SafeFunction]:
    members = {name: SafeFunction(f"numpy.{name}", impl) for name, impl in (
        ("bincount", _bincount), ("diff", _diff), ("unravel_index", _unravel_index), ("indices", _indices),
        ("pad", _pad), ("fromiter", _fromiter))}
    members["argpartition"] = partition_function("argpartition")   # (numpy_order.py: its kth's work checked)
    members.update({name: _set_function(name) for name in ("intersect1d", "union1d", "setdiff1d")})
    return members
