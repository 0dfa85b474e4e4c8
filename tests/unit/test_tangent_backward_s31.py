"""The Steps page's forward mode goes on past a backward() (session 31).

The tangent run (engine/tangent_run.py) runs the program again inside a dual level. A backward()
there used to run with forward grad on: every backward Node computed its gradient's tangent, which
no .grad keeps, and PyTorch stopped where a backward formula has no forward derivative (F.mse_loss's
"ZeroTensors are immutable", silu's, huber_loss's): the lesson's later ops had no tangent. Now
such a backward runs with forward grad off; torch.autograd.grad and create_graph=True keep it (their
gradients carry tangents: a Hessian-vector product). PyTorch itself is the oracle (torch.func.jvp).
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch.func import jvp

from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions

X = [0.3, -0.7, 1.1]
Y = [0.5, 0.25, 0.75]

# (loss expression of z, the same as a Python function)
LOSSES = {
    "F.mse_loss(z, y)": lambda z, y: F.mse_loss(z, y),
    "F.mse_loss(y, z)": lambda z, y: F.mse_loss(y, z),
    "F.silu(z).sum()": lambda z, y: F.silu(z).sum(),
    "F.huber_loss(z, y)": lambda z, y: F.huber_loss(z, y),
    "((z - y) ** 2).mean()": lambda z, y: ((z - y) ** 2).mean(),
}


def _program(loss: str) -> str:
    return ("import torch\nimport torch.nn.functional as F\n"
            f"x = torch.tensor({X}, requires_grad=True)\n"
            f"y = torch.tensor({Y})\n"
            "z = x * 2\n"
            f"loss = {loss}\n"
            "loss.backward()\n"
            "g = x.grad\n"
            "h = (torch.sin(x) * g).sum()\n")


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_forward_mode_goes_on_after_the_backward(loss):
    report = run_program(_program(loss), output="h", steps=StepOptions())
    assert report.ok, report.error
    steps = report.steps
    assert not any("forward mode stopped" in note for note in steps.notes), steps.notes
    # the oracle: x.grad from plain PyTorch, then J·e1 of x -> sum(sin(x) * grad) (grad a constant)
    x = torch.tensor(X, requires_grad=True)
    LOSSES[loss](x * 2, torch.tensor(Y)).backward()
    grad = x.grad.detach()
    direction = torch.tensor([1.0, 0.0, 0.0])
    _, expected = jvp(lambda v: (torch.sin(v) * grad).sum(), (torch.tensor(X),), (direction,))
    assert steps.tangent is not None and steps.tangent.output_tangent is not None
    assert float(steps.tangent.output_tangent.value) == pytest.approx(expected.item(), rel=1e-6)
    # the gradient the report shows is plain PyTorch's, bit for bit
    assert report.variables["g"].value.tolist() == grad.tolist()


def test_the_loss_itself_keeps_its_tangent():
    report = run_program(_program("F.mse_loss(z, y)"), output="loss", steps=StepOptions())
    assert report.ok, report.error
    _, expected = jvp(lambda v: F.mse_loss(v * 2, torch.tensor(Y)), (torch.tensor(X),),
                      (torch.tensor([1.0, 0.0, 0.0]),))
    assert float(report.steps.tangent.output_tangent.value) == pytest.approx(expected.item(), rel=1e-6)


def test_autograd_grad_with_create_graph_still_carries_tangents():
    """d/dx of x³ with create_graph: its tangent along e1 is the Hessian's first column, 6x e1."""
    source = ("import torch\n"
              f"x = torch.tensor({X}, requires_grad=True)\n"
              "(g,) = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)\n"
              "h = g.sum()\n")
    report = run_program(source, output="h", steps=StepOptions())
    assert report.ok, report.error
    assert not any("forward mode stopped" in note for note in report.steps.notes)
    assert float(report.steps.tangent.output_tangent.value) == pytest.approx(6 * X[0], rel=1e-6)


def test_backward_with_create_graph_still_carries_tangents():
    source = ("import torch\n"
              f"x = torch.tensor({X}, requires_grad=True)\n"
              "(x ** 3).sum().backward(create_graph=True)\n"
              "h = x.grad.sum()\n")
    report = run_program(source, output="h", steps=StepOptions())
    assert report.ok, report.error
    assert float(report.steps.tangent.output_tangent.value) == pytest.approx(6 * X[0], rel=1e-6)


def test_the_programs_own_forward_ad_level_is_plain_pytorch():
    """Outside the Steps page's tangent run, a backward inside the program's own dual level is
    PyTorch's as written: F.mse_loss's backward stops there with PyTorch's own error."""
    source = ("import torch\nimport torch.nn.functional as F\nimport torch.autograd.forward_ad as fwAD\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "with fwAD.dual_level():\n"
              "    d = fwAD.make_dual(w * 1, torch.ones(2))\n"
              "    F.mse_loss(d, torch.zeros(2)).backward()\n")
    report = run_program(source)
    assert not report.ok and "ZeroTensors are immutable" in report.error.message
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    import torch.autograd.forward_ad as fwAD
    with fwAD.dual_level(), pytest.raises(RuntimeError, match="ZeroTensors are immutable"):
        F.mse_loss(fwAD.make_dual(w * 1, torch.ones(2)), torch.zeros(2)).backward()
