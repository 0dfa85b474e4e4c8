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
from autogradlab.lang.numpy_ops import (
    _check_result,
    _guarded,
    _raw,
    _wrap,
    charge,
    check_product,
    lists_as_arrays,
)
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def dot(interp: Interpreter, left: Any, right: Any) -> Any:
    a, b = _raw(left, "dot"), _raw(right, "dot")
    if np.ndim(a) > 2 or np.ndim(b) > 2:
        return _dot_nd(interp, a, b)
    if np.ndim(a) == 0 or np.ndim(b) == 0:
        return _wrap(_guarded(lambda: np.dot(a, b)))   # a scalar times an array: broadcasting's size
    # (n, k)·(k, m) has n·m elements, (n, k)·(k,) n, (k,)·(k, m) m, (k,)·(k,) one: the outer sizes
    # (a mismatch of the inner ones is NumPy's own error, raised before it allocates).
    outer = (np.shape(a)[:-1] if np.ndim(a) == 2 else ()) + (np.shape(b)[1:] if np.ndim(b) == 2 else ())
    charge(interp, math.prod(int(n) for n in outer), "dot")
    check_product(interp, "np.dot", a, b, math.prod(int(n) for n in outer))
    return _wrap(_guarded(lambda: np.dot(a, b)))


def _dot_nd(interp: Interpreter, a: np.ndarray, b: np.ndarray) -> Any:
    """np.dot of an N-D array: a sum product over a's last axis and b's second-to-last, every pair of
    rows (a.shape[:-1] + b.shape[:-2] + b.shape[-1:]); NumPy runs it one output at a time, not as one
    matrix product, so its work (outputs times the summed length) is checked at one step each."""
    from autogradlab.errors import LimitExceeded
    shape_a, shape_b = np.shape(a), np.shape(b)
    if np.ndim(a) == 0 or np.ndim(b) == 0:
        return _wrap(_guarded(lambda: np.dot(a, b)))
    inner = shape_b[-2] if np.ndim(b) >= 2 else shape_b[0]
    if shape_a[-1] != inner:
        return _wrap(_guarded(lambda: np.dot(a, b)))   # NumPy's own shape error, raised before it allocates
    outer = shape_a[:-1] + (shape_b[:-2] + shape_b[-1:] if np.ndim(b) >= 2 else ())
    outputs = math.prod(int(n) for n in outer)
    charge(interp, outputs, "dot")
    work = outputs * int(inner)
    limit = interp.sizes.limits.max_call_work
    if work > limit:
        raise LimitExceeded(f"np.dot of shape {list(shape_a)}, {list(shape_b)} would take about {work:,} "
                            f"arithmetic steps in one call; the limit is {limit:,} per call",
                            hint="use smaller arrays (limit max_call_work)")
    return _wrap(_guarded(lambda: np.dot(a, b)))


def _np_dot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.dot(a, b)`")
    args = lists_as_arrays(interp, list(args))   # np.dot([1, 2], [3, 4]): arrays as np.array makes them
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
    check_product(interp, "np.matmul", a, b)
    return _wrap(_guarded(lambda: np.matmul(a, b)))


def numpy_linalg_members() -> dict[str, SafeFunction]:
    from autogradlab.lang.numpy_decompositions import numpy_triangle_members
    from autogradlab.lang.numpy_linalg_family import numpy_family_members
    return {"dot": SafeFunction("numpy.dot", _np_dot), "matmul": SafeFunction("numpy.matmul", _matmul),
            "linalg": numpy_linalg_namespace(), "diag": SafeFunction("numpy.diag", _np_diag),
            "sort": SafeFunction("numpy.sort", _np_sort), **numpy_triangle_members(),
            **numpy_family_members()}   # np.allclose, np.matrix_transpose


# -- np.linalg (a Newton's-method lesson's `np.linalg.solve(J, -F)`, `np.linalg.norm(y)`) ----------------
# Each call's work is checked before NumPy runs, as torch.linalg's is (call_work.py), on meta tensors of the
# arrays' shapes and element sizes: the same estimate and limit (max_call_work), the same message.
# inv, solve, norm, lstsq, ... are in numpy_linalg_family.py (session 29); eig/eigh/svd/qr, which return
# NumPy's result objects (EigResult, ...), in numpy_decompositions.py (session 26).


def _meta(array: Any) -> Any:
    import torch
    dtype = torch.float64 if np.asarray(array).dtype.itemsize <= 8 else torch.complex128
    return torch.empty(np.shape(array), dtype=dtype, device="meta")


def numpy_linalg_namespace() -> Any:
    from autogradlab.lang.numpy_decompositions import numpy_decomposition_members
    from autogradlab.lang.numpy_linalg_family import numpy_linalg_family
    from autogradlab.lang.safe_values import Namespace
    return Namespace("numpy.linalg", {
        **numpy_linalg_family(),   # inv, solve, norm, lstsq, ... (numpy_linalg_family.py)
        **numpy_decomposition_members(),   # qr, eig, eigh, svd: NumPy's result objects
    })


# -- the other array functions Kloeckner's eigenvalue demos use: np.diag, np.sort, a.round(n) --------------
def _np_diag(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.diag(v, k=0): a vector makes a (n+|k|)x(n+|k|) matrix, sized before NumPy allocates; a matrix
    gives its diagonal (NumPy's read-only view)."""
    if not 1 <= len(args) <= 2 or set(kwargs) - {"k"} or (len(args) == 2 and "k" in kwargs):
        raise NotSupported("Autograd Lab supports `np.diag(v, k=0)`")
    v = _raw(lists_as_arrays(interp, args[:1])[0], "np.diag")
    k = args[1] if len(args) == 2 else kwargs.get("k", 0)
    if type(k) is not int:
        raise NotSupported("Autograd Lab supports `np.diag(v, k)` with a whole number k")
    if np.ndim(v) == 1:
        side = int(np.size(v)) + abs(k)
        charge(interp, side * side, "np.diag")
    return _wrap(_guarded(lambda: np.diag(v, k)))


def _np_sort(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or set(kwargs) - {"axis"}:
        raise NotSupported("Autograd Lab supports `np.sort(a, axis=-1)`")
    a = _raw(lists_as_arrays(interp, args)[0], "np.sort")
    charge(interp, int(np.size(a)), "np.sort")
    return _wrap(_guarded(lambda: np.sort(a, **kwargs)))


def array_round(interp: Interpreter, base: SafeArray, args: list) -> Any:
    """a.round(decimals): a new array of a's size."""
    if len(args) > 1 or (args and type(args[0]) is not int):
        raise NotSupported("Autograd Lab supports `a.round(decimals)` with a whole number of decimals")
    charge(interp, base.array.size, "round")
    return _wrap(_guarded(lambda: base.array.round(*args)))


def scalar_round(base: Any, args: list) -> Any:
    """np.float64(2.567).round(2): NumPy's scalar of the same type (one number: nothing to size)."""
    if len(args) > 1 or (args and type(args[0]) is not int):
        raise NotSupported("Autograd Lab supports `x.round(decimals)` with a whole number of decimals")
    return _guarded(lambda: base.round(*args))
