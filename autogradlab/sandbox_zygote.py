"""The zygote: a process with torch imported that forks one fresh process per job.

Why fork per job: torch keeps process-wide settings (default dtype, print options, thread count,
the global RNG, grad mode, deterministic flags). A job process is a copy of the warm zygote, which
never runs user code, so nothing one program does is visible to the next (security.md item 6),
and a crash, hang or memory blow-up kills only that copy (item 7). Forking a warm process costs
about 5 ms here, much less than `import torch` (1.5 s).

Run as `python -m autogradlab.sandbox_zygote FD`, where FD is the zygote's end of a socketpair with
the app (see sandbox_wire for the protocol). The zygote exits when the app closes the socket.
What it runs before any job is in sandbox_warm; its spares in sandbox_spares; the pages a spare
copies ahead in sandbox_prefault; its heap in 2 MB pages in sandbox_hugepages; the job process
itself in sandbox_job.
"""

from __future__ import annotations

import gc
import json
import mmap
import os
import select
import signal
import socket
import sys
import time
from typing import Any

from autogradlab import sandbox_hugepages as hugepages
from autogradlab import sandbox_position as position
from autogradlab import sandbox_prefault as prefault
from autogradlab import sandbox_wire as wire
from autogradlab.sandbox_job import job_main, prepare_process, rss_kb
from autogradlab.sandbox_malloc import return_freed_memory
from autogradlab.sandbox_rehearse import rehearse
from autogradlab.sandbox_spares import SPARES, SpareSet
from autogradlab.sandbox_warm import rest_steps, run_idle_program, run_probe_program, warm_first, warm_idle

# A job process forked before the rest of the warm-up may pay it itself (the meta kernels, 1-2 s):
# its wall-time limit gets up to this much more (at most its own limit again), and its soft
# deadline the time it spent loading them (lang/sizes.py).
PRE_WARM_GRACE_S = 5.0
# The rest of the warm-up starts once no job came for WARM_IDLE_S (so it does not compete with the
# first visitors' runs and pages for the CPU), at the latest WARM_LATEST_S after ready.
WARM_IDLE_S = 2.0
WARM_LATEST_S = 8.0
# The spare warms up (sandbox_warm.warm_idle, ~30 ms of CPU) once no job ran for SPARE_IDLE_S: a run
# the app sends right after the last one's Report (a steps run, a retry) then finds it ready, not
# busy warming. A job that still comes while it warms goes to a reserve spare (sandbox_spares), or
# waits for it: its hard time limit then gets up to SPARE_WARM_GRACE_S more (the interpreter's own
# limit counts from the program's start anyway).
SPARE_IDLE_S = 0.03
SPARE_WARM_GRACE_S = 1.0


# --- the zygote loop ------------------------------------------------------------------------------

class _Zygote(SpareSet):
    def __init__(self, sock: socket.socket, warm_pending: bool = False) -> None:
        self.sock = sock
        self.warm_pending = warm_pending   # warm_rest still to do, once no job is waiting
        self.warm_steps = [*rest_steps(), gc.collect] if warm_pending else []   # its parts left
        self.warm_at = time.monotonic() + WARM_IDLE_S
        self.warm_by = time.monotonic() + WARM_LATEST_S
        self.jobs: dict[int, dict[str, Any]] = {}   # pidfd -> {"id", "pid", "deadline", "area", ...}
        # (pid, link, its sandbox_position area) of the next job process
        self.spare: tuple[int, socket.socket, mmap.mmap] | None = None
        # the spares after it, oldest first, each with whether it may warm up (SPARES in all)
        self.reserve: list[tuple[tuple[int, socket.socket, mmap.mmap], bool]] = []
        self.spare_may_warm = False   # the spare warms up once told the zygote is idle (tell_spare)
        self.spare_told = False       # ... and was told
        self.idle_since = time.monotonic()   # when the last job ended (or the spare was forked)
        self.spare_deferred = False   # the last job started alone: its spare comes when it ends (spare_due)
        self.prefault: list[tuple[int, int]] = []   # what each spare copies at once (sandbox_prefault)
        self.paused: set[int] = set()   # spares stopped while a job runs (sandbox_spares)
        self.huge_pending: list[tuple[int, int]] = []   # stretches still to collapse (sandbox_hugepages)

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def fork_spare(self, warm: bool = True) -> None:
        """Fork the next job process ahead of time, so a job does not wait for fork() (~5 ms).
        It warms its code paths while it waits (sandbox_warm.warm_idle) once the zygote tells it no
        job is running, and only once the zygote's own warm-up is done: before that the same
        programs cost ~1.2 s of CPU (torch.func's first import), which the first visitor's job used
        to wait for at start-up. A spare forked while no job runs first copies the pages a job
        would fault (sandbox_prefault, ~7 ms of CPU, stopped by a job that comes meanwhile)."""
        link, spare_end = socket.socketpair()
        area = position.new_area()
        copy = self.prefault if warm and not self.jobs else []   # a busy server spends nothing on it
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                self.sock.close()
                link.close()
                for fd, job in self.jobs.items():
                    os.close(fd)
                    job["area"].close()   # another job's position is none of this one's business
                for _pid, other_link, other_area in self._spares():   # nor another spare's link
                    other_link.close()
                    other_area.close()
                position.install(area)
                prepare_process()
                if warm and not select.select([spare_end], [], [], 0)[0]:
                    rehearse(unpickle=True)   # the job's hand-over, its pages copied first (sandbox_rehearse)
                prefault.prefault(copy, stop=lambda: bool(select.select([spare_end], [], [], 0)[0]))
                try:
                    header, payload, result_fd = wire.recv_job(
                        spare_end, on_warm=(lambda: warm_idle(spare_end)) if warm else None)
                except (EOFError, OSError, wire.WireError):
                    code = 0    # retired without a job
                else:
                    spare_end.close()
                    code = job_main(header, payload, result_fd)
            finally:
                os._exit(code)
        spare_end.close()
        if warm and not self.jobs:   # (never while a job waits for this spare: start_job forks it cold)
            rehearse(unpickle=False)
        if self.spare is None:
            self.spare = (pid, link, area)
            self.spare_may_warm = warm
            self.spare_told = False
        else:
            self.reserve.append(((pid, link, area), warm))
        self.idle_since = time.monotonic()

    def tell_at(self) -> float | None:
        """When to tell the spare that no job is running (SPARE_IDLE_S after the last one), if due."""
        if self.spare is None or not self.spare_may_warm or self.jobs:
            return None
        return self.idle_since + SPARE_IDLE_S

    def tell_spare(self) -> None:
        """Tell a spare that may warm up that no job is running (once): it warms while idle only, so
        on a busy server (jobs overlapping, a queue in the app) it spends no CPU on it."""
        if self.tell_at() is None or select.select([self.sock], [], [], 0)[0]:   # a job is waiting
            return
        self.spare_may_warm = False
        self.spare_told = True
        try:
            self.spare[1].send(wire.WARM_MARKER)
        except OSError:   # a spare that died is replaced when a job comes (start_job)
            pass

    def start_job(self) -> None:
        header, payload, result_fd = wire.recv_job(self.sock)
        try:
            for _attempt in range(2):   # a spare that died while waiting is replaced once
                if self.spare is None:
                    self.fork_spare(warm=False)
                # the next spare still warming up: the one after it takes the job at once (ready, only
                # not warmed), and the warmed one waits for the next job
                bypass = bool(self.reserve) and self._warming()
                pid, link, area = self.reserve[0][0] if bypass else self.spare
                self._resume(pid)
                try:
                    wire.send_job(link, header, payload, result_fd)
                    break
                except OSError:
                    self._retire_spare(reserve=bypass)
            else:   # no job process could take it: report it as a crash
                self.send({"id": header["id"], "timed_out": False, "exit_code": None, "signal": None,
                           "maxrss_kb": 0, "baseline_kb": 0})
                return
            link.close()
            told = not bypass and self.spare_told
            if bypass:
                self.reserve.pop(0)
            else:
                self._next_spare()
        finally:
            os.close(result_fd)
        self.spare_deferred = not self.jobs
        self.send({"id": header["id"], "started": True})   # the app's patience counts from here
        pidfd = os.pidfd_open(pid)
        grace = min(PRE_WARM_GRACE_S, header["timeout"]) if self.warm_pending else 0.0
        if told:   # the spare may still be warming up
            grace = max(grace, min(SPARE_WARM_GRACE_S, header["timeout"]))
        self.jobs[pidfd] = {"id": header["id"], "pid": pid,
                            "deadline": time.monotonic() + header["timeout"] + grace,
                            "baseline_kb": rss_kb(), "area": area}
        self._pause_spares()

    def reap(self, pidfd: int, timed_out: bool) -> None:
        job = self.jobs.pop(pidfd)
        self.spare_deferred = False
        self.idle_since = time.monotonic()
        if timed_out:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        _pid, status, usage = os.wait4(job["pid"], 0)
        os.close(pidfd)
        if not self.jobs:   # (after a timed-out job is gone)
            self._resume_spares()
        # where a killed job was, also past its CPU limit (untrusted: two bounded ints, which the app
        # checks against the program)
        line, column = position.unpack(job["area"][:position.SIZE])
        job["area"].close()
        self.send({"id": job["id"], "timed_out": timed_out, "line": line, "column": column,
                   "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                   "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                   "maxrss_kb": usage.ru_maxrss, "baseline_kb": job["baseline_kb"]})

    def warm_up_due(self, now: float) -> bool:
        """The next part of the rest of the warm-up runs once idle (no job came for WARM_IDLE_S), or
        late, but never while a job runs: it blocks this loop (up to ~1 s, many more on a loaded
        machine), and a job past its time limit then went on unkilled (the app gave the zygote up:
        "crash" for all its jobs). Nor while a job waits to be started: it would wait for it."""
        return (self.warm_pending and not self.jobs and (now >= self.warm_at or now >= self.warm_by)
                and not select.select([self.sock], [], [], 0)[0])

    def finish_warm_up(self) -> None:
        """The next part of the rest of the warm-up (sandbox_warm.rest_steps; the loop looks for a
        job between two), and after the last, what ends it; jobs forked from then on inherit it (the
        spare forked before is replaced)."""
        if self.warm_steps:
            self.warm_steps.pop(0)()
            return
        self.warm_pending = False
        gc.freeze()
        self._retire_spares()
        self.huge_pending = hugepages.own_stretches()
        self.collapse()
        self.prefault = prefault.probe(run_idle_program, close=self.sock.close, then=run_probe_program)
        self.fork_spare()

    def job_waiting(self) -> bool:
        return bool(select.select([self.sock], [], [], 0)[0])

    def collapse(self) -> None:
        """Move the warm heap into 2 MB pages (sandbox_hugepages: cheaper forks and job exits), while
        no job runs or waits; what is left waits for the next idle moment (serve)."""
        if not self.jobs:
            self.huge_pending = hugepages.collapse(self.huge_pending, stop=self.job_waiting)

    def serve(self) -> None:
        while True:
            now = time.monotonic()
            deadlines = [job["deadline"] for job in self.jobs.values()]
            wait = max(0.0, min(deadlines) - now) if deadlines else None
            tell_at = self.tell_at()
            if tell_at is not None:
                if tell_at <= now:
                    self.tell_spare()
                else:
                    wait = tell_at - now if wait is None else min(wait, tell_at - now)
            if self.huge_pending and not self.jobs and not self.job_waiting():
                self.collapse()
            if self.warm_pending and not self.jobs:   # a running job's exit wakes the select
                if self.warm_up_due(now):
                    self.finish_warm_up()
                    continue
                # past due while a job waits on the socket (warm_up_due): select at once, take the job
                wait = max(0.0, min(self.warm_at, self.warm_by) - now)
            readable, _, _ = select.select([self.sock, *self.jobs], [], [], wait)
            for fd in readable:
                if fd is self.sock:
                    self.start_job()
                    self.warm_at = time.monotonic() + WARM_IDLE_S
                elif fd in self.jobs:
                    self.reap(fd, timed_out=False)
            now = time.monotonic()
            for pidfd in [fd for fd, job in self.jobs.items() if job["deadline"] <= now]:
                self.reap(pidfd, timed_out=True)
            while len(self._spares()) < SPARES and self.spare_due():
                self.fork_spare(warm=not self.warm_pending)

    def spare_due(self) -> bool:
        """Fork the next spare now? Not right after a job was handed over while no other ran: forking
        this big process (~5 ms of CPU: page tables) then took a core from that job and the app on
        a 2-core machine (issue 9: part of a short run's fixed cost). The spare comes once that job
        has ended (reap), or at once while jobs overlap (a class: the next one is likely on its way),
        or when a job comes before (start_job forks one itself)."""
        return not self.spare_deferred

    def shutdown(self) -> None:
        self._retire_spares()
        for pidfd in list(self.jobs):
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            os.waitpid(self.jobs.pop(pidfd)["pid"], 0)


def main(fd: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C in the app's terminal is the app's business
    sock = socket.socket(fileno=fd)
    init = json.loads(wire.recv_frame(sock))
    return_freed_memory()   # before torch: the zygote and every job it forks (sandbox_malloc)
    sys.path.extend(p for p in init["sys_path"] if p not in sys.path)
    engine = warm_first()
    gc.freeze()   # keep the warm heap out of the children's collections (collected later, when idle)
    zygote = _Zygote(sock, warm_pending=engine)
    zygote.fork_spare(warm=not engine)
    zygote.send({"ready": True, "pid": os.getpid(), "engine": engine})
    try:
        zygote.serve()
    except (EOFError, ConnectionError, wire.WireError):
        pass
    finally:
        zygote.shutdown()


if __name__ == "__main__":
    main(int(sys.argv[1]))
