"""dY/dX after a backward() that freed the graph: the program runs again keeping its graphs, and
dY/dX equals torch.autograd.functional.jacobian of the same function at the same values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from torch.autograd.functional import jacobian

from autogradlab.engine.jacobian_dydx import retained_graphs
from autogradlab.engine.run import run_program

LESSON = (Path(__file__).resolve().parents[2] / "lessons" / "seed004_jacobian_funx.py").read_text()


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    """A process's first run imports lazily (seconds); the rerun is made only with time left."""
    run_program("import torch\n")


def funx(x: torch.Tensor) -> torch.Tensor:
    return torch.stack([x[0] ** 2 + 2 * x[1], 3 * x[0] + 4 * x[1] ** 2])


def _dydx(report, of: str, wrt: str):
    return next((r for r in report.jacobians if r.text == f"d{of}/d{wrt}"), None)


def test_dydx_after_backward_freed_the_graph_runs_again_keeping_it() -> None:
    report = run_program(LESSON, jacobian_of=("y", "in_x"))
    assert report.ok, report.error
    record = _dydx(report, "y", "in_x")
    assert record is not None, report.notes
    expected = jacobian(funx, torch.tensor([1.0, 2.0]))
    np.testing.assert_allclose(record.matrix, expected.numpy(), rtol=1e-6)
    assert any("freed the graph of 'y'" in n for n in record.notes)
    assert record.index == len(report.jacobians) - 1
    # The run shown is still the program's own: x.grad from its one backward (the VJP [5, 18]).
    assert report.variables["x_grad"].value.tolist() == [5.0, 18.0]


def test_dydx_of_a_loop_that_backwards_every_step() -> None:
    src = ("import torch\nw = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)\n"
           "for i in range(3):\n    loss = (w * w).sum() * (i + 1)\n    out = torch.sin(w) * (i + 1)\n"
           "    loss.backward()\n    out.sum().backward()\n")
    record = _dydx(run_program(src, jacobian_of=("out", "w")), "out", "w")
    assert record is not None
    w = torch.tensor([1.0, -2.0, 0.5])
    np.testing.assert_allclose(record.matrix, jacobian(lambda v: torch.sin(v) * 3, w).numpy(), rtol=1e-6)


def test_a_graph_freed_by_autograd_grad_is_kept_too() -> None:
    src = ("import torch\nx = torch.tensor([0.5, 1.5], requires_grad=True)\ny = x.exp() * x\n"
           "g = torch.autograd.grad(y.sum(), x)\n")
    record = _dydx(run_program(src, jacobian_of=("y", "x")), "y", "x")
    assert record is not None
    x = torch.tensor([0.5, 1.5])
    np.testing.assert_allclose(record.matrix, jacobian(lambda v: v.exp() * v, x).numpy(), rtol=1e-6)


def test_without_a_freed_graph_no_rerun_note() -> None:
    src = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * x + x.sum()\n"
    record = _dydx(run_program(src, jacobian_of=("y", "x")), "y", "x")
    assert record.matrix.tolist() == [[3.0, 1.0], [1.0, 5.0]] and record.notes == ()


def test_retained_graphs_puts_torch_back_and_honours_positional_arguments() -> None:
    backward, grad = torch.autograd.backward, torch.autograd.grad
    x = torch.tensor([2.0], requires_grad=True)
    with retained_graphs():
        y = x ** 3
        torch.autograd.backward(y, None, False)       # retain_graph=False by position: kept anyway
        y.backward()                                    # a second backward works: the graph is there
        (g,) = torch.autograd.grad(y, x, None, False)
    assert torch.autograd.backward is backward and torch.autograd.grad is grad
    assert x.grad.item() == 24.0 and g.item() == 12.0


def test_other_dydx_failures_still_explain_without_a_rerun() -> None:
    src = "import torch\nx = torch.tensor([1.0, 2.0])\ny = x * 2\n"
    report = run_program(src, jacobian_of=("y", "x"))
    assert _dydx(report, "y", "x") is None
    assert any("requires_grad" in n for n in report.notes)


def test_one_time_set_up_of_the_process_does_not_cost_the_rerun(monkeypatch) -> None:
    """A fresh process (the CLI) pays torch.func's set-up inside its first run; the rerun does not
    pay it again, so only the program's own time decides whether there is room for it."""
    import time

    from autogradlab.engine import jacobian as jac
    from autogradlab.limits import Limits

    def slow_set_up() -> float:   # like a cold process: longer than 40 % of the 1 s limit
        time.sleep(0.6)
        return 0.6

    monkeypatch.setattr(jac, "warm_func", slow_set_up)
    report = run_program(LESSON, jacobian_of=("y", "in_x"), limits=Limits(timeout_s=1.0))
    assert report.ok, report.error
    record = _dydx(report, "y", "in_x")
    assert record is not None, report.notes
    np.testing.assert_allclose(record.matrix, jacobian(funx, torch.tensor([1.0, 2.0])).numpy(), rtol=1e-6)
