"""Red team, session 34: a program within the element limits that still took its worker down.

9 numpy arrays of 5,000,000 complex values (45,000,000 elements, under max_total_elements; 720 MB) and a
print: the Report kept 20,000,000 of those values in full (counted in elements: 320 MB of complex128),
pickled them (320 MB more) and joined the pickle to its frame's length (a third copy): the worker died
("the worker running your program stopped unexpectedly", exit 70, no line; before: 0a0da3e). Now a
complex128 value counts as its two 8-byte halves against the Report's budget, the job writes the frame's
length and the pickle without joining them, and a memory error names the statement where it happened (the
job's own report and the zygote's kill both had the position and dropped it).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab import sandbox_job, sandbox_wire
from autogradlab import sandbox_position as position
from autogradlab.engine.report_values import ReportValues
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import ErrorInfo, Report
from autogradlab.sandbox_client import JobOutcome
from autogradlab.sandbox_outcome import to_report


def _kept(value: object, budget: int) -> bool:
    values = ReportValues(tensor_budget=budget)
    values.plan({"v": value})
    return values._decide(value)[0]


@pytest.mark.parametrize("make", [lambda n: np.ones(n, dtype=complex),
                                  lambda n: torch.ones(n, dtype=torch.complex128)])
def test_a_complex128_value_counts_twice_against_the_reports_budget(make) -> None:  # noqa: ANN001
    assert _kept(make(5), 10)
    assert not _kept(make(6), 10)


@pytest.mark.parametrize("make", [lambda n: np.ones(n), lambda n: torch.ones(n, dtype=torch.complex64),
                                  lambda n: torch.ones(n), lambda n: np.ones(n, dtype=np.int8)])
def test_values_of_8_bytes_or_less_count_once(make) -> None:  # noqa: ANN001
    assert _kept(make(10), 10)
    assert not _kept(make(11), 10)


def test_the_frame_head_and_the_payload_are_the_frame() -> None:
    data = b"x" * 1000
    assert sandbox_wire.frame_head(data) + data == sandbox_wire.pack_frame(data)
    assert sandbox_wire.unpack_frame(sandbox_wire.frame_head(data) + data) == data


def _job(source: str) -> dict:
    return {"source": source, "seed": 0, "limits": DEFAULT_LIMITS}


def test_the_jobs_memory_report_names_the_statement_it_was_running() -> None:
    board = position.board()
    saved = board[0]
    try:
        board[0] = position.pack(3, 5)
        report = sandbox_job._memory_report(_job("a = 1\nb = 2\nc = a + b\n"))
        assert (report.error.kind, report.error.line, report.error.column) == ("memory", 3, 5)
        board[0] = position.pack(9, 1)   # not a line of the program: no position
        assert sandbox_job._memory_report(_job("a = 1\n")).error.line is None
        failed = Report(source="a = 1\nb = 2\n", ok=False, seed=0, output=None, candidates=(), variables={},
                        printed="", error=ErrorInfo("internal", "memory", line=2, column=1))
        assert sandbox_job._memory_report(_job("a = 1\nb = 2\n"), failed).error.line == 2
    finally:
        board[0] = saved


def test_a_job_killed_for_memory_is_reported_at_its_statement() -> None:
    source = "import torch\nx = torch.ones(10)\ny = x * 2\n"
    status = {"id": 1, "timed_out": False, "line": 3, "column": 1, "exit_code": sandbox_job.MEMORY_EXIT_CODE,
              "signal": None, "maxrss_kb": 0, "baseline_kb": 0}
    report = to_report(JobOutcome(frame=None, status=status), source, 0, DEFAULT_LIMITS)
    assert (report.error.kind, report.error.line, report.error.column) == ("memory", 3, 1)
    assert report.error.message == "the program used more than 1536 MB of memory and was stopped"
    report = to_report(JobOutcome(frame=None, status={**status, "line": 40}), source, 0, DEFAULT_LIMITS)
    assert (report.error.kind, report.error.line) == ("memory", None)


@pytest.mark.slow
def test_a_program_holding_45m_complex_values_gets_its_report() -> None:
    from autogradlab.sandbox import WorkerPool
    source = ("import numpy as np\nheld = [np.ones(5000000, dtype=complex) for i in range(7)]\n"
              "a = np.ones(5000000, dtype=complex)\nb = np.ones(5000000, dtype=complex) * 2\n"
              "try:\n    np.testing.assert_allclose(a, b)\n"
              "except AssertionError as e:\n    print(len(str(e)))\n")
    pool = WorkerPool()
    try:
        report = pool.run(source)
    finally:
        pool.close()
    assert report.error is None, report.error   # a crash ("stopped unexpectedly") before
    assert report.printed.strip().isdigit()
