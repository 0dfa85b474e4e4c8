"""Red team 2, session 34: hostile programs against what session 34 merged (0a0da3e..72db012).

Finding, fixed (in-process CPU, one torch thread, warm, load 6-10 on 2 cores):
1. torch.autograd.grad(y, [x] * 100000): PyTorch returns the one gradient 100,000 times in 0.03 s; the
   engine records and snapshots each as an op result: 1.2-1.3 s CPU in one statement, 4.3-5.3 s in a Steps
   run (which now logs grad() calls), and through the sandbox both ended "the program ran longer than 5 s /
   9 s and was stopped" with no line -> at most max_ops (20,000) inputs, refused at once with its line.
"""

from __future__ import annotations

import torch

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions
from tests.unit.breakout_helpers import LEAKS
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _grad_of(count: int) -> str:
    return ("import torch\nx = torch.ones(3, requires_grad=True)\ny = (x * x).sum()\n"
            f"g = torch.autograd.grad(y, [x] * {count})\nprint(len(g), g[-1])\n")


def test_grad_of_too_many_inputs_is_refused_with_its_line() -> None:
    report, took = _run(_grad_of(20_001))
    _stopped(report, "limit", 4, "`torch.autograd.grad` of 20,001 inputs would return 20,001 gradients; "
             "the limit is 20,000 (limit max_ops)")
    assert not LEAKS.findall(report.error.message)
    zh = error_text.message("zh", report.error)
    assert "`torch.autograd.grad` 的 20,001 个输入会返回 20,001 个梯度" in zh
    assert took < 2.0, took


def test_grad_of_too_many_inputs_by_keyword_and_in_a_steps_run_is_refused() -> None:
    source = _grad_of(100_000).replace("grad(y, [x]", "grad(outputs=y, inputs=[x]")
    report = run_program(source, torchviz=False, steps=StepOptions())
    _stopped(report, "limit", 4, "of 100,000 inputs")


def test_grad_at_the_limit_is_pytorchs() -> None:
    x = torch.ones(3, requires_grad=True)
    g = torch.autograd.grad((x * x).sum(), [x] * 20_000)
    report, _ = _run(_grad_of(20_000))
    assert report.error is None, report.error
    assert report.printed == f"{len(g)} {g[-1]}\n"
