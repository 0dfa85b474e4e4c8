"""What the engine does after the program ends (dY/dX, the Steps page's own backward, the forward-mode
rerun) must not change the program's printed text, and must not cost the steps of a run: issue 9's
known defects from session 11's closing note. Plain PyTorch is the oracle for the printed text."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions
from tests.oracle import run_trusted

PRINTING_BACKWARD = """import torch
class Sq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        print("forward ran")
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        print("backward ran", g)
        return 2 * x * g
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Sq.apply(x)
"""

CALLED_BACKWARD = PRINTING_BACKWARD + "y.sum().backward()\nprint(x.grad)\n"

FORWARD_MODE_JACOBIAN = """import torch
from torch.autograd.functional import jacobian
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
J = jacobian(lambda v: v.sin() * 2, x, vectorize=True, strategy='forward-mode')
print(J)
"""

PAGES = {
    "steps": {"steps": StepOptions(backward_if_missing=True)},
    "dydx": {"jacobian_of": ("y", "x")},
}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("source", [PRINTING_BACKWARD, CALLED_BACKWARD], ids=["no_backward", "backward"])
def test_custom_backward_that_prints_is_printed_as_plain_pytorch_prints(page: str, source: str) -> None:
    report = run_program(source, **PAGES[page])
    assert report.ok, report.error
    assert report.printed == run_trusted(source).printed


def test_custom_backward_still_runs_for_the_page() -> None:
    """The page's own backward ran (its gradient is in the steps), only its print is not the program's."""
    report = run_program(PRINTING_BACKWARD, steps=StepOptions(backward_if_missing=True))
    assert report.steps is not None and report.steps.synthetic_backward
    assert report.steps.reverse


def test_steps_of_forward_mode_vectorized_jacobian_are_built() -> None:
    report = run_program(FORWARD_MODE_JACOBIAN, steps=StepOptions(backward_if_missing=True))
    assert report.ok, report.error
    assert report.steps is not None
    assert report.steps.forward and report.steps.reverse
    assert not any("could not be built" in note for note in report.notes), report.notes
    assert report.printed == run_trusted(FORWARD_MODE_JACOBIAN).printed
