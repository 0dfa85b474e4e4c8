"""Session 33: a step's input that is no node of the output's graph (a constant of it, such as `x ** 2` in
PyTorch's polynomial fit, where x does not require grad) and no variable was named by its tensor number
(`ḡ·t37989`), which nothing on the page shows. It is named by the op that made it when that op is near and its
own inputs have names (`x^2`); else the number stays."""

from __future__ import annotations

import re

import pytest

from autogradlab.engine import run_program
from autogradlab.engine.step_rules import tangent_name
from autogradlab.step_records import StepOptions
from tests.programs.manifest import TUTORIALS

NUMBERED = re.compile(r"(?<![\w.])t\d+\b")


def _texts(report) -> list[str]:  # noqa: ANN001
    steps = report.steps
    texts = [s.rule for s in steps.forward] + [s.rule for s in steps.reverse if s.rule]
    return texts + [e.rule for e in (steps.tangent.entries if steps.tangent else ()) if e.rule]


def test_polynomial_fit_steps_name_the_powers_of_x() -> None:
    spec = next(s for s in TUTORIALS if s.file == "tutorial_polynomial_autograd_grad_none.py")
    report = run_program(spec.source.replace("range(2000)", "range(3)"), seed=spec.seed, steps=StepOptions())
    texts = _texts(report)
    assert report.ok and texts
    assert not [t for t in texts if NUMBERED.search(t)], texts
    assert "mul₇ = c · x^2" in texts and "mul₁₁ = d · x^3" in texts
    assert any(t.startswith("∂/∂c = ḡ·x^2") for t in texts)
    assert f"dmul₇ = {tangent_name('c')}·x^2 + c·0" in texts   # (ċ: c and a combining dot)
    # the square's rules with its exponent (they read ḡ·n·sub₁₃^(n−1) before)
    assert "∂/∂sub₁₃ = ḡ·2·sub₁₃" in texts and "dpow₁₅ = 2·sub₁₃·dsub₁₃" in texts


@pytest.mark.parametrize(("power", "reverse", "tangent"), [
    ("3", "ḡ·3·w^2", "3·w^2·"), ("0.5", "ḡ·0.5·w^(0.5−1)", "0.5·w^(0.5−1)·"), ("1", "ḡ·1·w^0", "1·w^0·"),
])
def test_power_rules_show_their_exponent(power: str, reverse: str, tangent: str) -> None:
    source = (f"import torch\nw = torch.tensor([0.5, 1.5], requires_grad=True)\ny = (w ** {power}).sum()\n"
              "y.backward()\n")
    texts = _texts(run_program(source, steps=StepOptions()))
    assert any(t.endswith(reverse) for t in texts), texts
    assert any(t.endswith(tangent + tangent_name("w")) for t in texts), texts


@pytest.mark.parametrize(("expression", "shown"), [
    ("w * (x * z)", "(x · z)"), ("w * torch.exp(x)", "exp(x)"), ("w / (x + 1)", "(x + 1)"),
    ("w * (x @ z)", "(x @ z)"),
])
def test_a_constant_made_by_a_near_op_is_named_by_it(expression: str, shown: str) -> None:
    source = ("import torch\nx = torch.tensor([1.0, 2.0])\nz = torch.tensor([3.0, 0.5])\n"
              f"w = torch.tensor([0.5, 1.5], requires_grad=True)\ny = ({expression}).sum()\ny.backward()\n")
    texts = _texts(run_program(source, steps=StepOptions()))
    assert not [t for t in texts if NUMBERED.search(t)], texts
    assert any(shown in t for t in texts), texts


def test_a_constant_of_unnamed_parts_keeps_its_number() -> None:
    # exp(x * z): its input is itself unnamed, so the text would nest: the number stays
    source = ("import torch\nx = torch.tensor([1.0, 2.0])\nz = torch.tensor([3.0, 0.5])\n"
              "w = torch.tensor([0.5, 1.5], requires_grad=True)\ny = (w * torch.exp(x * z)).sum()\n"
              "y.backward()\n")
    texts = _texts(run_program(source, steps=StepOptions()))
    assert any(NUMBERED.search(t) for t in texts), texts
