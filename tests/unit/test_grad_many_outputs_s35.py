"""torch.autograd.grad of many outputs and repeated inputs runs as in PyTorch (session 35).

Before: `torch.autograd.grad(outs, [x] * 2000)` with 2,000 outputs was refused with "backward through the
same graph a second time". The size check before the call passed lists of more than 1,000 items to its
"meta" run as they were: that run was PyTorch's real backward pass, which freed the graph before the
program's own call (and, for any op given a long list of tensors, the real op before its size check).
grad() is now sized from its inputs, and a long list of tensors is copied to the meta device as a short one.
"""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.lang.meta_copies import to_meta
from autogradlab.step_records import StepOptions

_PROGRAM = ("import torch\nx = torch.linspace(-1.0, 1.0, {n}, requires_grad=True)\ny = x * x * 2\n"
            "outs = [y[i] for i in range({n})]\ng = torch.autograd.grad(outs, [x] * {n})\n")


def _plain(n: int) -> tuple[torch.Tensor, ...]:
    x = torch.linspace(-1.0, 1.0, n, requires_grad=True)
    y = x * x * 2
    return torch.autograd.grad([y[i] for i in range(n)], [x] * n)


@pytest.mark.parametrize("n", [2, 1001])
def test_grad_of_many_outputs_into_a_repeated_input_equals_pytorch(n: int) -> None:
    report = run_program(_PROGRAM.format(n=n) + "print(len(g), torch.stack(g).sum(0)[:4])\n", torchviz=False)
    assert report.ok, report.error
    expected = _plain(n)
    assert report.printed == f"{len(expected)} {torch.stack(expected).sum(0)[:4]!s}\n"


def test_grad_of_2000_outputs_returns_pytorch_values() -> None:
    shown = "len(g), g[0][:3], g[1999][-3:], (g[0] - g[1999]).abs().max()"
    report = run_program(_PROGRAM.format(n=2000) + f"print({shown})\n", torchviz=False)
    assert report.ok, report.error
    g = _plain(2000)
    assert report.printed == " ".join(map(str, eval(shown, {"g": g}))) + "\n"   # noqa: S307 - the test's text


@pytest.mark.parametrize("call", [
    "torch.autograd.grad([y.sum(), (y * 3).sum()], [x, x])",
    "torch.autograd.grad(y.sum(), [x, x, x])",
    "torch.autograd.grad(y.sum(), [x] * 1500)",
    "torch.autograd.grad([y.sum()] * 1200, [x, x], retain_graph=True)",
])
def test_grad_with_repeated_inputs_prints_what_pytorch_prints(call: str) -> None:
    program = (f"import torch\nx = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)\ny = x * x\n"
               f"g = {call}\nprint(len(g), g[0], g[-1])\n")
    report = run_program(program, torchviz=False)
    assert report.ok, report.error
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    y = x * x
    g = eval(call, {"torch": torch, "x": x, "y": y})   # noqa: S307 - the test's own literal text
    assert report.printed == f"{len(g)} {g[0]!s} {g[-1]!s}\n"


def test_a_steps_run_of_grad_with_a_repeated_input_gives_pytorch_gradients() -> None:
    program = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * x\n"
               "g = torch.autograd.grad([y[0], y[1]], [x, x])\nprint(g)\n")
    report = run_program(program, output="y", steps=StepOptions(), torchviz=False)
    assert report.ok, report.error
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    assert report.printed == f"{torch.autograd.grad([y[0], y[1]], [x, x])}\n"
    assert report.steps is not None and report.steps.reverse


def test_a_long_list_of_tensors_is_copied_to_the_meta_device() -> None:
    x = torch.ones(3)
    copied = to_meta([[x] * 1500, tuple([x] * 1200)])
    assert all(t.device.type == "meta" for part in copied for t in part)
    numbers = list(range(5000))
    assert to_meta([numbers])[0] is numbers   # a long list of plain values is passed as it is


def test_a_batched_grad_too_big_is_refused_before_pytorch_runs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """is_grads_batched=True: a row of gradients per row of grad_outputs. Before: counted only after
    PyTorch had made them (1,000 x 1,000,000 elements: the worker ran out of memory)."""
    real, ran = torch.autograd.grad, []

    def watched(outputs, *args, **kwargs):   # noqa: ANN001, ANN002, ANN003, ANN202
        ran.append(outputs.device.type)
        return real(outputs, *args, **kwargs)

    monkeypatch.setattr(torch.autograd, "grad", watched)
    program = ("import torch\nx = torch.randn(100000, requires_grad=True)\ny = (x * x).sum()\n"
               "g = torch.autograd.grad(y, x, torch.ones(100), None, False, True, False, True)\n")
    report = run_program(program, torchviz=False)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert "10,000,000 elements" in report.error.message and report.error.line == 4
    assert "cpu" not in ran, ran


def test_a_batched_grad_within_the_limits_equals_pytorch() -> None:
    program = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = x * x\n"
               "g = torch.autograd.grad(y, x, torch.eye(3), None, False, True, False, True)\nprint(g)\n")
    report = run_program(program, torchviz=False)
    assert report.ok, report.error
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * x
    assert report.printed == f"{torch.autograd.grad(y, x, torch.eye(3), None, False, True, False, True)}\n"
