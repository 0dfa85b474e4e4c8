"""Turning what came back from a job process into a Report: its own Report, or what its exit says
(timed out, out of memory, crashed). The messages name the limit that stopped the program.
"""

from __future__ import annotations

import signal

from autogradlab import sandbox_frames
from autogradlab.limits import Limits
from autogradlab.report import ErrorInfo, Report
from autogradlab.sandbox_client import JobOutcome
from autogradlab.sandbox_job import MEMORY_EXIT_CODE
from autogradlab.sandbox_position import place
from autogradlab.sandbox_wire import WireError, load_report

MEMORY_PEAK_FRACTION = 0.9   # a killed job that peaked this close to its limit ran out of memory


def seconds(value: float) -> str:
    return f"{value:g}"


def failed(source: str, seed: int, kind: str, message: str, hint: str | None = None) -> Report:
    return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                  printed="", error=ErrorInfo(kind, message, hint=hint))


def crash(source: str, seed: int) -> Report:
    return failed(source, seed, "crash", "the worker running your program stopped unexpectedly",
                  hint="run it again; if it keeps happening, simplify the program")


def to_report(outcome: JobOutcome, source: str, seed: int, limits: Limits) -> Report:
    if outcome.frame is not None:
        try:
            report = load_report(outcome.frame)
        except WireError:
            return failed(source, seed, "internal",
                          "the worker returned data Autograd Lab does not accept")
        sandbox_frames.offer(report, outcome.frame)
        return report
    status = outcome.status
    if status is None:
        return crash(source, seed)
    if status.get("timed_out") or status.get("signal") == signal.SIGXCPU:
        return _timeout(source, seed, limits, status)
    peak_kb = status.get("maxrss_kb", 0) - status.get("baseline_kb", 0)
    if (status.get("exit_code") == MEMORY_EXIT_CODE
            or peak_kb >= MEMORY_PEAK_FRACTION * limits.memory_mb * 1024):
        line, column = place(status.get("line"), status.get("column"), source)   # where it was killed
        error = ErrorInfo("memory", f"the program used more than {limits.memory_mb} MB of memory and was "
                          "stopped", line=line, column=column, hint="use smaller tensors, or fewer of them")
        return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                      printed="", error=error)
    return crash(source, seed)


def _timeout(source: str, seed: int, limits: Limits, status: dict) -> Report:
    """The hard limit's kill: stopped inside one long call (the interpreter's own check, between
    steps, never ran), at the statement the job last published (sandbox_position), if it checks out."""
    line, column = place(status.get("line"), status.get("column"), source)
    if line is None:
        return failed(source, seed, "timeout",
                      f"the program ran longer than {seconds(limits.timeout_s)} s and was stopped",
                      hint="look at the loops: a while loop whose condition never becomes False "
                           "runs forever; fewer iterations or smaller tensors also help")
    error = ErrorInfo("timeout", f"the program ran longer than {seconds(limits.timeout_s)} s and was "
                      "stopped in the middle of this statement",
                      line=line, column=column,
                      hint="one operation here takes too long by itself: use smaller tensors "
                           "or fewer of these operations")
    return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                  printed="", error=error)
