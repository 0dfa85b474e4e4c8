"""Session 28 (rng): torch.testing.assert_close (lang/torch_testing.py), torch.trapezoid / trapz /
cumulative_trapezoid (their broadcast products checked as einsum's intermediates, contraction_work.py),
np.trapezoid and np.fromfunction (lang/numpy_index_functions.py). Each compared with plain PyTorch /
NumPy on the same text (values, printed text, the errors' class and words caught by the program); their
sizes just below and above the limits."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.unit.test_breadth import compare

T = "import torch\nimport numpy as np\n"

CLOSE = [
    "a = torch.tensor([1., 2., 3.])\ntorch.testing.assert_close(a, a.clone())\n"
    "torch.testing.assert_close(a, a + 1e-7)\ntorch.testing.assert_close(a, a * 1.01, rtol=0.1, atol=0)\n"
    "print(torch.allclose(a, a + 1e-9), torch.allclose(a, a + 1))\n",
    "from torch.testing import assert_close\nassert_close(1.0, 1.0 + 1e-9)\n"
    "assert_close([1.0, 2.0], (1.0, 2.0))\n"
    "assert_close({'w': torch.ones(2)}, {'w': torch.ones(2)})\nassert_close(np.ones(2), np.ones(2))\n"
    "assert_close(torch.tensor(float('nan')), torch.tensor(float('nan')), equal_nan=True)\n"
    "assert_close(torch.ones(2, dtype=torch.int64), torch.ones(2), check_dtype=False)\n",
    # the custom-Function lessons: a result checked against autograd's own
    "x = torch.randn(3, requires_grad=True)\ny = (x.exp() * 2).sum()\ny.backward()\n"
    "torch.testing.assert_close(x.grad, 2 * x.exp())\nprint('gradients agree')\n",
]


@pytest.mark.parametrize("snippet", CLOSE)
def test_assert_close_passes_like_pytorch(snippet: str) -> None:
    compare(T + snippet)


MISMATCHES = [
    "torch.testing.assert_close(torch.tensor([1., 2., 3.]), torch.tensor([1., 2., 3.1]))",
    "torch.testing.assert_close(torch.ones(2), torch.ones(3))",
    "torch.testing.assert_close(torch.tensor([1, 2]), torch.tensor([1., 2.]))",
    "torch.testing.assert_close(1.0, 1.1)",
    "torch.testing.assert_close([1.0, 2.0], [1.0, 2.1])",
    "torch.testing.assert_close(torch.ones(2), torch.ones(2) * 1.1, msg='boo')",
    "torch.testing.assert_close(np.ones(2), np.ones(2) * 1.1)",
    "torch.testing.assert_close(np.ones(2), torch.ones(2))",
    "torch.testing.assert_close(torch.ones(2), torch.ones(2), rtol=0.1)",   # rtol without atol
    "torch.testing.assert_close(torch.ones(2), torch.ones(2), tol=1)",
    "torch.testing.assert_close(torch.ones(2))",
    "torch.testing.assert_close({'a': torch.ones(1)}, {'b': torch.ones(1)})",
    "torch.testing.assert_close(torch.tensor(float('nan')), torch.tensor(float('nan')))",
]


@pytest.mark.parametrize("call", MISMATCHES)
def test_assert_close_mismatch_is_pytorchs_error_and_catchable(call: str) -> None:
    compare(T + f"try:\n    {call}\nexcept Exception as e:\n    print(type(e).__name__)\n    print(e)\n")


def test_uncaught_mismatch_stops_the_program_on_its_line_with_pytorchs_words() -> None:
    report = run_program(T + "a = torch.ones(3)\ntorch.testing.assert_close(a, a + 1)\nprint('not here')\n")
    assert not report.ok and report.error.line == 4 and report.printed == ""
    assert report.error.message.startswith("Tensor-likes are not close!\n\nMismatched elements: 3 / 3")


@pytest.mark.parametrize(("line", "says"), [
    ("torch.testing.assert_close(a, a, msg=lambda m: m)", "msg="),
    ("torch.testing.assert_close(list(range(1001)), list(range(1001)))", "at most 1,000"),
    ("torch.testing.assert_close(a, a, rtol='x', atol=1)", "rtol="),
    ("torch.testing.assert_close(a, a, check_dtype=1)", "True or False"),
    ("torch.testing.assert_close({torch.ones(1): a}, {torch.ones(1): a})", "plain keys"),
    ("torch.testing.make_tensor((2,), dtype=torch.float32, device='cpu')", "torch.testing.make_tensor"),
    ("torch.testing.FileCheck()", "torch.testing.FileCheck"),
    ("torch.testing._comparison", "private"),
    ("torch.testing.assert_close(torch.ones(1, requires_grad=True).exp().grad_fn, a)", "compares tensors"),
])
def test_assert_close_refusals(line: str, says: str) -> None:
    report = run_program(T + f"a = torch.ones(2)\nr = {line}\n", torchviz=False)
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 4, report.error
    assert says in report.error.message, report.error.message


def test_assert_close_refuses_deep_nesting_without_recursing() -> None:
    source = T + "n = 1\nfor _ in range({depth}):\n    n = [n]\ntorch.testing.assert_close(n, n)\ndel n\n"
    compare(source.format(depth=32))
    report = run_program(source.format(depth=33), torchviz=False)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert "nested at most 32" in report.error.message


def test_assert_close_of_a_thousand_values_runs() -> None:
    compare(T + "torch.testing.assert_close(list(range(1000)), list(range(1000)))\n")


TRAPEZOIDS = [
    "y = torch.tensor([1., 4., 9., 16.])\nx = torch.tensor([0., 1., 2., 4.])\n"
    "torch.trapezoid(y)\ntorch.trapezoid(y, x)\ntorch.trapezoid(y, dx=0.5)\ntorch.trapz(y, x)\n"
    "torch.cumulative_trapezoid(y)\ntorch.cumulative_trapezoid(y, x, dim=0)\ntorch.trapezoid(y=y, x=x)\n",
    "from torch import trapezoid, cumulative_trapezoid\nm = torch.arange(12.).reshape(3, 4)\n"
    "trapezoid(m, dim=0)\ntrapezoid(m, torch.arange(4.))\ncumulative_trapezoid(m, dx=2)\n"
    "trapezoid(torch.ones(3, 1, 2), torch.ones(1, 4, 2))\n",
    # integrals with a gradient: the area under x**2 on [0, 1] and its derivative with respect to the samples
    "xs = torch.linspace(0, 1, 11)\ny = (xs ** 2).requires_grad_()\narea = torch.trapezoid(y, xs)\n"
    "area.backward()\nprint(area, y.grad)\n",
    "y = np.array([1., 4., 9., 16.])\nx = np.array([0., 1., 2., 4.])\nnp.trapezoid(y)\nnp.trapezoid(y, x)\n"
    "np.trapezoid([1, 2, 3], dx=0.5)\nnp.trapezoid(np.ones((2, 3)), axis=0)\n"
    "np.trapezoid(np.ones((3, 4)), x)\n"
    "np.trapezoid(np.ones((3, 1, 2)), np.ones((1, 4, 2)))\nnp.trapezoid(y=[1, 2], x=[0, 3])\n"
    "np.trapezoid(np.sin(np.linspace(0, np.pi, 101)), np.linspace(0, np.pi, 101))\n",
]


@pytest.mark.parametrize("snippet", TRAPEZOIDS)
def test_trapezoids_like_plain_pytorch_and_numpy(snippet: str) -> None:
    compare(T + snippet)


@pytest.mark.parametrize("call", [
    "torch.trapezoid(torch.ones(3), torch.ones(4))", "torch.trapezoid(torch.ones(3), dim=2)",
    "torch.cumulative_trapezoid(torch.ones(2, 3), torch.ones(2), dim=0)",
    "np.trapezoid(np.ones(3), np.ones(4))", "np.trapezoid(np.ones(3), axis=1)", "np.trapz([1, 2])",
    "np.trapezoid(np.ones(3), axis=0.5)", "np.trapezoid()",
])
def test_trapezoid_errors_are_the_libraries(call: str) -> None:
    compare(T + f"try:\n    r = {call}\nexcept Exception as e:\n    print(type(e).__name__, e)\n")


SMALL = Limits(max_tensor_elements=100, max_total_elements=10_000)


@pytest.mark.parametrize(("call", "what"), [
    ("torch.trapezoid(torch.ones(10, 1, {n}), torch.ones(1, 10, {n}))", "trapezoid"),
    ("torch.trapz(torch.ones(10, 1, {n}), torch.ones(1, 10, {n}))", "trapz"),
    ("torch.cumulative_trapezoid(torch.ones(10, 1, {n}), torch.ones(1, 10, {n}))", "cumulative_trapezoid"),
    ("np.trapezoid(np.ones((10, 1, {n})), np.ones((1, 10, {n})))", "np.trapezoid"),
])
def test_trapezoid_products_are_checked_before_the_call(call: str, what: str) -> None:
    """y of (10, 1, n) and x of (1, 10, n): inputs of 10n elements, a result of 100 (10 x 10), but
    products of 100 (n - 1) elements: n = 2 fits the limit of 100, n = 3 does not."""
    ok = run_program(T + "r = " + call.format(n=2) + "\n", torchviz=False, limits=SMALL)
    assert ok.ok, ok.error
    report = run_program(T + "r = " + call.format(n=3) + "\n", torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error
    assert what in report.error.message and "200" in report.error.message, report.error.message


def test_trapezoid_products_at_the_default_limits() -> None:
    """Inputs of 10,000 elements each, a 4,000,000-element result, 16,000,000 products: refused untried."""
    for call in ("torch.trapezoid(torch.ones(2000, 1, 5), torch.ones(1, 2000, 5))",
                 "np.trapezoid(np.ones((2000, 1, 5)), np.ones((1, 2000, 5)))"):
        report = run_program(T + f"r = {call}\n", torchviz=False)
        assert not report.ok and report.error.kind == "limit" and "16,000,000" in report.error.message
    assert run_program(T + "r = torch.trapezoid(torch.ones(2000, 1, 2), torch.ones(1, 2000, 2))\n",
                       torchviz=False).ok


def test_trapezoid_is_no_tensor_method() -> None:
    compare(T + "try:\n    torch.ones(3).trapezoid()\nexcept AttributeError as e:\n    print(e)\n")


FROMFUNCTION = [
    "def f(x, y):\n    return 10 * x + y\nb = np.fromfunction(f, (5, 4), dtype=int)\nb\n",
    "np.fromfunction(lambda i, j: i == j, (3, 3))\nnp.fromfunction(lambda i, j: i + j, (3, 3), dtype=int)\n"
    "np.fromfunction(lambda i, j: i, (2, 2), dtype=float)\nnp.fromfunction(lambda i: 7, (4,))\n",
    "np.fromfunction(lambda i, j, k=2: i * k + j, (2, 2), k=3)\nnp.fromfunction(lambda i: i ** 2, [4])\n"
    "np.fromfunction(lambda i, j: np.sin(i) + j, (2, 3))\nnp.fromfunction(np.add, (2, 2))\n",
    "calls = []\ndef g(i, j):\n    calls.append(i.shape)\n    return i * j\nr = np.fromfunction(g, (2, 3))\n"
    "print(calls, r)\n",   # called once, with the whole index arrays
    "t = torch.from_numpy(np.fromfunction(lambda i, j: 1.0 / (i + j + 1), (3, 3)))\nt\n",   # Hilbert matrix
]


@pytest.mark.parametrize("snippet", FROMFUNCTION)
def test_fromfunction_like_plain_numpy(snippet: str) -> None:
    compare(T + snippet)


@pytest.mark.parametrize("call", [
    "np.fromfunction(lambda i: i, (-1,))", "np.fromfunction(5, (2,))",
    "np.fromfunction(lambda i: i, (2, 2))", "np.fromfunction(lambda i, j: i[5], (2, 2))",
    "np.fromfunction(lambda i, j: i, (2, 2), dtype=np.float32, q=1)",
])
def test_fromfunction_errors_are_numpys_and_pythons(call: str) -> None:
    compare(T + f"try:\n    r = {call}\nexcept Exception as e:\n    print(type(e).__name__, e)\n")


def test_fromfunction_error_inside_the_function_names_its_line() -> None:
    report = run_program(T + "def f(i, j):\n    return i @ np.ones((5, 5))\nr = np.fromfunction(f, (2, 3))\n")
    assert not report.ok and report.error.line == 4, report.error


@pytest.mark.parametrize(("shape", "ok"), [("(10, 5)", True), ("(10, 6)", False), ("(101,)", False),
                                           ("(100,)", True), ("(2, 2, 8)", True), ("(2, 2, 9)", False)])
def test_fromfunction_counts_its_index_arrays_first(shape: str, ok: bool) -> None:
    """len(shape) index arrays of prod(shape) elements each, counted before NumPy makes them."""
    report = run_program(T + f"r = np.fromfunction(lambda *ix: 0, {shape})\n", torchviz=False,
                         limits=Limits(max_tensor_elements=100))
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "np.fromfunction's index arrays" in report.error.message


def test_fromfunction_huge_shape_refused_before_numpy() -> None:
    for shape in ("(10**9, 10**9)", "(2**62,)", "(1,) * 64"):   # (33 dimensions run as in NumPy 2: s44)
        report = run_program(T + f"calls = []\nr = np.fromfunction(lambda *ix: calls.append(1), {shape})\n",
                             torchviz=False)
        assert not report.ok and report.error.kind in ("limit", "type", "value"), report.error
        assert report.variables["calls"].text == "[]"   # the function never ran


@pytest.mark.parametrize(("line", "says"), [
    ("np.fromfunction(lambda i: i.__class__, (2,))", "double-underscore"),
    ("np.fromfunction(lambda i: i, (2,), like=np.ones(2))", "like="),
    ("np.fromfunction(lambda i: i, 2.5)", "shape"),
])
def test_fromfunction_refusals(line: str, says: str) -> None:
    report = run_program(T + f"r = {line}\n", torchviz=False)
    assert not report.ok and says in report.error.message, report.error
