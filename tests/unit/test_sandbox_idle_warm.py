"""The spare job process warms up (one fixed program) only when the zygote says no job is running,
never when a job is waiting, and nothing of it reaches the job: torch's global state is the one a
job of a spare that never warmed sees."""

from __future__ import annotations

import json
import os
import socket
import time

import pytest

from autogradlab import sandbox_warm
from autogradlab import sandbox_wire as wire
from autogradlab.engine import run as engine_run
from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool

# --- payload (runs inside the job process) --------------------------------------------------------


def torch_state_and_warmth(source, *, seed, output, limits):
    import torch

    state = {"dtype": str(torch.get_default_dtype()), "print": repr(torch.tensor([1 / 3])),
             "rand": torch.rand(3).tolist(), "threads": torch.get_num_threads(),
             "grad": torch.is_grad_enabled(), "warmed": bool(sandbox_warm.IDLE_WARMED)}
    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed=json.dumps(state))


# --- the marker on the spare's link ---------------------------------------------------------------


def _send_a_job(sock: socket.socket) -> None:
    read_end, write_end = os.pipe()
    try:
        wire.send_job(sock, {"id": 7}, b"payload", write_end)
    finally:
        os.close(read_end)
        os.close(write_end)


def test_the_spare_warms_on_the_marker_then_takes_its_job() -> None:
    calls = []
    a, b = socket.socketpair()
    with a, b:
        a.send(wire.WARM_MARKER)
        _send_a_job(a)
        header, payload, fd = wire.recv_job(b, on_warm=lambda: calls.append("warm"))
        os.close(fd)
    assert calls == ["warm"]
    assert (header, payload) == ({"id": 7}, b"payload")


def test_a_job_without_a_marker_is_taken_without_warming() -> None:
    calls = []
    a, b = socket.socketpair()
    with a, b:
        _send_a_job(a)
        header, _payload, fd = wire.recv_job(b, on_warm=lambda: calls.append("warm"))
        os.close(fd)
    assert calls == [] and header == {"id": 7}


def test_the_zygote_refuses_a_warm_marker_from_the_app() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.send(wire.WARM_MARKER)
        with pytest.raises(wire.WireError):
            wire.recv_job(b)


# --- warm_idle ------------------------------------------------------------------------------------


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def fake_run(source: str, **kwargs: object) -> Report:
        seen.append(source)
        return Report(source=source, ok=True, seed=0, output=None, candidates=(), variables={}, printed="")

    monkeypatch.setattr(engine_run, "run_program", fake_run)
    monkeypatch.setattr(sandbox_warm, "IDLE_WARMED", [])
    return seen


def test_warm_idle_runs_its_program_then_the_jacobian_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _calls(monkeypatch)
    a, b = socket.socketpair()
    with a, b:
        sandbox_warm.warm_idle(b)
        assert a.recv(8) == sandbox_warm.WARMED_MARKER   # said once, after IDLE_PROGRAM
    assert seen == [sandbox_warm.IDLE_PROGRAM, *sandbox_warm.SPARE_PROGRAMS]
    assert sandbox_warm.IDLE_WARMED == [True]


def test_warm_idle_skips_everything_when_a_job_is_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _calls(monkeypatch)
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"job")
        sandbox_warm.warm_idle(b)
        assert b.recv(3) == b"job"          # the job's bytes are left for recv_job
        a.setblocking(False)
        with pytest.raises(BlockingIOError):   # and the spare said nothing
            a.recv(1)
    assert seen == [] and sandbox_warm.IDLE_WARMED == []


def test_the_idle_program_runs_and_leaves_torch_global_state_alone() -> None:
    import torch

    before = (torch.get_rng_state(), torch.get_default_dtype(), torch.is_grad_enabled())
    report = engine_run.run_program(sandbox_warm.IDLE_PROGRAM)
    assert report.ok, report.error
    assert report.printed.startswith("1.414 ")   # Newton's steps towards sqrt(2) from 1.5
    after = (torch.get_rng_state(), torch.get_default_dtype(), torch.is_grad_enabled())
    assert torch.equal(before[0], after[0]) and before[1:] == after[1:]


# --- through the pool -----------------------------------------------------------------------------


def test_a_job_of_a_warmed_spare_sees_the_same_torch_state() -> None:
    pool = WorkerPool(size=1)
    try:
        runs = [json.loads(pool._run("", target=torch_state_and_warmth, timeout=60).printed)]
        deadline = time.monotonic() + 90   # the zygote's own warm-up comes first (seconds, under load)
        while not runs[-1]["warmed"] and time.monotonic() < deadline:
            time.sleep(1.0)   # idle: the zygote tells the spare, which warms up
            runs.append(json.loads(pool._run("", target=torch_state_and_warmth, timeout=60).printed))
    finally:
        pool.close()
    assert runs[-1]["warmed"], "no spare warmed up while the pool was idle"
    for run in runs:
        run.pop("warmed")
    assert all(run == runs[0] for run in runs)
    assert runs[0]["threads"] == 1


# --- when the zygote tells its spare ----------------------------------------------------------------


def test_the_zygote_tells_its_spare_once_idle_and_never_with_a_job_running_or_waiting() -> None:
    from autogradlab.sandbox_zygote import SPARE_IDLE_S, _Zygote

    app, ours = socket.socketpair()
    link, spare_end = socket.socketpair()
    try:
        zygote = _Zygote(ours)
        zygote.spare = (-1, link, None)
        assert zygote.tell_at() is None                      # a spare that may not warm up
        zygote.spare_may_warm = True
        zygote.jobs[-1] = {"id": 1}
        assert zygote.tell_at() is None                      # a job is running
        zygote.jobs.clear()
        assert zygote.tell_at() == zygote.idle_since + SPARE_IDLE_S
        app.send(b"J")                                       # a job waits on the control socket
        zygote.tell_spare()
        assert zygote.spare_may_warm and not zygote.spare_told
        assert ours.recv(1) == b"J"
        zygote.tell_spare()
        assert spare_end.recv(1) == wire.WARM_MARKER
        assert zygote.spare_told and zygote.tell_at() is None   # told once
    finally:
        for sock in (app, ours, link, spare_end):
            sock.close()


def test_a_told_spare_counts_as_warming_until_it_says_it_ran_its_program() -> None:
    from autogradlab.sandbox_zygote import _Zygote

    app, ours = socket.socketpair()
    link, spare_end = socket.socketpair()
    try:
        zygote = _Zygote(ours)
        zygote.spare = (-1, link, None)
        assert not zygote._warming()                # never told: not warming
        zygote.spare_told = True
        assert zygote._warming()                    # told, nothing said yet: a job would wait for it
        spare_end.send(sandbox_warm.WARMED_MARKER)
        assert not zygote._warming()                # it ran IDLE_PROGRAM: the next job goes to it
    finally:
        for sock in (app, ours, link, spare_end):
            sock.close()
