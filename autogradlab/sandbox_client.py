"""The app's handle on one zygote process (see sandbox_zygote): start it, send jobs, read results.

Each job gets its own pipe; the job process writes one framed Report into it and closes it. The
app reads that pipe directly (no relay through the zygote), and the zygote reports each job's exit
status (timed out, exit code, signal, peak memory) on the control socket, which a reader thread
hands to the waiting caller. Never imports torch.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autogradlab import sandbox_wire as wire

_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
_DEBUG_ENV = "AUTOGRADLAB_SANDBOX_STDERR"   # set to 1 to see the workers' stderr
_PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "PYTHONHASHSEED")
# A job's result pipe holds this much (Linux's default is 64 kB): a loop's Report (loop_scalar_chain:
# ~320 kB) then goes in with one write instead of five rounds of the job blocking on a full pipe and
# the app waking to drain it, each a wake-up and, on a loaded machine, a wait for a core (issue 9).
# Pages are used only as far as a Report fills them; beyond the user's pipe quota the kernel says no
# and the pipe keeps its default size.
RESULT_PIPE_BYTES = 1 << 20
# How long a job may wait for the zygote to start it (its "started" line): the zygote runs its
# rest of the warm-up (sandbox_zygote.finish_warm_up) without reading jobs, ~1.5 s of CPU that took
# 6-20 s of wall time at load ~19 on 2 cores (in parts of <= 0.65 s since session 35); the job's own
# timeout counts from its start. Counted from the send, a 70 ms program sent meanwhile hit timeout +
# grace and was reported as a crash.
JOB_START_PATIENCE_S = 60.0
_READ_SLICE_S = 0.5   # the reader looks at the (moving) deadline this often
# Read a job's Report up to its frame's end (_read_frame), not to the job's close of the pipe (off:
# _read_until_eof, as before session 45).
FRAME_END = True
# The most the app reads of one job's Report: a job process is bounded by its own memory limit, the
# app (every session's pages) is not. Legitimate Reports carry their variables' values: ten 4.9M-element
# float64 tensors make 157 MB, complex128 314 MB (the largest found); twice that stays far from it.
MAX_REPORT_BYTES = 512 << 20


class ZygoteGone(Exception):
    """The zygote died or stopped answering; the pool starts a new one."""


class JobNotStarted(ZygoteGone):
    """The zygote did not start the job within JOB_START_PATIENCE_S: the program never ran."""


class ReportTooBig(Exception):
    """A job wrote more than MAX_REPORT_BYTES: the app stopped reading (the job then fails to write)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"a job's Report is larger than {limit} bytes")
        self.limit = limit


@dataclass
class JobOutcome:
    frame: bytes | None            # the job's pickled Report, if it wrote a complete one
    status: dict[str, Any] | None  # the zygote's exit report, when there is no complete frame


class _Pending:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.status: dict[str, Any] | None = None
        self.started: float | None = None   # when the zygote said it handed the job to a process


def _read_until_eof(fd: int, deadline: Callable[[], float], max_bytes: int | None = None) -> bytes | None:
    """Everything written to the pipe until its last writer closed it; None at the deadline (asked
    again at each wake-up: it moves when the job starts). ReportTooBig past `max_bytes`
    (MAX_REPORT_BYTES when not given)."""
    limit = MAX_REPORT_BYTES if max_bytes is None else max_bytes
    chunks = []
    total = 0
    while True:
        remaining = deadline() - time.monotonic()
        if remaining <= 0:
            return None
        readable, _, _ = select.select([fd], [], [], min(remaining, _READ_SLICE_S))
        if not readable:
            continue
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise ReportTooBig(limit)
        chunks.append(chunk)


def _read_frame(fd: int, deadline: Callable[[], float], max_bytes: int | None = None
                ) -> tuple[bytes | None, bool]:
    """(the payload of the one frame a job writes, whether the read ended before its deadline): the
    read stops at the frame's end, which its head gives, not at EOF. The job writes the frame in one
    go and exits; waiting for its close cost a second wake-up of this thread, and often a wait for
    the job to be scheduled again (issue 9, session 45: "back"). What follows the frame is ignored. The
    payload is None when the pipe closed before the frame was whole (a job killed mid-write, or one
    that wrote something else), or at the deadline (then the flag is False). ReportTooBig as soon as
    the head says the frame is longer than `max_bytes` (MAX_REPORT_BYTES when not given)."""
    limit = MAX_REPORT_BYTES if max_bytes is None else max_bytes
    chunks: list[bytes] = []
    total = 0
    need = None   # the whole frame's length, once the head is read
    while need is None or total < need:
        remaining = deadline() - time.monotonic()
        if remaining <= 0:
            return None, False
        readable, _, _ = select.select([fd], [], [], min(remaining, _READ_SLICE_S))
        if not readable:
            continue
        # the first read takes a small frame whole (head and payload); later ones stop at its end
        chunk = os.read(fd, _FIRST_READ - total if need is None else min(1 << 20, need - total))
        if not chunk:
            return None, True
        chunks.append(chunk)
        total += len(chunk)
        if need is None and total >= wire.HEAD_SIZE:
            chunks = [b"".join(chunks)] if len(chunks) > 1 else chunks
            need = wire.HEAD_SIZE + wire.payload_length(chunks[0])
            if need > limit:
                raise ReportTooBig(limit)
            chunks[0] = chunks[0][wire.HEAD_SIZE:need]   # (a copy of at most _FIRST_READ bytes)
            total = wire.HEAD_SIZE + len(chunks[0])
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), True


_FIRST_READ = 1 << 16


def _result_pipe() -> tuple[int, int]:
    """A pipe for one job's Report, RESULT_PIPE_BYTES big where the system allows it."""
    read_end, write_end = os.pipe()
    try:
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except OSError:   # over /proc/sys/fs/pipe-max-size or the user's pipe quota: the default size
        pass
    return read_end, write_end


def _worker_environment() -> dict[str, str]:
    """A minimal environment: workers need no secrets of the app (security.md item 3)."""
    env = {key: os.environ[key] for key in _PASSED_ENV if key in os.environ}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH")) if p)
    env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = "1"
    env["OPENBLAS_NUM_THREADS"] = "1"   # NumPy's BLAS (x.dot(w1) in a loop): one thread, like torch
    return env


class ZygoteClient:
    def __init__(self) -> None:
        app_end, zygote_end = socket.socketpair()
        env = _worker_environment()
        quiet = os.environ.get(_DEBUG_ENV) != "1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "autogradlab.sandbox_zygote", str(zygote_end.fileno())],
            pass_fds=(zygote_end.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if quiet else None, env=env, cwd=_PACKAGE_ROOT)
        zygote_end.close()
        self._sock = app_end
        self._send_lock = threading.Lock()
        self._pending_lock = threading.Lock()
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._ready = threading.Event()
        self._dead = threading.Event()
        self.engine_available = False
        init = {"sys_path": [os.path.abspath(p) for p in sys.path]}   # for test payload imports
        self._sock.sendall(wire.pack_frame(json.dumps(init).encode()))
        threading.Thread(target=self._read_statuses, name="autogradlab-zygote-reader",
                         daemon=True).start()

    # --- state -----------------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return not self._dead.is_set() and self.process.poll() is None

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self.alive

    def wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self._ready.is_set() and not self._dead.is_set():
            if time.monotonic() >= deadline:
                return False
            self._ready.wait(0.05)
        return self._ready.is_set() and not self._dead.is_set()

    def _read_statuses(self) -> None:
        try:
            with self._sock.makefile("rb") as lines:
                for line in lines:
                    message = json.loads(line)
                    if message.get("ready"):
                        self.engine_available = bool(message.get("engine"))
                        self._ready.set()
                        continue
                    if message.get("started"):
                        with self._pending_lock:
                            pending = self._pending.get(message.get("id"))
                        if pending is not None:
                            pending.started = time.monotonic()
                        continue
                    with self._pending_lock:
                        pending = self._pending.pop(message.get("id"), None)
                    if pending is not None:
                        pending.status = message
                        pending.done.set()
        except (OSError, ValueError):
            pass
        finally:
            self._dead.set()
            with self._pending_lock:
                orphans, self._pending = list(self._pending.values()), {}
            for pending in orphans:
                pending.done.set()

    # --- jobs ------------------------------------------------------------------------------------

    def run_job(self, job: bytes, *, timeout: float, memory_mb: int, grace: float = 10.0) -> JobOutcome:
        """Run one pickled job; raises ZygoteGone if the zygote cannot take it or stops answering
        (JobNotStarted if it did not start it). `timeout + grace` counts from the job's start."""
        job_id = next(self._ids)
        pending = _Pending()
        with self._pending_lock:
            self._pending[job_id] = pending
        read_end, write_end = _result_pipe()
        try:
            try:
                with self._send_lock:
                    wire.send_job(self._sock, {"id": job_id, "timeout": timeout, "memory_mb": memory_mb},
                                  job, write_end)
            except OSError as exc:
                raise ZygoteGone(str(exc)) from None
            finally:
                os.close(write_end)
            sent = time.monotonic()

            def deadline() -> float:
                started = pending.started
                return sent + JOB_START_PATIENCE_S if started is None else started + timeout + grace

            if FRAME_END:
                frame, in_time = _read_frame(read_end, deadline)
            else:
                data = _read_until_eof(read_end, deadline)
                frame, in_time = (None if data is None else wire.unpack_frame(data)), data is not None
        except ReportTooBig:
            with self._pending_lock:
                self._pending.pop(job_id, None)
            raise
        finally:
            os.close(read_end)
        if not in_time:
            if pending.started is None:
                raise JobNotStarted("the zygote did not start a job")
            raise ZygoteGone("the zygote did not stop a job at its time limit")
        if frame is not None:
            with self._pending_lock:
                self._pending.pop(job_id, None)
            return JobOutcome(frame, None)
        if not pending.done.wait(max(0.0, deadline() - time.monotonic())):
            raise ZygoteGone("the zygote did not report a job's exit")
        return JobOutcome(None, pending.status)

    def close(self, wait: float = 2.0) -> None:
        """Closing the socket makes the zygote kill its jobs and exit; kill it if it does not."""
        if not self._ready.is_set() and self.process.poll() is None:
            self.process.kill()   # still importing torch: it would not notice the socket for seconds
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        try:
            self.process.wait(wait)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.close(wait=5.0)
