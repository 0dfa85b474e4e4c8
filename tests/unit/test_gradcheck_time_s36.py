"""A gradcheck whose function is expensive is refused after its first two calls (session 36,
lang/gradcheck_time.py), with what it would cost and its line; until then it ran until the time limit.

Before: `torch.outer(t, t).sum(0)` of 2,000 elements (4,000,000 Jacobian entries, within that limit) and
a function holding a 1000 x 1000 matrix product each ran ~4 s into a timeout. The estimate (calls x the
cheaper of the first two calls, CPU time) may be low; then the time limit still stops the check.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab import messages
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

HEAD = "import torch\ncalls = []\n"
OUTER = HEAD + ("x = torch.rand(2000, dtype=torch.double, requires_grad=True)\n"
                "def f(t):\n    print('called')\n    return torch.outer(t, t).sum(0)\n")
PRODUCT = HEAD + ("W = torch.rand(1000, 1000, dtype=torch.double)\n"
                  "x = torch.rand(500, dtype=torch.double, requires_grad=True)\n"
                  "def f(t):\n    print('called')\n    return (W @ W).sum() * t\n")


@pytest.fixture(autouse=True)
def one_thread():   # noqa: ANN201 - as the app's workers run PyTorch: 2 threads on a loaded 2-core machine
    import torch  # spin (sin of 2,000 doubles took 4 ms of the main thread's CPU instead of 0.04)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


REFUSED = re.compile(r"(gradcheck|gradgradcheck) would call the function ([\d,]+) times and run ([\d,]+) "
                     r"backward passes through it \(a call took ([\d,.]+) ms, a backward pass "
                     r"([\d,.]+) ms\): about (?P<seconds>[\d,.]+) s, past the time limit of 5 s")   # (s37)


def _refusal(source: str, check: str, line: int):   # noqa: ANN202 - the run's error, once
    report = run_program(f"{source}{check}\n", torchviz=False)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.key == "errors_more.gradcheck_time"
    assert report.error.line == line
    return report


@pytest.mark.parametrize("source, line, calls", [(OUTER, 7, 4_002), (PRODUCT, 8, 1_002)])
def test_an_expensive_function_is_refused_after_two_calls(source: str, line: int, calls: int) -> None:
    report = _refusal(source, "torch.autograd.gradcheck(f, x)", line)
    said = REFUSED.fullmatch(report.error.message)
    assert said and said[1] == "gradcheck" and said[2] == f"{calls:,}", report.error.message
    assert float(said["seconds"].replace(",", "")) > 5
    assert report.printed == "called\n" * 2   # gradcheck's own first call and the first column's: no more
    assert "fast_mode=True" in report.error.hint


def test_gradgradcheck_counts_the_outputs_it_perturbs_too() -> None:
    source = HEAD + ("W = torch.rand(800, 800, dtype=torch.double)\n"
                     "x = torch.rand(300, dtype=torch.double, requires_grad=True)\n"
                     "def f(t):\n    calls.append(1)\n    return (W @ W).sum() * t\n")
    report = _refusal(source, "torch.autograd.gradgradcheck(f, x)", 8)
    said = REFUSED.fullmatch(report.error.message)
    assert said[2] == "1,202"   # twice per element of 300 inputs + 300 outputs, and twice more


def test_a_cheap_check_of_2000_elements_still_runs_as_in_pytorch() -> None:
    import torch
    source = "import torch\nx = torch.rand(2000, dtype=torch.double, requires_grad=True)\n" \
             "print(torch.autograd.gradcheck(lambda t: (t * t).sin(), x))\n"
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    x = torch.rand(2000, dtype=torch.double, requires_grad=True)
    assert report.printed == f"{torch.autograd.gradcheck(lambda t: (t * t).sin(), x)}\n" == "True\n"


def test_fast_mode_is_not_refused_by_the_estimate() -> None:
    report = run_program(PRODUCT + "print(torch.autograd.gradcheck(f, x, fast_mode=True))\n", torchviz=False)
    assert report.ok, report.error
    assert report.printed.endswith("called\nTrue\n") and report.printed.count("called") < 10


def test_a_function_cheap_at_first_is_still_stopped_by_the_time_limit() -> None:
    source = HEAD + ("W = torch.rand(1000, 1000, dtype=torch.double)\n"
                     "x = torch.rand(500, dtype=torch.double, requires_grad=True)\n"
                     "def f(t):\n    calls.append(1)\n    if len(calls) > 2:\n        W @ W\n"
                     "    return t * 2\n"
                     "torch.autograd.gradcheck(f, x)\n")
    report = run_program(source, torchviz=False, limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=2.0))
    assert report.error is not None and report.error.kind == "timeout", report.error
    assert 6 <= report.error.line <= 10   # inside f, or at the check's line


def test_the_refusal_is_said_in_chinese() -> None:
    from autogradlab import error_text
    report = _refusal(OUTER, "torch.autograd.gradcheck(f, x)", 7)
    said = error_text.message("zh", report.error)
    assert said.startswith("gradcheck 会调用函数 4,002 次"), said
    assert "超过了 5 秒的时间限制" in said
    assert error_text.hint("zh", report.error) == messages.text("zh", "errors_hints.cheaper_check")
