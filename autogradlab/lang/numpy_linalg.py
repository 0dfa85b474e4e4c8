"""NumPy as the "Learning PyTorch with Examples" warm-up writes it: `x.dot(w1)`, `np.dot(a, b)`
(its boolean masks, `grad_h[h < 0] = 0`, are in numpy_indexing.py), and `np.matmul(a, b)` (MorvanZhou's
torch_numpy, also of lists).

`dot` is sized like matmul before NumPy allocates (1-D and 2-D operands only, where dot and matmul
agree; NumPy's N-D dot would multiply every batch with every other).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_ops import _check_result, _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def dot(interp: Interpreter, left: Any, right: Any) -> Any:
    a, b = _raw(left, "dot"), _raw(right, "dot")
    if np.ndim(a) > 2 or np.ndim(b) > 2:
        raise NotSupported("Autograd Lab supports dot on 1-D and 2-D arrays (use @ or np.matmul for more)")
    if np.ndim(a) == 0 or np.ndim(b) == 0:
        return _wrap(_guarded(lambda: np.dot(a, b)))   # a scalar times an array: broadcasting's size
    # (n, k)·(k, m) has n·m elements, (n, k)·(k,) n, (k,)·(k, m) m, (k,)·(k,) one: the outer sizes
    # (a mismatch of the inner ones is NumPy's own error, raised before it allocates).
    outer = (np.shape(a)[:-1] if np.ndim(a) == 2 else ()) + (np.shape(b)[1:] if np.ndim(b) == 2 else ())
    charge(interp, math.prod(int(n) for n in outer), "dot")
    return _wrap(_guarded(lambda: np.dot(a, b)))


def _np_dot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.dot(a, b)`")
    if np.ndim(_raw(args[0], "dot")) == 0 or np.ndim(_raw(args[1], "dot")) == 0:
        charge(interp, max(np.size(_raw(a, "dot")) for a in args), "np.dot")
    return dot(interp, args[0], args[1])


def array_dot(interp: Interpreter, base: SafeArray, args: list) -> Any:
    if len(args) != 1:
        raise NotSupported("Autograd Lab supports `a.dot(b)`")
    return _np_dot(interp, [base, args[0]], {}, None)


def _matmul(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.matmul(a, b) (also of lists): sized by matmul's rule on the meta device before NumPy runs."""
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.matmul(a, b)`")
    a, b = (_raw(v, "np.matmul") for v in lists_as_arrays(interp, args))
    _check_result(interp, [a, b], "matmul")
    return _wrap(_guarded(lambda: np.matmul(a, b)))


def numpy_linalg_members() -> dict[str, SafeFunction]:
    return {"dot": SafeFunction("numpy.dot", _np_dot), "matmul": SafeFunction("numpy.matmul", _matmul)}

