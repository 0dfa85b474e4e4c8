"""Report.grad_returns: which input each gradient a torch.autograd.grad call returned belongs to, read by
the Graph page (autogradlab/grad_returned.py; session 35). PyTorch is the oracle for the values."""

from __future__ import annotations

import numpy as np
import torch

from autogradlab.engine import grad_returns
from autogradlab.engine.run import run_program
from autogradlab.grad_returned import grad_call_line, returned_gradient
from autogradlab.step_records import StepOptions

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\nw = torch.tensor(2.0, "
           "requires_grad=True)\nu = torch.ones(2, requires_grad=True)\nh = x * w\ny = (h ** 2).sum()\n"
           "gh, gx, gu, gw = torch.autograd.grad(y, [h, x, u, w], allow_unused=True)\n")


def _node_id(report, name: str) -> int:
    return next(n.value.id for n in report.graph.nodes if n.var == name and n.value is not None)


def test_each_returned_gradient_is_found_at_its_input_as_pytorch_returns_it() -> None:
    for steps in (None, StepOptions()):
        report = run_program(PROGRAM, output="y", steps=steps, torchviz=False)
        assert report.ok, report.error
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        w = torch.tensor(2.0, requires_grad=True)
        u = torch.ones(2, requires_grad=True)
        h = x * w
        expected = torch.autograd.grad((h ** 2).sum(), [h, x, u, w], allow_unused=True)
        assert grad_call_line(report) == 7
        for name, value in (("h", expected[0]), ("x", expected[1]), ("w", expected[3])):
            line, snapshot = returned_gradient(report, _node_id(report, name))
            assert line == 7 and np.array_equal(snapshot.value, value.numpy()), name
        assert expected[2] is None and len(report.grad_returns[-1].input_ids) == 3   # u's None: left out


def test_a_program_without_grad_has_no_returned_gradients() -> None:
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\n(x * 2).sum().backward()\n")
    assert report.grad_returns == () and grad_call_line(report) is None


def test_a_loop_of_grad_calls_keeps_the_latest_and_the_last_values() -> None:
    program = ("import torch\nx = torch.tensor(1.5, requires_grad=True)\nfor i in range(40):\n"
               "    y = x ** 3 * (i + 1)\n    g, = torch.autograd.grad(y, x)\n")
    report = run_program(program, output="y", torchviz=False)
    assert report.ok, report.error
    assert len(report.grad_returns) == grad_returns.GRAD_RETURNS_KEPT
    x = torch.tensor(1.5, requires_grad=True)
    line, snapshot = returned_gradient(report, _node_id(report, "x"))
    assert line == 5 and float(snapshot.value) == float(torch.autograd.grad(x ** 3 * 40, x)[0])
