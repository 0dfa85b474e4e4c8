"""The zygote: a process with torch imported that forks one fresh process per job.

Why fork per job: torch keeps process-wide settings (default dtype, print options, thread count,
the global RNG, grad mode, deterministic flags). A job process is a copy of the warm zygote, which
never runs user code, so nothing one program does is visible to the next (security.md item 6),
and a crash, hang or memory blow-up kills only that copy (item 7). Forking a warm process costs
about 5 ms here, much less than `import torch` (1.5 s).

Run as `python -m autogradlab.sandbox_zygote FD`, where FD is the zygote's end of a socketpair with
the app (see sandbox_wire for the protocol). The zygote exits when the app closes the socket.
"""

from __future__ import annotations

import ctypes
import gc
import json
import math
import os
import pickle
import resource
import select
import signal
import socket
import sys
import tempfile
import time
from typing import Any

from autogradlab import sandbox_wire as wire

MEMORY_EXIT_CODE = 86   # a job that ran out of memory and could not even report it
_PR_SET_PDEATHSIG = 1
# A job process forked before the rest of the warm-up may pay it itself (the meta kernels, 1-2 s):
# its wall-time limit gets up to this much more (at most its own limit again), and its soft
# deadline the time it spent loading them (lang/sizes.py).
PRE_WARM_GRACE_S = 5.0
# The rest of the warm-up starts once no job came for WARM_IDLE_S (so it does not compete with the
# first visitors' runs and pages for the CPU), at the latest WARM_LATEST_S after ready.
WARM_IDLE_S = 2.0
WARM_LATEST_S = 8.0
# What a first visit runs (the lesson example): with it the zygote is ready; it needs no meta device.
_FIRST_PROGRAM = ("import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\n"
                  "y.backward()\n")
_WARM_PROGRAM = (   # touches the lazily imported parts of torch (meta-device size checks, linalg,
    "import torch\n"  # autograd.functional) once in the zygote, so no user pays for them
    "from torch.autograd.functional import jacobian\n"
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
    "y = 2 * torch.dot(x, x)\n"
    "y.backward()\n"
    "print(f'{x.grad}')\n"
    "A = torch.arange(4.0).reshape(2, 2)\n"
    "B = torch.cat((A, A), dim=0) @ torch.ones(2, 3)\n"
    "C = torch.outer(x, x) + torch.kron(A, A).sum() + torch.mm(A, A).T\n"
    "J = jacobian(lambda v: v * v, x)\n"
    "K = jacobian(lambda v: torch.tanh(torch.ones(3, 2) @ torch.sin(v)), x)\n"  # torch.func's first
    "L = jacobian(lambda v: torch.tanh(torch.ones(5, 6) @ torch.sin(v)), torch.ones(6))\n"  # ~1 s
    "w = torch.linalg.eig(A)\n"
    "r = torch.randn(3, 2).unsqueeze(0).mean(axis=1)\n"
)


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _warm_first() -> bool:
    """Import torch and the engine and run the lesson example: enough to take the first programs.
    The zygote reports ready after this (~1.5 s of `import torch`), and warms the rest when idle."""
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    # Loading the meta kernels asks for the temporary directory, which tempfile finds by writing a
    # file; a job may not write files. Found once here, the answer is inherited by every job.
    tempfile.gettempdir()
    try:
        from autogradlab.engine.run import run_program

        run_program(_FIRST_PROGRAM, seed=0)
    except Exception:   # no engine yet, or a broken one: each job reports it as "internal"
        return False
    return True


def _warm_rest() -> None:
    """The lazily imported parts of torch that later programs need (the meta kernels of the size
    checks ~1.2 s, torch.func, linalg; forward mode's first use ~0.3 s), paid once in the zygote."""
    try:
        from autogradlab.engine.run import run_program
        from autogradlab.lang.sizes import warm_up
        from autogradlab.step_records import StepOptions

        warm_up()
        run_program(_WARM_PROGRAM, seed=0)
        run_program(_WARM_PROGRAM, seed=0, steps=StepOptions(backward_if_missing=True))
    except Exception:   # noqa: BLE001 - a job then pays for what is missing, or reports the failure
        pass


_SPARE_HEAD = "import torch\nfrom torch.autograd.functional import jacobian\n"
_SPARE_PROGRAMS = (   # what a student's jacobian(...) call runs first in a fresh process: reverse ...
    _SPARE_HEAD + "K = jacobian(lambda v: torch.tanh(torch.ones(5, 6) @ torch.sin(v)), torch.ones(6))\n",
    _SPARE_HEAD + "L = jacobian(lambda v: torch.tanh(torch.ones(8, 3) @ torch.sin(v)), torch.ones(3))\n",
)                     # ... and forward mode, vectorized


def _warm_spare(link: socket.socket) -> None:
    """A freshly forked process pays for its first touch of torch's and the engine's code paths
    (copy-on-write pages, cold caches): about half of a 5 ms Jacobian. The spare pays it while it
    waits for a job (~25 ms of CPU), in two parts, each only if no job is waiting yet. It runs fixed
    programs, not a user's, before the job's limits apply."""
    try:
        from autogradlab.engine.run import run_program

        for program in _SPARE_PROGRAMS:
            if select.select([link], [], [], 0)[0]:
                return
            run_program(program, seed=0)
    except Exception:   # a spare that could not warm still runs its job
        pass


# --- the job process ------------------------------------------------------------------------------

def _limit_job_resources(memory_mb: int, timeout_s: float) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file write fails with EFBIG instead of killing
    baseline = _status_kb("VmSize") * 1024
    address_space = baseline + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cpu = math.ceil(timeout_s) + 2   # a backstop; the zygote enforces wall time
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _is_memory_failure(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and ("can't allocate memory" in text
                                               or "not enough memory" in text)


def _memory_report(job: dict[str, Any], base: Any = None) -> Any:
    from dataclasses import replace

    from autogradlab.report import ErrorInfo, Report

    error = ErrorInfo("memory", f"the program used more than {job['limits'].memory_mb} MB of memory "
                      "and was stopped", hint="use smaller tensors, or fewer of them")
    if base is not None:
        return replace(base, ok=False, error=error)
    return Report(source=job["source"], ok=False, seed=job["seed"], output=None, candidates=(),
                  variables={}, printed="", error=error)


def _internal_report(job: dict[str, Any], exc: BaseException) -> Any:
    from autogradlab.report import ErrorInfo, Report

    return Report(source=job["source"], ok=False, seed=job["seed"], output=None, candidates=(),
                  variables={}, printed="",
                  error=ErrorInfo("internal", f"Autograd Lab failed to run the program "
                                  f"({type(exc).__name__})"))


def _run_job(job: dict[str, Any]) -> Any:
    target = job.get("target")
    if target is None:
        from autogradlab.engine.run import run_program as target
    try:
        extra = {"steps": job["steps"]} if job.get("steps") is not None else {}
        report = target(job["source"], seed=job["seed"], output=job["output"], limits=job["limits"], **extra)
    except BaseException as exc:  # run_program never raises; a test payload may
        return _memory_report(job) if _is_memory_failure(exc) else _internal_report(job, exc)
    error = getattr(report, "error", None)
    if error is not None and error.kind == "internal" and any(
            word in error.message.lower() for word in ("memory", "allocate")):
        return _memory_report(job, report)
    return report


def _job_main(header: dict[str, Any], payload: bytes, result_fd: int) -> int:
    """Runs in the forked job process; returns its exit code."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)   # the zygote is single-threaded, so this is safe
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = None
    job = pickle.loads(payload)
    _limit_job_resources(header["memory_mb"], header["timeout"])
    try:
        data = wire.dump_report(_run_job(job))
    except MemoryError:
        try:
            data = wire.dump_report(_memory_report(job))
        except MemoryError:
            return MEMORY_EXIT_CODE
    frame = wire.pack_frame(data)
    view = memoryview(frame)
    while view:
        view = view[os.write(result_fd, view):]
    os.close(result_fd)   # the app sees EOF now, before this process finishes tearing down
    return 0


# --- the zygote loop ------------------------------------------------------------------------------

class _Zygote:
    def __init__(self, sock: socket.socket, warm_pending: bool = False) -> None:
        self.sock = sock
        self.warm_pending = warm_pending   # _warm_rest still to do, once no job is waiting
        self.warm_at = time.monotonic() + WARM_IDLE_S
        self.warm_by = time.monotonic() + WARM_LATEST_S
        self.jobs: dict[int, dict[str, Any]] = {}   # pidfd -> {"id", "pid", "deadline"}
        self.spare: tuple[int, socket.socket] | None = None   # (pid, link) of the next job process

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def fork_spare(self, warm: bool = True) -> None:
        """Fork the next job process ahead of time, so a job does not wait for fork() (~5 ms).
        It warms its code paths while it waits only once the zygote's own warm-up is done: before
        that the same programs cost ~1.2 s of CPU (torch.func's first import), which the first
        visitor's job used to wait for at start-up."""
        link, spare_end = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                self.sock.close()
                link.close()
                for fd in self.jobs:
                    os.close(fd)
                if warm:
                    _warm_spare(spare_end)
                try:
                    header, payload, result_fd = wire.recv_job(spare_end)
                except (EOFError, OSError, wire.WireError):
                    code = 0    # retired without a job
                else:
                    spare_end.close()
                    code = _job_main(header, payload, result_fd)
            finally:
                os._exit(code)
        spare_end.close()
        self.spare = (pid, link)

    def _retire_spare(self) -> None:
        if self.spare is not None:
            pid, link = self.spare
            self.spare = None
            link.close()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    def start_job(self) -> None:
        header, payload, result_fd = wire.recv_job(self.sock)
        try:
            for _attempt in range(2):   # a spare that died while waiting is replaced once
                if self.spare is None:
                    self.fork_spare(warm=False)
                pid, link = self.spare
                try:
                    wire.send_job(link, header, payload, result_fd)
                    break
                except OSError:
                    self._retire_spare()
            else:   # no job process could take it: report it as a crash
                self.send({"id": header["id"], "timed_out": False, "exit_code": None, "signal": None,
                           "maxrss_kb": 0, "baseline_kb": 0})
                return
            link.close()
            self.spare = None
        finally:
            os.close(result_fd)
        pidfd = os.pidfd_open(pid)
        grace = min(PRE_WARM_GRACE_S, header["timeout"]) if self.warm_pending else 0.0
        self.jobs[pidfd] = {"id": header["id"], "pid": pid,
                            "deadline": time.monotonic() + header["timeout"] + grace,
                            "baseline_kb": _status_kb("VmRSS")}

    def reap(self, pidfd: int, timed_out: bool) -> None:
        job = self.jobs.pop(pidfd)
        if timed_out:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        _pid, status, usage = os.wait4(job["pid"], 0)
        os.close(pidfd)
        self.send({"id": job["id"], "timed_out": timed_out,
                   "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                   "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                   "maxrss_kb": usage.ru_maxrss, "baseline_kb": job["baseline_kb"]})

    def finish_warm_up(self) -> None:
        """The rest of the warm-up, while no job waits; jobs forked from now on inherit it (the spare
        forked before it is replaced)."""
        self.warm_pending = False
        _warm_rest()
        gc.collect()
        gc.freeze()
        self._retire_spare()
        self.fork_spare()

    def serve(self) -> None:
        while True:
            now = time.monotonic()
            deadlines = [job["deadline"] for job in self.jobs.values()]
            wait = max(0.0, min(deadlines) - now) if deadlines else None
            if self.warm_pending:   # once idle (no job came for WARM_IDLE_S, none running), or late
                if now >= self.warm_by or (now >= self.warm_at and not self.jobs):
                    self.finish_warm_up()
                    continue
                until = (self.warm_at if now < self.warm_at else self.warm_by) - now
                wait = until if wait is None else min(wait, until)
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
            if self.spare is None:
                self.fork_spare(warm=not self.warm_pending)

    def shutdown(self) -> None:
        self._retire_spare()
        for pidfd in list(self.jobs):
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            os.waitpid(self.jobs.pop(pidfd)["pid"], 0)


def main(fd: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C in the app's terminal is the app's business
    sock = socket.socket(fileno=fd)
    init = json.loads(wire.recv_frame(sock))
    sys.path.extend(p for p in init["sys_path"] if p not in sys.path)
    engine = _warm_first()
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
