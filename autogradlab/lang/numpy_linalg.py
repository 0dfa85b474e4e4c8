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
    from autogradlab.lang.numpy_decompositions import numpy_triangle_members
    return {"dot": SafeFunction("numpy.dot", _np_dot), "matmul": SafeFunction("numpy.matmul", _matmul),
            "linalg": numpy_linalg_namespace(), "diag": SafeFunction("numpy.diag", _np_diag),
            "sort": SafeFunction("numpy.sort", _np_sort), **numpy_triangle_members()}



# -- np.linalg (a Newton's-method lesson's `np.linalg.solve(J, -F)`, `np.linalg.norm(y)`) ----------------
# Each call's work is checked before NumPy runs, as torch.linalg's is (call_work.py), on meta tensors of the
# arrays' shapes and element sizes: the same estimate and limit (max_call_work), the same message.
# The functions whose results are arrays or numbers; eig/eigh/svd/qr, which return NumPy's result objects
# (EigResult, ...), are in numpy_decompositions.py (session 26).
_LINALG_WORK = {"solve": "linalg.solve", "inv": "linalg.inv", "det": "linalg.det",
                "eigvals": "linalg.eigvals", "eigvalsh": "linalg.eigvalsh",
                "matrix_rank": "linalg.matrix_rank"}
# NUMPY_LINALG_NAMES (allowlist.py, torch-free for the checker) is "norm" and these: test_corpus5_s25
_ONE_ARRAY = frozenset({"inv", "det", "eigvals", "eigvalsh", "matrix_rank"})


def _meta(array: Any) -> Any:
    import torch
    dtype = torch.float64 if np.asarray(array).dtype.itemsize <= 8 else torch.complex128
    return torch.empty(np.shape(array), dtype=dtype, device="meta")


def _linalg(name: str):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.call_work import check_work
        wanted = 1 if name in _ONE_ARRAY else 2
        if len(args) != wanted or kwargs:
            shape = "a" if wanted == 1 else "a, b"
            raise NotSupported(f"Autograd Lab supports `np.linalg.{name}({shape})` without keywords")
        arrays = [_raw(v, f"np.linalg.{name}") for v in lists_as_arrays(interp, args)]
        if any(np.ndim(a) < 2 for a in arrays[:1]):
            return _wrap(_guarded(lambda: getattr(np.linalg, name)(*arrays)))   # NumPy's own error
        check_work(interp.sizes.limits.max_call_work, _LINALG_WORK[name], [_meta(a) for a in arrays], {},
                   interp.sizes.work_rows)
        return _wrap(_guarded(lambda: getattr(np.linalg, name)(*arrays)))
    return impl


def _norm(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.linalg.norm(x, ord=None): a vector's any-order norm or a matrix's Frobenius/1/inf norm in one
    pass; a matrix's 2, -2 and 'nuc' norms take an SVD, checked as torch's (call_work's linalg.norm)."""
    if not 1 <= len(args) <= 2 or set(kwargs) - {"ord"} or (len(args) == 2 and "ord" in kwargs):
        raise NotSupported("Autograd Lab supports `np.linalg.norm(x, ord=None)` (no axis)")
    x = _raw(lists_as_arrays(interp, args[:1])[0], "np.linalg.norm")
    order = args[1] if len(args) == 2 else kwargs.get("ord")
    if np.ndim(x) == 2 and (order == "nuc" or (type(order) in (int, float) and abs(order) == 2)):
        from autogradlab.lang.call_work import check_work
        check_work(interp.sizes.limits.max_call_work, "linalg.norm", [_meta(x), order], {},
                   interp.sizes.work_rows)
    return _guarded(lambda: np.linalg.norm(x, order))


def numpy_linalg_namespace() -> Any:
    from autogradlab.lang.numpy_decompositions import numpy_decomposition_members
    from autogradlab.lang.safe_values import Namespace
    return Namespace("numpy.linalg", {
        "norm": SafeFunction("numpy.linalg.norm", _norm),
        **{name: SafeFunction(f"numpy.linalg.{name}", _linalg(name)) for name in _LINALG_WORK},
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
