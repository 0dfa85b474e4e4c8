"""gradcheck's limits follow its cost (session 35, lang/gradchecks.py).

Before: a flat 1,000 input elements, so TingsongYu's PyTorch-Tutorial-2nd (ch. 2, 06_autograd) check of a
custom conv2d Function on 1,605 elements was refused, though it runs in ~2.4 s CPU here (plain PyTorch
~1.05 s). Now up to 5,000 input elements, and the slow mode's Jacobians (inputs x outputs, counted at the
function's first call, before any column is built) up to 4,000,000 entries; fast_mode builds none.
PyTorch is the oracle for the answer.
"""

from __future__ import annotations

import dataclasses

import pytest
import torch

from autogradlab import messages
from autogradlab.engine.run import run_program
from autogradlab.lang import gradchecks
from autogradlab.limits import DEFAULT_LIMITS

CONV = """import torch
import torch.nn.functional as F


def convolution_backward(grad_out, X, weight):
    grad_input = F.conv2d(X.transpose(0, 1), grad_out.transpose(0, 1)).transpose(0, 1)
    grad_X = F.conv_transpose2d(grad_out, weight)
    return grad_X, grad_input


class MyConv2D(torch.autograd.Function):
    @staticmethod
    def forward(ctx, X, weight):
        ctx.save_for_backward(X, weight)
        return F.conv2d(X, weight)

    @staticmethod
    def backward(ctx, grad_out):
        X, weight = ctx.saved_tensors
        return convolution_backward(grad_out, X, weight)


weight = torch.rand(5, 3, 3, 3, requires_grad=True, dtype=torch.double)
X = torch.rand(10, 3, 7, 7, requires_grad=True, dtype=torch.double)
print(torch.autograd.gradcheck(MyConv2D.apply, (X, weight)))
"""
SLOW = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60.0)   # a loaded test machine: the limits, not time


@pytest.fixture
def one_thread():   # noqa: ANN201 - PyTorch as the app's workers run it (2 threads on a loaded 2-core machine: 10x)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _sandboxed(source: str):   # noqa: ANN202 - a worker as the app's (one torch thread), time to spare
    from autogradlab import sandbox
    return sandbox.get_pool().run(source, timeout=60.0)


def test_the_tutorials_conv_check_of_1605_elements_runs_as_in_pytorch(one_thread: None) -> None:
    report = _sandboxed(CONV)
    assert report.ok, report.error
    space: dict = {}
    exec(CONV.replace("print(", "result = ("), space)   # noqa: S102 - the test's own program, as real Python
    assert report.printed == f"{space['result']}\n" == "True\n"


@pytest.mark.parametrize("call, rows, columns", [
    ("torch.autograd.gradcheck(f, x)", 2_001, 2_001),                      # f(x) = x * 2: 2,001 outputs
    ("torch.autograd.gradgradcheck(lambda t: (t * t).sum(), x)", 2_002, 2_001),   # f's backward: 2,002 in
])
def test_a_jacobian_over_the_limit_is_refused_at_the_first_call(call: str, rows: int, columns: int) -> None:
    source = ("import torch\nx = torch.rand(2001, dtype=torch.double, requires_grad=True)\ncalls = []\n"
              "def f(t):\n    calls.append(1)\n    return t * 2\n"
              f"print({call})\n")
    report = run_program(source + "print(len(calls))\n", limits=SLOW, torchviz=False)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.message.endswith(f"{rows:,} x {columns:,} = {rows * columns:,} entries (two calls of "
                                         "the function per input element, a backward pass per output "
                                         f"element); the limit is {gradchecks.MAX_JACOBIAN_ENTRIES:,}")
    assert report.error.line == 7 and report.variables["calls"].text in ("[1]", "[]")
    assert report.error.key == "errors_more.gradcheck_jacobian", report.error
    said = messages.text("zh", report.error.key, **dict(report.error.params))
    assert "雅可比矩阵" in said and f"{rows * columns:,}" in said


def test_a_jacobian_at_the_limit_runs_as_in_pytorch(one_thread: None) -> None:
    source = ("import torch\nx = torch.linspace(-1, 1, 2000, dtype=torch.double, requires_grad=True)\n"
              "print(torch.autograd.gradcheck(lambda t: (t * t).sin() + t, x))\n")
    report = _sandboxed(source)
    assert report.ok, report.error
    x = torch.linspace(-1, 1, 2000, dtype=torch.double, requires_grad=True)
    assert report.printed == f"{torch.autograd.gradcheck(lambda t: (t * t).sin() + t, x)}\n"


def test_fast_mode_builds_no_jacobian_and_is_not_refused_for_one() -> None:
    source = ("import torch\nx = torch.rand(4000, dtype=torch.double, requires_grad=True)\n"
              "print(torch.autograd.gradcheck(lambda t: t * 2, x, fast_mode=True))\n")
    report = run_program(source, limits=SLOW, torchviz=False)
    assert report.ok, report.error
    assert report.printed == "True\n"
