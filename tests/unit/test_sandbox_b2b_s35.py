"""Back-to-back and overlapping jobs of a warm zygote whose heap is in 2 MB pages (sandbox_hugepages):
every job answered, each in a fresh process of its own, none seeing what the one before it changed
(torch's process-wide settings, the engine's module state, the warm heap itself), and the spares back
once the pool is idle."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_spares import SPARES
from tests.unit.test_sandbox_spare import children_of


def _report(source: str, printed: str) -> Report:
    return Report(source=source, ok=True, seed=0, output=None, candidates=(), variables={}, printed=printed)


def change_everything(source, *, seed, output, limits):
    """What this process sees first, then changes: torch's settings, a module's state, the heap."""
    import torch

    from autogradlab import sandbox_warm

    seen = {"pid": os.getpid(), "dtype": str(torch.get_default_dtype()), "grad": torch.is_grad_enabled(),
            "rand": torch.rand(2).tolist(), "threads": torch.get_num_threads(),
            "program": sandbox_warm.IDLE_PROGRAM[:12], "mark": getattr(sandbox_warm, "S35_MARK", None)}
    torch.set_default_dtype(torch.float64)
    torch.set_grad_enabled(False)
    torch.manual_seed(int(source))
    sandbox_warm.IDLE_PROGRAM = "changed"   # (an object of the zygote's warm heap, rebound)
    sandbox_warm.S35_MARK = source
    return _report(source, json.dumps(seen))


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool(size=2)
    pool.warm()
    assert pool._current_zygote().wait_ready(300)
    time.sleep(10.0)   # the zygote's rest of the warm-up and its heap's collapse happen when idle
    yield pool
    pool.close()


def test_a_burst_of_back_to_back_and_overlapping_jobs_is_all_answered_each_apart(pool: WorkerPool) -> None:
    seen: list[dict] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        for i in range(6):
            report = pool._run(str(100 * k + i + 1), target=change_everything, timeout=60)
            assert report.ok, report.error
            with lock:
                seen.append(json.loads(report.printed))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(seen) == 18
    assert len({s["pid"] for s in seen}) == 18   # a fresh process each
    first = seen[0]
    for s in seen:
        assert s == {**first, "pid": s["pid"]}    # none saw another's changes
    assert first["mark"] is None and first["dtype"] == "torch.float32" and first["grad"]
    assert first["program"] == "import torch" and first["threads"] == 1


def test_the_spares_are_back_once_the_pool_is_idle(pool: WorkerPool) -> None:
    for i in range(8):
        assert pool._run(str(i), target=change_everything, timeout=60).ok
    zygote = pool._current_zygote().process.pid
    deadline = time.monotonic() + 30
    while len(children_of(zygote)) != SPARES and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(children_of(zygote)) == SPARES
