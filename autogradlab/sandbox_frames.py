"""A job's own bytes of its Report, kept for a caller that stores Reports in sandbox_wire's form.

The app's run cache (components/cached.py) holds a Report as dump_report's bytes. On a miss it used
to dump the Report the pool had just loaded from those very bytes: loop_scalar_chain's 3,502-node
Report cost ~6 ms of the app's CPU between Run and the drawn page (issue 9, session 44). Inside
`kept()`, the pool's run notes the frame a job wrote and the Report load_report made of it
(sandbox_outcome.to_report); `Kept.frame_of(report)` gives that frame back when `report` is that
Report (the pool's own copy with its timing_ms: every other field the same object), else None.

The bytes are a job's, as the app's dump was of a Report the app had loaded from them: the cache
reads them back with the same restricted load_report. Nothing is kept outside a `kept()` block
(a CLI or test run holds no second copy of its Report).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from autogradlab.report import Report

KEEP = True   # off: offer() keeps nothing, and the cache dumps the Report as before
_FIELDS = tuple(f.name for f in dataclasses.fields(Report) if f.name != "timing_ms")
_local = threading.local()


class Kept:
    """What one pool run in this thread offered: the Report loaded from a job's frame, and the frame."""

    def __init__(self) -> None:
        self.loaded: Report | None = None
        self.frame: bytes | None = None

    def frame_of(self, report: Any) -> bytes | None:
        """The job's frame of `report` (the loaded Report, or a copy of it differing only in
        timing_ms: every other field the very same object), else None."""
        loaded = self.loaded
        if loaded is None or type(report) is not Report:
            return None
        if report is not loaded and any(getattr(report, name) is not getattr(loaded, name)
                                        for name in _FIELDS):
            return None
        return self.frame


@contextmanager
def kept() -> Iterator[Kept]:
    """Within the block, this thread's pool runs offer their job's frame to the Kept it yields."""
    holder = Kept()
    outer = getattr(_local, "holder", None)
    _local.holder = holder
    try:
        yield holder
    finally:
        _local.holder = outer


def offer(report: Report, frame: bytes) -> None:
    """`report` was loaded from `frame` (sandbox_outcome.to_report): keep both if a kept() block
    of this thread asks."""
    holder = getattr(_local, "holder", None)
    if holder is not None and KEEP:
        holder.loaded, holder.frame = report, frame
