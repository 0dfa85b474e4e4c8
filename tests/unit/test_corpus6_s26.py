"""Session 26, corpus 6: what the new tutorials needed (d2l-en's mathematics appendix, Kloeckner's QR/SVD
demos, tests/programs/tutorial_d2l_en_*.py and tutorial_kloeckner_*.py of this session), each against
PyTorch / NumPy / CPython as the oracle, with the limits just below and above.

- `norm_eigs.sort()` of one-element tensors (lang/sorting.py: their values, read before the sort)
- `torch.pi = ...` (lang/module_constants.py: this run's copy; the modules are never written)
- np.linalg.qr / eig / eigh / svd with NumPy's result objects, np.tril / np.triu
  (lang/numpy_decompositions.py)
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_corpus4_s25 import refused, same_as_python


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


# -- sorting one-element tensors ---------------------------------------------------------------------------
@pytest.mark.parametrize("items", [
    "[torch.tensor(2.), torch.tensor(0.5), torch.tensor(1.), torch.tensor(0.5)]",   # stable on ties
    "[torch.tensor([3]), torch.tensor([-1]), torch.tensor([2])]",                     # shape (1,), int64
    "[torch.tensor(float('nan')), torch.tensor(1.), torch.tensor(-2.)]",              # NaN: never less
    "[torch.tensor(True), torch.tensor(False)]",
    "[torch.tensor([[1.5]], dtype=torch.float64), torch.tensor([[0.5]], dtype=torch.float64)]",
])
def test_sort_and_sorted_of_one_element_tensors_equal_python(items):
    same_as_python(f"import torch\nxs = {items}\nys = sorted(xs)\nzs = sorted(xs, reverse=True)\n"
                   f"xs.sort()\nprint(xs, ys, zs)\n")


def test_d2l_sorts_the_norms_of_complex_eigenvalues():
    same_as_python("import torch\nA = torch.tensor([[0., -2.], [1., 0.5]], dtype=torch.float64)\n"
                   "eigs = torch.linalg.eig(A).eigenvalues.tolist()\n"
                   "norm_eigs = [torch.abs(torch.tensor(x)) for x in eigs]\nnorm_eigs.sort()\n"
                   "print(f'norms of eigenvalues: {norm_eigs}')\n")


def test_tensor_keys_min_max_and_key_functions_equal_python():
    same_as_python("import torch\nw = [3, -5, 2]\na = sorted(w, key=lambda v: torch.tensor(v) ** 2)\n"
                   "b = max(w, key=lambda v: torch.tensor([float(v)]))\n"
                   "c = min(w, key=lambda v: torch.tensor(-v))\n")


@pytest.mark.parametrize("items", [
    "[torch.ones(2), torch.zeros(2)]",                          # more than one element: ambiguous in torch
    "[torch.tensor(1.), torch.tensor(2, dtype=torch.int32)]",   # two dtypes: PyTorch's promotion rules
    "[torch.tensor(1j), torch.tensor(2j)]",                     # complex: no order
    "[torch.tensor(1.), 2.0]",                                  # a tensor and a number
])
def test_other_tensor_items_stay_refused(items):
    error = refused(f"import torch\nxs = {items}\nxs.sort()\n")
    assert "`list.sort()` of" in error.message


def test_sorting_tensors_counts_against_the_loop_limit_just_below_and_above():
    source = "import torch\nxs = [torch.tensor(3.), torch.tensor(1.), torch.tensor(2.)]\nxs.sort()\n"
    assert run_program(source, limits=limits(max_loop_iterations=3)).ok
    error = refused(source, "limit", limits(max_loop_iterations=2))
    assert "loop iterations" in error.message


# -- torch.pi = ... ------------------------------------------------------------------------------------------
def test_torch_pi_assignment_is_read_back_as_in_python():
    same_as_python("import torch\nimport math\nimport numpy as np\n"
                   "torch.pi = torch.acos(torch.zeros(1)).item() * 2  # Define pi in torch\n"
                   "xs = torch.arange(-torch.pi, torch.pi, 0.5)\nfrom torch import pi\n"
                   "math.e = 3\nnp.inf = 10**6\nprint(torch.pi, pi, math.e, np.inf, math.pi, xs.shape)\n")


def test_an_aliased_module_constant_updates_in_place_as_in_python():
    same_as_python("import torch as t\nimport math\nt.pi = 3\nt.pi += 0.5\nmath.tau = t.pi * 2\n"
                   "print(t.pi, math.tau)\n")


def test_torch_pi_is_this_runs_copy_only():
    before = (torch.pi, math.pi, np.pi)
    assert run_program("import torch\nimport math\nimport numpy as np\n"
                       "torch.pi = 3\nmath.pi = 3\nnp.pi = 3\n").ok
    assert (torch.pi, math.pi, np.pi) == before   # the modules themselves are never written
    report = run_program("import torch\nx = torch.tensor(torch.pi)\n")
    assert report.variables["x"].value == pytest.approx(math.pi)   # nothing one run sets reaches the next


def test_torch_pi_may_be_a_one_element_tensor_as_d2l_statistics_sets_it():
    same_as_python("import torch\ntorch.pi = torch.acos(torch.zeros(1)) * 2  #define pi in torch\n"
                   "yd = torch.exp(-torch.ones(3)**2/2) / torch.sqrt(2 * torch.pi)\nprint(torch.pi)\n")


@pytest.mark.parametrize(("line", "kind"), [
    ("torch.pi = torch.ones(2)", "Tensor"),                              # more than one element
    ("torch.pi = torch.ones(1, requires_grad=True) * 3", "Tensor"),      # a graph (its saved tensors)
    ("torch.pi = torch.ones(1, requires_grad=True)", "Tensor"),          # a leaf that would gather grads
    ("torch.pi = 'pi'", "str"), ("torch.e = [2.7]", "list")])
def test_torch_pi_takes_a_number_only(line, kind):
    error = refused(f"import torch\n{line}\n")
    assert f"to a {kind} value is not supported" in error.message


@pytest.mark.parametrize("line", ["torch.sin = 1", "torch.tau = 6.28", "np.random = 1", "math.floor = 2"])
def test_other_module_attributes_stay_refused(line):
    refused(f"import torch\nimport math\nimport numpy as np\n{line}\n")


# -- np.linalg.qr / eig / eigh / svd, np.tril / np.triu ------------------------------------------------------
@pytest.mark.parametrize("call", [
    "la.qr(A)", "la.qr(A, mode='complete')", "la.qr(A, 'r')", "la.qr(A.T)",
    "la.eig(S)", "la.eig(np.array([[0., 1.], [-1., 0.]]))", "la.eigh(S)", "la.eigh(S, UPLO='U')",
    "la.svd(A)", "la.svd(A, full_matrices=False)", "la.svd(A, compute_uv=False)",
    "la.svd(S, hermitian=True)", "la.qr([[1., 2.], [3., 4.]])",
])
def test_np_linalg_decompositions_equal_numpy(call):
    same_as_python("import numpy as np\nimport numpy.linalg as la\nnp.random.seed(3)\n"
                   "A = np.random.randn(4, 3)\nS = A.T @ A\n"
                   f"r = {call}\nr\nprint(type(r).__name__, len(r))\n")


def test_np_linalg_results_unpack_and_name_their_fields_as_numpy():
    same_as_python("import numpy as np\nfrom numpy.linalg import qr, eigh, svd, eig\n"
                   "S = np.array([[2., 1.], [1., 3.]])\nQ, R = qr(S)\nw, V = eigh(S)\nres = svd(S)\n"
                   "print(res.U.shape, res.S, res.Vh.shape, eigh(S).eigenvalues, eig(S).eigenvectors.shape)\n"
                   "print(qr(S).Q @ qr(S).R, np.tril(S, -1), np.triu(S), np.tril([1, 2, 3]))\n")


@pytest.mark.parametrize("call", ["la.eig(np.ones((2, 3)))", "la.eigh(np.ones(3))", "la.qr(np.ones(3))",
                                  "la.eigh(np.eye(2), UPLO='X')", "la.svd(np.ones((0, 2)))"])
def test_np_linalg_errors_are_numpys(call):
    same_as_python(f"import numpy as np\nimport numpy.linalg as la\nr = {call}\n")


def test_svd_full_matrices_is_sized_before_numpy_runs_just_below_and_above():
    n_ok, n_big = 2235, 2237   # 2235**2 + 1 + 1 = 4,995,227 <= 5,000,000 < 2237**2
    assert run_program(f"import numpy as np\nr = np.linalg.svd(np.ones(({n_ok}, 1)))\n").ok
    error = refused(f"import numpy as np\nr = np.linalg.svd(np.ones(({n_big}, 1)))\n", "limit")
    assert "np.linalg.svd" in error.message
    reduced = f"import numpy as np\nr = np.linalg.svd(np.ones(({n_big}, 1)), full_matrices=False)\n"
    assert run_program(reduced).ok


def test_qr_complete_of_a_tall_matrix_is_a_size_bomb_refused():
    bomb = "import numpy as np\nr = np.linalg.qr(np.ones((1_000_000, 1)), mode='complete')\n"   # Q: 10^12
    error = refused(bomb, "limit")
    assert "np.linalg.qr" in error.message
    assert run_program("import numpy as np\nr = np.linalg.qr(np.ones((1_000_000, 1)))\n").ok   # reduced


def test_an_empty_input_still_has_its_results_sized():   # svd of m x 0: U is m x m (the identity)
    assert run_program("import numpy as np\nr = np.linalg.svd(np.ones((2235, 0)))\n").ok
    error = refused("import numpy as np\nr = np.linalg.svd(np.ones((2237, 0)))\n", "limit")
    assert "np.linalg.svd" in error.message
    refused("import numpy as np\nr = np.linalg.qr(np.ones((10**6, 0)), mode='complete')\n", "limit")


def test_decomposition_work_is_checked_like_torch_linalg():
    source = "import numpy as np\nr = np.linalg.eigh(np.eye(200))\n"   # 200**3 = 8,000,000 steps
    assert run_program(source, limits=limits(max_call_work=8_000_000 * 4)).ok
    error = refused(source, "limit", limits(max_call_work=8_000_000 - 1))
    assert "limit" in error.message


def test_tril_of_a_vector_makes_a_square_sized_first():
    assert run_program("import numpy as np\nr = np.tril(np.ones(2236))\n").ok       # 4,999,696
    error = refused("import numpy as np\nr = np.tril(np.ones(2237))\n", "limit")   # 5,004,169
    assert "np.tril" in error.message


@pytest.mark.parametrize(("call", "says"), [
    ("np.linalg.qr(A, mode='raw')", "mode 'reduced', 'complete' or 'r'"),
    ("np.linalg.svd(A, full_matrices=1)", "`full_matrices=True` or `False`"),
    ("np.linalg.eig(A, 1)", "`np.linalg.eig(a)`"), ("np.tril(A, 1.5)", "whole number k"),
    ("np.triu(A, k=1, m=2)", "`np.triu(m, k=0)`")])
def test_decomposition_forms_outside_the_subset_are_refused_plainly(call, says):
    error = refused(f"import numpy as np\nA = np.eye(2)\nr = {call}\n")
    assert says in error.message
