"""A job's time counts from its start, not from its send (issue 9, "crash" under load).

At load ~19 on 2 cores the zygote's rest of the warm-up (sandbox_zygote.finish_warm_up, ~1.5 s of
CPU) took 6-20 s of wall time; the app counted timeout + grace from sending the job, so a 70 ms
program (loop_scalar_chain) sent meanwhile came back as "crash: the worker running your program
stopped unexpectedly" after 15.2 s, and the zygote was thrown away. Now the zygote says when it
starts a job, the app waits JOB_START_PATIENCE_S for that, and a job that never started says so.
A stopped zygote (SIGSTOP) stands in for the busy one here. Also: how a dead job is classified.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import threading
import time

import pytest

from autogradlab import sandbox_client
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_client import JobNotStarted, JobOutcome, ZygoteClient
from autogradlab.sandbox_job import MEMORY_EXIT_CODE
from autogradlab.sandbox_outcome import to_report
from autogradlab.sandbox_wire import load_report


def tiny_report(source, *, seed, output, limits):
    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed="done\n")


def _job() -> bytes:
    return pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                         "target": tiny_report, "steps": None})


def _stopped_for(pid: int, seconds: float) -> threading.Thread:
    def wake() -> None:
        time.sleep(seconds)
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:   # the pool gave it up (killed) meanwhile
            pass

    os.kill(pid, signal.SIGSTOP)
    thread = threading.Thread(target=wake)
    thread.start()
    return thread


def test_a_job_the_zygote_starts_late_still_runs_under_its_own_limit() -> None:
    client = ZygoteClient()
    try:
        assert client.wait_ready(120.0)
        # the zygote does not read its socket for longer than the job's timeout + grace (4 s):
        # before the fix, ZygoteGone ("did not stop a job at its time limit"), reported as a crash.
        # (4 s, not less: the tiny job's own fork and run must fit it on a loaded CI machine)
        waker = _stopped_for(client.process.pid, 6.0)
        started = time.monotonic()
        outcome = client.run_job(_job(), timeout=3.0, memory_mb=512, grace=1.0)
        waker.join()
        assert time.monotonic() - started >= 6.0
        assert outcome.frame is not None
        assert load_report(outcome.frame).printed == "done\n"
    finally:
        client.close()


def test_a_job_never_started_is_not_reported_as_a_crash(monkeypatch) -> None:
    monkeypatch.setattr(sandbox_client, "JOB_START_PATIENCE_S", 1.5)
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        zygote = pool._current_zygote()
        assert zygote.wait_ready(120.0)
        pid = zygote.process.pid
        waker = _stopped_for(pid, 4.0)
        report = pool._run("x = 1\n", target=tiny_report)
        waker.join()
        assert report.error is not None
        assert (report.error.kind, report.error.message) == ("internal", "the program runner could not start")
        assert pool._run("x = 1\n", target=tiny_report).printed == "done\n"   # a new zygote
    finally:
        pool.close()


def test_the_not_started_error_is_raised_without_a_zygote_loop(monkeypatch) -> None:
    """The client alone: a zygote end that never answers (no "started" line) -> JobNotStarted."""
    monkeypatch.setattr(sandbox_client, "JOB_START_PATIENCE_S", 0.3)
    client = ZygoteClient.__new__(ZygoteClient)
    ours, theirs = socket.socketpair()
    client._sock, client._send_lock, client._pending_lock = ours, threading.Lock(), threading.Lock()
    client._pending, client._ids = {}, iter(range(1, 10))
    try:
        with pytest.raises(JobNotStarted):
            client.run_job(_job(), timeout=5.0, memory_mb=512, grace=10.0)
    finally:
        ours.close()
        theirs.close()


def _status(**fields) -> dict:
    return {"timed_out": False, "exit_code": None, "signal": None, "maxrss_kb": 0, "baseline_kb": 0,
            "line": 0, "column": 0, **fields}


@pytest.mark.parametrize(("status", "kind"), [
    (_status(timed_out=True, signal=signal.SIGKILL), "timeout"),      # the zygote's hard kill
    (_status(signal=signal.SIGXCPU), "timeout"),                      # RLIMIT_CPU's soft limit
    (_status(exit_code=MEMORY_EXIT_CODE), "memory"),                  # out of memory, unreported
    (_status(signal=signal.SIGKILL, maxrss_kb=1_600_000, baseline_kb=100_000), "memory"),
    (_status(signal=signal.SIGSEGV, maxrss_kb=200_000, baseline_kb=100_000), "crash"),
    (None, "crash"),
])
def test_a_dead_job_is_classified_by_what_stopped_it(status, kind) -> None:
    report = to_report(JobOutcome(None, status), "x = 1\n", 0, DEFAULT_LIMITS)
    assert report.error is not None and report.error.kind == kind
    if kind == "timeout":
        assert "longer than 5 s" in report.error.message
    if kind == "memory":
        assert f"more than {DEFAULT_LIMITS.memory_mb} MB" in report.error.message


def unpicklable_report(source, *, seed, output, limits):
    return Report(source=source, ok=True, seed=seed, output=threading.Lock(), candidates=(),
                  variables={}, printed="")


def test_a_report_that_cannot_be_packed_comes_back_as_an_internal_error_not_a_crash() -> None:
    """Before: the exception left job_main, the job exited with code 70 and the app said "crash"."""
    from autogradlab import sandbox_job
    from autogradlab import sandbox_wire as wire

    result_read, result_write = os.pipe()
    job = pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                        "target": unpicklable_report, "steps": None})
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(result_read)
            code = sandbox_job.job_main({"memory_mb": 512, "timeout": 5.0}, job, result_write)
        finally:
            os._exit(code)
    os.close(result_write)
    chunks = []
    while chunk := os.read(result_read, 1 << 16):
        chunks.append(chunk)
    os.close(result_read)
    _pid, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    report = wire.load_report(wire.unpack_frame(b"".join(chunks)))
    assert report.error is not None and report.error.kind == "internal"
    assert report.error.message == "Autograd Lab failed to run the program (TypeError)"
