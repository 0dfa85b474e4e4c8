"""The spare job process warms torch's Jacobian paths while it waits, never when a job is waiting,
and never fails because of it."""

from __future__ import annotations

import socket

import pytest

from autogradlab import sandbox_warm
from autogradlab.engine import run as engine_run


def _calls(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> list[str]:
    seen: list[str] = []

    def fake_run(source: str, **kwargs: object) -> None:
        seen.append(source)
        if fail:
            raise RuntimeError("no engine")

    monkeypatch.setattr(engine_run, "run_program", fake_run)
    return seen


def test_spare_warms_with_the_fixed_program_while_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _calls(monkeypatch)
    a, b = socket.socketpair()
    with a, b:
        sandbox_warm.warm_spare(b)
    assert seen == list(sandbox_warm.SPARE_PROGRAMS)


def test_spare_skips_the_warm_up_when_a_job_is_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _calls(monkeypatch)
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"job")
        sandbox_warm.warm_spare(b)
        assert b.recv(3) == b"job"          # the job's bytes are left for recv_job
    assert seen == []


def test_spare_skips_the_warm_up_when_a_job_comes_soon_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy server sends the next job within tens of ms: the spare then spends no CPU warming."""
    import threading

    seen = _calls(monkeypatch)
    a, b = socket.socketpair()
    with a, b:
        sender = threading.Timer(sandbox_warm.SPARE_WARM_DELAY_S / 5, a.sendall, args=(b"job",))
        sender.start()
        sandbox_warm.warm_spare(b)
        sender.join()
        assert b.recv(3) == b"job"
    assert seen == []


def test_a_failing_warm_up_is_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _calls(monkeypatch, fail=True)
    a, b = socket.socketpair()
    with a, b:
        sandbox_warm.warm_spare(b)
    assert len(seen) == 1


def test_the_spare_programs_run_both_vectorized_strategies() -> None:
    strategies = []
    for program in sandbox_warm.SPARE_PROGRAMS:
        report = engine_run.run_program(program)
        assert report.ok, report.error
        strategies += [r.strategy for r in report.jacobians]
    assert strategies == ["reverse", "forward"]
