"""Session 29: numpy.linalg as NumPy's reference uses it (lang/numpy_linalg_family.py, numpy_tensordot.py),
each call against real NumPy (the same text run by CPython: values, printed text, displays, dtypes, error
class and message), and every new size/work check just below and just above its limit, refused before
NumPy runs.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_corpus4_s25 import refused, same_as_python

A = ("import numpy as np\nA = np.array([[4., 1., 2.], [1., 3., 0.], [2., 0., 5.]])\n"
     "b = np.array([1., 2., 3.])\n")


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


@pytest.mark.parametrize("lines", [
    "print(np.linalg.inv(A))\nx = np.linalg.inv(A.astype(np.float32))\nprint(x.dtype)\n",
    "d = np.linalg.det(A)\nprint(d, repr(d))\n"
    "print(np.linalg.det(np.array([[[1, 2], [3, 4]], [[1, 3], [3, 1]]])))\n",
    "r = np.linalg.slogdet(A)\nprint(r)\nsign, logabsdet = r\nprint(sign, logabsdet, r.sign, r.logabsdet)\n",
    "x = np.linalg.solve(A, b)\nprint(x, np.allclose(A @ x, b))\nX = np.linalg.solve(A, np.eye(3))\n",
    "x, res, rank, s = np.linalg.lstsq(A[:, :2], b, rcond=None)\nprint(x, res, rank, s)\n"
    "print(np.linalg.lstsq(A, b))\n",
    "print(np.linalg.pinv(A[:2]))\nprint(np.linalg.pinv(A, rcond=1e-3, hermitian=True))\n",
    "L = np.linalg.cholesky(A)\nprint(L)\nprint(np.linalg.cholesky(A, upper=True))\n",
    "print(np.linalg.cond(A), np.linalg.cond(A, 'fro'), np.linalg.cond(A, np.inf), np.linalg.cond(A, -2))\n",
    "print(np.linalg.matrix_rank(A), np.linalg.matrix_rank(np.ones((3, 3))), np.linalg.matrix_rank(b))\n"
    "print(np.linalg.matrix_rank(A, tol=10.0), np.linalg.matrix_rank(A, hermitian=True))\n",
    "print(np.linalg.matrix_power(A, 3))\nprint(np.linalg.matrix_power(A, -2))\n"
    "print(np.linalg.matrix_power(A, 0), np.linalg.matrix_power(np.array([[0, 1], [-1, 0]]), 5))\n",
    "print(np.linalg.multi_dot([A, A.T, A, b]))\nprint(np.linalg.multi_dot([b, A, A]))\n",
    "print(np.linalg.norm(A), np.linalg.norm(A, 2), np.linalg.norm(A, 'nuc'), np.linalg.norm(A, -np.inf))\n"
    "print(np.linalg.norm(A, axis=0), np.linalg.norm(A, ord=1, axis=1, keepdims=True))\n"
    "print(np.linalg.norm(np.arange(8).reshape(2, 2, 2), axis=(1, 2)), np.linalg.norm(b, 3))\n",
    "print(np.linalg.matrix_norm(A), np.linalg.matrix_norm(A, ord=2), np.linalg.vector_norm(A, ord=1))\n",
    "w = np.linalg.eigvals(A)\nprint(w)\nprint(np.linalg.eigvalsh(A, UPLO='U'))\n",
    "r = np.linalg.eig(A)\nprint(r)\nvals, vecs = r\nh = np.linalg.eigh(A)\nprint(h.eigenvalues)\n",
    "r = np.linalg.svd(A)\nprint(r)\nU, S, Vh = r\nprint(np.linalg.svd(A, compute_uv=False))\n"
    "print(np.linalg.svd(A[:2], full_matrices=False).U.shape, np.linalg.svdvals(A))\n",
    "q = np.linalg.qr(A)\nprint(q)\nQ, R = q\n",
    "print(np.linalg.trace(A), np.linalg.trace(A, offset=1), np.linalg.diagonal(A, offset=-1))\n"
    "print(np.linalg.cross(A, A[::-1]), np.linalg.outer(b, b), np.linalg.vecdot(A, b))\n"
    "print(np.linalg.matmul(A, b), np.matrix_transpose(A), np.linalg.matrix_transpose(A))\n",
    "a = np.eye(24).reshape((4, 6, 8, 3))\nainv = np.linalg.tensorinv(a, ind=2)\nprint(ainv.shape)\n"
    "x = np.linalg.tensorsolve(a, np.ones((4, 6)))\nprint(x.shape)\n",
    "t = np.tensordot(np.arange(60.).reshape(3, 4, 5), np.arange(24.).reshape(4, 3, 2),\n"
    "                 axes=([1, 0], [0, 1]))\n"
    "print(t)\nprint(np.tensordot(A, A), np.tensordot(b, b, 0).shape, np.linalg.tensordot(A, b, axes=1))\n"
    "print(np.linalg.tensordot(A, b, 1))\n",
    "print(np.allclose(A, A + 1e-9), np.allclose(A, A + 1, atol=2), np.allclose(b, [1, 2, 3.000001]))\n"
    "print(np.count_nonzero(A), np.count_nonzero(A, axis=0), np.fliplr(A), np.flipud(A))\n",
    "C = np.array([[1, -2j], [2j, 5]])\nprint(np.linalg.cholesky(C), C.conj(), np.linalg.eigvalsh(C))\n",
])
def test_numpy_linalg_equals_numpy(lines):
    same_as_python(A + lines)


def test_named_results_display_as_numpy_shows_them():
    same_as_python(A + "np.linalg.slogdet(A)\nnp.linalg.eig(A)\nnp.linalg.svd(A)\nnp.linalg.lstsq(A, b)\n")


def test_lin_alg_error_is_caught_with_numpys_class_and_message():
    same_as_python("import numpy as np\nfrom numpy import linalg as LA\n"
                   "try:\n    LA.inv(np.zeros((2, 2)))\nexcept LA.LinAlgError as e:\n"
                   "    print(e, type(e), repr(e), isinstance(e, ValueError), e.args)\n"
                   "try:\n    np.linalg.cholesky(-np.eye(2))\nexcept ValueError as e:\n"
                   "    print('value', e)\n"
                   "try:\n    np.linalg.eigvals(np.ones((2, 3)))\nexcept np.linalg.LinAlgError as e:\n"
                   "    print(e)\nprint(np.linalg.LinAlgError)\n")


def test_an_uncaught_lin_alg_error_is_numpys_message_at_its_line():
    same_as_python("import numpy as np\nx = 1\ny = np.linalg.solve(np.zeros((2, 2)), np.ones(2))\n")


def test_the_docstring_example_of_lin_alg_error_fails_as_numpy():
    same_as_python("import numpy as np\nfrom numpy import linalg as LA\nLA.inv(np.zeros((2,2)))\n")


def test_from_numpy_linalg_imports_the_new_names():
    same_as_python("import numpy as np\nfrom numpy.linalg import matrix_power, multi_dot, cond, LinAlgError, "
                   "lstsq\nA = np.eye(2) * 2\nprint(matrix_power(A, 2), multi_dot([A, A, A]), cond(A))\n")


# -- work: checked before NumPy runs, as torch.linalg's (float64: twice the units of float32) ------------
N = 20
CUBE = 2 * N ** 3   # batch * m * n * min(m, n), times 2 for float64
WORK = {   # call -> its work units on a 20 x 20 float64 matrix M (call_work's estimates)
    "np.linalg.inv(M)": CUBE, "np.linalg.det(M)": CUBE, "np.linalg.slogdet(M)": CUBE,
    "np.linalg.eigvals(M)": CUBE, "np.linalg.eigvalsh(M)": CUBE, "np.linalg.matrix_rank(M)": CUBE,
    "np.linalg.pinv(M)": CUBE, "np.linalg.cholesky(M)": CUBE, "np.linalg.svdvals(M)": CUBE,
    "np.linalg.cond(M)": CUBE, "np.linalg.cond(M, 'fro')": CUBE,
    "np.linalg.solve(M, np.ones(20))": 2 * (N ** 3 + N * N),
    "np.linalg.lstsq(M, np.ones(20))": 2 * (N ** 3 + N * N),
    "np.linalg.norm(M, 2)": CUBE, "np.linalg.norm(M, ord='nuc', axis=(0, 1))": CUBE,
    "np.linalg.matrix_norm(M, ord=-2)": CUBE,
    "np.linalg.matrix_power(M, 5)": 2 * (3 * N ** 3 // 16),   # 3 products, 1/16 unit per multiply-add
    "np.linalg.tensorinv(M.reshape(4, 5, 20), ind=2)": 2 * (N ** 3 + N * N),
    "np.linalg.tensorsolve(M.reshape(4, 5, 20), np.ones((4, 5)))": 2 * (N ** 3 + N * N),
}


@pytest.mark.parametrize("call", list(WORK))
def test_work_is_checked_just_below_and_above_the_limit(call, monkeypatch):
    source = f"import numpy as np\nM = np.eye({N}) * 2 + 0.1\nr = {call}\n"
    assert run_program(source, limits=limits(max_call_work=WORK[call])).ok
    name = call.split("(")[0].split(".")[-1]
    ran = []
    monkeypatch.setattr(np.linalg, name, lambda *a, **k: ran.append(1))
    error = refused(source, "limit", limits(max_call_work=WORK[call] - 1))
    assert error.line == 3 and "max_call_work" in (error.hint or "") + error.message
    assert ran == []   # refused before NumPy ran


def test_a_large_inverse_and_a_batched_stack_are_refused_by_default():
    error = refused("import numpy as np\nM = np.ones((2000, 2000))\nr = np.linalg.inv(M)\n", "limit")
    assert error.line == 3 and "linalg.inv of shape [2000, 2000]" in error.message
    assert run_program("import numpy as np\nr = np.linalg.det(np.ones((500, 100, 100)))\n").ok   # 1e9
    error = refused("import numpy as np\nr = np.linalg.det(np.ones((400, 110, 110)))\n", "limit")
    assert "linalg.det" in error.message and "1,064,800,000" in error.message


def test_solve_charges_its_broadcast_result_just_below_and_above():
    ok = "import numpy as np\nx = np.linalg.solve(np.ones((2236, 1, 1, 1)), np.ones((1, 2236, 1, 1)))\n"
    assert run_program(ok).ok   # 4,999,696 elements
    error = refused(ok.replace("2236", "2237"), "limit")   # 5,004,169
    assert "np.linalg.solve" in error.message


@pytest.mark.parametrize(("call", "n"), [
    ("np.linalg.cross(np.ones(({n}, 1, 3)), np.ones((1, {n}, 3)))", 1290),   # 4,992,300; 1291: 5,000,043
])
def test_cross_is_sized_as_its_broadcast_just_below_and_above(call, n):
    assert run_program("import numpy as np\nr = " + call.format(n=n) + "\n").ok
    refused("import numpy as np\nr = " + call.format(n=n + 1) + "\n", "limit")


@pytest.mark.parametrize("call", [
    "np.linalg.outer(np.ones({n}), np.ones({n}))", "np.tensordot(np.ones({n}), np.ones({n}), 0)",
    "np.linalg.multi_dot([np.ones(({n}, 1)), np.ones((1, {n}))])",
    "np.linalg.multi_dot([np.ones(({n}, 1)), np.ones((1, 1)), np.ones((1, {n}))])",
    "np.allclose(np.ones(({n}, 1)), np.ones((1, {n})))",
])
def test_results_larger_than_their_inputs_are_sized_just_below_and_above(call):
    assert run_program("import numpy as np\nr = " + call.format(n=2236) + "\n").ok   # 4,999,696
    refused("import numpy as np\nr = " + call.format(n=2237) + "\n", "limit")


def test_tensordot_and_multi_dot_products_count_against_the_work_limit():
    dot = "import numpy as np\nr = np.tensordot(np.ones((100, 1000)), np.ones((1000, 100)), 1)\n"
    units = 100 * 100 * 1000 // 16   # multiply-adds, 1/16 unit each
    assert run_program(dot, limits=limits(max_call_work=units)).ok
    refused(dot, "limit", limits(max_call_work=units - 1))
    chain = "import numpy as np\nr = np.linalg.multi_dot([np.ones((300, 300))] * 3)\n"
    assert run_program(chain).ok
    refused(chain, "limit", limits(max_call_work=1_000_000))


def test_a_huge_matrix_power_is_refused_before_any_product(monkeypatch):
    ran = []
    monkeypatch.setattr(np.linalg, "matrix_power", lambda *a, **k: ran.append(1))
    error = refused("import numpy as np\nr = np.linalg.matrix_power(np.eye(1000), 10**18)\n", "limit")
    assert "to the power" in error.message and ran == []


@pytest.mark.parametrize(("call", "says"), [
    ("np.linalg.norm(A, ord=A)", "numbers, None, short strings"),
    ("np.linalg.pinv(A, rcond=np.ones(3))", "numbers, None, short strings"),
    ("np.linalg.multi_dot(A, A)", "np.linalg.multi_dot([A, B, ...])"),
    ("np.linalg.multi_dot([A] * 65)", "at most 64 arrays"),
    ("np.linalg.trace(A, dtype=np.float32)", "np.linalg.trace"),
    ("np.tensordot(A, A, 'ij')", "axes an int or a pair"),
    ("np.linalg.inv(A, A)", "np.linalg.inv(a)"),
])
def test_forms_outside_the_subset_are_refused_plainly(call, says):
    error = refused(A + f"r = {call}\n")
    assert says in error.message


def test_a_misaligned_chain_is_bounded_before_numpy_multiplies_just_below_and_above():
    """NumPy's multi_dot multiplies in its order until the pair that does not fit: the meta run cannot
    follow that, so the largest size bounds every intermediate (its square) and product (its cube)."""
    chain = ("import numpy as np\n"
             "r = np.linalg.multi_dot([np.ones(({n}, 1)), np.ones((1, {n})), np.ones((5, 5))])\n")
    roomy = limits(max_call_work=10 ** 12)
    report = run_program(chain.format(n=2236), limits=roomy)   # 4,999,696: NumPy's own ValueError
    assert not report.ok and report.error.kind == "value" and "not aligned" in report.error.message
    refused(chain.format(n=2237), "limit", roomy)               # 5,004,169
    small = ("import numpy as np\n"
             "r = np.linalg.multi_dot([np.ones((10, 1)), np.ones((1, 10)), np.ones((5, 5))])\n")
    units = -(-2 * 10 ** 3 // 16)   # two products of at most 10 x 10 x 10
    assert run_program(small, limits=limits(max_call_work=units)).error.kind == "value"
    refused(small, "limit", limits(max_call_work=units - 1))
    same_as_python("import numpy as np\ntry:\n    np.linalg.multi_dot([np.ones((3, 1)), np.ones((1, 3)), "
                   "np.ones((4, 5))])\nexcept ValueError as e:\n    print(e)\n")


@pytest.mark.parametrize(("call", "units"), [
    ("np.linalg.tensorinv(M.reshape(20, 4, 5), ind=True)", 2 * (N ** 3 + N * N)),   # True slices as 1
    ("np.linalg.matrix_power(M, True)", 0),   # no product
])
def test_bool_arguments_are_read_as_numpy_reads_them_for_the_work(call, units):
    source = f"import numpy as np\nM = np.eye({N}) * 2 + 0.1\nr = {call}\n"
    same_as_python(source)
    if units:
        refused(source, "limit", limits(max_call_work=units - 1))


def test_a_program_raises_and_catches_lin_alg_error_as_numpy():
    same_as_python("import numpy as np\nfrom numpy.linalg import LinAlgError\ntry:\n"
                   "    raise np.linalg.LinAlgError('mine')\nexcept LinAlgError as e:\n"
                   "    print(repr(e), type(e).__name__, str(e))\ntry:\n    np.linalg.inv(np.ones((2, 2)))\n"
                   "except (TypeError, LinAlgError) as e:\n    print('caught', e)\n")
