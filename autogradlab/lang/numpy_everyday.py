"""More of NumPy as lessons use it every day (issue 9, session 29): the elementwise functions
(`np.floor`, `np.sign`, `np.isnan`, `np.round`, `np.arctan2`, `np.greater`, ...), `np.where`,
`np.isclose` / `np.array_equal`, the statistics (`np.std`, `np.var`, `np.median`,
`np.percentile`, `np.quantile`, `np.average`, `np.any`, `np.all`, `np.ptp`) and the
shape functions (`np.transpose`, `np.swapaxes`, `np.moveaxis`, `np.squeeze`, `np.flip`,
`np.ravel`, `np.roll`, `np.atleast_1d/2d/3d`, `np.argsort`, `np.outer`, `np.inner`,
`np.vdot`, `np.kron`, `np.cross`, `np.trace`, `np.repeat`, `np.append`, `np.unique`, `np.argwhere`,
`np.logspace`, `np.histogram`, `np.cov`, `np.corrcoef`).

The rules of numpy_ops.py hold: only arrays, numpy scalars, Python numbers and lists of numbers reach
NumPy (a list becomes an array as `np.array(list)` makes it, sized first); every result's element
count is worked out from the shapes with Python ints and checked (numpy_ops.charge) before NumPy
allocates it; keyword arguments are allow-listed per function and their values are plain (ints,
tuples of ints, numbers, bools, None, arrays where NumPy takes data); NumPy words its own errors. Views
(`np.transpose`, `np.flip`, `np.squeeze`, ...) share their input's memory as in NumPy and are counted
like a new array of that size (as np.expand_dims and the splits are counted).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_big_ints import NOT_SCALARS, scalar_call
from autogradlab.lang.numpy_breadth_s37 import into_out, rule_edges, unique_input, unique_results
from autogradlab.lang.numpy_einsum import numpy_einsum_members
from autogradlab.lang.numpy_elementwise_more import numpy_elementwise_more_members
from autogradlab.lang.numpy_ops import (
    _check_result,
    _guarded,
    _raw,
    _ufunc1,
    _ufunc2,
    _wrap,
    charge,
    check_product,
    lists_as_arrays,
)
from autogradlab.lang.numpy_order_arg import order_arg
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MORE_UFUNCS1 = ("floor", "ceil", "trunc", "rint", "sign", "log1p", "expm1", "log2", "log10", "exp2", "cbrt",
                "reciprocal", "arcsin", "arccos", "arctan", "sinh", "cosh", "arcsinh", "arccosh", "arctanh",
                "absolute", "fabs", "isnan", "isinf", "isfinite", "logical_not", "deg2rad", "rad2deg",
                "degrees", "radians", "positive", "signbit")
MORE_UFUNCS2 = ("arctan2", "hypot", "mod", "remainder", "fmod", "floor_divide", "true_divide", "float_power",
                "greater", "greater_equal", "less", "less_equal", "equal", "not_equal", "logical_and",
                "logical_or", "logical_xor", "fmax", "fmin", "copysign", "heaviside",
                "logaddexp", "logaddexp2", "nextafter")


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    """An argument that is data: a list becomes an array (sized first), then arrays, numpy scalars
    and numbers pass; anything else is refused with numpy_ops' message."""
    return _raw(lists_as_arrays(interp, [value])[0], what)


def _plain_int(value: Any, what: str) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int(value)
    raise ProgramTypeError(f"{what} must be an int")


def _axis(value: Any, what: str) -> int | tuple[int, ...] | None:
    """axis=: None, an int, or a tuple/list of ints (NumPy's forms), as plain Python ints."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        return tuple(_plain_int(v, f"{what}: axis") for v in value)
    return _plain_int(value, f"{what}: axis")


def _options(kwargs: dict, allowed: dict[str, Callable[[Any, str], Any]], what: str, form: str) -> dict:
    """The keyword arguments of one call, each through its reader; any other name is refused."""
    unknown = set(kwargs) - set(allowed)
    if unknown:
        raise NotSupported(f"Autograd Lab supports `{form}` (not `{sorted(unknown)[0]}=`)")
    return {name: allowed[name](value, f"{what}: {name}") for name, value in kwargs.items()}


def _boolean(value: Any, what: str) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ProgramTypeError(f"{what} must be True or False")


def _sort_kind(value: Any, what: str) -> Any:
    """kind='mergesort' (wesm's appendix A, session 40): NumPy's own reader checks the word; every kind
    sorts in n log n steps."""
    if value is None or type(value) is str:
        return value
    from autogradlab.lang.operators import python_error
    from autogradlab.lang.safe_values import type_text
    raise python_error(TypeError(f"sort kind must be str, not {type_text(value)}"))


def _number(value: Any, what: str) -> Any:
    if isinstance(value, (bool, int, float, np.number, np.bool_)) and not isinstance(value, complex):
        return value
    raise ProgramTypeError(f"{what} must be a number")


# NumPy calls whose kernels run long on inputs within the element limits, estimated from the shapes
# before they run and checked against max_call_work (units of ~0.5-1 ns, as lang/call_work.py's; measured
# here on one loaded core, session 29's red team):
# - np.unique(a, axis=k) views each slice as one structured item of m fields (a dtype with m fields:
#   ~10 us a field; (10, 500_000) ran 5.0 s, (1, 2_000_000) 21.5 s at 1.2 GB) and sorts the n items
#   comparing field by field, n log2 n * m fields at ~40-65 ns each ((2_500_000, 2) 7.0 s, (5_000_000, 1)
#   7.0 s, (1_250_000, 2) 2.5 s, (200_000, 3) 0.44 s, (100_000, 3) 0.20 s);
# - np.quantile / np.percentile partition with one kth per distinct index the q's need (up to 2 per q):
#   NumPy's introselect keeps 50 pivots, past them each kth scans its lane again (~1 ns an element):
#   2_000_000 q of 2_000_000 values did not end in 60 s, 200_000 of 200_000 ran 24.6-31 s;
# - np.histogram with a list of edges sorts blocks of 65,536 values and looks every edge up in each
#   block twice (~0.6 ns a step): 5M values in 2.5M edges ran 3.9 s.
# - np.nanpercentile / np.nanquantile along an axis of an array of 2 or more dimensions call NumPy's Python
#   function once for each lane (np.apply_along_axis inside NumPy), ~60 us a lane: (100_000, 1) ran 6.1 s,
#   (5_000_000, 1) 278 s (red team, session 34), whatever the lanes' lengths and NaNs.
NAN_LANE_WORK = 100_000
UNIQUE_FIELD_COMPARE_WORK = 96
UNIQUE_FIELD_WORK = 20_000
HISTOGRAM_BLOCK = 65_536
_WORK_HINT = "use smaller arrays (limit max_call_work)"


def _work_over(interp: Interpreter, work: int) -> int | None:
    """max_call_work when `work` exceeds it (the caller raises, naming the call), else None."""
    limit = interp.sizes.limits.max_call_work
    return limit if work > limit else None


def _steps(n: int) -> int:
    """Binary-search (or sort-merge) steps in n items: ceil(log2(n + 1))."""
    return max(1, int(n).bit_length())


def _reduced_size(shape: tuple[int, ...], axis: int | tuple[int, ...] | None) -> int:
    """Elements left after reducing `shape` over `axis` (1 for all axes); a bad axis: NumPy says so."""
    if axis is None:
        return 1
    axes = axis if isinstance(axis, tuple) else (axis,)
    kept = [n for i, n in enumerate(shape) if i not in {a % len(shape) for a in axes if len(shape)}]
    return math.prod(kept)


# -- np.round, np.where, comparisons of whole arrays -----------------------------------------------
def _round(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not 1 <= len(args) <= 2 or set(kwargs) - {"decimals"} or len(args) == 2 and kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x, decimals=0)`")
        given = args[1] if len(args) == 2 else kwargs.get("decimals", 0)
        decimals = _plain_int(given, f"np.{name}: decimals")
        answer = scalar_call(np.round, [args[0], decimals], {})   # np.round(2**70): NumPy's TypeError
        if answer is not NOT_SCALARS:
            return answer
        a = _array(interp, args[0], f"np.{name}")
        charge(interp, int(np.size(a)), f"np.{name}")
        return _wrap(_guarded(lambda: np.round(a, decimals)))
    return SafeFunction(f"numpy.{name}", impl)


def _where(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs or len(args) not in (1, 3):
        raise NotSupported("Autograd Lab supports `np.where(condition, x, y)` and `np.where(condition)`")
    values = [_array(interp, v, "np.where") for v in args]
    if len(values) == 1:   # np.nonzero(condition): one index array per dimension
        charge(interp, int(np.size(values[0])) * max(1, int(np.ndim(values[0]))), "np.where")
        return tuple(_wrap(p) for p in _guarded(lambda: np.where(values[0])))
    _check_result(interp, values, "np.where")
    return _wrap(_guarded(lambda: np.where(*values)))


_CLOSE_OPTIONS = {"rtol": _number, "atol": _number, "equal_nan": _boolean}


def _isclose(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not 2 <= len(args) <= 4:
            raise NotSupported(f"Autograd Lab supports `np.{name}(a, b, rtol=1e-05, atol=1e-08, "
                               "equal_nan=False)`")
        options = _options(kwargs, _CLOSE_OPTIONS, f"np.{name}", f"np.{name}(a, b, rtol=, atol=, equal_nan=)")
        rest = [_number(v, f"np.{name}: rtol and atol") for v in args[2:]]
        answer = scalar_call(getattr(np, name), [*args[:2], *rest], options)   # np.isclose(2**70, 1)
        if answer is not NOT_SCALARS:
            return answer
        a, b = (_array(interp, v, f"np.{name}") for v in args[:2])
        _check_result(interp, [a, b], f"np.{name}")   # (allclose works on the broadcast too)
        return _wrap(_guarded(lambda: getattr(np, name)(a, b, *rest, **options)))
    return SafeFunction(f"numpy.{name}", impl)


def _array_equal(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2:
        raise NotSupported("Autograd Lab supports `np.array_equal(a, b, equal_nan=False)`")
    options = _options(kwargs, {"equal_nan": _boolean}, "np.array_equal", "np.array_equal(a, b, equal_nan=)")
    a, b = (_array(interp, v, "np.array_equal") for v in args)
    if np.shape(a) == np.shape(b):
        charge(interp, int(np.size(a)), "np.array_equal")
    return _guarded(lambda: np.array_equal(a, b, **options))


# -- statistics -----------------------------------------------------------------------------------
_STAT_OPTIONS: dict[str, dict[str, Callable[[Any, str], Any]]] = {
    "std": {"axis": _axis, "keepdims": _boolean, "ddof": _number},
    "var": {"axis": _axis, "keepdims": _boolean, "ddof": _number},
    # overwrite_input=True: NumPy partitions the array itself, not a copy (NumPy's docstrings; session 36)
    "median": {"axis": _axis, "keepdims": _boolean, "overwrite_input": _boolean},
    "any": {"axis": _axis, "keepdims": _boolean},
    "all": {"axis": _axis, "keepdims": _boolean},
    "ptp": {"axis": _axis, "keepdims": _boolean},
    "nanmean": {"axis": _axis, "keepdims": _boolean},
    "nansum": {"axis": _axis, "keepdims": _boolean},
    "nanprod": {"axis": _axis, "keepdims": _boolean},   # session 36 (NumPy's nanfunctions docstrings)
    "nanmax": {"axis": _axis, "keepdims": _boolean},
    "nanmin": {"axis": _axis, "keepdims": _boolean},
    "nanstd": {"axis": _axis, "keepdims": _boolean, "ddof": _number},   # session 33 (powerful-numpy)
    "nanvar": {"axis": _axis, "keepdims": _boolean, "ddof": _number},
    "nanmedian": {"axis": _axis, "keepdims": _boolean, "overwrite_input": _boolean},
    "nanargmin": {"axis": _axis, "keepdims": _boolean},
    "nanargmax": {"axis": _axis, "keepdims": _boolean},
}


def statistic(interp: Interpreter, name: str, value: Any, args: list, kwargs: dict) -> Any:
    """np.<name>(a, axis, ...) and a.<name>(axis, ...): the result is at most the input's size (a
    copy for median: NumPy partitions one), counted before NumPy runs."""
    if len(args) > 1 or args and "axis" in kwargs:
        raise NotSupported(f"Autograd Lab supports `np.{name}(a, axis=None, keepdims=False)`")
    if args:
        kwargs = {**kwargs, "axis": args[0]}
    options = _options(kwargs, _STAT_OPTIONS[name], f"np.{name}", f"np.{name}(a, axis=..., keepdims=...)")
    a = _array(interp, value, f"np.{name}")
    copied = name in ("median", "nanmedian")   # NumPy partitions a copy
    size = int(np.size(a)) if copied else _reduced_size(np.shape(a), options.get("axis"))
    charge(interp, size, f"np.{name}")
    return _wrap(_guarded(lambda: getattr(np, name)(a, **options)))


def _statistic(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not args:
            raise NotSupported(f"Autograd Lab supports `np.{name}(a, axis=None, keepdims=False)`")
        return statistic(interp, name, args[0], args[1:], kwargs)
    return SafeFunction(f"numpy.{name}", impl)


_QUANTILE_METHODS = frozenset({"linear", "lower", "higher", "midpoint", "nearest"})
_QUANTILE_PARAMS = ("a", "q", "axis", "out", "overwrite_input", "method", "keepdims")   # NumPy's order


def _quantile(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        form = f"np.{name}(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)"
        if not 2 <= len(args) <= 7 or any(p in kwargs for p in _QUANTILE_PARAMS[2:len(args)]):
            raise NotSupported(f"Autograd Lab supports `{form}`")
        kwargs = {**kwargs, **dict(zip(_QUANTILE_PARAMS[2:], args[2:], strict=False))}
        out = kwargs.pop("out", None)   # the program's array (numpy_breadth_s37.into_out)
        readers = {"axis": _axis, "keepdims": _boolean, "method": _method, "overwrite_input": _boolean}
        options = _options(kwargs, readers, f"np.{name}", form)
        a, q = _array(interp, args[0], f"np.{name}"), _array(interp, args[1], f"np.{name}")
        charge(interp, int(np.size(a)), f"np.{name}")   # the copy NumPy partitions
        lanes = _reduced_size(np.shape(a), options.get("axis"))
        charge(interp, int(np.size(q)) * lanes, f"np.{name}")
        length = int(np.size(a)) // lanes if lanes else 0   # the values of one lane
        kth = min(2 * int(np.size(q)) + 2, length)           # distinct indices NumPy partitions at
        work = lanes * length * (kth - 50) if kth > 50 else 0
        if name.startswith("nan") and options.get("axis") is not None and np.ndim(a) > 1:
            _check_lanes(interp, name, lanes)
        if (limit := _work_over(interp, work)) is not None:
            raise LimitExceeded(f"np.{name} at {int(np.size(q)):,} q's of {int(np.size(a)):,} values would "
                                f"take about {work:,} arithmetic steps in one call; the limit is {limit:,} "
                                "per call", hint=_WORK_HINT)
        return into_out(name, out, lambda **given: getattr(np, name)(a, q, **options, **given))
    return SafeFunction(f"numpy.{name}", impl)


def _check_lanes(interp: Interpreter, name: str, lanes: int) -> None:
    work = lanes * NAN_LANE_WORK
    if (limit := _work_over(interp, work)) is not None:
        raise LimitExceeded(f"`np.{name}` along an axis runs NumPy's Python code once for each of its "
                            f"{lanes:,} lanes, about {work:,} steps in one call; the limit is {limit:,} per "
                            "call", hint="use fewer lanes, or no NaN function along an axis of many lanes "
                                         "(limit max_call_work)")


def _method(value: Any, what: str) -> str:
    if isinstance(value, str) and value in _QUANTILE_METHODS:
        return value
    raise NotSupported(f"{what}: Autograd Lab supports {', '.join(sorted(_QUANTILE_METHODS))}")


def _average(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if not 1 <= len(args) <= 2 or len(args) == 2 and "axis" in kwargs:
        raise NotSupported("Autograd Lab supports `np.average(a, axis=None, weights=None)`")
    if len(args) == 2:
        kwargs = {**kwargs, "axis": args[1]}
    weights = kwargs.get("weights")
    options = _options({k: v for k, v in kwargs.items() if k != "weights"},
                       {"axis": _axis, "keepdims": _boolean},
                       "np.average", "np.average(a, axis=None, weights=None, keepdims=False)")
    a = _array(interp, args[0], "np.average")
    if weights is not None:   # (NumPy multiplies a by the weights broadcast to a's shape, or says no)
        options["weights"] = _array(interp, weights, "np.average")
        charge(interp, int(np.size(a)), "np.average")
    return _wrap(_guarded(lambda: np.average(a, **options)))


# -- shapes: views and rearranged copies -------------------------------------------------------------
def _same_size(name: str, options: dict[str, Callable[[Any, str], Any]], form: str,
               positional: tuple[str, ...] = ()) -> SafeFunction:
    """np.<name>(a, *positional, **options): a result of a's size (a view or a copy)."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if name.startswith("atleast_") and len(args) > 1 and not kwargs:   # np.atleast_1d(1, [3, 4]): a
            return tuple(impl(interp, [a], {}, node) for a in args)        # tuple, one each (session 36)
        if not args or len(args) > 1 + len(positional) or set(positional[:len(args) - 1]) & set(kwargs):
            raise NotSupported(f"Autograd Lab supports `{form}`")
        given = {**dict(zip(positional, args[1:], strict=False)), **kwargs}
        read = _options(given, options, f"np.{name}", form)
        a = _array(interp, args[0], f"np.{name}")
        charge(interp, int(np.size(a)), f"np.{name}")
        return _wrap(_guarded(lambda: getattr(np, name)(a, **read)))
    return SafeFunction(f"numpy.{name}", impl)


def _axes(value: Any, what: str) -> tuple[int, ...] | None:
    return None if value is None else tuple(_plain_int(v, what) for v in value) \
        if isinstance(value, (tuple, list)) else (_plain_int(value, what),)


def _shift(value: Any, what: str) -> Any:
    return _axes(value, what) if isinstance(value, (tuple, list)) else _plain_int(value, what)


_SAME_SIZE = {
    "transpose": ({"axes": _axes}, "np.transpose(a, axes=None)", ("axes",)),
    "swapaxes": ({"axis1": _plain_int, "axis2": _plain_int}, "np.swapaxes(a, axis1, axis2)",
                 ("axis1", "axis2")),
    "moveaxis": ({"source": _shift, "destination": _shift}, "np.moveaxis(a, source, destination)",
                 ("source", "destination")),
    "squeeze": ({"axis": _axis}, "np.squeeze(a, axis=None)", ("axis",)),
    "flip": ({"axis": _axis}, "np.flip(a, axis=None)", ("axis",)),
    "ravel": ({"order": order_arg}, "np.ravel(a, order='C')", ("order",)),   # 'F': s35; NumPy's words: s36
    "rot90": ({"k": _plain_int, "axes": _axes}, "np.rot90(m, k=1, axes=(0, 1))", ("k", "axes")),
    "roll": ({"shift": _shift, "axis": _axis}, "np.roll(a, shift, axis=None)", ("shift", "axis")),
    "argsort": ({"axis": _axis, "kind": _sort_kind, "stable": _boolean}, "np.argsort(a, axis=-1, kind=None)",
                ("axis", "kind")),
    "atleast_1d": ({}, "np.atleast_1d(a)", ()),
    "atleast_2d": ({}, "np.atleast_2d(a)", ()),
    "atleast_3d": ({}, "np.atleast_3d(a)", ()),
}


def _outer(name: str) -> SafeFunction:
    """np.outer / np.kron: a result of a.size * b.size elements."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 2 or kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(a, b)`")
        a, b = (_array(interp, v, f"np.{name}") for v in args)
        charge(interp, int(np.size(a)) * int(np.size(b)), f"np.{name}")
        return _wrap(_guarded(lambda: getattr(np, name)(a, b)))
    return SafeFunction(f"numpy.{name}", impl)


def _inner(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.inner(a, b)`")
    a, b = (_array(interp, v, "np.inner") for v in args)
    sa, sb = np.shape(a), np.shape(b)
    out = math.prod(sa[:-1]) * math.prod(sb[:-1]) if sa and sb else int(np.size(a)) * int(np.size(b))
    charge(interp, out, "np.inner")   # (its multiply-adds: as a matrix product, bounded by the sizes)
    check_product(interp, "np.inner", a, b, out)   # (a slow dtype's: counted, numpy_ops.check_product)
    return _wrap(_guarded(lambda: np.inner(a, b)))


def _vdot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.vdot(a, b)`")
    a, b = (_array(interp, v, "np.vdot") for v in args)
    return _guarded(lambda: np.vdot(a, b))   # one number (its inputs are already counted)


def _cross(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2:
        raise NotSupported("Autograd Lab supports `np.cross(a, b, axis=-1)`")
    options = _options(kwargs, {"axis": _plain_int}, "np.cross", "np.cross(a, b, axis=-1)")
    a, b = (_array(interp, v, "np.cross") for v in args)
    _check_result(interp, [a, b], "np.cross")   # the broadcast of a and b (vectors of 2 or 3 parts)
    return _wrap(_guarded(lambda: np.cross(a, b, **options)))


def _trace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if not 1 <= len(args) <= 2 or len(args) == 2 and "offset" in kwargs:
        raise NotSupported("Autograd Lab supports `np.trace(a, offset=0, axis1=0, axis2=1)`")
    if len(args) == 2:
        kwargs = {**kwargs, "offset": args[1]}
    options = _options(kwargs, {"offset": _plain_int, "axis1": _plain_int, "axis2": _plain_int}, "np.trace",
                       "np.trace(a, offset=0, axis1=0, axis2=1)")
    a = _array(interp, args[0], "np.trace")
    shape = np.shape(a)
    if len(shape) >= 2:   # one sum per entry of the other axes (NumPy refuses fewer than 2 axes)
        taken = {options.get("axis1", 0) % len(shape), options.get("axis2", 1) % len(shape)}
        charge(interp, math.prod(n for i, n in enumerate(shape) if i not in taken), "np.trace")
    return _wrap(_guarded(lambda: np.trace(a, **options)))


def repeat(interp: Interpreter, value: Any, args: list, kwargs: dict) -> Any:
    """np.repeat(a, repeats, axis=None) and a.repeat(repeats, axis=None): sum(repeats) * (the other
    axes' elements), worked out with Python ints before NumPy allocates."""
    if not 1 <= len(args) <= 2 or len(args) == 2 and "axis" in kwargs:
        raise NotSupported("Autograd Lab supports `np.repeat(a, repeats, axis=None)`")
    if len(args) == 2:
        kwargs = {**kwargs, "axis": args[1]}
    options = _options(kwargs, {"axis": _plain_int}, "np.repeat", "np.repeat(a, repeats, axis=None)")
    a = _array(interp, value, "np.repeat")
    per_item, count, given = _repeats(args[0])
    axis = options.get("axis")
    shape = np.shape(a) if axis is not None else (int(np.size(a)),)
    along = shape[axis] if axis is not None and -len(shape) <= axis < len(shape) else shape[0] if shape else 1
    others = math.prod(shape) // along if along else 0
    charge(interp, (count if per_item else count * along) * others, "np.repeat")
    return _wrap(_guarded(lambda: np.repeat(a, given, **options)))


def _repeats(repeats: Any) -> tuple[bool, int, Any]:
    """(one count per item?, the counts' sum or the one count, what NumPy is given), with Python ints:
    counts in an int64 array are bounded by their largest before they are summed (no wrap)."""
    if isinstance(repeats, SafeArray):
        raw = repeats.array
        if raw.dtype.kind not in "iu" or raw.ndim > 1:
            raise ProgramTypeError("np.repeat: repeats must be an int or a 1-d list of ints")
        if raw.size and int(raw.min()) < 0:
            return False, 0, raw   # NumPy refuses negative counts before it allocates (its own ValueError)
        if raw.size != 1:
            largest = int(raw.max()) if raw.size else 0
            return True, largest * raw.size if largest > 2**40 else int(raw.sum()), raw
        return False, int(raw.reshape(-1)[0]), raw
    if isinstance(repeats, (list, tuple)):
        counts = [_plain_int(n, "np.repeat: repeats") for n in repeats]
        given: Any = counts
    else:
        counts = [_plain_int(repeats, "np.repeat: repeats")]
        given = counts[0]
    if any(n < 0 for n in counts):
        return False, 0, given   # (as above)
    return (True, sum(counts), given) if len(counts) != 1 else (False, counts[0], given)


def _repeat(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if not args:
        raise NotSupported("Autograd Lab supports `np.repeat(a, repeats, axis=None)`")
    return repeat(interp, args[0], args[1:], kwargs)


def _append(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or set(kwargs) - {"axis"}:
        raise NotSupported("Autograd Lab supports `np.append(a, values, axis=None)`")
    options = _options(kwargs, {"axis": _plain_int}, "np.append", "np.append(a, values, axis=None)")
    a, b = (_array(interp, v, "np.append") for v in args)
    charge(interp, int(np.size(a)) + int(np.size(b)), "np.append")
    return _wrap(_guarded(lambda: np.append(a, b, **options)))


def _unique(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1:
        raise NotSupported("Autograd Lab supports `np.unique(a, return_counts=False, axis=None)`")
    flags = ("return_index", "return_inverse", "return_counts")
    options = _options(kwargs, {**dict.fromkeys(flags, _boolean), "axis": _axis}, "np.unique",
                       "np.unique(a, return_counts=False, axis=None)")
    a = unique_input(interp, args[0], "np.unique")   # numbers, or a string array's (numpy_breadth_s37)
    charge(interp, int(np.size(a)) * (2 + sum(options.get(k, False) for k in flags)), "np.unique")
    shape = np.shape(a)
    if options.get("axis") is not None and len(shape) > 1 and isinstance(options["axis"], int) \
            and -len(shape) <= options["axis"] < len(shape):   # (NumPy refuses a tuple or a bad axis)
        items = shape[options["axis"]]
        fields = math.prod(shape) // items if items else 0
        work = items * _steps(items) * fields * UNIQUE_FIELD_COMPARE_WORK + fields * UNIQUE_FIELD_WORK
        if (limit := _work_over(interp, work)) is not None:
            raise LimitExceeded(f"np.unique(axis=) of shape {tuple(shape)} would take about {work:,} "
                                f"arithmetic steps in one call; the limit is {limit:,} per call",
                                hint=_WORK_HINT)
    return unique_results(_guarded(lambda: np.unique(a, **options)))


def _argwhere(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.argwhere(a)`")
    a = _array(interp, args[0], "np.argwhere")
    charge(interp, int(np.size(a)) * max(1, int(np.ndim(a))), "np.argwhere")
    return _wrap(_guarded(lambda: np.argwhere(a)))


def _logspace(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if not 2 <= len(args) <= 3 or len(args) == 3 and "num" in kwargs:
        raise NotSupported("Autograd Lab supports `np.logspace(start, stop, num=50, endpoint=True, "
                           "base=10.0)`")
    start, stop = (_number(v, "np.logspace: start and stop") for v in args[:2])
    if len(args) == 3:
        kwargs = {**kwargs, "num": args[2]}
    options = _options(kwargs, {"num": _plain_int, "endpoint": _boolean, "base": _number}, "np.logspace",
                       "np.logspace(start, stop, num=50, endpoint=True, base=10.0)")
    num = options.get("num", 50)
    if num < 0:
        raise ProgramTypeError(f"Number of samples, {num}, must be non-negative.")
    charge(interp, num, "np.logspace")
    return _wrap(_guarded(lambda: np.logspace(start, stop, **options)))


def numpy_everyday_members() -> dict[str, SafeFunction]:
    return {
        **{name: _ufunc1(name) for name in MORE_UFUNCS1},
        **{name: _ufunc2(name) for name in MORE_UFUNCS2},
        "round": _round("round"), "around": _round("around"),
        "where": SafeFunction("numpy.where", _where),
        "isclose": _isclose("isclose"),   # (np.allclose, count_nonzero, fliplr, flipud: numpy_tensordot.py)
        "array_equal": SafeFunction("numpy.array_equal", _array_equal),
        **{name: _statistic(name) for name in _STAT_OPTIONS},
        "percentile": _quantile("percentile"), "quantile": _quantile("quantile"),
        "nanpercentile": _quantile("nanpercentile"), "nanquantile": _quantile("nanquantile"),
        "average": SafeFunction("numpy.average", _average),
        **{name: _same_size(name, *spec) for name, spec in _SAME_SIZE.items()},
        "outer": _outer("outer"), "kron": _outer("kron"),
        "inner": SafeFunction("numpy.inner", _inner), "vdot": SafeFunction("numpy.vdot", _vdot),
        "cross": SafeFunction("numpy.cross", _cross), "trace": SafeFunction("numpy.trace", _trace),
        "repeat": SafeFunction("numpy.repeat", _repeat), "append": SafeFunction("numpy.append", _append),
        "unique": SafeFunction("numpy.unique", _unique),
        "argwhere": SafeFunction("numpy.argwhere", _argwhere),
        "logspace": SafeFunction("numpy.logspace", _logspace),
        **MORE_MEMBERS,
    }


# -- histogram, cov, corrcoef --------------------------------------------------------------------------
def _histogram(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.histogram(a, bins=10, range=None, density=None, weights=None): bins an int (its counts and
    edges counted first), a list/array of edges (a lookup per value: n * log(edges) work) or one of NumPy's
    named rules ('auto', ...), whose count is worked out from the data first (numpy_breadth_s37)."""
    form = "np.histogram(a, bins=10, range=None, density=None, weights=None)"
    if not 1 <= len(args) <= 2 or len(args) == 2 and "bins" in kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    given = dict(kwargs)
    if len(args) == 2:
        given["bins"] = args[1]
    bins, weights, limits = given.pop("bins", 10), given.pop("weights", None), given.pop("range", None)
    options = _options(given, {"density": _boolean}, "np.histogram", form)
    a = _array(interp, args[0], "np.histogram")
    if isinstance(bins, (list, tuple, SafeArray)):
        bins = _array(interp, bins, "np.histogram")
        edges = int(np.size(bins))
        values = int(np.size(a))
        block = min(values, HISTOGRAM_BLOCK)
        work = (-(-values // HISTOGRAM_BLOCK) * edges * 2 + values) * _steps(block)
        if (limit := _work_over(interp, work)) is not None:
            raise LimitExceeded(f"np.histogram of {values:,} values in {edges:,} edges would take about "
                                f"{work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                                hint=_WORK_HINT)
    elif not isinstance(bins, str):
        bins = _plain_int(bins, "np.histogram: bins")
        edges = bins + 1
    if limits is not None:
        if not isinstance(limits, (tuple, list)) or len(limits) != 2:
            raise ProgramTypeError("np.histogram: range must be a (min, max) pair of numbers")
        options["range"] = tuple(_number(v, "np.histogram: range") for v in limits)
    if weights is not None:
        options["weights"] = _array(interp, weights, "np.histogram")
    if isinstance(bins, str):   # a rule ('auto', ...): its count from the data, first (numpy_breadth_s37)
        edges = rule_edges(interp, a, bins, options, form)
    charge(interp, max(0, edges) * 2, "np.histogram")   # the counts and the edges
    charge(interp, int(np.size(a)), "np.histogram")      # NumPy's sorted copy or bin indices
    counts, made = _guarded(lambda: np.histogram(a, bins=bins, **options))
    return _wrap(counts), _wrap(made)


def _covariance(name: str) -> SafeFunction:
    """np.cov(m, y=None, rowvar=True, bias=False, ddof=None) / np.corrcoef(x, y=None, rowvar=True): a
    variables x variables result (counted first; its products bounded by the sizes, as a matrix product's)."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        form = f"np.{name}(m, y=None, rowvar=True" + (", bias=False, ddof=None)" if name == "cov" else ")")
        if not 1 <= len(args) <= 2 or len(args) == 2 and "y" in kwargs:
            raise NotSupported(f"Autograd Lab supports `{form}`")
        given = dict(kwargs)
        y = args[1] if len(args) == 2 else given.pop("y", None)
        readers = {"rowvar": _boolean, **({"bias": _boolean, "ddof": _ddof} if name == "cov" else {})}
        options = _options(given, readers, f"np.{name}", form)
        parts = [_array(interp, v, f"np.{name}") for v in ([args[0]] if y is None else [args[0], y])]
        rowvar = options.get("rowvar", True)
        variables = 0
        for part in parts:
            shape = np.shape(part)
            variables += 1 if len(shape) < 2 else shape[0] if rowvar else shape[1]
        charge(interp, sum(int(np.size(p)) for p in parts), f"np.{name}")   # NumPy's float copy of the data
        charge(interp, variables * variables, f"np.{name}")
        return _wrap(_guarded(lambda: getattr(np, name)(*parts, **options)))
    return SafeFunction(f"numpy.{name}", impl)


# -- insert, delete ---------------------------------------------------------------------------------------
def _positions(interp: Interpreter, obj: Any, length: int, what: str) -> tuple[Any, int]:
    """insert's / delete's `obj` (an int, a slice or a list/array of ints or bools) as NumPy takes it,
    and how many positions it names (Python ints)."""
    if isinstance(obj, slice):
        return obj, len(range(*obj.indices(max(length, 0))))
    if isinstance(obj, (list, tuple, SafeArray)):
        positions = _array(interp, obj, what)
        if np.asarray(positions).dtype.kind not in "iub":
            raise ProgramTypeError(f"{what}: the positions must be integers or booleans")
        return positions, int(np.size(positions))
    return _plain_int(obj, f"{what}: the position"), 1


def _insert(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.insert(arr, obj, values, axis=None)"
    if len(args) not in (3, 4) or set(kwargs) - {"axis"} or len(args) == 4 and kwargs:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    axis = args[3] if len(args) == 4 else kwargs.get("axis")
    axis = None if axis is None else _plain_int(axis, "np.insert: axis")
    a, values = _array(interp, args[0], "np.insert"), _array(interp, args[2], "np.insert")
    shape = np.shape(a) if axis is not None else (int(np.size(a)),)
    along = shape[axis] if axis is not None and -len(shape) <= axis < len(shape) else shape[0] if shape else 0
    obj, count = _positions(interp, args[1], along, "np.insert")
    others = math.prod(shape) // along if along else math.prod(n for i, n in enumerate(shape) if i != axis)
    added = max(count, int(np.size(values))) * max(1, others)   # at most: NumPy broadcasts values to them
    charge(interp, int(np.size(a)) + added, "np.insert")
    return _wrap(_guarded(lambda: np.insert(a, obj, values, axis=axis)))


def _delete(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) not in (2, 3) or set(kwargs) - {"axis"} or len(args) == 3 and kwargs:
        raise NotSupported("Autograd Lab supports `np.delete(arr, obj, axis=None)`")
    axis = args[2] if len(args) == 3 else kwargs.get("axis")
    axis = None if axis is None else _plain_int(axis, "np.delete: axis")
    a = _array(interp, args[0], "np.delete")
    shape = np.shape(a) if axis is not None else (int(np.size(a)),)
    along = shape[axis] if axis is not None and -len(shape) <= axis < len(shape) else shape[0] if shape else 0
    obj, _ = _positions(interp, args[1], along, "np.delete")
    charge(interp, 2 * int(np.size(a)), "np.delete")   # the kept part and NumPy's mask of the axis
    return _wrap(_guarded(lambda: np.delete(a, obj, axis=axis)))


def _ddof(value: Any, what: str) -> int | None:
    return None if value is None else _plain_int(value, what)


def _asarray(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.asarray(data, dtype=None): the array itself when it is one already (no copy, as NumPy),
    else np.array(data, dtype=...) with its checks."""
    from autogradlab.lang.namespaces import _np_array, positional_dtype
    args, kwargs = positional_dtype(args, kwargs)
    plain = set(kwargs) <= {"dtype"} and kwargs.get("dtype") is None
    if len(args) == 1 and isinstance(args[0], SafeArray) and plain:
        return args[0]
    return _np_array(interp, args, kwargs, node)


def _copy(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.copy(a)`")
    a = _array(interp, args[0], "np.copy")
    charge(interp, int(np.size(a)), "np.copy")
    return _wrap(_guarded(lambda: np.copy(a)))


MORE_MEMBERS = {**numpy_einsum_members(),   # np.einsum (numpy_einsum.py)
                **numpy_elementwise_more_members(),   # np.isposinf, np.gcd, np.isscalar (session 33)
                "histogram": SafeFunction("numpy.histogram", _histogram),
                "asarray": SafeFunction("numpy.asarray", _asarray), "copy": SafeFunction("numpy.copy", _copy),
                "insert": SafeFunction("numpy.insert", _insert),
                "delete": SafeFunction("numpy.delete", _delete),
                "cov": _covariance("cov"), "corrcoef": _covariance("corrcoef")}
