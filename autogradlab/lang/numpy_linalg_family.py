"""numpy.linalg as NumPy's reference and lessons call it (session 29): inv, det, slogdet, solve, lstsq,
pinv, cholesky, cond, matrix_rank, matrix_power, multi_dot, tensorinv/tensorsolve, norm with ord/axis/
keepdims, matrix_norm, vector_norm, svdvals, trace, diagonal, cross, outer, vecdot, matmul,
matrix_transpose, and np.linalg.LinAlgError for `except`.

Each call is checked before NumPy runs, as torch.linalg's equivalent is: its arithmetic on meta tensors of
the arrays' shapes and element sizes (call_work.check_work: the same cubic, solve, power and SVD-norm
estimates against max_call_work, the same message naming the line), multi_dot's intermediates and products
as torch.linalg.multi_dot's (contraction_work.check_contraction), and every returned array's elements
(charge: max_tensor_elements and the run's total) where it can be larger than the inputs (solve's broadcast
batch, outer). Only arrays, numbers, short strings, None and tuples of ints reach NumPy as arguments; NumPy
words its own errors (LinAlgError('Singular matrix') keeps its class and text for `except ... as e`).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.exceptions import LIBRARY_EXCEPTION_TYPES
from autogradlab.lang.numpy_big_ints import NOT_SCALARS, scalar_call
from autogradlab.lang.numpy_ops import _check_result, _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_MULTI_DOT_ARRAYS = 64   # the chain order is cubic in their count (NumPy's and torch's)
_WORD_LENGTH = 16   # ord='fro', UPLO='L', mode='complete'

# name -> (torch.linalg op whose work estimate it shares, the keywords NumPy takes after the arrays)
ONE_ARRAY: dict[str, tuple[str, tuple[str, ...]]] = {
    "inv": ("linalg.inv", ()), "det": ("linalg.det", ()), "slogdet": ("linalg.slogdet", ()),
    "eigvals": ("linalg.eigvals", ()), "eigvalsh": ("linalg.eigvalsh", ("UPLO",)),
    "matrix_rank": ("linalg.matrix_rank", ("tol", "hermitian", "rtol")),
    "pinv": ("linalg.pinv", ("rcond", "hermitian", "rtol")), "cholesky": ("linalg.cholesky", ("upper",)),
    "svdvals": ("linalg.svdvals", ()), "cond": ("linalg.cond", ("p",)),
}
TWO_ARRAYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "solve": ("linalg.solve", ()), "lstsq": ("linalg.lstsq", ("rcond",)),
    "tensorsolve": ("linalg.tensorsolve", ("axes",)),
}


def _plain(value: Any, what: str) -> Any:
    """A keyword's value as NumPy may see it: a number, a short string, None or a tuple of ints."""
    if isinstance(value, (np.integer, np.floating)):   # as Python numbers: call_work reads type(ord)
        value = value.item()
    if value is None or type(value) in (bool, int, float):
        if type(value) is int and value.bit_length() > 64:
            return float(value) if value.bit_length() < 1000 else math.copysign(math.inf, value)
        return value
    if type(value) is str and len(value) <= _WORD_LENGTH:
        return value
    if type(value) in (tuple, list) and len(value) <= 32 and all(type(v) is int for v in value):
        return tuple(value)
    raise NotSupported(f"Autograd Lab supports numbers, None, short strings and tuples of ints as {what}")


def _arguments(name: str, words: tuple[str, ...], args: list, kwargs: dict, arrays: int) -> tuple[list, dict]:
    if len(args) < arrays or len(args) > arrays + len(words) or set(kwargs) - set(words):
        shown = ", ".join((*"ab"[:arrays], *(f"{w}=..." for w in words)))
        raise NotSupported(f"Autograd Lab supports `np.linalg.{name}({shown})`")
    rest = [_plain(v, f"np.linalg.{name}'s arguments") for v in args[arrays:]]
    return rest, {k: _plain(v, f"np.linalg.{name}'s {k}=") for k, v in kwargs.items()}


def _meta(*arrays: Any) -> list:
    """Meta tensors of the arrays' shapes, all of one dtype (the widest: float64 or complex128)."""
    import torch
    wide = any(np.asarray(a).dtype.itemsize > 8 or np.asarray(a).dtype.kind == "c" for a in arrays)
    dtype = torch.complex128 if wide else torch.float64
    return [torch.empty(np.shape(a), dtype=dtype, device="meta") for a in arrays]


def _work(interp: Interpreter, op: str, args: list) -> None:
    from autogradlab.lang.call_work import check_work
    check_work(interp.sizes.limits.max_call_work, op, args, {}, interp.sizes.work_rows)


def results(value: Any) -> Any:
    """NumPy's result with each array wrapped: a named tuple (SlogdetResult, ...), lstsq's plain tuple."""
    if isinstance(value, tuple):
        items = [_wrap(item) for item in value]
        return type(value)(*items) if hasattr(type(value), "_fields") else tuple(items)
    return _wrap(value)


def _arrays(interp: Interpreter, name: str, values: list) -> list:
    return [_raw(v, f"np.linalg.{name}") for v in lists_as_arrays(interp, values)]


def _one_array(name: str):  # noqa: ANN202
    op, words = ONE_ARRAY[name]

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        rest, options = _arguments(name, words, args, kwargs, 1)
        (a,) = _arrays(interp, name, args[:1])
        if np.ndim(a) >= 2:   # a vector: NumPy's own error (or matrix_rank's count of nonzeros)
            _work(interp, op, _meta(a))
        return results(_guarded(lambda: getattr(np.linalg, name)(a, *rest, **options)))
    return impl


def _solve_elements(a: Any, b: Any) -> int:
    """The elements of solve(a, b) (NumPy 2: b is a vector only when it is 1-D), batches broadcast."""
    *batch, _, n = np.shape(a)
    if np.ndim(b) == 1:
        return math.prod(batch) * n
    try:
        batch = np.broadcast_shapes(tuple(batch), np.shape(b)[:-2])
    except ValueError:
        return 0   # NumPy's own error, raised before it allocates
    return math.prod(batch) * n * int(np.shape(b)[-1])


def _two_arrays(name: str):  # noqa: ANN202
    op, words = TWO_ARRAYS[name]

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        rest, options = _arguments(name, words, args, kwargs, 2)
        a, b = _arrays(interp, name, args[:2])
        if name == "tensorsolve" or np.ndim(a) >= 2 and np.ndim(b) >= 1:
            _work(interp, op, _meta(a, b))
            if name == "solve":
                charge(interp, _solve_elements(a, b), "np.linalg.solve")
        return results(_guarded(lambda: getattr(np.linalg, name)(a, b, *rest, **options)))
    return impl


def _tensorinv(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    rest, options = _arguments("tensorinv", ("ind",), args, kwargs, 1)
    (a,) = _arrays(interp, "tensorinv", args[:1])
    ind = (rest or [options.get("ind", 2)])[0]
    if type(ind) in (int, bool):   # NumPy slices the shape with it: True is 1
        _work(interp, "linalg.tensorinv", [*_meta(a), int(ind)])
    return results(_guarded(lambda: np.linalg.tensorinv(a, *rest, **options)))


def _matrix_power(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    rest, options = _arguments("matrix_power", ("n",), args, kwargs, 1)
    (a,) = _arrays(interp, "matrix_power", args[:1])
    n = (rest or [options.get("n")])[0]
    if type(n) is bool:   # NumPy's operator.index(True) is 1
        n = int(n)
    if np.ndim(a) >= 2 and type(n) is int:   # else NumPy's own TypeError / LinAlgError, before any product
        _work(interp, "linalg.matrix_power", [*_meta(a), n])
    return results(_guarded(lambda: np.linalg.matrix_power(a, *rest, **options)))


def _norm(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """norm(x, ord=None, axis=None, keepdims=False): a matrix's 2, -2 and 'nuc' norms take an SVD of each
    matrix (axis a pair, or x 2-D without axis), checked as torch's linalg.norm; the rest is one pass."""
    rest, options = _arguments("norm", ("ord", "axis", "keepdims"), args, kwargs, 1)
    (x,) = _arrays(interp, "norm", args[:1])
    given = dict(zip(("ord", "axis", "keepdims"), rest, strict=False)) | options
    _work(interp, "linalg.norm", [*_meta(x), given.get("ord"), given.get("axis")])
    return results(_guarded(lambda: np.linalg.norm(x, *rest, **options)))


def _matrix_norm(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    _, options = _arguments("matrix_norm", ("keepdims", "ord"), args[:1], kwargs, 1)
    if len(args) > 1:
        raise NotSupported("Autograd Lab supports `np.linalg.matrix_norm(x, keepdims=..., ord=...)`")
    (x,) = _arrays(interp, "matrix_norm", args[:1])
    if np.ndim(x) >= 2:
        _work(interp, "linalg.matrix_norm", [*_meta(x), options.get("ord", "fro")])
    return results(_guarded(lambda: np.linalg.matrix_norm(x, **options)))


def _cheap(name: str, arrays: int, words: tuple[str, ...], sized: str = ""):  # noqa: ANN202
    """A call whose work is one pass: its result is at most the inputs' size ("" sized), their broadcast
    ("broadcast": cross, vecdot) or the product of their sizes ("outer")."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        rest, options = _arguments(name, words, args, kwargs, arrays)
        if "dtype" in kwargs:
            raise NotSupported(f"Autograd Lab supports `np.linalg.{name}(...)` without dtype=")
        found = _arrays(interp, name, args[:arrays])
        if sized == "broadcast":
            _check_result(interp, found, f"np.linalg.{name}")
        elif sized == "outer":
            charge(interp, math.prod(int(np.size(a)) for a in found), f"np.linalg.{name}")
        return results(_guarded(lambda: getattr(np.linalg, name)(*found, *rest, **options)))
    return impl


def _multi_dot(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """multi_dot([A, B, C, ...]): the product in the cheapest order; its intermediates and products are
    measured as torch.linalg.multi_dot's (the same chain order) before NumPy multiplies."""
    import torch

    from autogradlab.lang.contraction_work import check_contraction
    if len(args) != 1 or kwargs or type(args[0]) not in (list, tuple):
        raise NotSupported("Autograd Lab supports `np.linalg.multi_dot([A, B, ...])` (no out=)")
    if len(args[0]) > MAX_MULTI_DOT_ARRAYS:
        raise NotSupported(f"Autograd Lab supports np.linalg.multi_dot of at most {MAX_MULTI_DOT_ARRAYS} "
                           "arrays")
    arrays = _arrays(interp, "multi_dot", list(args[0]))
    if len(arrays) >= 2 and 1 <= np.ndim(arrays[0]) <= 2 and 1 <= np.ndim(arrays[-1]) <= 2 \
            and all(np.ndim(a) == 2 for a in arrays[1:-1]):   # else NumPy's own error
        metas = _meta(*arrays)
        if _aligned(arrays):
            check_contraction(interp.sizes, "linalg.multi_dot", torch.linalg.multi_dot, [metas], {})
        else:   # NumPy multiplies in its order until the misaligned pair: bounded by its largest sizes
            _misaligned_bound(interp, arrays)
        outer = (np.shape(arrays[0])[:-1] if np.ndim(arrays[0]) == 2 else ()) + \
            (np.shape(arrays[-1])[1:] if np.ndim(arrays[-1]) == 2 else ())
        charge(interp, math.prod(int(n) for n in outer), "np.linalg.multi_dot")
    return results(_guarded(lambda: np.linalg.multi_dot(arrays)))


def _as_matrices(arrays: list) -> list[tuple[int, int]]:
    """Each array's (rows, columns) as multi_dot reads it: a 1-D first is a row, a 1-D last a column."""
    shapes = [tuple(int(n) for n in np.shape(a)) for a in arrays]
    if len(shapes[0]) == 1:
        shapes[0] = (1, shapes[0][0])
    if len(shapes[-1]) == 1:
        shapes[-1] = (shapes[-1][0], 1)
    return shapes


def _aligned(arrays: list) -> bool:
    shapes = _as_matrices(arrays)
    return all(left[1] == right[0] for left, right in zip(shapes, shapes[1:], strict=False))


def _misaligned_bound(interp: Interpreter, arrays: list) -> None:
    """NumPy chooses its order from the rows of each array and the last one's columns, then multiplies
    until the pair that does not fit: every intermediate is at most the square of the largest of those
    sizes, every product at most its cube (fail closed: the one case the meta run cannot follow)."""
    from autogradlab.errors import LimitExceeded
    from autogradlab.lang.call_work import PRODUCT_SPEEDUP
    shapes = _as_matrices(arrays)
    top = max([rows for rows, _ in shapes] + [shapes[-1][1]] + [columns for _, columns in shapes])
    interp.sizes.check_elements(top * top, "np.linalg.multi_dot")
    work = -(-(len(arrays) - 1) * top ** 3 // PRODUCT_SPEEDUP)
    limit = interp.sizes.limits.max_call_work
    if work > limit:
        raise LimitExceeded(
            f"np.linalg.multi_dot of {len(arrays)} arrays up to {top} x {top} would take about {work:,} "
            f"arithmetic steps in one call; the limit is {limit:,} per call",
            hint="use smaller tensors (limit max_call_work)")


def _allclose(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False): a pass over the broadcast of a and b
    (sized first: NumPy makes arrays of that size on the way)."""
    words = ("rtol", "atol", "equal_nan")
    if not 2 <= len(args) <= 5 or set(kwargs) - set(words):
        raise NotSupported("Autograd Lab supports `np.allclose(a, b, rtol=..., atol=..., equal_nan=...)`")
    rest = [_plain(v, "np.allclose's arguments") for v in args[2:]]
    options = {k: _plain(v, f"np.allclose's {k}=") for k, v in kwargs.items()}
    answer = scalar_call(np.allclose, [*args[:2], *rest], options)   # np.allclose(2**70, 1): NumPy's False
    if answer is not NOT_SCALARS:                                     # (red team s44; np.isclose's way)
        return answer
    a, b = (_raw(v, "np.allclose") for v in lists_as_arrays(interp, args[:2]))
    _check_result(interp, [a, b], "np.allclose")
    return _guarded(lambda: np.allclose(a, b, *rest, **options))


def _matrix_transpose(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.matrix_transpose(x)`")
    (x,) = _arrays(interp, "matrix_transpose", args)
    return results(_guarded(lambda: np.linalg.matrix_transpose(x)))   # a view


def numpy_linalg_family() -> dict[str, Any]:
    """np.linalg's members of this module (numpy_linalg.numpy_linalg_namespace merges them)."""
    from autogradlab.lang.numpy_linalg import _matmul
    from autogradlab.lang.numpy_tensordot import _linalg_tensordot
    members: dict[str, Any] = {
        **{name: _one_array(name) for name in ONE_ARRAY},
        **{name: _two_arrays(name) for name in TWO_ARRAYS},
        "tensorinv": _tensorinv, "matrix_power": _matrix_power, "norm": _norm, "matrix_norm": _matrix_norm,
        "vector_norm": _cheap("vector_norm", 1, ("axis", "keepdims", "ord")),
        "trace": _cheap("trace", 1, ("offset",)), "diagonal": _cheap("diagonal", 1, ("offset",)),
        "cross": _cheap("cross", 2, ("axis",), "broadcast"),
        "vecdot": _cheap("vecdot", 2, ("axis",), "broadcast"),
        "outer": _cheap("outer", 2, (), "outer"), "multi_dot": _multi_dot,
        "matrix_transpose": _matrix_transpose,
    }
    found = {name: SafeFunction(f"numpy.linalg.{name}", impl) for name, impl in members.items()}
    found["matmul"] = SafeFunction("numpy.linalg.matmul", _matmul)
    found["tensordot"] = SafeFunction("numpy.linalg.tensordot", _linalg_tensordot)
    found["LinAlgError"] = LIBRARY_EXCEPTION_TYPES["LinAlgError"]   # `except np.linalg.LinAlgError as e:`
    return found


def numpy_family_members() -> dict[str, SafeFunction]:
    """The np.* names of this family: np.allclose, np.matrix_transpose, np.tensordot, np.count_nonzero,
    np.fliplr and np.flipud (numpy_tensordot.py)."""
    from autogradlab.lang.numpy_tensordot import numpy_tensordot_members
    return {"allclose": SafeFunction("numpy.allclose", _allclose), **numpy_tensordot_members(),
            "matrix_transpose": SafeFunction("numpy.matrix_transpose", _matrix_transpose)}

