"""More of NumPy's elementwise functions and predicates, as Datawhale's powerful-numpy lessons use them
(issue 9, session 33): `np.isposinf` / `np.isneginf` / `np.isreal` / `np.iscomplex` / `np.spacing`, the
integer ones `np.gcd` / `np.lcm` / `np.left_shift` / `np.right_shift` and `np.ldexp`, and the predicates
`np.isscalar` / `np.iscomplexobj` / `np.isrealobj`.

Each goes through numpy_ops' _ufunc1 / _ufunc2 (the result's size charged before NumPy runs, `out=`
checked by NumPy). The integer functions and `np.ldexp` take Python ints only within int64: NumPy keeps
a larger int as a Python object and computes with Python's arbitrary integers (`np.left_shift(2**70,
10**9)` would build a 125 MB number).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_big_ints import NOT_SCALARS, scalar_call
from autogradlab.lang.numpy_ops import _ufunc1, _ufunc2
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ELEMENTWISE1 = ("isposinf", "isneginf", "isreal", "iscomplex", "spacing", "invert", "bitwise_not", "fix")
INTEGER2 = ("gcd", "lcm", "left_shift", "right_shift", "ldexp", "bitwise_and", "bitwise_or", "bitwise_xor")
_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def _within_int64(value: Any, what: str) -> None:
    """A Python int NumPy would keep as an object (outside int64), in a list or tuple too: refused."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) in (list, tuple):
            stack.extend(item)
        elif type(item) is int and not _INT64[0] <= item <= _INT64[1]:
            from autogradlab.lang.numpy_big_ints import too_large
            raise too_large()   # NumPy's OverflowError (session 41; was the engine's own words)


def _integer2(name: str) -> SafeFunction:
    inner = _ufunc2(name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not kwargs:   # np.gcd(10**30, 2.5), np.ldexp(10**30, 2): NumPy's own answer (numpy_big_ints)
            answer = scalar_call(getattr(np, name), args, {})
            if answer is not NOT_SCALARS:
                return answer
        for value in args:
            _within_int64(value, f"np.{name}")
        return inner.impl(interp, args, kwargs, node)
    return SafeFunction(f"numpy.{name}", impl)


_NUMBERS = (bool, int, float, complex, str, np.generic)


def _isscalar(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.isscalar(x): Python numbers, strings and numpy scalars are; arrays, lists and objects are not."""
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.isscalar(element)`")
    return isinstance(args[0], _NUMBERS)


def _object_kind(name: str) -> SafeFunction:
    """np.iscomplexobj(x) / np.isrealobj(x): from the dtype of an array, a number or a list of numbers."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 1 or kwargs:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x)` of arrays, lists and numbers")
        value = args[0]
        if isinstance(value, SafeArray):
            value = value.array
        elif isinstance(value, (list, tuple)):
            from autogradlab.lang.numpy_ops import lists_as_arrays
            value = lists_as_arrays(interp, [value])[0].array
        elif not isinstance(value, (bool, int, float, complex, np.generic)):
            raise NotSupported(f"Autograd Lab supports `np.{name}(x)` of arrays, lists and numbers")
        return bool(getattr(np, name)(value))
    return SafeFunction(f"numpy.{name}", impl)


def _flatnonzero(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.flatnonzero(a): the flat indices of a's nonzero values (at most a's size)."""
    from autogradlab.lang.numpy_ops import _guarded, _wrap, charge, lists_as_arrays
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.flatnonzero(a)`")
    value = lists_as_arrays(interp, args)[0]
    raw = value.array if isinstance(value, SafeArray) else value
    if not isinstance(raw, (np.ndarray, bool, int, float, np.generic)):
        raise NotSupported("Autograd Lab supports `np.flatnonzero(x)` of arrays, lists and numbers")
    charge(interp, 2 * int(np.size(raw)), "np.flatnonzero")   # the flat copy and the indices
    return _wrap(_guarded(lambda: np.flatnonzero(raw)))


def _isfortran(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs or not isinstance(args[0], SafeArray):
        raise NotSupported("Autograd Lab supports `np.isfortran(a)` of a numpy array")
    return bool(np.isfortran(args[0].array))


def numpy_elementwise_more_members() -> dict[str, SafeFunction]:
    return {
        "flatnonzero": SafeFunction("numpy.flatnonzero", _flatnonzero),
        "isfortran": SafeFunction("numpy.isfortran", _isfortran),
        **{name: _ufunc1(name) for name in ELEMENTWISE1},
        **{name: _integer2(name) for name in INTEGER2},
        "isscalar": SafeFunction("numpy.isscalar", _isscalar),
        "iscomplexobj": _object_kind("iscomplexobj"), "isrealobj": _object_kind("isrealobj"),
    }
