"""What the red-team files share (test_breakout_s10.py, test_breakout_s11.py): one hostile program per
Case, small limits where a case is about a limit, and the check that an error names its kind, line and
message and leaks none of the engine's objects or paths."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
import time
from typing import NamedTuple

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits

SMALL = Limits(max_tensor_elements=100, max_total_elements=1000, max_int_bits=64, max_sequence_len=50,
               max_total_sequence_items=500, max_printed_chars=2000, max_steps=3000, max_call_depth=5,
               max_loop_iterations=200)
LEAKS = re.compile(r"0x[0-9a-fA-F]{4,}|<module|<function|<built-in|<bound|Traceback|File \"|autogradlab|"
                   r"/usr/|/work/|/tmp/|site-packages|internal error")
FN = "a function may only be called"


def timed_run(program: str, **limits):  # noqa: ANN003, ANN201
    """run_program with DEFAULT_LIMITS changed by `limits` (no torchviz picture), and its wall time in s."""
    started = time.perf_counter()
    report = run_program(program, limits=dataclasses.replace(DEFAULT_LIMITS, **limits), torchviz=False)
    return report, time.perf_counter() - started


def what_python_prints(program: str) -> str:
    """What CPython prints for the program (the oracle; only for programs that are not hostile)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(program, "<program>", "exec"), {"__name__": "__main__"})   # noqa: S102 - our own text
    return out.getvalue()


def same_as_python(program: str, **limits) -> None:  # noqa: ANN003
    report, _ = timed_run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


def stopped(report, kind: str, line: int, words: str) -> None:  # noqa: ANN001
    """The run ended with an error of `kind` at `line` whose message holds `words`."""
    assert report.error is not None, report.printed
    assert (report.error.kind, report.error.line) == (kind, line), report.error
    assert words in report.error.message, report.error.message


def function_class(forward: str = "return x * 2", backward: str = "return g", tail: str = "") -> str:
    """A custom Function F (forward's and backward's bodies; several lines joined by "\\n        "),
    x a leaf that requires grad, y = F.apply(x) at line 10, then `tail`."""
    return ("import torch\n"
            "class F(torch.autograd.Function):\n"
            "    @staticmethod\n"
            "    def forward(ctx, x):\n"
            f"        {forward}\n"
            "    @staticmethod\n"
            "    def backward(ctx, g):\n"
            f"        {backward}\n"
            "x = torch.ones(2, requires_grad=True)\n"
            "y = F.apply(x)\n" + tail)


class Case(NamedTuple):
    program: str
    kind: str | None        # None: runs, and prints `text` exactly
    line: int | None        # None: any line
    text: str               # a regex of the message, or the exact printed text
    limits: Limits = DEFAULT_LIMITS


def check_case(case: Case) -> None:
    """The program runs and prints `text` exactly, or stops with the case's error kind, line and a
    message matching `text`, leaking nothing but names the program wrote itself."""
    report = run_program(case.program, limits=case.limits, torchviz=False)
    if case.kind is None:
        assert report.error is None, report.error
        assert report.printed == case.text
        return
    error = report.error
    assert error is not None, report.printed
    assert error.kind == case.kind, error
    if case.line is not None:
        assert error.line == case.line, error
    assert re.search(case.text, error.message), error.message
    text = error.message + (error.hint or "")
    leaks = [found for found in LEAKS.findall(text) if found not in case.program]
    assert not leaks, error.message
