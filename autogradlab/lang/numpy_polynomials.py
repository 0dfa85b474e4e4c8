"""np.polyfit(x, y, deg) and np.polyval(p, x), as lessons fit a polynomial by least squares beside the
same fit by gradient descent (issue 9, session 31).

Their sizes are checked before NumPy runs: polyfit builds the n x (deg + 1) Vandermonde matrix and
solves it by least squares (about n * (deg + 1)**2 steps, checked against max_call_work), for each of
y's K columns, whose (deg + 1) x K coefficients are counted too (LAPACK copies y into an array that
large); polyval evaluates len(p) coefficients at every point (Horner's rule: EVAL_UNITS * len(p) *
size(x) units, session 32: ~10 ns a coefficient-point measured in a sandbox worker). Only the
positional forms and plain data are taken; NumPy words its own errors (a deg < 0, mismatched x and y).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_HINT = "use smaller arrays (limit max_call_work)"


def _array(interp: Interpreter, value: Any, what: str) -> Any:
    return _raw(lists_as_arrays(interp, [value])[0], what)


def _work_over(interp: Interpreter, work: int) -> int | None:
    """max_call_work when `work` exceeds it (the caller raises, naming the call), else None."""
    limit = interp.sizes.limits.max_call_work
    return limit if work > limit else None


def _polyfit(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 3 or kwargs:
        raise NotSupported("Autograd Lab supports `np.polyfit(x, y, deg)`")
    x, y = _array(interp, args[0], "np.polyfit"), _array(interp, args[1], "np.polyfit")
    deg = args[2]
    if not isinstance(deg, (int, np.integer)) or isinstance(deg, (bool, np.bool_)):
        raise ProgramTypeError("np.polyfit: deg must be an int")
    terms = max(int(deg), 0) + 1
    points = int(np.size(x))
    columns = int(np.size(y)) // points if points and np.ndim(y) == 2 else 1
    charge(interp, points * terms, "np.polyfit's Vandermonde matrix")
    charge(interp, terms * columns, "np.polyfit")   # its (deg + 1) x K coefficients, also LAPACK's copy of y
    work = points * terms * (terms + columns)
    if (limit := _work_over(interp, work)) is not None:
        raise LimitExceeded(f"np.polyfit of degree {int(deg):,} at {points:,} points would take about "
                            f"{work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                            hint=_HINT)
    return _wrap(_guarded(lambda: np.polyfit(x, y, int(deg))))


def _polyval(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.polyval(p, x)`")
    from autogradlab.lang.numpy_poly1d import EVAL_UNITS, coefficients  # np.polyval(np.poly1d(...), x)
    p, x = _array(interp, coefficients(args[0]), "np.polyval"), _array(interp, args[1], "np.polyval")
    size = int(np.size(x))
    try:
        shape = np.broadcast_shapes(np.shape(x), np.shape(p)[1:])   # p's other axes broadcast with x
    except ValueError:
        shape = np.shape(x)   # NumPy says so
    charge(interp, math.prod(shape), "np.polyval")
    # Horner's rule makes a temporary per coefficient: EVAL_UNITS a coefficient-point (numpy_poly1d.py)
    work = EVAL_UNITS * max(int(np.shape(p)[0]) if np.ndim(p) else 1, 1) * max(size, math.prod(shape))
    if (limit := _work_over(interp, work)) is not None:
        raise LimitExceeded(f"np.polyval of {int(np.size(p)):,} coefficients at {size:,} points would take "
                            f"about {work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                            hint=_HINT)
    return _wrap(_guarded(lambda: np.polyval(p, x)))


def numpy_polynomial_members() -> dict[str, SafeFunction]:
    return {"polyfit": SafeFunction("numpy.polyfit", _polyfit),
            "polyval": SafeFunction("numpy.polyval", _polyval)}
