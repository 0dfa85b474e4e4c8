"""components/cached.py: which sandbox results are cached, and when an explicit Run retries."""

from __future__ import annotations

import dataclasses
import pickle

import fake_core
import pytest

from autogradlab.report import ErrorInfo
from components import cached, report_memo


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


def test_a_timeout_is_not_served_to_the_next_visitor(fake_core_installed, monkeypatch):
    """A run slowed past its time limit by a loaded machine was cached for an hour: every later
    visit of the same link (the teacher's) showed "ran longer than 5 s" without trying again."""
    monkeypatch.setattr(cached, "_memo", {})
    _scripted(fake_core_installed, ErrorInfo("timeout", "ran longer than 5 s"))
    assert cached.run_program("h = 1\n", 0, None, "s1").error.kind == "timeout"
    assert cached.run_program("h = 1\n", 0, None, "s2").error is None
    assert len(fake_core_installed.calls) == 2


def test_a_memory_stop_is_tried_again_once_the_session_memo_is_over(fake_core_installed, monkeypatch):
    monkeypatch.setattr(cached, "_memo", {})
    _scripted(fake_core_installed, ErrorInfo("memory", "used more than 1 GB"), ErrorInfo("memory", "again"))
    assert cached.run_program("i = 1\n", 0, None, "s").error.kind == "memory"
    assert cached.run_program("i = 1\n", 0, None, "s").error.message == "used more than 1 GB"   # a rerun
    monkeypatch.setattr(cached, "SESSION_MEMO_S", 0.0)      # later: the same session's visit tries again
    assert cached.run_program("i = 1\n", 0, None, "s").error.message == "again"
    assert cached.run_program("i = 1\n", 0, None, None).error is None
    assert len(fake_core_installed.calls) == 3


def test_a_steps_timeout_is_not_cached_but_a_program_error_is(fake_core_installed, monkeypatch):
    monkeypatch.setattr(cached, "_memo", {})
    answers = [ErrorInfo("timeout", "ran longer than 5 s"), None,
               ErrorInfo("name", "name 'q' is not defined", 1)]

    def run(source, *, seed=0, output=None, timeout=None, session=None, **_steps):
        fake_core_installed.calls.append((source, seed, output))
        error = answers.pop(0)
        report = fake_core.lesson_report(source, seed, output)
        return report if error is None else dataclasses.replace(report, ok=False, error=error)

    fake_core_installed.run = run
    answers.insert(0, ErrorInfo("timeout", "ran longer than 5 s"))     # a direction with a list value
    assert cached.run_steps("j = 1\n", 0, None, "s1", (("x", [1.0, [2.0]]),)).error.kind == "timeout"
    assert cached.run_steps("j = 1\n", 0, None, "s1").error.kind == "timeout"
    assert cached.run_steps("j = 1\n", 0, None, "s2").error is None
    assert cached.run_steps("k = q\n", 0, None, "s1").error.kind == "name"
    assert cached.run_steps("k = q\n", 0, None, "s2").error.kind == "name"     # deterministic: cached
    assert len(fake_core_installed.calls) == 4


@pytest.mark.parametrize("memo", [True, False])
def test_the_run_cache_holds_the_compact_wire_form(fake_core_installed, monkeypatch, memo):
    """st.cache_data unpickles what it holds on every call: it holds sandbox_wire's bytes (fast to
    unpickle for a big graph). A miss gives the pool's Report itself, a hit what it gave when the
    cache held the Report (a plain pickle round trip of the pool's Report): the Report loaded before
    from the same bytes (report_memo, session 44), or with the memo off a new load of them."""
    monkeypatch.setattr(report_memo, "MEMO", memo)

    answered = []
    run = fake_core_installed.run
    fake_core_installed.run = lambda *args, **kwargs: answered.append(run(*args, **kwargs)) or answered[-1]
    first = cached.run_program("h = 1\n", 0, None, "s")
    again = cached.run_program("h = 1\n", 0, None, "s2")
    key = cached.cache_key("run", "h = 1\n", 0, None)
    held, timing_ms = cached._run_cached(key, "h = 1\n", 0, None, "s")
    assert isinstance(held, bytes) and timing_ms == first.timing_ms
    assert len(answered) == 1 and first is answered[0]
    assert (again is first) == memo
    assert _round_trip(again) == _round_trip(first)
    assert cached._fresh.report is None   # nothing held back after the calls


def _round_trip(report) -> bytes:
    """A Report's plain pickle after one round trip (the same bytes for equal Reports, whether one
    came from a pickle or not)."""
    return pickle.dumps(pickle.loads(pickle.dumps(report)))
