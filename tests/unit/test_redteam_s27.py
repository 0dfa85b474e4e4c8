"""Red team, session 27: what session 26 added (contextlib, functions as keys, reversed(), stored
generator expressions, `from torch import`, np.linalg result objects, torch.pi, the torch.tensor fast
path, create_graph charges, dual matrix_exp, deque and dict unions), tried as a hostile student would.

Two findings, fixed (each case fails on base27): the backward of torch.linalg.matrix_exp exponentiates a
2n x 2n block, uncharged (eight allowed 625 x 625 forwards then one backward: 6.4 s in one run; three
create_graph gradients and their backwards: 12.2 s before the time check; autograd.functional.hessian
of a 30 x 30 matrix_exp: 30 s), and torch.autograd.functional.hessian walked its create_graph gradient
once per input element, uncharged (2,000 inputs through 300 ops ran past 40 s in one call). Values below
the limits are PyTorch's. The wrong values found are tests/unit/test_redteam_s27_fidelity.py, the attacks
that held tests/unit/test_redteam_s27_held.py."""

from __future__ import annotations

import dataclasses
import time

import pytest
import torch
from torch.autograd.functional import hessian, hvp, jvp, vjp

from autogradlab.engine import run_program
from autogradlab.lang.create_graph_work import CREATE_GRAPH_ELEMENT_WORK, CREATE_GRAPH_NODE_WORK
from autogradlab.limits import DEFAULT_LIMITS

WITHIN = DEFAULT_LIMITS.timeout_s
# a 10 x 10 float32 matrix_exp Node: forward charged 10^3 * MATRIX_EXP_WEIGHT (4); its backward 8 times that
BACKWARD_10 = 8 * 4 * 10 ** 3


def _run(program: str, **limits: int):
    started = time.perf_counter()
    report = run_program(program, limits=dataclasses.replace(DEFAULT_LIMITS, **limits), torchviz=False)
    return report, time.perf_counter() - started


def _stopped(report, line: int, words: str) -> None:
    assert report.error is not None, report.printed
    assert (report.error.kind, report.error.line) == ("limit", line), report.error
    assert words in report.error.message, report.error.message


MATRIX = "import torch\nA = (torch.arange(100.0).reshape(10, 10) / 300).requires_grad_()\n"


def _matrix() -> torch.Tensor:
    return (torch.arange(100.0).reshape(10, 10) / 300).requires_grad_()


# -- 1. matrix_exp's backward -----------------------------------------------------------------------
@pytest.mark.parametrize("call", ["torch.linalg.matrix_exp(A).sum().backward()\ng = A.grad",
                                  "g, = torch.autograd.grad(A.matrix_exp().sum(), A)",
                                  "torch.autograd.backward([torch.matrix_exp(A).sum()])\ng = A.grad"])
def test_a_matrix_exp_backward_at_its_limit_runs_as_pytorch(call):
    report, _ = _run(MATRIX + call + "\nprint(g.sum().item())\n", max_call_work=BACKWARD_10)
    assert report.error is None, report.error
    a = _matrix()
    torch.linalg.matrix_exp(a).sum().backward()
    assert report.printed == f"{a.grad.sum().item()}\n"


@pytest.mark.parametrize("call, words", [
    ("torch.linalg.matrix_exp(A).sum().backward()", "in `backward()` exponentiates [20, 20] matrices, about "
     "32,000 arithmetic steps; the limit is 31,999"),
    ("torch.autograd.grad(A.matrix_exp().sum(), A)", "in `torch.autograd.grad(...)`"),
    ("torch.matrix_exp(A).sum().backward(create_graph=True)", "in `backward(create_graph=True)`")])
def test_a_matrix_exp_backward_just_above_its_limit_is_refused(call, words):
    report, _ = _run(MATRIX + call + "\n", max_call_work=BACKWARD_10 - 1)
    _stopped(report, 3, words)


def test_the_backward_of_several_allowed_matrix_exps_is_charged_together():
    """base27: eight 625 x 625 forwards (each allowed) and one backward ran 6.4 s in one run."""
    program = MATRIX + ("y = 0\nfor i in range(3):\n    y = y + torch.linalg.matrix_exp(A * i).sum()\n"
                        "y.backward()\n")
    _stopped(_run(program, max_call_work=3 * BACKWARD_10 - 1)[0], 6, "about 96,000 arithmetic steps")
    assert _run(program, max_call_work=3 * BACKWARD_10)[0].error is None


def test_a_create_graph_gradient_of_matrix_exp_charges_the_block_it_built():
    """The create_graph pass puts a 2n x 2n matrix_exp in the gradient's graph: its backward is charged
    as that block's (base27: three such passes and backwards of 625 x 625, 12.2 s before the time check)."""
    program = MATRIX + ("g, = torch.autograd.grad(torch.linalg.matrix_exp(A).sum(), A, create_graph=True)\n"
                        "g.sum().backward()\nprint(A.grad.sum().item())\n")
    _stopped(_run(program, max_call_work=8 * BACKWARD_10 - 1)[0], 4, "exponentiates [40, 40] matrices")
    report, _ = _run(program, max_call_work=8 * BACKWARD_10)
    assert report.error is None, report.error
    a = _matrix()
    g, = torch.autograd.grad(torch.linalg.matrix_exp(a).sum(), a, create_graph=True)
    g.sum().backward()
    assert report.printed == f"{a.grad.sum().item()}\n"


def test_the_default_limits_stop_the_625_matrix_gradients_at_once():
    program = ("import torch\nA = (torch.randn(625, 625) * 0.1).requires_grad_()\nfor i in range(3):\n"
               "    g, = torch.autograd.grad(torch.linalg.matrix_exp(A).sum(), A, create_graph=True)\n"
               "    g.sum().backward()\n")
    report, seconds = _run(program)
    _stopped(report, 4, "about 7,812,500,000 arithmetic steps; the limit is 1,000,000,000 per call")
    assert seconds < WITHIN


def test_functional_hessian_of_a_30x30_matrix_exp_is_refused_before_it_runs():
    """base27: 30.3 s in one torch call, the run then reported no error at all."""
    program = ("import torch\nfrom torch.autograd.functional import hessian\nB = torch.ones(30, 30) * 0.01\n"
               "H = hessian(lambda b: torch.linalg.matrix_exp(b).sum(), B)\n")
    report, seconds = _run(program)
    _stopped(report, 4, "the backward of linalg.matrix_exp in `torch.autograd.functional.hessian(...)`")
    assert seconds < WITHIN


def test_functional_derivatives_of_matrix_exp_below_the_limits_are_pytorchs():
    a = torch.arange(16.0, dtype=torch.float64).reshape(4, 4) / 40
    v = torch.ones(4, 4, dtype=torch.float64)

    def f(b):
        return torch.linalg.matrix_exp(b).sum()

    expected = [hessian(f, a).sum().item(), vjp(f, a)[1].sum().item(),
                jvp(torch.linalg.matrix_exp, a, v)[1].sum().item(), hvp(f, a, v)[1].sum().item()]
    program = ("import torch\nfrom torch.autograd.functional import hessian, vjp, jvp, hvp\n"
               "a = torch.arange(16.0, dtype=torch.float64).reshape(4, 4) / 40\n"
               "v = torch.ones(4, 4, dtype=torch.float64)\nf = lambda b: torch.linalg.matrix_exp(b).sum()\n"
               "print(hessian(f, a).sum().item(), vjp(f, a)[1].sum().item(), "
               "jvp(torch.linalg.matrix_exp, a, v)[1].sum().item(), hvp(f, a, v)[1].sum().item())\n")
    report, _ = _run(program)
    assert report.error is None, report.error
    assert report.printed == " ".join(str(x) for x in expected) + "\n"


def test_a_run_without_matrix_exp_walks_nothing_more():
    """The walk runs only in a run that called matrix_exp (call_work.MATRIX_EXP_CALLS): a plain backward
    is unchanged, also right after a run that did call it."""
    _run(MATRIX + "torch.linalg.matrix_exp(A).sum().backward()\n")
    report, _ = _run("import torch\nx = torch.ones(3, requires_grad=True)\n(x * x).sum().backward()\n"
                     "print(x.grad)\n", max_call_work=1)
    assert (report.error, report.printed) == (None, "tensor([2., 2., 2.])\n")


FUNC_HESSIAN = ("import torch\nfrom torch.func import hessian, jacrev, grad\n"
                "B = torch.ones({n}, {n}) * 0.01\n"
                "f = lambda b: torch.linalg.matrix_exp(b).sum()\n{call}\nprint(H.sum().item())\n")


@pytest.mark.parametrize("call", ["H = hessian(f)(B)", "H = jacrev(jacrev(f))(B)", "H = grad(f)(B)"])
def test_torch_func_derivatives_of_a_40x40_matrix_exp_are_refused_before_their_backward(call):
    """base27: torch.func.hessian of a 40 x 40 matrix_exp ran 2.8 s to a 2.3 GB peak (past the 1,536 MB
    memory limit); jacrev(jacrev) 2.5 s, 2.3 GB. grad: just above a small limit."""
    report, seconds = _run(FUNC_HESSIAN.format(n=40, call=call), max_call_work=10**6 if "grad(" in call
                           else DEFAULT_LIMITS.max_call_work)
    _stopped(report, 5, "the backward of linalg.matrix_exp in `torch.func.")
    assert seconds < WITHIN


def _func_derivative(call: str, b: torch.Tensor) -> torch.Tensor:
    from torch.func import grad, hessian, jacrev

    def f(m):
        return torch.linalg.matrix_exp(m).sum()
    return {"H = hessian(f)(B)": hessian(f), "H = jacrev(jacrev(f))(B)": jacrev(jacrev(f)),
            "H = grad(f)(B)": grad(f)}[call](b)


@pytest.mark.parametrize("call", ["H = hessian(f)(B)", "H = jacrev(jacrev(f))(B)", "H = grad(f)(B)"])
def test_torch_func_derivatives_of_a_small_matrix_exp_are_pytorchs(call):
    report, _ = _run(FUNC_HESSIAN.format(n=4, call=call))
    assert report.error is None, report.error
    assert report.printed == f"{_func_derivative(call, torch.ones(4, 4) * 0.01).sum().item()}\n"


GRADCHECK = ("import torch\nA = (torch.ones({n}, {n}, dtype=torch.float64) * 0.01).requires_grad_()\n"
             "print(torch.autograd.{check}(torch.linalg.matrix_exp, (A,)))\n")


@pytest.mark.parametrize("check", ["gradcheck", "gradgradcheck"])
def test_gradchecks_of_a_31x31_matrix_exp_are_refused_before_they_run(check):
    """base27: gradgradcheck (961 inputs, under its 1,000) 5.6-8.4 s in-process, no error; gradcheck
    1.8-13 s (the machine's load)."""
    report, seconds = _run(GRADCHECK.format(n=31, check=check))
    _stopped(report, 3, f"the backward of linalg.matrix_exp in `torch.autograd.{check}(...)`")
    assert seconds < WITHIN


@pytest.mark.parametrize("check", ["gradcheck", "gradgradcheck"])
def test_gradchecks_of_a_small_matrix_exp_pass_as_in_pytorch(check):
    a = (torch.ones(4, 4, dtype=torch.float64) * 0.01).requires_grad_()
    assert getattr(torch.autograd, check)(torch.linalg.matrix_exp, (a,))
    report, _ = _run(GRADCHECK.format(n=4, check=check))
    assert (report.error, report.printed) == (None, "True\n")


# -- 2. autograd.functional.hessian: a create_graph backward per input element -----------------------
HESSIAN = ("import torch\nfrom torch.autograd.functional import hessian\n"
           "def f(x):\n    return torch.sin(x).sum()\nx = torch.tensor([0.5, 1.0, 1.5])\nH = hessian(f, x)\n"
           "print(H.diag())\n")


def _hessian_steps(rows: int) -> int:
    """Each row walks the graph of f's output as hessian built it: its view of x, sin, sum and the
    AccumulateGrad (4 Nodes), receiving 3 + 3 + 1 + 3 = 10 elements."""
    return rows * 4 * CREATE_GRAPH_NODE_WORK + rows * 10 * CREATE_GRAPH_ELEMENT_WORK


def test_functional_hessian_at_its_graph_limit_runs_as_pytorch():
    report, _ = _run(HESSIAN, max_graph_work=_hessian_steps(3))
    assert report.error is None, report.error
    expected = hessian(lambda t: torch.sin(t).sum(), torch.tensor([0.5, 1.0, 1.5])).diag()
    assert report.printed == f"{expected}\n"


def test_functional_hessian_just_above_its_graph_limit_is_refused():
    report, _ = _run(HESSIAN, max_graph_work=_hessian_steps(3) - 1)
    _stopped(report, 6, "`torch.autograd.functional.hessian(...)` would differentiate a graph of")


def test_functional_hessian_of_2000_inputs_through_300_ops_stops_at_once():
    """base27: one torch call past 40 s (26 us a row and Node in plain PyTorch, 602 Nodes)."""
    program = ("import torch\nfrom torch.autograd.functional import hessian\ndef f(x):\n    y = x\n"
               "    for i in range(300):\n        y = torch.sin(y) * 1.01\n    return y.sum()\n"
               "H = hessian(f, torch.rand(2000))\n")
    report, seconds = _run(program)
    _stopped(report, 8, "about 96,400,040,000 arithmetic steps")
    assert seconds < WITHIN
