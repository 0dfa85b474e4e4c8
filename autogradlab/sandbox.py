"""Run programs in sandboxed worker processes and get Reports back (security.md items 4, 6, 7).

One warm zygote process (torch imported, engine warmed up) forks a fresh job process per run, so no
torch setting, RNG state or crash carries over from one program to the next. Each job has a wall
time limit (the zygote kills it), an address-space limit, no file writes, no core dumps, one thread
and no stdin. The pool bounds concurrency (`size` jobs at once), lets each session have at most one
job running and one waiting (a newer run supersedes the waiting one: repeated clicks do not pile up)
and refuses work beyond a global queue cap instead of letting it pile up. Its size and queue cap:
sandbox_sizing; a job's outcome as a Report: sandbox_outcome.

Importing this module never imports torch: the Streamlit process only ever sees Reports.
"""

from __future__ import annotations

import atexit
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from autogradlab.host_status import RateWindow
from autogradlab.limits import DEFAULT_LIMITS, STEPS_JOB_TIME_FACTOR, Limits
from autogradlab.report import ErrorInfo, Report
from autogradlab.sandbox_client import JobNotStarted, ReportTooBig, ZygoteClient, ZygoteGone
from autogradlab.sandbox_outcome import crash, failed, to_report
from autogradlab.sandbox_outcome import seconds as _seconds  # noqa: F401 - tests read the message format
from autogradlab.sandbox_sizing import (  # noqa: F401 - the pool's settings, read by tests and docs
    MAX_QUEUED_ENV,
    MAX_QUEUED_PER_WORKER,
    WORKERS_ENV,
    default_max_queued,
    default_pool_size,
)
from autogradlab.step_records import StepOptions

__all__ = ["WorkerPool", "get_pool", "DEFAULT_LIMITS"]

STARTUP_TIMEOUT_S = 120.0    # import torch on a busy 2-core machine
MAX_EXPECTED_WAIT_S = 20.0   # a run is queued while the expected wait is shorter; else "busy, retry in N s"


@dataclass
class _Ticket:
    superseded: bool = False


@dataclass
class _SessionState:
    running: bool = False
    waiting: _Ticket | None = None


@dataclass(frozen=True)
class _WithDydx:
    """run_program that also computes dY/dX (engine/jacobian_dydx.py); pickles by reference, and
    imports the engine only in the worker."""

    of_wrt: tuple[str, str]

    def __call__(self, source: str, **kwargs: object) -> Report:
        from autogradlab.engine.run import run_program

        return run_program(source, jacobian_of=self.of_wrt, **kwargs)


@dataclass(frozen=True)
class _WithJacobianCell:
    """run_program that also follows the chain-rule paths of one row of one jacobian() call."""

    cell: tuple[int, int]

    def __call__(self, source: str, **kwargs: object) -> Report:
        from autogradlab.engine.run import run_program

        return run_program(source, jacobian_cell=self.cell, **kwargs)


class WorkerPool:
    """A process-wide pool; `get_pool()` returns the shared one. Thread-safe."""

    def __init__(self, size: int | None = None, limits: Limits = DEFAULT_LIMITS, *,
                 max_queued: int | None = None, max_wait_s: float = MAX_EXPECTED_WAIT_S) -> None:
        size = default_pool_size() if size is None else size
        if size < 1:
            raise ValueError("a WorkerPool needs at least one worker")
        self.size = size
        self.limits = limits
        self._slots = threading.BoundedSemaphore(size)   # waiters are woken oldest first (FIFO)
        self._max_active = size + (default_max_queued(size) if max_queued is None else max_queued)
        self._max_wait_s = max_wait_s
        self._mean_run_s = 0.1       # running mean of recent run times, for the expected wait
        self._counts = {"runs": 0, "refused": 0}
        self._recent = {"runs": RateWindow(), "refused": RateWindow()}   # the last minute's
        self._active = 0
        self._sessions: dict[str, _SessionState] = {}
        self._cond = threading.Condition()
        self._zygote: ZygoteClient | None = None
        self._zygote_lock = threading.Lock()
        self._closed = False

    # --- lifecycle -------------------------------------------------------------------------------

    def warm(self) -> None:
        """Start the worker now (torch imports in the background); returns at once."""
        self._current_zygote()

    def ready(self) -> bool:
        """The worker has started (torch imported): a run now waits only for its turn."""
        zygote = self._zygote
        return zygote is not None and zygote.ready

    def close(self) -> None:
        with self._zygote_lock:
            self._closed = True
            zygote, self._zygote = self._zygote, None
        if zygote is not None:
            zygote.close()

    def _current_zygote(self) -> ZygoteClient:
        with self._zygote_lock:
            if self._closed:
                raise ZygoteGone("the pool is closed")
            if self._zygote is None or not self._zygote.alive:
                if self._zygote is not None:
                    self._zygote.kill()
                self._zygote = ZygoteClient()
            return self._zygote

    def _discard(self, zygote: ZygoteClient) -> None:
        with self._zygote_lock:
            if self._zygote is zygote:
                self._zygote = None
        zygote.kill()

    # --- running ---------------------------------------------------------------------------------

    def run(self, source: str, *, seed: int = 0, output: str | None = None,
            timeout: float | None = None, session: str | None = None,
            steps: StepOptions | None = None, jacobian_of: tuple[str, str] | None = None,
            jacobian_cell: tuple[int, int] | None = None) -> Report:
        """Run a program with `autogradlab.engine.run_program` in a fresh worker process.

        Never raises for anything the program does. `timeout` overrides limits.timeout_s;
        Report.timing_ms is the wall time from handing the job to a ready worker to its Report
        (the fork, the run and the way back), not the wait for a free slot or for start-up.
        """
        target = _WithDydx(tuple(jacobian_of)) if jacobian_of is not None else None
        if jacobian_cell is not None:
            target = _WithJacobianCell(tuple(jacobian_cell))
        return self._run(source, seed=seed, output=output, timeout=timeout, session=session,
                         target=target, steps=steps)

    def _run(self, source: str, *, seed: int = 0, output: str | None = None,
             timeout: float | None = None, session: str | None = None,
             target: Callable[..., Report] | None = None, steps: StepOptions | None = None) -> Report:
        """`target` replaces run_program; tests use it for payloads the language forbids.
        `steps` (a step_records.StepOptions) asks run_program for Report.steps."""
        return self._admit_and_run(source, seed, output, timeout, session, target, steps)

    def _admit_and_run(self, source: str, seed: int, output: str | None, timeout: float | None,
                       session: str | None, target: Callable[..., Report] | None,
                       steps: StepOptions | None = None) -> Report:
        with self._cond:
            refusal = self._refusal(source, seed)
            if refusal is not None:
                return refusal
            self._active += 1
        holds_session = False
        try:
            if session is not None:
                if not self._wait_for_turn(session):
                    return failed(source, seed, "busy", "superseded by a newer run")
                holds_session = True
            with self._slots:
                return self._run_in_worker(source, seed, output, timeout, target, steps)
        finally:
            with self._cond:
                self._active -= 1
                if holds_session:
                    state = self._sessions[session]
                    state.running = False
                    if state.waiting is None:
                        del self._sessions[session]
                self._cond.notify_all()

    def expected_wait_s(self) -> float:
        """How long a run admitted now would wait for a worker, from the queue and recent run times."""
        queued = max(0, self._active - self.size + 1)
        return queued * self._mean_run_s / self.size

    def _refusal(self, source: str, seed: int) -> Report | None:
        """Queue while the expected wait is short (oldest first); beyond that, or at the hard cap,
        answer "busy" with when to try again. Called with self._cond held."""
        wait = self.expected_wait_s()
        if self._active < self._max_active and (self._active < self.size or wait <= self._max_wait_s):
            return None
        self._counts["refused"] += 1
        self._recent["refused"].add()
        retry = max(1.0, round(min(wait, 60.0) - self._max_wait_s + 1.0, 1))
        message = (f"server busy: about {wait:.0f} s of programs are queued" if wait >= 1.0 else
                   "server busy: every worker is running a program and the queue is full")
        error = ErrorInfo("busy", message,
                          hint=f"it will try again by itself in {retry:g} s; no need to press Run",
                          retry_after_s=retry)
        return replace(failed(source, seed, "busy", error.message), error=error)

    def _note_run_time(self, seconds: float) -> None:
        with self._cond:
            self._counts["runs"] += 1
            self._recent["runs"].add()
            self._mean_run_s = 0.8 * self._mean_run_s + 0.2 * seconds

    def stats(self) -> dict[str, float]:
        """Counters for a teacher's view of the server (no program text): workers, runs and
        refusals so far and in the last minute, runs now waiting, mean run time."""
        with self._cond:
            return {"workers": self.size, "runs": self._counts["runs"], "refused": self._counts["refused"],
                    "runs_last_min": self._recent["runs"].count(),
                    "refused_last_min": self._recent["refused"].count(),
                    "active": self._active, "queued": max(0, self._active - self.size),
                    "mean_run_ms": round(self._mean_run_s * 1000.0, 1)}

    def _wait_for_turn(self, session: str) -> bool:
        """Become the session's running job; False if a newer request superseded this one."""
        ticket = _Ticket()
        with self._cond:
            state = self._sessions.setdefault(session, _SessionState())
            if state.waiting is not None:
                state.waiting.superseded = True
            state.waiting = ticket
            self._cond.notify_all()
            while state.running and not ticket.superseded:
                self._cond.wait()
            if ticket.superseded:
                return False
            state.waiting = None
            state.running = True
            return True

    def _run_in_worker(self, source: str, seed: int, output: str | None, timeout: float | None,
                       target: Callable[..., Report] | None, steps: StepOptions | None = None) -> Report:
        timeout_s = self.limits.timeout_s if timeout is None else float(timeout)
        limits = replace(self.limits, timeout_s=timeout_s)
        job = pickle.dumps({"source": source, "seed": seed, "output": output, "limits": limits,
                            "target": target, "steps": steps})
        for attempt in range(2):   # a zygote that died while idle gets one replacement
            try:
                zygote = self._current_zygote()
            except ZygoteGone:
                return failed(source, seed, "internal", "the program runner is shut down")
            if not zygote.wait_ready(STARTUP_TIMEOUT_S):
                self._discard(zygote)
                if attempt == 0:
                    continue
                return failed(source, seed, "internal", "the program runner could not start",
                               hint="try again in a moment")
            started = time.perf_counter()
            try:
                job_s = timeout_s * (STEPS_JOB_TIME_FACTOR if steps is not None else 1.0)   # (two runs)
                outcome = zygote.run_job(job, timeout=job_s, memory_mb=limits.memory_mb)
                report = to_report(outcome, source, seed, replace(limits, timeout_s=job_s))
            except JobNotStarted:   # the program never ran: not its crash (issue 9, loaded machine)
                self._discard(zygote)
                report = failed(source, seed, "internal", "the program runner could not start",
                                hint="try again in a moment")
            except ZygoteGone:
                self._discard(zygote)
                report = crash(source, seed)
            except ReportTooBig as exc:   # the zygote is fine: its job fails to write the rest
                report = failed(source, seed, "memory", f"the program's results (its variables' values) "
                                f"take more than {exc.limit / (1 << 20):g} MB and were not sent to the page",
                                hint="use smaller tensors, or fewer of them")
            elapsed = time.perf_counter() - started
            self._note_run_time(elapsed)
            return replace(report, timing_ms=elapsed * 1000.0)
        return crash(source, seed)


_POOL: WorkerPool | None = None
_POOL_LOCK = threading.Lock()


def get_pool() -> WorkerPool:
    """The process-wide pool (Streamlit sessions are threads of one process), started warm."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = WorkerPool()
            _POOL.warm()
            atexit.register(_POOL.close)
        return _POOL
