"""The Steps page's forward rule of an op says the call as the program wrote it (session 31).

An op without a rule of its own showed only its graph inputs (`h = nn.functional.max_pool2d(x)`: the
kernel size gone); a power showed `x^n` whatever its exponent. Now the call's other arguments
follow the tensors, as written, and a power shows its exponent.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions

HEAD = ("import torch\nimport torch.nn.functional as F\n"
        "x = torch.arange(1.0, 17.0).reshape(1, 1, 4, 4).requires_grad_()\n")


def _rules(line: str) -> list[str]:
    report = run_program(HEAD + line + "\ny = r.sum()\ny.backward()\n", output="y", steps=StepOptions())
    assert report.ok, report.error
    return [step.rule for step in report.steps.forward]


@pytest.mark.parametrize(("line", "expected"), [
    ("r = F.max_pool2d(x, 2)", "r = nn.functional.max_pool2d(x, 2)"),
    ("r = F.avg_pool2d(x, kernel_size=2, stride=1)",
     "r = nn.functional.avg_pool2d(x, kernel_size=2, stride=1)"),
    ("r = torch.logsumexp(x, dim=3, keepdim=True)", "r = logsumexp(x, dim=3, keepdim=True)"),
    ("r = torch.cumprod(x, 2)", "r = cumprod(x, 2)"),
])
def test_an_op_without_a_rule_shows_its_whole_call(line, expected):
    assert expected in _rules(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("r = x ** 3", "r = x^3"),
    ("r = x.pow(2)", "r = x^2"),
    ("r = x ** 0.5", "r = x^0.5"),
])
def test_a_power_shows_its_exponent(line, expected):
    assert expected in _rules(line)


def test_ops_with_rules_keep_their_math():
    rules = _rules("r = torch.sin(x) * 2")
    assert "sin₃ = sin x" in rules or any(rule.endswith("= sin x") for rule in rules)
    assert any(rule.startswith("r = ") and "·" in rule for rule in rules)
