"""How big the pool is: workers from the machine's cores and memory, and how many runs may wait.

Both can be set for a host (AUTOGRADLAB_WORKERS, AUTOGRADLAB_MAX_QUEUED); see README, "Host it for
a class", for the figures behind WORKER_MEMORY_MB.
"""

from __future__ import annotations

import os

MAX_QUEUED_PER_WORKER = 32   # hard cap of waiting runs (each holds one app thread) per worker
WORKER_MEMORY_MB = 600       # what one busy worker may take on average (its limit is higher, rarely reached)
WORKERS_ENV = "AUTOGRADLAB_WORKERS"
MAX_QUEUED_ENV = "AUTOGRADLAB_MAX_QUEUED"   # waiting runs allowed beyond the workers (0: refuse at once)


def default_pool_size() -> int:
    """Workers for this machine: one per core, fewer if memory is short (AUTOGRADLAB_WORKERS wins)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        available_mb = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (ValueError, OSError):
        available_mb = cores * WORKER_MEMORY_MB
    return max(1, min(cores, available_mb // WORKER_MEMORY_MB))


def default_max_queued(size: int) -> int:
    """Runs that may wait for a worker: MAX_QUEUED_PER_WORKER per worker (AUTOGRADLAB_MAX_QUEUED wins;
    the browser test of the "busy, retrying by itself" notice sets it to 0)."""
    configured = os.environ.get(MAX_QUEUED_ENV, "").strip()
    return int(configured) if configured.isdigit() else MAX_QUEUED_PER_WORKER * size
