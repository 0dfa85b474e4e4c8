"""What a teacher may see of a running server (issue 11): counts and sizes, never a program's text.

Used by the status log line of `scripts/serve.py` and by the `/status` page (`views/status.py`).
Pure: no Streamlit, no torch; memory is read from /proc (Linux), and is None elsewhere.
"""

from __future__ import annotations

import os
import time
from collections import deque

RATE_WINDOW_S = 60.0


class RateWindow:
    """How many events happened in the last RATE_WINDOW_S seconds (runs, refusals). Not
    thread-safe on its own: the pool calls it under its lock."""

    def __init__(self, window_s: float = RATE_WINDOW_S) -> None:
        self.window_s = window_s
        self._times: deque[float] = deque()

    def add(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._times.append(now)
        self._prune(now)

    def count(self, now: float | None = None) -> int:
        self._prune(time.monotonic() if now is None else now)
        return len(self._times)

    def _prune(self, now: float) -> None:
        while self._times and self._times[0] <= now - self.window_s:
            self._times.popleft()


def memory_mb(pid: int | None = None) -> int | None:
    """Proportional set size (PSS) of a process and all its descendants (the sandbox zygote and
    its jobs), in MB: shared pages are split among the processes sharing them, so the sum is what
    the server really costs. None where /proc has no smaps_rollup."""
    total_kb, todo, seen = 0, [os.getpid() if pid is None else pid], 0
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as f:
                total_kb += sum(int(line.split()[1]) for line in f if line.startswith("Pss:"))
            seen += 1
            with open(f"/proc/{current}/task/{current}/children") as f:
                todo.extend(int(p) for p in f.read().split())
        except (OSError, ValueError):
            continue
    return total_kb // 1024 if seen else None


def snapshot(pool_stats: dict[str, float], sessions: int | None) -> dict[str, float | int | None]:
    """One status record: sessions, workers, runs and refusals in the last minute and in all, runs
    now waiting for a worker, mean run time, memory."""
    return {
        "sessions": sessions,
        "workers": pool_stats.get("workers"),
        "runs_last_min": pool_stats.get("runs_last_min"),
        "busy_last_min": pool_stats.get("refused_last_min"),
        "queued": pool_stats.get("queued"),
        "running": min(pool_stats.get("active", 0), pool_stats.get("workers", 0)),
        "runs_total": pool_stats.get("runs"),
        "busy_total": pool_stats.get("refused"),
        "mean_run_ms": pool_stats.get("mean_run_ms"),
        "memory_mb": memory_mb(),
    }


def log_line(record: dict[str, float | int | None]) -> str:
    """`autogradlab status: sessions=3 runs/min=41 ...`: one line, for the server's log."""
    shown = {"sessions": "sessions", "runs_last_min": "runs/min", "busy_last_min": "busy/min",
             "queued": "queued", "workers": "workers", "mean_run_ms": "mean_run_ms", "memory_mb": "memory_mb"}
    parts = [f"{label}={'?' if record.get(key) is None else record[key]}" for key, label in shown.items()]
    return "autogradlab status: " + " ".join(parts)
