"""A jacobian() input no variable holds is labelled by its argument's text when short, else `input` /
`inputs[k]` (engine/jacobian_call._input_names), not by the engine's tensor number `t0` that the
program never wrote (the browser review of session 37)."""

from __future__ import annotations

from autogradlab.engine import run_program

HEAD = ("import torch\nfrom torch.autograd.functional import jacobian\n"
        "def f(x):\n    return torch.stack([x[0] ** 2, x[0] * x[1]])\nx = torch.tensor([1.0, 2.0])\n")


def _names(call: str) -> tuple[str, ...]:
    report = run_program(HEAD + call + "\n", torchviz=False)
    assert report.error is None, report.error
    return report.jacobians[-1].input_names


def test_an_unnamed_input_is_labelled_by_its_text():
    assert _names("J = jacobian(f, torch.tensor([1.0, 2.0]))") == ("torch.tensor([1.0, 2.0])",)
    assert _names("J = jacobian(f, x.detach())") == ("x.detach()",)
    assert _names("J = jacobian(lambda a, b: a * b, (torch.ones(2), x * 3))") == ("torch.ones(2)", "x * 3")


def test_a_long_expression_is_input_and_names_stay_names():
    assert _names("J = jacobian(f, torch.tensor([1.0, 2.0]) * torch.tensor([3.0, 4.0]) + 1)") == ("input",)
    assert _names("J = jacobian(f, x)") == ("x",)
    assert _names("inputs = (torch.ones(2), torch.ones(2))\nJ = jacobian(lambda a, b: a * b, inputs)") \
        == ("inputs[0]", "inputs[1]")
