"""Session 25, corpus 4 (continued from test_corpus4_s25.py): torch.autograd.gradcheck / gradgradcheck
(PyTorch's "Double Backward with Custom Functions"), NumPy's X.flatten() and np.array of arrays (Deep
Learning from Scratch ch. 4) and np.set_printoptions (fast.ai course22p2), against PyTorch / NumPy, with
the limits just below and above."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_corpus4_s25 import refused, same_as_python

# -- torch.autograd.gradcheck / gradgradcheck (lang/gradchecks.py) ------------------------------------
SQUARE = ("import torch\nclass Square(torch.autograd.Function):\n    @staticmethod\n"
          "    def forward(ctx, x):\n        ctx.save_for_backward(x)\n        return x**2\n"
          "    @staticmethod\n    def backward(ctx, grad_out):\n        x, = ctx.saved_tensors\n"
          "        return grad_out * 2 * x\n")


def test_gradcheck_and_gradgradcheck_answer_as_pytorch():
    same_as_python(SQUARE + "x = torch.rand(3, 3, requires_grad=True, dtype=torch.double)\n"
                   "torch.autograd.gradcheck(Square.apply, x)\n"
                   "torch.autograd.gradgradcheck(Square.apply, x)\n"
                   "from torch.autograd import gradcheck\ndef f(a, b):\n    return (a * b).sin()\n"
                   "b = torch.rand(2, dtype=torch.double, requires_grad=True)\n"
                   "ok = gradcheck(f, (x[0, :2].detach().requires_grad_(), b), eps=1e-6, atol=1e-4)\n"
                   "ok2 = gradcheck(lambda t: t.exp(), (b,), fast_mode=True)\n")


def test_a_wrong_backward_fails_gradcheck_as_in_pytorch():
    wrong = SQUARE.replace("grad_out * 2 * x", "grad_out * 3 * x")
    source = wrong + "x = torch.rand(2, requires_grad=True, dtype=torch.double)\n" \
        "print(torch.autograd.gradcheck(Square.apply, x, raise_exception=False))\n" \
        "torch.autograd.gradcheck(Square.apply, x)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert report.printed == oracle.printed == "False\n"
    assert oracle.error is not None and report.error.line == oracle.error_line == 13
    assert "Jacobian mismatch" in report.error.message


@pytest.mark.parametrize(("elements", "ok"), [(5_000, True), (5_001, False)])   # 1,000 until session 35
def test_gradcheck_perturbs_at_most_five_thousand_elements(elements, ok):
    source = (f"import torch\nx = torch.rand({elements}, dtype=torch.double, requires_grad=True)\n"
              "print(torch.autograd.gradcheck(lambda t: t * 2, x, fast_mode=True))\n")
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60.0)
    if ok:
        assert run_program(source, limits=limits).printed == "True\n"
    else:
        assert "would perturb 5,001 input elements" in refused(source, "limit", limits).message


@pytest.mark.parametrize(("call", "says"), [
    ("torch.autograd.gradcheck(f, x, check_batched_grad=True)", "check_batched_grad"),
    ("torch.autograd.gradcheck(f, x, check_forward_ad=True)", "check_forward_ad"),
    ("torch.autograd.gradcheck(3, x)", "needs a function"),
    ("torch.autograd.gradcheck(torch, x)", "needs a function"),
])
def test_gradcheck_refuses_what_it_does_not_take_by_name(call, says):
    source = "import torch\nx = torch.rand(2, dtype=torch.double, requires_grad=True)\n" \
             f"def f(t):\n    return t * 2\n{call}\n"
    report = run_program(source)
    assert not report.ok and says in report.error.message and report.error.line == 5, report.error


def test_the_checked_function_runs_under_the_step_limit():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=2_000)
    source = ("import torch\nx = torch.rand(4, dtype=torch.double, requires_grad=True)\n"
              "def f(t):\n    for i in range(100):\n        t = t + 0\n    return t\n"
              "torch.autograd.gradcheck(f, x)\n")
    assert "steps" in refused(source, "limit", limits).message


# -- NumPy: X.flatten(), np.array of arrays -------------------------------------------------------------
def test_flatten_and_an_array_of_arrays_as_numpy():
    same_as_python("import numpy as np\n"
                   "X, Y = np.meshgrid(np.arange(-2, 2.5, 0.25), np.arange(-1, 1, 0.5))\n"
                   "X = X.flatten()\nY = Y.flatten()\nP = np.array([X, Y]).T\n"
                   "H = np.array((X[:2], [7., 8.]))\n"
                   "hist = [np.array([1., 2.]), np.array([3., 4.])]\nA = np.array(hist)\n"
                   "print(P.shape, A, H)\n")


def test_flatten_is_charged_like_a_new_array():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=1_000)
    source = "import numpy as np\nx = np.zeros((20, 26))\ny = x.flatten()\n"
    assert refused(source, "limit", limits).line == 3
    assert run_program("import numpy as np\nx = np.zeros((20, 25))\ny = x.flatten()\nprint(y.size)\n",
                       limits=limits).printed == "500\n"


# -- np.set_printoptions (lang/numpy_print_options.py) ----------------------------------------------------
def test_numpy_print_options_show_arrays_as_numpy():
    same_as_python("import numpy as np\na = np.arange(12) / 7\n"
                   "np.set_printoptions(precision=2, linewidth=40)\n"
                   "print(a)\na\nb = np.array([1e-9, 1.])\nnp.set_printoptions(suppress=True)\nprint(b)\n"
                   "np.set_printoptions(3)\nc = a * 2\n")


def test_numpy_print_options_end_with_the_run():
    run_program("import numpy as np\nnp.set_printoptions(precision=1, linewidth=20)\n")
    assert run_program("import numpy as np\nprint(np.arange(12) / 7)\n").printed == \
        run_trusted("import numpy as np\nprint(np.arange(12) / 7)\n").printed


@pytest.mark.parametrize(("call", "ok"), [("precision=100", True), ("precision=101", False),   # 16 before s36
                                          ("precision=-1", False), ("linewidth=10000", True),
                                          ("linewidth=10001", False), ("linewidth=0", False)])
def test_numpy_print_options_limits(call, ok):
    report = run_program(f"import numpy as np\nnp.set_printoptions({call})\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "value" and "in Autograd Lab" in report.error.message


# threshold, edgeitems, floatmode, sign: taken within bounds since session 34 (test_corpus_s34.py)
@pytest.mark.parametrize("name", ["formatter", "legacy", "override_repr"])
def test_numpy_print_options_that_change_a_texts_size_are_refused_by_name(name):
    error = refused(f"import numpy as np\nnp.set_printoptions({name}=1)\n")
    assert f"np.set_printoptions({name}=...)" in error.message and error.line == 2
