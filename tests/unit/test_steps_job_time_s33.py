"""Session 33: a Steps job runs the program twice (its own run, then forward mode's run with dual numbers), so
its worker's hard limit is STEPS_JOB_TIME_FACTOR × the time limit, while each run keeps its own soft deadline
(issue 9: with one time limit for both, PyTorch's 2,000-pass polynomial fit never had forward mode in the
hosted app: its own run took most of it). A plain job's hard limit is unchanged."""

from __future__ import annotations

import time

import pytest

from autogradlab.engine import step_run
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS, STEPS_JOB_TIME_FACTOR
from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.step_records import StepOptions

TIMEOUT = 4.0


def sleep_then_tell(source, *, seed, output, limits, steps=None):  # noqa: ANN001, ANN201 - a job payload
    time.sleep(float(source))
    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed=f"limit {limits.timeout_s:g} steps {steps is not None}")


@pytest.fixture(scope="module")
def pool():  # noqa: ANN201
    p = WorkerPool(size=1)
    p.warm()
    yield p
    p.close()


def test_steps_job_gets_the_longer_hard_limit_and_the_runs_keep_theirs(pool, monkeypatch) -> None:  # noqa
    from autogradlab.sandbox_client import ZygoteClient

    asked: list[float] = []
    real = ZygoteClient.run_job

    def spy(self, job, *, timeout, memory_mb, **kwargs):  # noqa: ANN001, ANN003, ANN202
        asked.append(timeout)
        return real(self, job, timeout=timeout, memory_mb=memory_mb, **kwargs)

    monkeypatch.setattr(ZygoteClient, "run_job", spy)
    stepped = pool._run("0", target=sleep_then_tell, timeout=TIMEOUT, steps=StepOptions())
    plain = pool._run("0", target=sleep_then_tell, timeout=TIMEOUT)
    assert asked == [STEPS_JOB_TIME_FACTOR * TIMEOUT, TIMEOUT]   # the hard limit (kill, CPU backstop)
    assert stepped.printed == f"limit {TIMEOUT:g} steps True"    # the interpreter's own limit is unchanged
    assert plain.printed == f"limit {TIMEOUT:g} steps False"


def test_steps_job_past_its_own_hard_limit_says_which(pool) -> None:  # noqa: ANN001
    report = pool._run("4.5", target=sleep_then_tell, timeout=1.0, steps=StepOptions())   # 1.8 s + ≤1.8 grace
    assert not report.ok and report.error.kind == "timeout"
    assert report.error.message == f"the program ran longer than {STEPS_JOB_TIME_FACTOR:g} s and was stopped"


def test_tangent_run_budget_is_its_own_share_and_ends_in_time(monkeypatch) -> None:  # noqa: ANN001
    # the budget the tangent run is given (its limits.timeout_s × the interpreter's soft share, 0.8)
    seen: list[float] = []
    from autogradlab.engine import tangent_run

    real = tangent_run.run_tangents

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(kwargs["limits"].timeout_s * 0.8)
        return real(*args, **kwargs)

    monkeypatch.setattr(tangent_run, "run_tangents", spy)
    source = "import torch\nx = torch.ones(3, requires_grad=True)\ny = (x * x).sum()\ny.backward()\n"
    report = run_program(source, steps=StepOptions())
    assert report.ok and report.steps.tangent, report.error
    own = step_run.TANGENT_TIME_SHARE * DEFAULT_LIMITS.timeout_s
    assert seen and own - 0.5 < seen[0] <= own   # a short program: its own share, not what is left of 0.6×


@pytest.mark.parametrize(("first_run_s", "budget_s"), [(0.5, 4.0), (3.0, 4.0), (3.9, 3.1), (6.9, None)])
def test_tangent_run_ends_by_its_share_of_the_steps_job(monkeypatch, first_run_s, budget_s) -> None:  # noqa
    from types import SimpleNamespace

    from autogradlab.engine import steps as steps_module
    from autogradlab.engine import tangent_run

    clock = SimpleNamespace(now=0.0)
    monkeypatch.setattr(step_run, "time", SimpleNamespace(perf_counter=lambda: clock.now))
    captured: dict = {}
    monkeypatch.setattr(steps_module, "build_steps", lambda *args, **_: captured.setdefault("fn", args[5]))
    monkeypatch.setattr(tangent_run, "run_tangents", lambda *args, **kwargs: kwargs["limits"])
    session = step_run.StepSession(StepOptions(), SimpleNamespace(trace=SimpleNamespace(window=0)), seed=0,
                                   limits=DEFAULT_LIMITS)   # the run starts at 0
    session.tree = object()
    session.trace(output=object(), graph=object())
    clock.now = first_run_s   # the program's own run took this long
    given = captured["fn"]({}, set())
    if budget_s is None:
        assert given.error and "no time" in given.error
    else:   # the tangent run's soft deadline (0.8 of its limits) is the budget
        assert given.timeout_s * 0.8 == pytest.approx(budget_s)
        assert first_run_s + budget_s < STEPS_JOB_TIME_FACTOR * DEFAULT_LIMITS.timeout_s - 1.5
