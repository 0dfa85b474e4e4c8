"""A gradcheck's estimate counts its backward passes too (session 37, lang/gradcheck_time.py).

Before: only the function's calls were counted (2 per input element), so a check with few inputs and many
outputs was estimated at almost nothing and then ran its backward passes (two per output element, all in
PyTorch, where the run's deadline is never looked at) for as long as they took: 10 inputs, 40,000 outputs
ran ~25 s in-process (200,000 outputs: 133 s; in the app until the worker was killed at the time limit).
The case here has 100,000 outputs (an estimate far past the limit on a fast machine too). Now a backward pass
through the first call's result is timed as well (without the program's hooks or custom backward, whose
second run could print), and such a check is refused after two calls, with the estimate and its line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from pathlib import Path

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

MANY_OUTPUTS = ("import torch\nx = torch.rand(10, dtype=torch.double, requires_grad=True)\n"
                "def f(t):\n    print('called')\n    return (t * 2).repeat(10000)\n"
                "print(torch.autograd.gradcheck(f, x))\n")
ESTIMATE = re.compile(r"gradcheck would call the function 22 times and run 200,002 backward passes through "
                      r"it \(a call took [\d.]+ ms, a backward pass ([\d.]+) ms\): about ([\d,.]+) s, "
                      r"past the time limit of 5 s")


@pytest.fixture(autouse=True)
def one_thread():   # noqa: ANN201 - as the app's workers run PyTorch
    import torch
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _plain(source: str) -> str:
    import torch
    out = io.StringIO()
    torch.manual_seed(0)
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<plain>", "exec"), {"__name__": "__main__"})   # noqa: S102 - the oracle
    return out.getvalue()


def test_a_check_with_many_outputs_is_refused_for_its_backward_passes() -> None:
    report = run_program(MANY_OUTPUTS, torchviz=False)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.key == "errors_more.gradcheck_time" and report.error.line == 6
    said = ESTIMATE.fullmatch(report.error.message)
    assert said, report.error.message
    assert float(said[1]) > 0 and float(said[2].replace(",", "")) > 5
    assert report.printed == "called\n" * 2   # refused after two calls, before the backward passes


def test_the_estimate_is_said_in_chinese() -> None:
    from autogradlab import error_text
    said = error_text.message("zh", run_program(MANY_OUTPUTS, torchviz=False).error)
    assert said.startswith("gradcheck 会调用函数 22 次，并对其结果做 200,002 次反向传播（一次调用用了 "), said
    assert said.endswith("超过了 5 秒的时间限制")


def test_fast_mode_is_estimated_too() -> None:
    source = ("import torch\nW = torch.rand(1000, 1000, dtype=torch.double)\n"
              "x = torch.rand(4000, dtype=torch.double, requires_grad=True)\n"
              "def f(t):\n    print('called')\n    return (W @ W).sum() * t\n"
              "print(torch.autograd.gradcheck(f, x, fast_mode=True))\n")
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.05)   # (one 1000 x 1000 product: ~0.1 s)
    report = run_program(source, torchviz=False, limits=limits)
    assert report.error is not None and report.error.key == "errors_more.gradcheck_time", report.error
    assert report.error.message.startswith("gradcheck would call the function 4 times and run 4 backward "
                                           "passes through it"), report.error.message
    assert report.printed == "called\n" * 2


@pytest.mark.parametrize("check", ["gradcheck", "gradgradcheck"])
def test_fast_mode_of_a_big_input_still_runs_as_in_pytorch(check: str) -> None:
    source = ("import torch\ntorch.manual_seed(0)\n"
              "x = torch.rand(5000, dtype=torch.double, requires_grad=True)\n"
              f"print(torch.autograd.{check}(lambda t: (t * t).sin(), x, fast_mode=True))\n")
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _plain(source) == "True\n"


HOOKED = """import torch
class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t * 2
    @staticmethod
    def backward(ctx, g):
        print('backward')
        return g * 2
x = torch.rand(3, dtype=torch.double, requires_grad=True)
seen = []
def f(t):
    y = Twice.apply(t) * t
    y.register_hook(lambda g: seen.append(1))
    return y
print(torch.autograd.gradcheck(f, x), len(seen))
print(torch.autograd.gradgradcheck(f, x), len(seen))
"""


def test_the_timed_backward_never_runs_the_programs_own_code() -> None:
    report = run_program(HOOKED, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _plain(HOOKED)   # as many prints and hook calls as in PyTorch


def test_the_double_backward_lesson_still_runs_as_in_pytorch() -> None:
    lesson = (Path(__file__).parents[1] / "programs" / "tutorial_pt_double_backward.py").read_text()
    source = re.sub(r"^(torch\.autograd\.grad(?:grad)?check\(.*\))$", r"print(\1)", lesson, flags=re.M)
    assert source.count("print(torch.autograd.grad") == 8
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _plain(source)
