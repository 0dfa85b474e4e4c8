"""Session 25 (corpus5): what the linear-algebra and Jacobian sources needed, with plain PyTorch / NumPy /
Python as the oracle: warnings' `category=UserWarning` (and the Warning classes as names), torch.addmm &
co., np.linalg (work checked before the call, as torch.linalg's), and the linalg functions PyTorch removed
(torch.matrix_rank, torch.eig, ...) failing as in PyTorch. Limits just below and above each boundary."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted


def run(source: str):
    return run_program(source, torchviz=False)


def same_as_python(source: str) -> None:
    report, oracle = run(source), run_trusted(source)
    assert report.error is None, report.error
    assert oracle.error is None, oracle.error
    assert report.printed == oracle.printed


# -- warnings' categories ------------------------------------------------------------------------------
def test_filterwarnings_takes_a_warning_category():
    same_as_python("import warnings\nwarnings.filterwarnings('ignore', category=UserWarning)\n"
                   "warnings.simplefilter('ignore', category=DeprecationWarning)\n"
                   "warnings.filterwarnings(action='ignore', category=FutureWarning, module='torch')\n"
                   "print('ok')\n")


WARNING_SUBCLASS = "a Warning subclass"


@pytest.mark.parametrize(("category", "says"), [("int", WARNING_SUBCLASS), ("ValueError", WARNING_SUBCLASS),
                                               ("'UserWarning'", "a class"), ("Mine", WARNING_SUBCLASS)])
def test_filterwarnings_refuses_a_category_that_is_not_a_warning_as_python_does(category, says):
    source = ("import warnings\nclass Mine(ValueError):\n    pass\n"
              f"warnings.filterwarnings('ignore', category={category})\n")
    report, oracle = run(source), run_trusted(source)
    assert oracle.error is not None and f"category must be {says}" in str(oracle.error)
    assert report.error.message == f"category must be {says}" and report.error.line == 4
    caught = source.replace("warnings.filterwarnings", "try:\n    warnings.filterwarnings") + \
        "except AssertionError as e:\n    print(e)\n"
    same_as_python(caught)


def test_filterwarnings_takes_a_programs_own_warning_class():
    same_as_python("import warnings\nclass MyWarning(UserWarning):\n    pass\n"
                   "warnings.filterwarnings('ignore', category=MyWarning)\nprint('ok')\n")


def test_warning_classes_are_exception_classes_as_in_python():
    same_as_python("try:\n    raise UserWarning('careful')\nexcept Warning as e:\n"
                   "    print(type(e).__name__, e, isinstance(e, Exception))\n"
                   "print(issubclass(RuntimeWarning, Warning))\n")


# -- torch.addmm and its family --------------------------------------------------------------------------
ADD_PRODUCTS = """import torch
torch.manual_seed(0)
M = torch.randn(2, 3, requires_grad=True)
a = torch.randn(2, 4, requires_grad=True)
b = torch.randn(4, 3)
r1 = torch.addmm(M, a, b, beta=2, alpha=3)
r2 = torch.addbmm(M, torch.randn(5, 2, 4), torch.randn(5, 4, 3))
r3 = torch.baddbmm(torch.randn(5, 2, 3), torch.randn(5, 2, 4), torch.randn(5, 4, 3), alpha=0.5)
r4 = torch.addmv(torch.randn(2), a, torch.randn(4))
r5 = torch.addr(M, torch.randn(2), torch.randn(3))
(r1.sum() + r2.sum() + r4.sum() + r5.sum()).backward()
print(r1, r2, r3, r4, r5, M.grad, a.grad, sep="\\n")
"""


def test_add_products_equal_pytorch_with_gradients():
    same_as_python(ADD_PRODUCTS)


def test_addmm_integer_matrices_as_in_the_lesson():
    same_as_python("import torch\nt4 = torch.tensor([1, 2, 3, 4])\nt1 = torch.arange(12).reshape(3, 4)\n"
                   "t3 = torch.arange(16).reshape(4, 4)\n"
                   "print(torch.addmm(t4, t1, t3), torch.addmm(t4, t1, t3, beta=2, alpha=3))\n"
                   "L = torch.long\n"
                   "print(torch.addbmm(torch.ones(2, 3, dtype=L), torch.ones(3, 2, 2, dtype=L), "
                   "torch.ones(3, 2, 3, dtype=L)))\n")


@pytest.mark.parametrize(("columns", "ok"), [(DEFAULT_LIMITS.max_tensor_elements // 1000, True),
                                              (DEFAULT_LIMITS.max_tensor_elements // 1000 + 1, False)])
def test_addmm_result_is_sized_before_the_call(columns, ok):
    # (1000, 1) @ (1, columns): small operands, a result of 1000 * columns elements
    report = run("import torch\n"
                 f"r = torch.addmm(torch.zeros(1), torch.ones(1000, 1), torch.ones(1, {columns}))\n")
    assert (report.error is None) == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "max_tensor_elements" in (report.error.hint or "")


# -- np.linalg ---------------------------------------------------------------------------------------------
NP_LINALG = """import numpy as np
import numpy.linalg as LA
from numpy.linalg import norm, solve
A = np.array([[4., 1., -2.], [1., 6., 0.], [-2., 0., 5.]])
b = np.array([1., 2., 3.])
x = solve(A, b)
print(x, np.abs(A @ x - b).max() < 1e-12, norm(x), norm([3, 4]), np.linalg.norm(A))
print(LA.inv(A), np.linalg.det(A), np.linalg.eigvals(A), np.linalg.eigvalsh(A))
print(np.linalg.matrix_rank(np.array([[1., 3.], [2., 6.]])), np.linalg.solve([[2, 0], [0, 4]], [1, 1]))
"""


def test_np_linalg_equals_numpy():
    same_as_python(NP_LINALG)


def test_np_linalg_errors_are_numpys():
    source = "import numpy as np\nnp.linalg.inv(np.array([[1., 2.], [2., 4.]]))\n"
    report, oracle = run(source), run_trusted(source)
    assert oracle.error is not None and "Singular matrix" in str(oracle.error)
    assert report.error is not None and "Singular matrix" in report.error.message and report.error.line == 2


@pytest.mark.parametrize(("side", "ok"), [(793, True), (794, False)])   # float64: 2 * n**3 against 10**9
def test_np_linalg_work_is_checked_before_the_call(side, ok):
    assert 2 * 793 ** 3 <= DEFAULT_LIMITS.max_call_work < 2 * 794 ** 3
    for call in ("np.linalg.inv(A)", "np.linalg.det(A)", "np.linalg.solve(A, A[0])", "np.linalg.eigvals(A)"):
        report = run(f"import numpy as np\nA = np.eye({side})\ntry:\n    r = {call}\nexcept Exception:\n"
                     "    print('caught')\n")
        assert (report.error is None) == ok, (call, report.error)
        if not ok:   # uncatchable, and said with the limit's name
            assert report.error.kind == "limit" and "max_call_work" in (report.error.hint or "")
            assert report.printed == ""


# norm(A, axis=0) runs since session 29 (numpy_linalg_family.py); an array as ord stays refused
@pytest.mark.parametrize("call", ["np.linalg.norm(A, ord=A)", "np.linalg.solve(A)", "np.linalg.inv(A, A)"])
def test_np_linalg_other_forms_are_refused_by_name(call):
    report = run(f"import numpy as np\nA = np.eye(2)\n{call}\n")
    assert report.error.kind == "unsupported" and "np.linalg." in report.error.message


def test_np_linalg_functions_not_listed_are_refused_by_name():   # eig/eigh/svd/qr run since corpus6 (s26),
    report = run("import numpy as np\nnp.linalg.test()\n")   # cholesky and the rest of __all__ since s29
    assert report.error.kind == "unsupported" and "numpy.linalg.test" in report.error.message


# -- torch's removed linalg functions ------------------------------------------------------------------------
@pytest.mark.parametrize(("call", "replacement"), [
    ("torch.matrix_rank(t)", "torch.linalg.matrix_rank"),
    ("torch.eig(t, eigenvectors=True)", "torch.linalg.eig"),
    ("torch.symeig(t)", "torch.linalg.eigh"), ("torch.solve(t, t)", "torch.linalg.solve"),
    ("torch.lstsq(t, t)", "torch.linalg.lstsq")])
def test_removed_linalg_functions_fail_as_in_pytorch(call, replacement):
    source = f"import torch\nt = torch.eye(2)\n{call}\n"
    report, oracle = run(source), run_trusted(source)
    assert oracle.error is not None and "deprecated since version 1.9 and is now removed" in str(oracle.error)
    assert report.error.line == 3 and replacement in report.error.message
    assert report.error.message.startswith("This function was deprecated since version 1.9")
    caught = (f"import torch\nt = torch.eye(2)\ntry:\n    {call}\n"
              "except RuntimeError as e:\n    print('removed', type(e).__name__)\n")
    same_as_python(caught)


# -- the Eigen page and the Jacobian page on these sources' matrices and functions --------------------------
def test_eigen_page_takes_the_lessons_jacobian_and_singular_matrix():
    from autogradlab.engine.eigen import analyse, matrix_from_values
    from autogradlab.engine.eigen_sources import matrix_from_report, matrix_variables
    report = run("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\n"   # a Jacobian row by row
                 "y = torch.stack([4 * x[0] + 3 * x[1], 2 * x[0] + 6 * x[1]])\nJ = torch.zeros(2, 2)\n"
                 "for i in range(2):\n    v = torch.zeros(2)\n    v[i] = 1\n    x.grad = None\n"
                 "    y.backward(v, retain_graph=True)\n    J[i] = x.grad\n")
    assert "J" in matrix_variables(report)
    values = np.sort(np.linalg.eigvals(matrix_from_report(report, "J")))
    assert np.allclose(values, np.sort(torch.linalg.eigvals(torch.tensor([[4., 3.], [2., 6.]])).real.numpy()))
    singular = analyse(matrix_from_values(np.array([[1., 3.], [2., 6.]]), "t8"))
    assert singular.singular and np.isclose(max(abs(z) for z in singular.eigenvalues), 7)


def test_eigen_pages_jacobian_lines_import_torch_themselves():
    """A NumPy lesson never imports torch: the Eigen page's added lines used to fail on `torch`."""
    from autogradlab.engine.eigen_sources import JACOBIAN_VAR, jacobian_program, matrix_from_report
    source = "import numpy as np\ndef f(x):\n    return x * x[0]\n"
    report = run(jacobian_program(source, "f", (1.5, -2.0)))
    point = torch.tensor([1.5, -2.0], dtype=torch.float64)
    want = torch.autograd.functional.jacobian(lambda x: x * x[0], point)
    assert np.allclose(matrix_from_report(report, JACOBIAN_VAR), want.numpy())
    numpy_f = run(jacobian_program("import numpy as np\ndef F(x):\n    return np.array([x[0], x[1]])\n", "F",
                                   (1.0, 2.0)))
    assert "Can't call numpy() on Tensor that requires grad" in numpy_f.error.message   # PyTorch's own words


# -- Kloeckner's demos: np.set_printoptions, np.diag, np.sort, a.round(n), norm's ord ---------------------
def test_numpy_print_options_print_as_numpy_and_end_with_the_run():
    source = ("import numpy as np\nnp.set_printoptions(precision=3, linewidth=120)\n"
              "print(np.linspace(0, 1, 7) / 3, np.eye(2) / 7)\nnp.set_printoptions(13)\n"
              "print(np.array([1e-8, 1 / 3]))\nnp.set_printoptions(suppress=True)\n"
              "print(np.array([1e-8, 1 / 3]))\n")
    same_as_python(source)
    before = np.get_printoptions()
    run(source)
    assert np.get_printoptions() == before
    assert run("import numpy as np\nprint(np.array([1 / 3]))\n").printed == str(np.array([1 / 3])) + "\n"


@pytest.mark.parametrize(("call", "ok"), [("precision=100", True), ("precision=101", False),
                                          ("precision=-1", False),
                                          ("linewidth=10000", True), ("linewidth=10001", False),
                                          ("threshold=1001", True), ("precision=2.5", False)])   # threshold
# up to NumPy's default 1,000 is taken since session 34, any since 36; precision up to 100 since 36
def test_numpy_print_options_are_checked_at_their_bounds(call, ok):
    report = run(f"import numpy as np\nnp.set_printoptions({call})\nprint(np.arange(3) / 7)\n")
    assert (report.error is None) == ok, report.error


def test_diag_sort_round_and_norm_orders_equal_numpy():
    same_as_python("import numpy as np\nimport numpy.linalg as la\nv = np.array([3., -1., 2.])\n"
                   "D = np.diag(v)\nprint(D, np.diag(v, 1), np.diag(v, k=-1), np.diag(D), np.sort(v))\n"
                   "print(np.sort(np.array([[3, 1], [0, 2]]), axis=0), (D / 7).round(3))\n"
                   "print(la.norm(v, 2), la.norm(v, 1), la.norm(v, np.inf), la.norm(D, 'fro'), la.norm(D, 2),"
                   " la.norm(D, ord='nuc'))\n")


@pytest.mark.parametrize(("n", "ok"), [(2236, True), (2237, False)])   # 2236**2 <= 5,000,000 < 2237**2
def test_np_diag_of_a_vector_is_sized_before_numpy_allocates(n, ok):
    assert n * n <= DEFAULT_LIMITS.max_tensor_elements or not ok
    report = run(f"import numpy as np\nD = np.diag(np.ones({n}))\n")
    assert (report.error is None) == ok, report.error
    if not ok:
        assert report.error.kind == "limit"


@pytest.mark.parametrize(("side", "ok"), [(793, True), (794, False)])
def test_np_norm_2_of_a_matrix_counts_its_svd(side, ok):
    report = run(f"import numpy as np\nr = np.linalg.norm(np.eye({side}), 2)\n"
                 f"s = np.linalg.norm(np.eye({side}))\n")
    assert (report.error is None) == ok, report.error


def test_eigen_page_offers_a_numpy_lessons_square_arrays():
    """Kloeckner's Gram-Schmidt demo keeps its 3x3 matrices as NumPy arrays: the Eigen page lists them as it
    lists tensors (it offered none before), and analyses them as NumPy does."""
    from autogradlab.engine.eigen_sources import matrix_from_report, matrix_variables
    report = run("import numpy as np\nA = np.array([[2., 1.], [1., 3.]])\nv = np.ones(2)\n"
                 "I = np.eye(3, dtype=int)\nZ = np.array([[1j, 0], [0, 1]])\n"
                 "import torch\nT = torch.eye(2)\n")
    assert matrix_variables(report) == ["A", "I", "T"]
    assert np.allclose(matrix_from_report(report, "A"), [[2., 1.], [1., 3.]])
    with pytest.raises(Exception, match="not a tensor with values"):
        matrix_from_report(report, "Z")


def test_the_checkers_numpy_linalg_names_are_the_ones_that_run():
    """allowlist.NUMPY_LINALG_NAMES (torch-free, read by the static checker) names exactly np.linalg's
    functions numpy_linalg.py runs (session 29: every member of the np.linalg namespace, those of
    numpy_linalg_family.py and the result-object ones of numpy_decompositions.py)."""
    from autogradlab.lang import numpy_linalg
    from autogradlab.lang.allowlist import NUMPY_LINALG_NAMES, NUMPY_LINALG_RESULT_NAMES
    members = set(numpy_linalg.numpy_linalg_namespace().members)
    assert set(NUMPY_LINALG_NAMES) | set(NUMPY_LINALG_RESULT_NAMES) == members
    assert len(NUMPY_LINALG_NAMES) == len(set(NUMPY_LINALG_NAMES))
