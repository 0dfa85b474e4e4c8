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
