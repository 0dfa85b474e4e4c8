"""NumPy functions session 36's lessons used (NumPy's own docstrings for stride tricks, type checks, NaN
functions and index tricks; the Python Data Science Handbook): np.broadcast_to / np.broadcast_arrays /
np.broadcast_shapes, np.nan_to_num, np.nanprod / np.nancumsum / np.nancumprod, np.ediff1d,
np.fill_diagonal, np.diag_indices_from, np.unstack, and a.real / a.imag.

np.broadcast_to gives a read-only view whose elements repeat in memory (a stride of 0): no memory is
taken, but every later operation walks all of its elements. So each view is counted as if it were made:
refused above max_tensor_elements and counted towards max_total_elements, as its copy would be (the
fail-closed rule of torch's expand, security.md). np.fill_diagonal writes into the array it is given
(at most min(shape) values; with wrap=True one every ncols + 1), np.ediff1d's result is the flat input
less one plus what is put before and after it. Only numbers, lists of numbers and arrays reach NumPy,
which words its own errors.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang import numpy_ops
from autogradlab.lang.numpy_everyday import _boolean, _plain_int
from autogradlab.lang.numpy_lessons_s35 import _array, _bind
from autogradlab.lang.numpy_scans import scan
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _broadcast_to(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind(args, kwargs, ("array", "shape", "subok"), "np.broadcast_to(array, shape)", required=2)
    if bound.get("subok", False) is not False:
        raise NotSupported("Autograd Lab supports `np.broadcast_to(array, shape)`")
    array = _array(interp, bound["array"], "np.broadcast_to")
    shape = numpy_ops._shape(bound["shape"])   # a negative size: NumPy's own error
    numpy_ops.charge(interp, math.prod(max(n, 0) for n in shape), "np.broadcast_to")   # counted as made
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.broadcast_to(array, shape)))


def _broadcast_arrays(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        raise NotSupported("Autograd Lab supports `np.broadcast_arrays(*arrays)`")
    arrays = [_array(interp, a, "np.broadcast_arrays") for a in args]
    shape = numpy_ops._guarded(lambda: np.broadcast_shapes(*(np.shape(a) for a in arrays)))
    numpy_ops.charge(interp, len(arrays) * math.prod(shape), "np.broadcast_arrays")   # each counted as made
    return tuple(numpy_ops._wrap(a) for a in numpy_ops._guarded(lambda: np.broadcast_arrays(*arrays)))


def _broadcast_shapes(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        raise NotSupported("Autograd Lab supports `np.broadcast_shapes(*shapes)`")
    shapes = [numpy_ops._shape(s) for s in args]   # ints and tuples of ints only: shape arithmetic, no array
    return numpy_ops._guarded(lambda: tuple(int(n) for n in np.broadcast_shapes(*shapes)))


def _replacement(interp: Interpreter, value: Any, what: str) -> Any:
    """nan=, posinf=, neginf=: a number, or an array broadcast against x (NumPy's docstring passes both)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _array(interp, value, what)


def _nan_to_num(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)"
    bound = _bind(args, kwargs, ("x", "copy", "nan", "posinf", "neginf"), form)
    x = _array(interp, bound["x"], "np.nan_to_num")
    copy = _boolean(bound.get("copy", True), "np.nan_to_num: copy")
    fills = {k: _replacement(interp, bound[k], f"np.nan_to_num: {k}") for k in ("nan", "posinf", "neginf")
             if k in bound}
    if any(isinstance(v, np.ndarray) for v in fills.values()):   # an array fill broadcasts against x
        sizes = [np.shape(x)] + [np.shape(v) for v in fills.values()]
        numpy_ops.charge(interp, math.prod(numpy_ops._guarded(lambda: np.broadcast_shapes(*sizes))),
                         "np.nan_to_num")
    if copy or not isinstance(x, np.ndarray):
        numpy_ops.charge(interp, int(np.size(x)), "np.nan_to_num")
    keep = bound["x"] if isinstance(bound["x"], SafeArray) and not copy else None
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.nan_to_num(x, copy=copy, **fills)), keep)


def _nan_scan(name: str) -> SafeFunction:
    """np.nancumsum / np.nancumprod: np.cumsum's checks (numpy_scans.py), NaNs counted as 0 or 1."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not args:
            raise NotSupported(f"Autograd Lab supports `np.{name}(a, axis=None, dtype=None)`")
        return scan(interp, name, numpy_ops.lists_as_arrays(interp, args[:1])[0], args[1:], kwargs)
    return SafeFunction(f"numpy.{name}", impl)


def _ediff1d(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind(args, kwargs, ("ary", "to_end", "to_begin"), "np.ediff1d(ary, to_end=None, to_begin=None)")
    ary = _array(interp, bound["ary"], "np.ediff1d")
    ends = {k: _array(interp, bound[k], f"np.ediff1d: {k}") for k in ("to_end", "to_begin")
            if bound.get(k) is not None}
    size = max(int(np.size(ary)) - 1, 0) + sum(int(np.size(v)) for v in ends.values())
    numpy_ops.charge(interp, size, "np.ediff1d")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.ediff1d(ary, **ends)))


def _fill_diagonal(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind(args, kwargs, ("a", "val", "wrap"), "np.fill_diagonal(a, val, wrap=False)", required=2)
    target = bound["a"]
    if not isinstance(target, SafeArray) or target.array.dtype.kind not in "biufc":
        raise NotSupported("np.fill_diagonal writes into a numpy array: make one with np.array(...)")
    val = _array(interp, bound["val"], "np.fill_diagonal")
    wrap = _boolean(bound.get("wrap", False), "np.fill_diagonal: wrap")
    numpy_ops.charge(interp, int(np.size(val)), "np.fill_diagonal")   # NumPy flattens val (a copy at most)
    numpy_ops._guarded(lambda: np.fill_diagonal(target.array, val, wrap=wrap))


def _diag_indices_from(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    bound = _bind(args, kwargs, ("arr",), "np.diag_indices_from(arr)")
    arr = _array(interp, bound["arr"], "np.diag_indices_from")
    side = min(np.shape(arr)) if np.ndim(arr) else 0
    numpy_ops.charge(interp, side * np.ndim(arr), "np.diag_indices_from")
    return tuple(numpy_ops._wrap(a) for a in numpy_ops._guarded(lambda: np.diag_indices_from(arr)))


def numpy_lessons_s36_members() -> dict[str, SafeFunction]:
    return {"broadcast_to": SafeFunction("numpy.broadcast_to", _broadcast_to),
            "broadcast_arrays": SafeFunction("numpy.broadcast_arrays", _broadcast_arrays),
            "broadcast_shapes": SafeFunction("numpy.broadcast_shapes", _broadcast_shapes),
            "nan_to_num": SafeFunction("numpy.nan_to_num", _nan_to_num),
            **{name: _nan_scan(name) for name in ("nancumsum", "nancumprod")},
            "ediff1d": SafeFunction("numpy.ediff1d", _ediff1d),
            "fill_diagonal": SafeFunction("numpy.fill_diagonal", _fill_diagonal),
            "diag_indices_from": SafeFunction("numpy.diag_indices_from", _diag_indices_from),
            "unstack": SafeFunction("numpy.unstack", _unstack),
            **{name: _part_function(name) for name in PARTS}}


PARTS = ("real", "imag")


def complex_part(interp: Interpreter, base: SafeArray, name: str) -> SafeArray:
    """a.real / a.imag of an array of numbers: NumPy's views (a.imag of real numbers is a new array of
    zeros, counted as made)."""
    if base.array.dtype.kind not in "biufc":
        raise NotSupported(f"the numpy attribute `.{name}` is not supported in Autograd Lab")
    if name == "imag" and base.array.dtype.kind != "c":
        numpy_ops.charge(interp, int(base.array.size), "a.imag")
    return SafeArray(getattr(base.array, name))


def _unstack(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.unstack(x, axis=0) (NumPy 2.1): a tuple of the views along one axis (counted as one copy of x)."""
    if len(args) != 1 or set(kwargs) - {"axis"}:
        raise NotSupported("Autograd Lab supports `np.unstack(x, axis=0)`")
    x = _array(interp, args[0], "np.unstack")
    axis = _plain_int(kwargs.get("axis", 0), "np.unstack: axis")
    numpy_ops.charge(interp, int(np.size(x)), "np.unstack")
    return tuple(numpy_ops._wrap(a) for a in numpy_ops._guarded(lambda: np.unstack(x, axis=axis)))


def set_complex_part(interp: Interpreter, base: SafeArray, name: str, value: Any) -> None:
    """`a.imag = np.array([8, 10, 12])`, `a.real = 9` (NumPy's type_check docstrings): written into the
    array's own elements (a number, or an array NumPy broadcasts into a's shape; no new array is made)."""
    if base.array.dtype.kind not in "biufc":
        raise NotSupported(f"the numpy attribute `.{name}` is not supported in Autograd Lab")
    part = _array(interp, value, f"a.{name}")

    def write() -> None:
        setattr(base.array, name, part)
    numpy_ops._guarded(write)


def _part_function(name: str) -> SafeFunction:
    """np.real(x) / np.imag(x): x.real / x.imag of an array (or a list made one), a number's part."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 1 or kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(val)`")
        value = _array(interp, args[0], f"np.{name}")
        if isinstance(value, np.ndarray):
            return complex_part(interp, SafeArray(value), name)
        return numpy_ops._guarded(lambda: getattr(np, name)(value))
    return SafeFunction(f"numpy.{name}", impl)
