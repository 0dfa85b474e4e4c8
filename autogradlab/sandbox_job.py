"""The job process: a fork of the warm zygote that runs exactly one program under its limits.

It drops stdin, dies with the zygote, limits its address space, file writes, core dumps and CPU
time, runs the program (`run_program`, or a test's target), and writes one framed Report into its
result pipe. Running out of memory becomes a "memory" Report, or exit code MEMORY_EXIT_CODE when
even that cannot be written.
"""

from __future__ import annotations

import ctypes
import math
import os
import pickle
import resource
import signal
import sys
from typing import Any

from autogradlab import sandbox_position as position
from autogradlab import sandbox_wire as wire

MEMORY_EXIT_CODE = 86   # a job that ran out of memory and could not even report it
# The frame written in one writev (sandbox_wire.write_frame), not its head and then its payload: the
# app woke on the head alone and read the rest after a second wake-up (issue 9, session 45).
ONE_WRITE = True
_PR_SET_PDEATHSIG = 1
# Looked up once in the zygote, which imports this module: a job process looking up libc itself
# spent ~0.25 ms of its start on it (issue 9), ~0.04 ms calling it.
_prctl = ctypes.CDLL(None, use_errno=True).prctl
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _statm(field: int) -> int:
    """One field of /proc/self/statm, in bytes: a third of the time of parsing /proc/self/status
    here (~0.07 ms instead of ~0.18 ms, at each job's start)."""
    fd = os.open("/proc/self/statm", os.O_RDONLY)
    try:
        return int(os.read(fd, 256).split()[field]) * _PAGE
    finally:
        os.close(fd)


def vm_size() -> int:
    """This process's address-space size in bytes (VmSize)."""
    return _statm(0)


def rss_kb() -> int:
    """This process's resident set in kB (VmRSS)."""
    return _statm(1) // 1024


def _limit_job_resources(memory_mb: int, timeout_s: float) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file write fails with EFBIG instead of killing
    baseline = vm_size()
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

    line, column = _memory_place(job, base)
    error = ErrorInfo("memory", f"the program used more than {job['limits'].memory_mb} MB of memory "
                      "and was stopped", line=line, column=column,
                      hint="use smaller tensors, or fewer of them")
    if base is not None:
        return replace(base, ok=False, error=error)
    return Report(source=job["source"], ok=False, seed=job["seed"], output=None, candidates=(),
                  variables={}, printed="", error=error)


def _memory_place(job: dict[str, Any], base: Any) -> tuple[int | None, int | None]:
    """Where the memory ran out: the failed statement's position, else the one the job last published
    (red team, session 34: the memory error named no line, as the hard time limit's kill once did)."""
    error = getattr(base, "error", None)
    if error is not None and error.line is not None:
        return error.line, error.column
    return position.place(*position.unpack(position.board().tobytes()), job["source"])


def _internal_report(job: dict[str, Any], exc: BaseException) -> Any:
    from autogradlab.report import ErrorInfo, Report

    return Report(source=job["source"], ok=False, seed=job["seed"], output=None, candidates=(),
                  variables={}, printed="",
                  error=ErrorInfo("internal", f"Autograd Lab failed to run the program "
                                  f"({type(exc).__name__})"))


def _run_job(job: dict[str, Any]) -> Any:
    target = job.get("target")
    if target is None:
        from autogradlab.engine import run as engine_run
        engine_run.ONE_SHOT_PROCESS = True   # this process exits after this program (see engine/run.py)
        target = engine_run.run_program
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


_PREPARED: list[bool] = []   # prepare_process ran in this process


def prepare_process() -> None:
    """What a job process needs whatever its job: dying with the zygote, no stdin. A spare does it
    right after its fork (sandbox_zygote.fork_spare), so a job's start does not (~0.1 ms, issue 9)."""
    _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)   # the zygote is single-threaded, so this is safe
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = None
    if REHEARSE_LIMITS:
        _rehearse_limits()
    _PREPARED.append(True)


# The spare takes the path of _limit_job_resources once with the limits it already has (each set to
# its own value: nothing changes), so the job's real call finds its pages copied: it cost 0.14 ms with
# ~13 copy-on-write faults at the job's start (issue 9, session 45, marks in the job).
REHEARSE_LIMITS = True


def _rehearse_limits() -> None:
    signal.signal(signal.SIGXFSZ, signal.getsignal(signal.SIGXFSZ))
    vm_size()
    for kind in (resource.RLIMIT_AS, resource.RLIMIT_FSIZE, resource.RLIMIT_CORE, resource.RLIMIT_CPU):
        resource.setrlimit(kind, resource.getrlimit(kind))


def job_main(header: dict[str, Any], payload: bytes, result_fd: int) -> int:
    """Runs in the forked job process; returns its exit code."""
    if not _PREPARED:
        prepare_process()
    job = pickle.loads(payload)
    position.board()[0] = 0   # the spare's warm-up ran programs too
    _limit_job_resources(header["memory_mb"], header["timeout"])
    report = None
    try:
        # The Report stays referenced until this function returns, after the pipe is closed: freed
        # before the write (its ~20,000 objects for a 500-step loop's graph), it cost ~1.2 ms on the
        # way back (issue 9). The process exits right after (os._exit) anyway.
        report = _run_job(job)
        data = wire.dump_report(report)
    except MemoryError:
        report = None
        try:
            data = wire.dump_report(_memory_report(job))
        except MemoryError:
            return MEMORY_EXIT_CODE
    except Exception as exc:   # a Report that cannot be packed: say so, not "crash" (exit code 70)
        report = None
        data = wire.dump_report(_internal_report(job, exc))
    # the frame's length, then the Report's bytes as they are: pack_frame's joined copy of a big Report
    # ran a job that had just fit out of memory (exit 70, "stopped unexpectedly"; red team, session 34)
    if ONE_WRITE:
        wire.write_frame(result_fd, data)
    else:
        for part in (wire.frame_head(data), data):
            view = memoryview(part)
            while view:
                view = view[os.write(result_fd, view):]
    os.close(result_fd)   # the app sees EOF now, before this process finishes tearing down
    # The close woke the app, often onto this CPU, where it waited for this process's exit (tearing
    # down a fork of the zygote: ~2-3 ms in the kernel, not preempted before the next tick): 2-8 ms
    # more on a third of the runs (issue 9: "back"). Yielding first lets it read the Report; the
    # exit follows in the next turn.
    os.sched_yield()
    return 0
