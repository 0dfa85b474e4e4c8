"""Session 35 (corpus): what lesson code no earlier session had tried needed (Kloeckner's numerics demos
on linear systems, least squares, eigenvalues and derivatives; CS231n's optimization and network notes;
dataflowr's Deep Learning Do It Yourself modules 2-4; Dive-into-DL-PyTorch ch. 3, 5 and 6 in Chinese;
the torch.special, torch.functional, torch.autograd and NumPy fromnumeric / numeric / function_base /
shape_base / twodim_base docstring examples), each compared with plain PyTorch / NumPy on the same text,
with the limits just below and above.

- torch.special (expit, erf, gammaln, xlogy, zeta, polygamma, softmax, logsumexp, ...): was refused as a
  module; its orthogonal polynomials and multigammaln stay refused (loops of n steps per element in C, an
  intermediate of x.numel() * p elements)
- np.tri, np.tril_indices / np.triu_indices (and `_from`), np.diagflat, np.column_stack,
  np.take_along_axis (lang/numpy_lessons_s35.py)
- `from numpy.random import random` (np.random's functions by name)
- np.linspace(start=..., stop=...), a ufunc's out given by position (`np.cos(x, out1)`), dtype= of
  np.sum / np.mean / np.prod and of np.cumsum / np.cumprod (functions and array methods)
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.unit.test_breadth import compare

N = "import numpy as np\n"
T = "import torch\n"


def refused(source: str):  # noqa: ANN201
    report = run_program(source)
    assert not report.ok, source
    return report.error


def sized(source: str, ok: bool, words: str = "limit is") -> None:
    """The program runs (ok) or stops at the limit before the call, with `words` in the message."""
    report = run_program(source)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and words in report.error.message


# -- torch.special -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "a = torch.tensor([1, 0.5])\n"
    "print(torch.special.digamma(a), torch.special.psi(a), torch.special.gammaln(a))\n",
    "a = torch.arange(-0.5, 1, 0.5)\nprint(torch.special.entr(a))\n",
    "x = torch.tensor([0, -1., 10.])\n"
    "print(torch.special.erf(x), torch.special.erfc(x), torch.special.erfcx(x))\n"
    "print(torch.special.erfinv(torch.tensor([0, 0.5, -1.])))\n",
    "import math\nprint(torch.special.exp2(torch.tensor([0, math.log2(2.), 3, 4])))\n"
    "print(torch.special.expm1(torch.tensor([0, math.log(2.)])), torch.special.log1p(torch.tensor([0.5])))\n",
    "t = torch.randn(4)\nprint(torch.special.expit(t), torch.special.logit(torch.rand(5), eps=1e-6))\n",
    "a1 = torch.tensor([4.0])\na2 = torch.tensor([3.0, 4.0, 5.0])\n"
    "print(torch.special.gammainc(a1, a2), torch.special.gammaincc(a1, a2))\n",
    "x = torch.zeros(5)\ny = torch.tensor([-1, 0, 1, float('inf'), float('nan')])\n"
    "print(torch.special.xlogy(x, y), torch.special.xlogy(2, y), torch.special.xlog1py(x, y))\n",
    "x = torch.tensor([2., 4.])\n"
    "print(torch.special.zeta(x, 1), torch.special.zeta(x, torch.tensor([1., 2.])))\n",
    "a = torch.tensor([1, 0.5])\nprint(torch.special.polygamma(1, a), torch.special.polygamma(3, a))\n",
    "t = torch.ones(2, 2)\nprint(torch.special.softmax(t, 0), torch.special.log_softmax(t, dim=1))\n"
    "print(torch.special.logsumexp(torch.randn(3, 3), 1, keepdim=True))\n",
    "print(torch.special.ndtr(torch.tensor([-3., 0, 3])))\n"
    "print(torch.special.ndtri(torch.tensor([0, 0.25, 0.5])))\n"
    "print(torch.special.log_ndtr(torch.tensor([-3., 0])), torch.special.sinc(torch.tensor([0., 0.5])))\n",
    "x = torch.tensor([0.5, 1.0])\nprint(torch.special.i0(x), torch.special.i0e(x), torch.special.i1(x))\n"
    "print(torch.special.i1e(x), torch.special.bessel_j0(x), torch.special.airy_ai(x))\n"
    "print(torch.special.round(torch.tensor([0.125, 2.5]), decimals=1))\n",
    "from torch.special import expit, erf\nprint(expit(torch.tensor([0.])), erf(torch.tensor([1.])))\n",
    "import torch.special as S\nprint(S.gammaln(torch.tensor([3.])))\n",
])
def test_torch_special_as_pytorch(snippet: str) -> None:
    compare(T + snippet)


def test_torch_special_differentiates_as_pytorch() -> None:
    compare(T + "a = torch.tensor([0.3, 1.5], requires_grad=True)\n"
            "y = (torch.special.expit(a) * torch.special.gammaln(a + 1) + torch.special.xlogy(a, a)).sum()\n"
            "y.backward()\nprint(a.grad)\n"
            "g, = torch.autograd.grad(torch.special.erf(a).sum(), a)\nprint(g)\n"
            "from torch.autograd.functional import jacobian\n"
            "print(jacobian(lambda x: torch.special.log_softmax(x, 0), a))\n")


@pytest.mark.parametrize("name", ["chebyshev_polynomial_t", "hermite_polynomial_h", "laguerre_polynomial_l",
                                  "legendre_polynomial_p", "shifted_chebyshev_polynomial_u"])
def test_special_polynomials_stay_refused_by_name(name: str) -> None:
    # a loop of n steps per element in C: laguerre_polynomial_l with n = 10**12 would hold a worker an hour
    error = refused(T + f"torch.special.{name}(torch.tensor([2.0]), torch.tensor([1e12]))\n")
    assert error.kind == "unsupported" and error.line == 2 and f"torch.special.{name}" in error.message
    assert "Autograd Lab 不支持" in error_text.box("zh", error)


def test_multigammaln_stays_refused() -> None:
    # mvlgamma builds x.numel() * p elements inside the kernel, which no size check before the call sees
    error = refused(T + "torch.special.multigammaln(torch.ones(10), 10**9)\n")
    assert error.kind == "unsupported" and "multigammaln" in error.message
    error = refused(T + "from torch.special import multigammaln\n")
    assert error.kind == "unsupported" and error.line == 2


@pytest.mark.parametrize("rows, ok", [(2000, True), (2001, False)])
def test_special_broadcast_is_sized_before_the_call(rows: int, ok: bool) -> None:
    sized(T + f"z = torch.special.xlogy(torch.ones({rows}, 1), torch.ones(1, 2500))\n", ok)


# -- np.tri, triangle indices, diagflat, column_stack, take_along_axis ---------------------------------------
@pytest.mark.parametrize("snippet", [
    "print(np.tri(3, 5, 2, dtype=int))\nprint(np.tri(3, 5, -1))\nprint(np.tri(4), np.tri(2, M=3, k=1))\n",
    # Kloeckner's "Coding back-substitution": an upper triangular matrix from random numbers and np.tri
    "n = 5\nA = np.random.randn(n, n) * np.tri(n).T\nb = np.random.randn(n)\nx = np.zeros(n)\n"
    "for i in range(n - 1, -1, -1):\n    x[i] = (b[i] - A[i, i + 1:] @ x[i + 1:]) / A[i, i]\n"
    "print(np.allclose(A @ x, b))\n",
    "print(np.tril_indices(3), np.triu_indices(4, 2), np.triu_indices(3, k=1, m=4))\n"
    "a = np.arange(16).reshape(4, 4)\nprint(a[np.triu_indices_from(a, k=1)], np.tril_indices_from(a, -1))\n"
    "a[np.tril_indices(4, -1)] = 0\nprint(a)\n",
    "print(np.diagflat([[1, 2], [3, 4]]), np.diagflat([1, 2], 1), np.diagflat(np.array([3.]), k=-2))\n",
    "print(np.column_stack((np.array((1, 2, 3)), np.array((2, 3, 4)))))\n"
    "print(np.column_stack([[1, 2], np.ones((2, 2))]))\n",
    "a = np.array([[10, 30, 20], [60, 40, 50]])\nai = np.argsort(a, axis=1)\n"
    "print(np.take_along_axis(a, ai, axis=1))\n"
    "print(np.take_along_axis(a, np.argmax(a, axis=1, keepdims=True), axis=1))\n"
    "print(np.take_along_axis(a.ravel(), np.argsort(a, axis=None), axis=None))\n"
    "print(np.take_along_axis(a, np.array([[0], [1]]), 0))\n",
])
def test_numpy_lesson_functions_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("snippet, words", [
    ("np.tri(2.5)", "must be an int"), ("np.tri(3, order='C')", "np.tri(N, M=None, k=0, dtype=float)"),
    ("np.take_along_axis(np.ones((2, 2)), np.ones((2, 2)), 1)", "integer"),
    ("np.take_along_axis(np.ones((2, 2)), np.zeros(2, dtype=int), 1)", "same number of dimensions"),
    ("np.diagflat()", "np.diagflat(v, k=0)"),
])
def test_numpy_lesson_functions_fail_with_a_message(snippet: str, words: str) -> None:
    error = refused(N + snippet + "\n")
    assert words in error.message and error.line == 2


@pytest.mark.parametrize("call, ok", [
    ("np.tri(2000, 2500)", True), ("np.tri(2000, 2501)", False), ("np.tri(10**30)", False),
    # (session 36: each index array as its own size, not 3 n^2: tests/unit/test_triangle_indices_s36.py)
    ("np.tril_indices(3161)", True), ("np.tril_indices(3162)", False),
    ("np.triu_indices(3, 0, 10**12)", False), ("np.triu_indices_from(np.ones((1290, 1290)))", True),
    ("np.triu_indices_from(np.ones((2236, 2236)), -2236)", True),
    ("np.diagflat(np.ones(2236))", True), ("np.diagflat(np.ones(2237))", False),
    ("np.diagflat([1.0], 2236)", False),
    ("np.column_stack([np.ones(2_500_000), np.ones(2_500_000)])", True),
    ("np.column_stack([np.ones(2_500_000), np.ones(2_500_001)])", False),
    ("np.take_along_axis(np.ones((1, 2500)), np.zeros((2000, 1), dtype=int), 0)", True),
    ("np.take_along_axis(np.ones((1, 2500)), np.zeros((2001, 1), dtype=int), 0)", False),
])
def test_numpy_lesson_functions_are_sized_before_numpy_makes_them(call: str, ok: bool) -> None:
    sized(N + f"x = {call}\n", ok)


# -- from numpy.random import ... ----------------------------------------------------------------------------
def test_numpy_random_functions_import_by_name() -> None:
    # dataflowr's 02b_linear_reg: `from numpy.random import random`
    compare(N + "from numpy.random import random, randn, rand, randint, seed, normal\nseed(0)\n"
            "print(random((2, 2)), randn(2), rand(1), randint(0, 5, 3), normal(0, 1, 2))\n")


def test_numpy_random_others_stay_refused() -> None:
    for name in ("bit_generator", "mtrand", "SeedSequence"):
        error = refused(f"from numpy.random import {name}\n")
        assert error.kind == "unsupported" and f"from numpy.random import {name}" in error.message


# -- linspace by keyword, a ufunc's out by position, dtype= of reductions and scans --------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.linspace(start=-10, stop=10, num=101)\ny = np.linspace(0, stop=1, num=3)\nprint(x[:3], y)\n",
    "out1 = np.array([0], dtype='d')\nout2 = np.cos([0.1], out1)\nprint(out2 is out1, out1)\n"
    "z = np.zeros(3)\nprint(np.sinh(np.ones(3), z) is z, z)\n",
    "a = np.array([[1, 2, 3], [4, 5, 6]])\n"
    "print(np.cumsum(a, dtype=float), a.cumprod(axis=1, dtype=np.int8))\n"
    "print(np.cumsum(a, axis=0, dtype='float32'))\n",
    "print(np.sum([0.5, 0.7, 0.2, 1.5], dtype=np.int32))\n"
    "print(np.ones(128, dtype=np.int8).sum(dtype=np.int8))\n"
    "a = np.zeros((2, 512 * 512), dtype=np.float32)\na[0, :] = 1.0\na[1, :] = 0.1\n"
    "print(np.mean(a), np.mean(a, dtype=np.float64), a.mean(axis=1, dtype=np.float64))\n"
    "print(np.prod([1, 2], dtype=float), np.prod(np.array([[1, 2], [3, 4]]), axis=0, dtype=np.int64))\n",
])
def test_numpy_keywords_as_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_ufunc_out_by_position_checks_its_shape_as_numpy() -> None:
    report = run_program(N + "np.cos(np.zeros((3, 3)), np.zeros((2, 2)))\n")
    assert not report.ok and report.error.line == 2 and "could not be broadcast" in report.error.message


def test_max_keeps_refusing_dtype() -> None:
    # np.max has no dtype= (NumPy: "_amax() got an unexpected keyword argument 'dtype'")
    error = refused(N + "np.array([1, 2]).max(dtype=float)\n")
    assert error.line == 2 and ".max(" in error.message


# -- torch.return_types in the Variables table ------------------------------------------------------------
def test_return_types_keep_their_type_name() -> None:
    # dataflowr's 02b_linear_reg keeps `sol = torch.linalg.lstsq(xb_t, y_t)`: the Variables table said
    # `tuple` where Python's type is torch.return_types.linalg_lstsq (as np.linalg.qr's QRResult is kept)
    # (lstsq's values are not compared: plain PyTorch 2.13's CPU lstsq gives 1.58e-06 or -5.74e-08 for the
    # same 3x2 problem from one call to the next in one process)
    compare(T + "x = torch.tensor([[1., 2.], [3., 4.], [5., 7.]])\nm = torch.max(x, 0)\n"
            "so = torch.sort(x)\nsl = torch.linalg.slogdet(x.T @ x)\n")
    report = run_program(T + "x = torch.tensor([[1., 2.], [3., 4.], [5., 7.]])\nm = torch.max(x, 0)\n"
                         "sol = torch.linalg.lstsq(x, x[:, :1])\n")
    assert report.variables["m"].type_name == "max"
    assert report.variables["sol"].type_name == "linalg_lstsq"


# -- with np.errstate(...) -----------------------------------------------------------------------------------
def test_errstate_ignore_runs_the_block_as_numpy() -> None:
    # the entropy of a distribution with zeros, as lessons write it
    compare(N + "p = np.array([0.0, 0.5, 0.5])\nwith np.errstate(divide='ignore', invalid='ignore'):\n"
            "    h = -np.sum(np.where(p > 0, p * np.log(p), 0))\n"
            "    r = np.array([1., 0.]) / np.array([0., 0.])\nprint(h, r)\n"
            "with np.errstate(all='warn') as e:\n    print(e, np.log(0.0))\n")


@pytest.mark.parametrize("keywords, kind, words", [
    ("divide='raise'", "unsupported", "np.errstate(divide='raise')"),
    ("all='print'", "unsupported", "np.errstate(all='print')"),
    ("call=print", "unsupported", "np.errstate(call=...)"),
    ("invalid='bad'", "value", "invalid error mode 'bad'"),
    ("dividee='ignore'", "type", "unexpected keyword argument 'dividee'"),
])
def test_errstate_modes_that_would_raise_or_print_are_refused(keywords: str, kind: str, words: str) -> None:
    error = refused(N + f"with np.errstate({keywords}):\n    x = 1\n")
    assert error.kind == kind and error.line == 2 and words in error.message
    assert error.key is not None   # a catalogue entry: the Chinese box says it in Chinese


# -- np.conj, np.sinc, np.i0, np.amax / np.amin -------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "z = np.array([1+2j, 3-4j])\nprint(np.conj(z), np.conjugate(1+2j), np.conj(np.eye(2) + 1j * np.eye(2)))\n"
    "y = np.zeros(2, dtype=complex)\nnp.conj(z, out=y)\nprint(y, np.conj(np.float64(2.0)))\n"
    "print(np.conj is np.conjugate, np.amax is np.max, np.conj)\nnp.conj is np.conjugate\n",   # one ufunc
    "x = np.linspace(-4, 4, 5)\n"
    "print(np.sinc(x), np.i0(0.), np.i0([0, 1, 2, 3]), np.sinc(np.float64(0.5)))\n",
    "a = np.arange(4).reshape((2, 2))\n"
    "print(np.amax(a), np.amax(a, axis=0), np.amin(a, axis=1, keepdims=True), np.amax([np.nan, 1]))\n",
])
def test_more_numpy_elementwise_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("call, ok", [("np.sinc(np.ones(5_000_000))", True),
                                      ("np.sinc(np.ones(5_000_001))", False),
                                      ("np.conj([1.0] * 100_001)", False)])
def test_more_numpy_elementwise_is_sized(call: str, ok: bool) -> None:
    sized(N + f"x = {call}\n", ok)


# -- np.digitize, np.select ----------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.array([0.2, 6.4, 3.0, 1.6])\nbins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])\n"
    "print(np.digitize(x, bins), np.digitize(x, bins, right=True), np.digitize([1, 2], [0, 1, 2], True))\n"
    "print(np.digitize([5., -1.], [3., 2., 1.]))\n",
    "x = np.arange(6)\nprint(np.select([x < 3, x > 3], [x, x**2], 42), np.select([x < 3], [x], default=-1))\n"
    "print(np.select([x <= 4, x > 3], [x, x**2], 55), np.select([x > 2], [np.ones((2, 6))]))\n",
])
def test_digitize_and_select_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("call, ok", [
    ("np.digitize(np.ones(5_000_000), [0, 1])", True),
    ("np.select([np.ones(60_000) > 0] * 83, [np.ones(60_000)] * 83)", True),
    ("np.select([np.ones(60_000) > 0] * 84, [np.ones(60_000)] * 84)", False),   # 84 masked copies of 60,000
])
def test_select_counts_its_work_before_numpy_does_it(call: str, ok: bool) -> None:
    sized(N + f"x = {call}\n", ok, "np.select")


# -- order='F' of np.reshape / a.reshape / np.ravel ----------------------------------------------------------
def test_fortran_order_reshape_and_ravel_as_numpy() -> None:
    # NumPy's np.reshape / np.ravel pages (MATLAB's column order)
    compare(N + "a = np.arange(6).reshape((3, 2))\nprint(np.reshape(a, (2, 3), order='F'))\n"
            "print(np.reshape(np.ravel(a, order='F'), (2, 3), order='F'))\n"
            "a = np.array([[1, 2, 3], [4, 5, 6]])\n"
            "print(np.reshape(a, 6, order='F'), a.reshape(3, 2, order='F'), a.reshape((3, 2), order='A'))\n"
            "print(np.ravel(a, order='F'), np.ravel(a.T, order='A'), a.ravel('F'))\n"
            "b = np.arange(12).reshape(2, 3, 2).swapaxes(1, 2)\n"
            "print(b.ravel(order='C'), b.ravel(order='K'), np.reshape(b, shape=(4, 3), order='A'))\n")


@pytest.mark.parametrize("line, words", [
    ("a.reshape(2, 3, order='X')", "order must be one of"),
    ("np.ravel(a, order='Q')", "order must be one of"),
    ("a.reshape(2, 3, copy=True)", "a.reshape(shape, order='C')"),
])
def test_bad_orders_fail_with_a_keyed_message(line: str, words: str) -> None:
    error = refused(N + f"a = np.arange(6)\n{line}\n")
    assert words in error.message and error.line == 3 and error.key is not None


# -- np.piecewise --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.linspace(-2.5, 2.5, 6)\nprint(np.piecewise(x, [x < 0, x >= 0], [-1, 1]))\n"
    "print(np.piecewise(x, [x < 0, x >= 0], [lambda x: -x, lambda x: x]))\n"
    "y = -2\nprint(np.piecewise(y, [y < 0, y >= 0], [lambda x: -x, lambda x: x]))\n",
    "x = np.linspace(-2.5, 2.5, 6)\ndef relu(v):\n    return np.maximum(v, 0)\n"
    "print(np.piecewise(x, [x < -1, x > 1], [0, relu, lambda v: v ** 2]))\n"
    "print(np.piecewise(x, x > 0, [np.sin, 7.0]))\n"
    "print(np.piecewise(x, [x < 0], [lambda v, a, b=1: a * v + b, 0.5], 3, b=2))\n",
    "X = np.arange(6.).reshape(2, 3)\n"
    "print(np.piecewise(X, np.array([X > 2, X < 1]), [lambda v: -v, 1.0, 9]))\n"
    "print(np.piecewise(X, (X > 2, X < 1), [lambda v: -v, 1.0]))\n"
    "print(np.piecewise(X, [X > 2], [lambda v: -v]))\n"
    "print(np.piecewise(3.0, True, [lambda v: v + 1]), np.piecewise(3.0, [False], [1, 2]))\n",
])
def test_piecewise_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line, kind, words", [
    ("np.piecewise(np.ones(3), [np.ones(3) > 0], [1, 2, 3])", "value",
     "either 1 or 2 functions are expected"),
    ("np.piecewise(np.ones((2, 3)), np.ones((2, 3)) > 0, [1, 2])", "index", "boolean index did not match"),
    ("np.piecewise(np.ones(3), [np.ones(3) > 0], [lambda v: np.ones(5)])", "value", "cannot assign 5 input"),
])
def test_piecewise_fails_as_numpy(line: str, kind: str, words: str) -> None:
    error = refused(N + line + "\n")
    assert error.kind == kind and error.line == 2 and words in error.message


@pytest.mark.parametrize("conditions, ok", [(83, True), (84, False)])
def test_piecewise_counts_its_conditions_first(conditions: int, ok: bool) -> None:
    sized(N + f"y = np.piecewise(np.ones(60_000), [np.ones(60_000) > 0] * {conditions}, "
          f"[1] * {conditions})\n", ok, "np.piecewise")
