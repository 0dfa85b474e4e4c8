"""How the pool sizes itself from the environment (README "Host it for a class")."""

from __future__ import annotations

from autogradlab import sandbox


def test_workers_and_queue_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(sandbox.WORKERS_ENV, "3")
    monkeypatch.setenv(sandbox.MAX_QUEUED_ENV, "0")
    assert sandbox.default_pool_size() == 3
    assert sandbox.default_max_queued(3) == 0


def test_without_settings_the_queue_scales_with_the_workers(monkeypatch):
    monkeypatch.delenv(sandbox.MAX_QUEUED_ENV, raising=False)
    monkeypatch.setenv(sandbox.MAX_QUEUED_ENV, "not a number")
    assert sandbox.default_max_queued(2) == 2 * sandbox.MAX_QUEUED_PER_WORKER


def test_a_queue_of_zero_refuses_a_second_run_with_a_retry_time(monkeypatch):
    monkeypatch.setenv(sandbox.MAX_QUEUED_ENV, "0")
    pool = sandbox.WorkerPool(size=1)
    try:
        with pool._cond:
            pool._active = 1          # one run holds the only worker
            refusal = pool._refusal("y = 1\n", 0)
        assert refusal is not None and refusal.error.kind == "busy"
        assert refusal.error.retry_after_s >= 1.0
    finally:
        pool.close()
