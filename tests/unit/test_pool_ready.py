"""WorkerPool.ready(): what the pages ask to choose between the run spinner and the still "starting
the program runner" line (components/run_indicator.py)."""

from __future__ import annotations

from autogradlab.sandbox import WorkerPool


def test_a_pool_is_ready_only_once_its_worker_has_imported_torch_and_until_it_closes():
    pool = WorkerPool(size=1)
    try:
        assert not pool.ready()                      # not even started
        pool.warm()
        assert pool._current_zygote().wait_ready(180)
        assert pool.ready()
        report = pool.run("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\n")
        assert report.error is None and pool.ready()
    finally:
        pool.close()
    assert not pool.ready()
