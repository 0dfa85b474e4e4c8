"""A job process hands its CPU over (sched_yield) only after the app can read its Report: the result
pipe is closed first, and the yield comes before the exit's teardown."""

from __future__ import annotations

import os
import pickle
import weakref

from autogradlab import sandbox_job
from autogradlab import sandbox_wire as wire
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import Report


def tiny_report(source, *, seed, output, limits):
    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed="done\n")


def test_the_job_yields_after_closing_its_result_pipe() -> None:
    result_read, result_write = os.pipe()
    note_read, note_write = os.pipe()
    job = pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                        "target": tiny_report, "steps": None})
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(result_read)
            os.close(note_read)

            def noted_yield() -> None:   # was the result pipe already closed?
                try:
                    os.fstat(result_write)
                except OSError:
                    os.write(note_write, b"yield after close;")
                else:
                    os.write(note_write, b"yield before close;")

            os.sched_yield = noted_yield
            code = sandbox_job.job_main({"memory_mb": 512, "timeout": 5.0}, job, result_write)
        finally:
            os._exit(code)
    os.close(result_write)
    os.close(note_write)
    chunks = []
    while chunk := os.read(result_read, 1 << 16):
        chunks.append(chunk)
    os.close(result_read)
    _pid, status = os.waitpid(pid, 0)
    note = os.read(note_read, 100)
    os.close(note_read)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert wire.load_report(wire.unpack_frame(b"".join(chunks))).printed == "done\n"
    assert note == b"yield after close;"


_MADE: list = []   # weak references to the Reports tiny_report_noted made (in the forked job)


def tiny_report_noted(source, *, seed, output, limits):
    report = tiny_report(source, seed=seed, output=output, limits=limits)
    _MADE.append(weakref.ref(report))
    return report


def test_the_job_frees_its_report_only_after_closing_its_result_pipe() -> None:
    """Freeing a big Report (a 500-step loop's graph: ~20,000 objects) before the write cost ~1.2 ms
    on the way back; the process exits right after the close anyway."""
    result_read, result_write = os.pipe()
    note_read, note_write = os.pipe()
    job = pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                        "target": tiny_report_noted, "steps": None})
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(result_read)
            os.close(note_read)

            def noted_yield() -> None:   # after the close: is the Report still alive?
                alive = bool(_MADE) and _MADE[-1]() is not None
                os.write(note_write, b"alive at close;" if alive else b"freed before close;")

            os.sched_yield = noted_yield
            code = sandbox_job.job_main({"memory_mb": 512, "timeout": 5.0}, job, result_write)
        finally:
            os._exit(code)
    os.close(result_write)
    os.close(note_write)
    chunks = []
    while chunk := os.read(result_read, 1 << 16):
        chunks.append(chunk)
    os.close(result_read)
    _pid, status = os.waitpid(pid, 0)
    note = os.read(note_read, 100)
    os.close(note_read)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert wire.load_report(wire.unpack_frame(b"".join(chunks))).printed == "done\n"
    assert note == b"alive at close;"
