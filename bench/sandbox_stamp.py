"""The stamping target of bench/sandbox_timeline.py, alone in a small module: the job process
unpickles it (importing this module) before it can note a time, and importing sandbox_timeline
itself (argparse, statistics, a dataclass) counted ~2 ms into "to start"."""

import time


class Stamped:
    """run_program with the job's own clock noted around it (in Report.notes)."""

    def __call__(self, source, **kwargs):  # noqa: ANN001, ANN003, ANN204
        started = time.time()
        from dataclasses import replace

        from autogradlab.engine import run as engine_run

        engine_run.ONE_SHOT_PROCESS = True
        report = engine_run.run_program(source, **kwargs)
        return replace(report, notes=(*report.notes, f"stamps {started!r} {time.time()!r}"))


class StampedDump:
    """run_program, and the job's dump_report timed: (run's end, dump's start, dump's end, dump's CPU
    ms) sent as one datagram to the app's socket at `path` (bench/sandbox_back.py). A job may not
    write files (RLIMIT_FSIZE 0); a datagram is no file. Needs a job that looks dump_report up
    after the run (session 18 on)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, source, **kwargs):  # noqa: ANN001, ANN003, ANN204
        import socket

        from autogradlab import sandbox_wire as wire
        from autogradlab.engine import run as engine_run

        engine_run.ONE_SHOT_PROCESS = True
        dump, path, ended = wire.dump_report, self.path, []

        def timed_dump(report):  # noqa: ANN001, ANN202
            started, cpu = time.time(), time.process_time()
            data = dump(report)
            note = f"{ended[0]!r} {started!r} {time.time()!r} {(time.process_time() - cpu) * 1000.0!r}"
            socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(note.encode(), path)
            return data

        wire.dump_report = timed_dump
        report = engine_run.run_program(source, **kwargs)
        ended.append(time.time())
        return report


class RunFaults:
    """run_program with the job's own minor page faults, CPU and wall time of the run noted (in
    Report.notes, "faults <run faults> <run cpu ms> <run wall ms>"): what a cold or half-copied spare
    costs the run itself, readable on a loaded machine (bench/sandbox_burst_ab.py)."""

    def __call__(self, source, **kwargs):  # noqa: ANN001, ANN003, ANN204
        import resource
        from dataclasses import replace

        from autogradlab.engine import run as engine_run

        engine_run.ONE_SHOT_PROCESS = True
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        cpu, wall = time.process_time(), time.perf_counter()
        report = engine_run.run_program(source, **kwargs)
        note = (f"faults {resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults} "
                f"{(time.process_time() - cpu) * 1000.0:.3f} {(time.perf_counter() - wall) * 1000.0:.3f}")
        return replace(report, notes=(*report.notes, note))


LOADED_AT = time.monotonic()   # when a job process imported this module (Marks: its start, less the import)


class Marks:
    """run_program with the job's own monotonic marks (bench/sandbox_breakdown.py): module loaded, call,
    run_program returned, dump start and end (dump_report wrapped), the frame written (the job's next
    os.close, its result pipe's), the job's minor page faults and CPU at each, the collector's
    collections during the run. Sent as one datagram to the app's socket at `path` after that close,
    when the app already has the frame (a job may write no file; a datagram is none)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, source, **kwargs):  # noqa: ANN001, ANN003, ANN204
        called = time.monotonic()
        import gc
        import os
        import resource
        import socket

        from autogradlab import sandbox_wire as wire
        from autogradlab.engine import run as engine_run

        def usage():  # noqa: ANN202
            return resource.getrusage(resource.RUSAGE_SELF).ru_minflt, time.process_time() * 1000.0

        engine_run.ONE_SHOT_PROCESS = True
        marks = {"loaded": LOADED_AT, "called": called}
        dump, close, path = wire.dump_report, os.close, self.path

        def closed(fd):  # noqa: ANN001, ANN202
            marks["written"] = time.monotonic()
            os.close = close
            close(fd)
            socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(repr(marks).encode(), path)

        def timed_dump(report):  # noqa: ANN001, ANN202
            marks["dump0"] = time.monotonic()
            marks["f_dump0"], marks["c_dump0"] = usage()
            data = dump(report)
            marks["dump1"] = time.monotonic()
            marks["f_dump1"], marks["c_dump1"] = usage()
            marks["bytes"] = len(data)
            os.close = closed
            return data

        wire.dump_report = timed_dump
        collections = sum(s["collections"] for s in gc.get_stats())
        marks["f_run0"], marks["c_run0"] = usage()
        marks["run0"] = time.monotonic()
        report = engine_run.run_program(source, **kwargs)
        marks["run1"] = time.monotonic()
        marks["f_run1"], marks["c_run1"] = usage()
        marks["gc"] = sum(s["collections"] for s in gc.get_stats()) - collections
        return report
