"""The hard time limit names where the program was (sandbox_position): a program stuck in one long C
call never reaches the interpreter's own time check, so the zygote's kill is what stops it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from autogradlab import error_text
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_client import JobOutcome
from autogradlab.sandbox_outcome import to_report
from autogradlab.sandbox_position import pack, place, unpack

# line 3 is one call of ~4 s of CPU (a 2000x2000 SVD); the lines around it take milliseconds
LONG_CALL = """import torch
A = torch.rand(2000, 2000)
B = torch.linalg.pinv(A)
print(B.sum())
"""


@pytest.fixture(scope="module")
def pool():
    # budgets big enough that an endless loop meets the time limit first, and a long C call runs
    # (max_call_work, lang/call_work.py, would refuse the 2000x2000 pinv before its kernel)
    p = WorkerPool(size=1, limits=replace(DEFAULT_LIMITS, max_loop_iterations=10**8, max_steps=10**9,
                                          max_call_work=10**15))
    p.warm()
    yield p
    p.close()


def test_long_c_call_is_stopped_at_its_line(pool):
    report = pool.run(LONG_CALL, timeout=1.0)
    assert report.ok is False
    assert report.error.kind == "timeout"
    assert (report.error.line, report.error.column) == (3, 1)
    assert report.error.message == ("the program ran longer than 1 s and was stopped in the middle of "
                                    "this statement")
    assert report.error.key == "errors.time_limit_op"
    assert report.error.hint_key == "errors.hint_slow_op"
    zh = error_text.box("zh", report.error)
    assert "第 3 行" in zh and "在执行这条语句的中途被停止" in zh
    # the job after a killed one starts clean
    assert pool.run("x = 1\nprint(x)\n", timeout=5.0).printed == "1\n"


def test_long_call_inside_a_function_names_the_function_body_line(pool):
    source = "import torch\ndef slow(M):\n    return torch.linalg.pinv(M)\nA = torch.rand(2000, 2000)\n" \
             "B = slow(A)\n"
    report = pool.run(source, timeout=1.0)
    assert report.error.kind == "timeout"
    assert report.error.line == 3


def test_long_call_in_a_while_condition_names_the_while_line(pool):
    # the body's statements are quick; the test's C call (from the second test on) is the long one
    # (it used to be blamed on the body's last statement, the last place the interpreter published)
    source = ("import torch\nA = torch.rand(2000, 2000)\nk = 0\n"
              "while k < 3 and (k == 0 or torch.linalg.pinv(A).sum() != 0):\n    k = k + 1\n    j = k * 2\n")
    report = pool.run(source, timeout=1.0)
    assert report.error.kind == "timeout"
    assert (report.error.line, report.error.column) == (4, 1), report.error


def test_pure_python_endless_loop_keeps_the_interpreters_own_message(pool):
    report = pool.run("x = 0\nwhile True:\n    x = x + 1\n", timeout=2.0)
    assert report.error.kind == "timeout"
    assert report.error.key == "errors.time_limit"   # the soft deadline's "stopped here", not the kill
    assert report.error.line in (2, 3)


@pytest.mark.parametrize("line, column, expected", [
    (3, 1, (3, 1)),
    (4, 15, (4, 15)),          # one past the end of `print(B.sum())`
    (4, 16, (4, None)),        # a column off its line: the line alone
    (5, 1, (5, 1)),            # the text ends with a newline: an empty line 5
    (6, 1, (None, None)),      # beyond the program
    (0, 0, (None, None)),      # nothing published (the job had not started a statement)
    (-1, 1, (None, None)),
    (10**12, 1, (None, None)),
    ("3", 1, (None, None)),    # only ints: the status is JSON from the zygote
    (True, 1, (None, None)),
    (3.0, 1, (None, None)),
])
def test_place_accepts_only_a_line_of_the_program(line, column, expected):
    assert place(line, column, LONG_CALL) == expected


@pytest.mark.parametrize("data", [b"\xff" * 8, b"\x00" * 8, b"\x01", b"", b"\x80" + b"\x00" * 7,
                                  (2**63 - 1).to_bytes(8, "little")])
def test_unpack_gives_bounded_ints_for_any_bytes(data):
    line, column = unpack(data)
    assert type(line) is int and type(column) is int
    assert 0 <= line < 2**40 and 0 <= column < 2**20


def test_pack_round_trips_and_clamps():
    import sys

    def as_bytes(value: int) -> bytes:
        return value.to_bytes(8, sys.byteorder)

    assert unpack(as_bytes(pack(3, 7))) == (3, 7)
    assert unpack(as_bytes(pack(-5, -5))) == (0, 0)
    assert unpack(as_bytes(pack(5, 2**30)))[0] == 5


def test_a_forged_position_from_the_zygote_status_is_dropped():
    status = {"timed_out": True, "exit_code": None, "signal": 9, "maxrss_kb": 0, "baseline_kb": 0,
              "line": 99, "column": 1}
    report = to_report(JobOutcome(None, status), LONG_CALL, 0, DEFAULT_LIMITS)
    assert report.error.kind == "timeout" and report.error.line is None
    assert report.error.message == "the program ran longer than 5 s and was stopped"
