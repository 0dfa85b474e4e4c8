"""Expression mode (a bare expression with free names), free_names(), and steps through the sandbox."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.free_names import free_names
from autogradlab.step_records import StepOptions


@pytest.mark.parametrize("source, names", [
    ("sin(x) * exp(y)", ("x", "y")),
    ("2 * dot(x, x)", ("x",)),
    ("torch.sin(a) + b * a", ("a", "b")),
    ("(lambda t: t * w)(3)", ("w",)),
    ("x = 1", ()),
    ("import torch\nx", ()),
    ("1 + 2", ()),
    ("sin(", ()),
])
def test_free_names(source, names):
    assert free_names(source) == names


def test_free_names_does_not_import_torch():
    import subprocess
    import sys
    code = "import sys; from autogradlab.free_names import free_names; free_names('x*y'); " \
           "print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_expression_leaves_default_to_one_and_match_autograd():
    report = run_program("sin(x) * exp(y)", steps=StepOptions())
    assert report.ok, report.error
    steps = report.steps
    x, y = torch.tensor(1.0, requires_grad=True), torch.tensor(1.0, requires_grad=True)
    gx, gy = torch.autograd.grad(torch.sin(x) * torch.exp(y), (x, y))
    leaves = {s.var: float(s.adjoint.value) for s in steps.reverse if s.grad_fn == "AccumulateGrad"}
    assert leaves == pytest.approx({"x": gx.item(), "y": gy.item()})
    assert steps.synthetic_backward and steps.backward_line == 1
    assert any("expression mode" in note for note in steps.notes)
    assert report.variables["x"].grad == pytest.approx(math.cos(1.0) * math.e)


def test_expression_with_vector_value_and_summed_backward():
    report = run_program("x * x", steps=StepOptions(values=(("x", [1.0, 2.0, 3.0]),)))
    steps = report.steps
    np.testing.assert_array_equal(steps.reverse[-1].adjoint.value, [2.0, 4.0, 6.0])
    np.testing.assert_array_equal(steps.reverse[0].contributions[0].value.value, [1.0, 1.0, 1.0])
    assert any("not a scalar" in note for note in steps.notes)


def test_expression_dot_with_direction():
    options = StepOptions(values=(("x", [1.0, 2.0, 3.0]),), direction=(("x", [0.0, 1.0, 0.0]),))
    trace = run_program("2 * dot(x, x)", steps=options).steps.tangent
    assert float(trace.output_tangent.value) == 8.0 == float(trace.vjp.value)


def test_expression_bad_value_is_a_value_error():
    report = run_program("x * 2", steps=StepOptions(values=(("x", "abc"),)))
    assert report.error.kind == "value" and "x" in report.error.message


def test_expression_mode_only_with_steps_and_full_programs_unchanged():
    assert run_program("sin(x)").error.kind == "name"
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 3).sum()\ny",
                         steps=StepOptions())
    assert report.ok and not report.steps.synthetic_backward and report.steps.reverse == ()


def test_steps_come_back_through_the_sandbox():
    from autogradlab.sandbox import get_pool  # the process's shared, warm pool: no torch import of its own

    report = get_pool().run("sin(x) * exp(y)", steps=StepOptions(direction=(("y", 1.0),)))
    assert report.ok, report.error
    assert len(report.steps.forward) == 3 and len(report.steps.reverse) == 5
    assert float(report.steps.tangent.output_tangent.value) == pytest.approx(math.sin(1.0) * math.e)
    assert report.steps.cost.n_inputs == 2
