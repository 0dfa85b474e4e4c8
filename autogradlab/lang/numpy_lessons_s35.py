"""NumPy functions session 35's lessons used (Kloeckner's back-substitution demo builds its triangular
matrix with np.tri; NumPy's own docstrings pair np.argsort with np.take_along_axis): np.tri,
np.tril_indices / np.triu_indices (and their `_from` forms), np.diagflat, np.column_stack,
np.take_along_axis, `with np.errstate(divide='ignore'):`, np.conj / np.conjugate / np.sinc / np.i0 and
np.amax / np.amin, np.digitize, np.select and np.piecewise (np.select's work, a masked copy of the result per
condition, is counted before NumPy does it).

np.errstate only quiets NumPy's floating-point warnings, which go to stderr, never to a program's output
(and Autograd Lab already calls NumPy with them off): 'ignore' and 'warn' run the block as NumPy does;
'raise', 'call', 'print' and 'log' (an exception, a program function, text on stdout) are refused by name.

Each result is counted before NumPy makes it (the index pairs of tril_indices hold 2 * n * m numbers at
most; diagflat's square side is len(v) + |k|; take_along_axis gives the shapes broadcast, with the
indices' length along the axis). Only numbers, lists of numbers and arrays reach NumPy, which words its
own errors.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.numpy_everyday import _plain_int
from autogradlab.lang.numpy_joins import _join, _raw_parts
from autogradlab.lang.safe_values import FunctionValue, SafeArray, SafeFunction, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _bind(args: list, kwargs: dict, params: tuple[str, ...], form: str, required: int = 1) -> dict:
    """Positional and keyword arguments by name, as Python binds them (the first `required` given);
    anything else names the form."""
    bound = dict(zip(params, args, strict=False)) | kwargs
    if len(args) > len(params) or set(kwargs) - set(params) or any(p in kwargs for p in params[:len(args)]) \
            or any(p not in bound for p in params[:required]):
        raise NotSupported(f"Autograd Lab supports `{form}`")
    return bound


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    return numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [value])[0], what)


def _tri(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.tri(N, M=None, k=0, dtype=float)"
    bound = _bind(args, kwargs, ("N", "M", "k", "dtype"), form)
    n = _plain_int(bound["N"], "np.tri: N")
    m = n if bound.get("M") is None else _plain_int(bound["M"], "np.tri: M")
    k = _plain_int(bound.get("k", 0), "np.tri: k")
    dtype = numpy_ops._dtype(bound) if bound.get("dtype") is not None else float
    numpy_ops.charge(interp, max(n, 0) * max(m, 0), "np.tri")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.tri(n, m, k, dtype=dtype)))


def _triangle_indices(name: str) -> SafeFunction:
    fn = getattr(np, name)
    form = f"np.{name}(n, k=0, m=None)"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(args, kwargs, ("n", "k", "m"), form)
        n = _plain_int(bound["n"], f"np.{name}: n")
        k = _plain_int(bound.get("k", 0), f"np.{name}: k")
        m = n if bound.get("m") is None else _plain_int(bound["m"], f"np.{name}: m")
        _charge_triangle(interp, name, n, k, m)
        return tuple(numpy_ops._wrap(a) for a in numpy_ops._guarded(lambda: fn(n, k, m)))
    return SafeFunction(f"numpy.{name}", impl)


def _charge_triangle(interp: Interpreter, name: str, n: int, k: int, m: int) -> None:
    """What np.tril_indices / triu_indices(n, k, m) make, counted before NumPy makes it: an n x m mask of
    booleans (np.tri; triu its inverse too), checked as its bytes in 4-byte elements (as a structured
    array's records are) and gone when the call returns, then the two index arrays of the triangle's
    size, each checked and kept. (Until session 36: 3 * n * m elements, so n = 1,291 was refused, where
    NumPy's n = 3,000 makes 9 MB of mask and 2 x 4,501,500 indices.)"""
    from autogradlab.lang.triangle_sizes import lower_count
    what = f"np.{name}"
    interp.sizes.check_elements(-(-max(n, 0) * max(m, 0) // 4), what)
    count = lower_count(n, k, m) if name == "tril_indices" else \
        max(n, 0) * max(m, 0) - lower_count(n, k - 1, m)
    for _ in range(2):
        numpy_ops.charge(interp, count, what)


def _triangle_indices_from(name: str) -> SafeFunction:
    fn = getattr(np, name)
    form = f"np.{name}(arr, k=0)"

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        bound = _bind(args, kwargs, ("arr", "k"), form)
        arr = _array(interp, bound["arr"], f"np.{name}")
        k = _plain_int(bound.get("k", 0), f"np.{name}: k")
        if np.ndim(arr) == 2:   # (else NumPy's own error: "input array must be 2-d")
            rows, columns = np.shape(arr)
            _charge_triangle(interp, name.removesuffix("_from"), rows, k, columns)
        return tuple(numpy_ops._wrap(a) for a in numpy_ops._guarded(lambda: fn(arr, k)))
    return SafeFunction(f"numpy.{name}", impl)


def _diagflat(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.diagflat(v, k=0)"
    bound = _bind(args, kwargs, ("v", "k"), form)
    v = _array(interp, bound["v"], "np.diagflat")
    k = _plain_int(bound.get("k", 0), "np.diagflat: k")
    side = int(np.size(v)) + abs(k)
    numpy_ops.charge(interp, side * side, "np.diagflat")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.diagflat(v, k)))


def _take_along_axis(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.take_along_axis(arr, indices, axis=-1)"
    bound = _bind(args, kwargs, ("arr", "indices", "axis"), form, required=2)
    arr = _array(interp, bound["arr"], "np.take_along_axis")
    indices = _array(interp, bound["indices"], "np.take_along_axis")
    axis = bound.get("axis", -1)
    axis = None if axis is None else _plain_int(axis, "np.take_along_axis: axis")
    a_shape, i_shape = np.shape(arr), np.shape(indices)
    if axis is None or len(a_shape) != len(i_shape) or not a_shape:
        elements = int(np.size(indices))   # along the flattened array, or NumPy's own error
    else:
        at = axis % len(a_shape) if -len(a_shape) <= axis < len(a_shape) else None
        elements = math.prod(i if d == at else max(a, i) for d, (a, i) in enumerate(zip(a_shape, i_shape,
                                                                                        strict=True)))
    numpy_ops.charge(interp, elements, "np.take_along_axis")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.take_along_axis(arr, indices, axis=axis)))


def _digitize(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.digitize(x, bins, right=False)"
    bound = _bind(args, kwargs, ("x", "bins", "right"), form, required=2)
    x = _array(interp, bound["x"], "np.digitize")
    bins = _array(interp, bound["bins"], "np.digitize")
    right = bound.get("right", False)
    if not isinstance(right, (bool, np.bool_)):
        raise NotSupported(f"Autograd Lab supports `{form}` with right True or False")
    numpy_ops.charge(interp, int(np.size(x)), "np.digitize")   # one bin index per x: a binary search each
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.digitize(x, bins, right=bool(right))))


def _select(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.select(condlist, choicelist, default=0)"
    bound = _bind(args, kwargs, ("condlist", "choicelist", "default"), form, required=2)
    conditions = _raw_parts(interp, "select", bound["condlist"])
    choices = _raw_parts(interp, "select", bound["choicelist"])
    default = _array(interp, bound.get("default", 0), "np.select")
    try:
        shape = np.broadcast_shapes(*(np.shape(a) for a in (*conditions, *choices, default)))
    except ValueError:
        shape = ()   # NumPy says what does not broadcast
    elements = math.prod(shape)
    # the result, then one masked copy per condition over all of it: the work counted as elements too
    interp.sizes.check_elements(elements * max(len(conditions), 1), "np.select (conditions x elements)")
    numpy_ops.charge(interp, elements, "np.select")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.select(conditions, choices, default)))


def _single_condition(condlist: Any, ndim: int) -> bool:
    """NumPy's test: a scalar, or a condlist whose first item is no list or array (when x is not 0-d)."""
    if isinstance(condlist, SafeArray):
        return condlist.array.ndim == 0 or condlist.array.ndim == 1 and ndim != 0
    if not isinstance(condlist, (list, tuple)):
        return True
    return bool(condlist) and not isinstance(condlist[0], (list, SafeArray)) and ndim != 0


def _piecewise(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.piecewise(x, condlist, funclist, *args, **kw), NumPy's own steps: the conditions as one boolean
    array (n x x.size, counted first), an "otherwise" condition when one function more is given, then
    y[cond] = f(x[cond], *args, **kw) for each program function (called through the interpreter, as
    np.fromfunction calls it) or y[cond] = value."""
    from autogradlab.lang.operators import python_error
    if len(args) < 3:
        raise NotSupported("Autograd Lab supports `np.piecewise(x, condlist, funclist, *args, **kw)`")
    x = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [args[0]])[0], "np.piecewise")
    x = np.asarray(x)
    condlist, funclist, extra = args[1], args[2], args[3:]
    if not isinstance(funclist, (list, tuple)):
        raise python_error(TypeError(f"object of type '{type(funclist).__name__}' has no len()"))
    if _single_condition(condlist, x.ndim):   # NumPy: a single condition is promoted to a list of one
        condlist = [condlist]
    conditions = list(condlist.array) if isinstance(condlist, SafeArray) else \
        _raw_parts(interp, "piecewise", condlist)   # a 2-d array: its rows (NumPy iterates it)
    interp.sizes.check_elements(max(len(conditions), 1) * int(x.size), "np.piecewise's conditions")
    condition = numpy_ops._guarded(lambda: np.asarray(conditions, dtype=bool))
    n = len(condition)
    if n == len(funclist) - 1:   # the "otherwise" condition
        otherwise = ~np.any(condition, axis=0, keepdims=True)
        condition = np.concatenate([condition, otherwise], axis=0)
    elif n != len(funclist):
        raise python_error(ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected"))
    numpy_ops.charge(interp, int(condition.size), "np.piecewise's conditions")   # two arrays, each counted
    numpy_ops.charge(interp, int(x.size), "np.piecewise")
    y = np.zeros_like(x)
    for cond, func in zip(condition, funclist, strict=False):
        if not isinstance(func, (UserFunction, SafeFunction, FunctionValue)):
            value = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [func])[0], "np.piecewise")
            numpy_ops._guarded(lambda c=cond, v=value: y.__setitem__(c, v))
            continue
        values = numpy_ops._guarded(lambda c=cond: x[c])
        if values.size > 0:
            result = interp.call_value(func, [numpy_ops._wrap(values), *extra], dict(kwargs), node)
            result = numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [result])[0], "np.piecewise")
            numpy_ops._guarded(lambda c=cond, r=result: y.__setitem__(c, r))
    return numpy_ops._wrap(y)


_ERR_KINDS = ("all", "divide", "over", "under", "invalid")
_ERR_MODES = ("ignore", "warn", "raise", "call", "print", "log")


def _errstate(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.context_managers import ErrState
    from autogradlab.lang.operators import python_error
    if args:
        raise python_error(TypeError(f"errstate.__init__() takes 1 positional argument but {len(args) + 1} "
                                     "were given"))
    for name, mode in kwargs.items():
        if name == "call":   # a function NumPy would call on each error
            raise NotSupported("`np.errstate(call=...)` is not supported in Autograd Lab")
        if name not in _ERR_KINDS:
            raise python_error(TypeError(f"errstate.__init__() got an unexpected keyword argument '{name}'"))
        if not isinstance(mode, str) or mode not in _ERR_MODES:
            raise python_error(ValueError(f"invalid error mode {mode!r}"))
        if mode not in ("ignore", "warn"):
            raise NotSupported(f"`np.errstate({name}={mode!r})` is not supported in Autograd Lab")
    from autogradlab.lang.numpy_breadth_s36 import within  # np.geterr() inside the block (session 36)
    return ErrState(within(interp, kwargs))


def numpy_lessons_members() -> dict[str, SafeFunction]:
    return {"tri": SafeFunction("numpy.tri", _tri),
            **{name: _triangle_indices(name) for name in ("tril_indices", "triu_indices")},
            **{name: _triangle_indices_from(name) for name in ("tril_indices_from", "triu_indices_from")},
            "diagflat": SafeFunction("numpy.diagflat", _diagflat),
            "column_stack": _join("column_stack"),   # as np.hstack: its parts' elements, counted first
            "take_along_axis": SafeFunction("numpy.take_along_axis", _take_along_axis),
            "errstate": SafeFunction("numpy.errstate", _errstate),
            # elementwise, as np.sin (numpy_ops._ufunc1: out= too, where NumPy takes it), and np.max's
            # other names
            **{name: numpy_ops._ufunc1(name) for name in ("sinc", "i0")},
            # one object for both names: `np.conj is np.conjugate` is True in NumPy
            **dict.fromkeys(("conj", "conjugate"), numpy_ops._ufunc1("conjugate")),
            **{name: numpy_ops._reduction(name) for name in ("amax", "amin")},
            "digitize": SafeFunction("numpy.digitize", _digitize),
            "select": SafeFunction("numpy.select", _select),
            "piecewise": SafeFunction("numpy.piecewise", _piecewise)}
