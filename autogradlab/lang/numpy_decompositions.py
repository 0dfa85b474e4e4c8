"""np.linalg.qr, eig, eigh and svd as Kloeckner's eigenvalue demos and Jacobian/eigenvector notebooks
call them (`Q, R = la.qr(X)`, `eigvals, eigvecs = la.eigh(A.T @ A)`), with NumPy's own result objects
(QRResult, EigResult, EighResult, SVDResult: named tuples of arrays, shown and unpacked as NumPy does).

Before NumPy runs, each call is checked twice, as torch.linalg's are: its arithmetic (call_work's cubic
estimate, the limit max_call_work) and the size of every array it returns (sized like np.zeros, against
max_tensor_elements and the run's total). The second matters here: `svd(a)` defaults to full_matrices=True
and `qr(a, mode='complete')` returns an m x m Q, so a 1,000,000 x 1 input would ask for 10^12 elements.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_KEYWORDS = {"qr": ("mode",), "eig": (), "eigh": ("UPLO",),
             "svd": ("full_matrices", "compute_uv", "hermitian")}
_QR_MODES = ("reduced", "complete", "r")


def _result_elements(name: str, shape: tuple[int, ...], options: dict) -> int:
    """How many numbers the call returns, from the input's shape (batch dims included)."""
    *batch, m, n = shape
    k, many = min(m, n), math.prod(batch)
    if name == "qr":
        mode = options.get("mode", "reduced")
        q = 0 if mode == "r" else m * (m if mode == "complete" else k)
        r = (m if mode == "complete" else k) * n
        return many * (q + r)
    if name in ("eig", "eigh"):
        return many * (n + n * n)
    if not options.get("compute_uv", True):
        return many * k
    if options.get("full_matrices", True):
        return many * (m * m + k + n * n)
    return many * (m * k + k + k * n)


def _options(name: str, args: list, kwargs: dict) -> dict:
    words = _KEYWORDS[name]
    if len(args) > 1 + len(words) or set(kwargs) - set(words):
        shown = ", ".join(("a", *(f"{w}=..." for w in words)))
        raise NotSupported(f"Autograd Lab supports `np.linalg.{name}({shown})`")
    options = dict(zip(words, args[1:], strict=False)) | kwargs
    if name == "qr" and options.get("mode", "reduced") not in _QR_MODES:
        raise NotSupported("Autograd Lab supports `np.linalg.qr(a, mode=...)` with mode 'reduced', "
                           "'complete' or 'r'")
    for word in ("full_matrices", "compute_uv", "hermitian"):
        if word in options and type(options[word]) is not bool:
            raise NotSupported(f"Autograd Lab supports `{word}=True` or `False` in np.linalg.svd")
    return options


def _decomposition(name: str):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.call_work import check_work
        from autogradlab.lang.numpy_linalg import _meta
        if not args:
            raise NotSupported(f"Autograd Lab supports `np.linalg.{name}(a)`")
        options = _options(name, args, kwargs)
        a = _raw(lists_as_arrays(interp, args[:1])[0], f"np.linalg.{name}")
        run = getattr(np.linalg, name)
        if np.ndim(a) < 2:
            return _results(_guarded(lambda: run(a, **options)))   # NumPy's own error
        if name in ("eig", "eigh") and np.shape(a)[-1] != np.shape(a)[-2]:
            return _results(_guarded(lambda: run(a, **options)))   # NumPy's LinAlgError: not square
        if "UPLO" in options and options["UPLO"] not in ("L", "U"):
            return _results(_guarded(lambda: run(a, **options)))   # NumPy's ValueError
        check_work(interp.sizes.limits.max_call_work, f"linalg.{name}", [_meta(a)], {},
                   interp.sizes.work_rows)
        charge(interp, _result_elements(name, tuple(int(s) for s in np.shape(a)), options),
               f"np.linalg.{name}")
        return _results(_guarded(lambda: run(a, **options)))
    return impl


def _results(value: Any) -> Any:
    """NumPy's result object with each array wrapped as the program's arrays are; a bare array too."""
    if isinstance(value, tuple):
        return type(value)(*(_wrap(item) for item in value))
    return _wrap(value)


def numpy_decomposition_members() -> dict[str, SafeFunction]:
    return {name: SafeFunction(f"numpy.linalg.{name}", _decomposition(name)) for name in _KEYWORDS}


def _triangle(name: str):  # noqa: ANN202
    """np.tril(m, k=0) / np.triu(m, k=0): an array of m's shape (a 1-D m makes a square one, as NumPy
    does), sized before NumPy allocates."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not 1 <= len(args) <= 2 or set(kwargs) - {"k"} or (len(args) == 2 and "k" in kwargs):
            raise NotSupported(f"Autograd Lab supports `np.{name}(m, k=0)`")
        m = _raw(lists_as_arrays(interp, args[:1])[0], f"np.{name}")
        k = args[1] if len(args) == 2 else kwargs.get("k", 0)
        if type(k) is not int:
            raise NotSupported(f"Autograd Lab supports `np.{name}(m, k)` with a whole number k")
        shape = np.shape(m)
        charge(interp, int(np.size(m)) * (shape[0] if len(shape) == 1 else 1), f"np.{name}")
        return _wrap(_guarded(lambda: getattr(np, name)(m, k)))
    return impl


def numpy_triangle_members() -> dict[str, SafeFunction]:
    return {name: SafeFunction(f"numpy.{name}", _triangle(name)) for name in ("tril", "triu")}
