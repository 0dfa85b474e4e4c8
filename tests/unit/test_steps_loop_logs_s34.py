"""A long loop's repeated backward() is not logged step by step even when the program defines a `backward`
of its own (session 34, engine/grad_logs.py LoopPasses).

The Recorder reads no sure `.backward()` calls in a program that defines a `backward` (PyTorch's
polynomial_custom_function tutorial: a custom autograd.Function), so StepHooks logged every one of its
2,000 passes (hooks on every Node, a copy of every gradient; 1,822 logs dropped again for the element
budget): its Steps run took 4.9-5.1 s of CPU against 3.0-3.1 s for the plain run, past the 5 s limit on
a loaded machine. The steps are those of the last passes either way: compared here with the rule off.
"""

from __future__ import annotations

import pickle

import pytest

from autogradlab.engine import grad_logs, run_program
from autogradlab.step_records import StepOptions
from tests.unit.cube_function_s34 import CUBE

CUSTOM = "import torch\n\n\n" + CUBE + """\n\nx = torch.linspace(-1, 1, 7)
a = torch.tensor(0.3, requires_grad=True)
b = torch.tensor(-0.2, requires_grad=True)
for t in range(PASSES):
    y_pred = Cube.apply(a * x) + b
    loss = (y_pred - x).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= 0.01 * a.grad
        b -= 0.01 * b.grad
        a.grad = None
        b.grad = None
"""
NOTE = "{} backward() calls of a long loop's middle passes were not kept step by step (its last passes' are)"


def _steps(source: str, keep_all: bool, monkeypatch: pytest.MonkeyPatch):
    if keep_all:
        monkeypatch.setattr(grad_logs.LoopPasses, "runs_again", lambda self, call: False)
    report = run_program(source, steps=StepOptions())
    monkeypatch.undo()
    assert report.ok, report.error
    return report.steps


def test_a_custom_functions_training_loop_logs_only_its_last_passes(monkeypatch):
    source = CUSTOM.replace("PASSES", "40")
    new, old = _steps(source, False, monkeypatch), _steps(source, True, monkeypatch)
    assert NOTE.format(40 - grad_logs.KEPT_BACKWARDS) in new.notes
    assert not any("calls of a long loop's" in n for n in old.notes)
    assert pickle.dumps(new.reverse) == pickle.dumps(old.reverse) and len(new.reverse) > 0
    assert (new.backward_line, new.backward_var) == (old.backward_line, old.backward_var) == (22, "loss")
    assert pickle.dumps(new.tangent.output_tangent) == pickle.dumps(old.tangent.output_tangent)


def test_a_short_loop_keeps_every_pass(monkeypatch):
    source = CUSTOM.replace("PASSES", str(grad_logs.KEPT_BACKWARDS))
    steps = _steps(source, False, monkeypatch)
    assert not any("calls of a long loop's" in n for n in steps.notes)


def test_a_backward_under_an_if_is_logged_in_every_pass_it_runs(monkeypatch):
    """Not a statement of the loop's body itself: no later pass surely makes it again."""
    source = ("import torch\nw = torch.tensor(1.5, requires_grad=True)\nfor t in range(40):\n"
              "    loss = (w * t) ** 2\n    if t < 30:\n        loss.backward()\n")
    steps = _steps(source, False, monkeypatch)
    assert not any("calls of a long loop's" in n for n in steps.notes)
