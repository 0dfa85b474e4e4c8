"""components/cached.py: which sandbox results are cached, and when an explicit Run retries."""

from __future__ import annotations

import dataclasses

import fake_core

from autogradlab.report import ErrorInfo
from components import cached


def _scripted(pool, *errors):
    """Make the fake pool answer with these errors in turn (None = the lesson's good report)."""
    answers = list(errors)

    def run(source, *, seed=0, output=None, timeout=None, session=None):
        pool.calls.append((source, seed, output))
        error = answers.pop(0) if answers else None
        report = fake_core.lesson_report(source, seed, output)
        return report if error is None else dataclasses.replace(report, ok=False, error=error)

    pool.run = run


def test_same_inputs_run_once(fake_core_installed):
    first = cached.run_program("a = 1\n", 0, None, "s1")
    second = cached.run_program("a = 1\n", 0, None, "s2")
    assert first.source == second.source and first.output == second.output
    assert len(fake_core_installed.calls) == 1


def test_a_refused_run_is_not_cached(fake_core_installed):
    _scripted(fake_core_installed, ErrorInfo("busy", "superseded by a newer run"))
    assert cached.run_program("b = 1\n", 0, None, "s").error.message == "superseded by a newer run"
    assert cached.run_program("b = 1\n", 0, None, "s").error is None
    assert len(fake_core_installed.calls) == 2


def test_a_stopped_worker_is_not_cached_for_other_sessions(fake_core_installed):
    """One worker lost to a momentary shortage must not greet every later student who opens the
    same program with "the worker stopped" (the cache is shared by all sessions)."""
    _scripted(fake_core_installed, ErrorInfo("crash", "the worker running your program stopped unexpectedly"))
    assert cached.run_program("g = 1\n", 0, None, "s1").error.kind == "crash"
    assert cached.run_program("g = 1\n", 0, None, "s2").error is None
    assert cached.run_program("g = 1\n", 0, None, "s3").error is None
    assert len(fake_core_installed.calls) == 2


def test_a_limit_error_at_a_line_is_cached(fake_core_installed):
    _scripted(fake_core_installed, ErrorInfo("limit", "tensor too big", 2, 5))
    cached.run_program("c = 1\n", 0, None, "s")
    assert cached.run_program("c = 1\n", 0, None, "s").error.kind == "limit"
    assert len(fake_core_installed.calls) == 1


def test_a_timeout_is_cached_for_reruns_but_retried_on_run(fake_core_installed):
    _scripted(fake_core_installed, ErrorInfo("timeout", "ran longer than 5 s"))
    assert cached.run_program("d = 1\n", 0, None, "s").error.kind == "timeout"
    assert cached.run_program("d = 1\n", 0, None, "s").error.kind == "timeout"
    assert len(fake_core_installed.calls) == 1
    assert cached.run_program("d = 1\n", 0, None, "s", retry=True).error is None
    assert len(fake_core_installed.calls) == 2


def test_a_busy_server_is_retried_by_itself(fake_core_installed):
    _scripted(fake_core_installed, ErrorInfo("busy", "server busy: about 30 s of programs are queued",
                                             retry_after_s=0.2))
    report = cached.run_program("e = 1\n", 0, None, "s")
    assert report.error is None
    assert len(fake_core_installed.calls) == 2


def test_a_superseded_run_is_not_retried(fake_core_installed):
    _scripted(fake_core_installed, ErrorInfo("busy", "superseded by a newer run"))
    assert cached.run_program("f = 1\n", 0, None, "s").error.kind == "busy"
    assert len(fake_core_installed.calls) == 1
