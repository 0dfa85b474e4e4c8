"""Red team 2, session 34: hostile programs against what session 34 merged (0a0da3e..72db012).

Finding, fixed (in-process CPU, one torch thread, warm, load 6-10 on 2 cores):
1. torch.autograd.grad(y, [x] * 100000): PyTorch returns the one gradient 100,000 times in 0.03 s; the
   engine records and snapshots each as an op result: 1.2-1.3 s CPU in one statement, 4.3-5.3 s in a Steps
   run (which now logs grad() calls), and through the sandbox both ended "the program ran longer than 5 s /
   9 s and was stopped" with no line -> at most max_ops (20,000) inputs, refused at once with its line.
Also fixed (older than this session): every method call on a set walked the whole set, so a set filled in a
loop took n^2 (12,000 adds 2.7 s, 99,000 past the time limit) -> 0.15 s / 0.8 s.
"""

from __future__ import annotations

import torch

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str) -> None:
    report, _ = _run(program)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


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


# -- 2. s.add(...) in a loop walked the whole set each call ---------------------------------------------
def test_a_set_filled_in_a_loop_takes_linear_time() -> None:
    """Every method call on a set walked all its items first (require_storable, though sets.check_item had
    checked each as it came in): 3,000 adds 0.25 s, 12,000 2.7 s, 99,000 past any time limit (n^2; since
    session 33 at least: 0a0da3e the same). micrograd's build_topo fills `visited` so. Now 12,000 adds
    0.15 s, 99,000 0.8 s."""
    source = ("s = set()\nfor i in range(15000):\n    s.add((i, 'a'))\n    s.discard(-1)\n"
              "print(len(s), (14999, 'a') in s, s.issubset(s))\n")
    _runs_as_python(source)


def test_a_set_still_refuses_what_it_refused() -> None:
    for program, words in [("import torch\ns = set()\ns.add(torch.ones(2))\n", "tensors cannot be set items"),
                           ("s = set()\ns.add((1, [2]))\n", "unhashable type: 'list'"),
                           ("s = {1}\ns.update([[1]])\n", "unhashable type: 'list'")]:
        report, _ = _run(program)
        assert report.error is not None and words in report.error.message, (program, report.error)
