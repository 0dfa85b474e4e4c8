"""`b.cumsum(axis=1)` / `np.cumprod(a)` (NumPy quickstart, "Basic operations"): running sums and
products of an array. The result has as many elements as the input (one axis flattened when no axis is
given), charged before numpy makes it; numpy words its own errors (a bad axis)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

SCANS = ("cumsum", "cumprod")


def scan(interp: Interpreter, name: str, value: Any, args: list, kwargs: dict) -> Any:
    from autogradlab.lang import numpy_ops
    if len(args) > 1 or set(kwargs) - {"axis", "dtype"} or (args and "axis" in kwargs):
        raise NotSupported(f"Autograd Lab supports `.{name}(axis=...)` on arrays")
    axis = args[0] if args else kwargs.get("axis")
    if axis is not None and (type(axis) is not int):
        raise ProgramTypeError("axis must be an int")
    raw = numpy_ops._raw(value, f"np.{name}")
    numpy_ops.charge(interp, int(np.size(raw)), f"np.{name}")
    dtype = numpy_ops._dtype(kwargs)   # np.cumsum(a, dtype=float) (NumPy's docstring; session 35)
    return numpy_ops._wrap(numpy_ops._guarded(lambda: getattr(np, name)(raw, axis=axis, dtype=dtype)))


def _function(name: str) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not args:
            raise NotSupported(f"Autograd Lab supports `np.{name}(x, axis=...)`")
        from autogradlab.lang.numpy_ops import lists_as_arrays
        return scan(interp, name, lists_as_arrays(interp, args[:1])[0], args[1:], kwargs)
    return SafeFunction(f"numpy.{name}", impl)


def numpy_scan_members() -> dict[str, SafeFunction]:
    return {name: _function(name) for name in SCANS}
