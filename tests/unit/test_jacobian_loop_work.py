"""The Jacobian's loop strategy bounds its work before running its rows (engine/jacobian_loop_work.py):
one backward pass per output through a costly op (here a 60x60 inverse, 216,000 steps) is held
against max_call_work as rows * work, just below and just above the limit, on both ways into the
loop (torch's own jacobian for user options such as strict=True, and the engine's loop when the
function has side effects)."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.engine.jacobian_loop_work import check_loop_work
from autogradlab.errors import LimitExceeded
from autogradlab.limits import DEFAULT_LIMITS

HEAD = "import torch\nfrom torch.autograd.functional import jacobian\nA = torch.eye(20) * 3\ncalls = []\n"
USER_OPTION = HEAD + ("def f(x):\n    return torch.linalg.inv(A + x.sum()).reshape(-1)\nx = torch.ones(3)\n"
                      "J = jacobian(f, x, strict=True)\nprint(J.shape)\n")
SIDE_EFFECT = HEAD + ("def f(x):\n    calls.append(1)\n    return torch.linalg.inv(A + x.sum()).reshape(-1)\n"
                      "x = torch.ones(3)\nJ = jacobian(f, x)\nprint(J.shape)\n")
WORK = 20 ** 3 * 400   # 400 outputs, each row a backward pass through the 20x20 inverse


def _run(source: str, limit: int):
    return run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_call_work=limit, timeout_s=60))


@pytest.mark.parametrize("source, line", [(USER_OPTION, 8), (SIDE_EFFECT, 9)], ids=["strict", "side-effect"])
def test_the_loop_runs_at_its_limit_and_is_refused_just_above(source, line):
    report = _run(source, WORK)
    assert report.error is None, report.error
    assert report.printed == "torch.Size([400, 3])\n"
    report = _run(source, WORK - 1)
    error = report.error
    assert error.kind == "limit" and error.line == line
    assert error.message == (f"jacobian's loop would run 400 backward passes through costly calls of about "
                             f"8,000 arithmetic steps each, about {WORK:,} in all; the limit is {WORK - 1:,} "
                             f"per call")
    assert error.hint == "fewer outputs or smaller matrices help, or vectorize=True (limit max_call_work)"
    assert report.printed == ""


def test_a_loop_refusal_is_not_caught_by_try():
    source = SIDE_EFFECT.replace("J = jacobian(f, x)\n", "try:\n    J = jacobian(f, x)\n"
                                 "except Exception as e:\n    print('caught')\n")
    report = _run(source, WORK - 1)
    assert report.error.kind == "limit" and "caught" not in report.printed


def test_one_row_or_no_costly_call_is_never_refused():
    check_loop_work(10, 10**9, 1)
    check_loop_work(10, 0, 10**6)
    with pytest.raises(LimitExceeded):
        check_loop_work(10, 6, 2)
