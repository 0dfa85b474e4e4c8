"""Reports loaded from the run cache's bytes, shared by reruns and sessions (issue 9, session 44).

st.cache_data hands back a copy of what it holds on every call: the run cache holds a Report as
sandbox_wire's bytes (components/cached.py), so every rerun of a page (any widget click) loaded them
again: loop_scalar_chain's 3,502-node Report ~7.5 ms of CPU and a young collection over its ~16,000
new objects, each time. Here the Report loaded from the same bytes (and timing_ms) is kept and
handed back; the key is a SHA-256 digest of the bytes (~0.4 ms for its 275 KB). Reports are frozen
dataclasses of plain data that no page changes (a lazy snapshot turns eager under its own guard,
report.py): sharing one object between reruns and sessions is safe, as the Steps page's resource
cache already does. Bounded in entries and in the bytes the Reports were loaded from.
"""

from __future__ import annotations

import hashlib
import struct
import threading
from collections import OrderedDict
from dataclasses import replace

from autogradlab.report import Report
from autogradlab.sandbox_wire import load_report

MEMO = True                 # off: every call loads the bytes, as before
MAX_ENTRIES = 16
# The bytes the kept Reports were loaded from, together; one Report at most a quarter of it. A loaded
# Report takes ~14x its bytes in memory once a page has read its snapshots (red team s45: measured
# 13.7-15.2x on loop_scalar_chain and a 20,000-op chain, not the ~3x assumed at 32 MB, which let the memo
# hold ~450 MB of the app process, shared by every session, in a 4 GiB pod whose workers take 3 GiB):
# 8 MB keeps it near 120 MB (loop_scalar_chain's 275 KB: 16 entries; a Report of over 2 MB is not kept).
MAX_BYTES = 8 << 20
_memo: OrderedDict[bytes, tuple[int, Report]] = OrderedDict()
_lock = threading.Lock()


def _key(held: bytes, timing_ms: float) -> bytes:
    return hashlib.sha256(held).digest() + struct.pack("!d", timing_ms)


def _loaded(held: bytes, timing_ms: float) -> Report:
    report = load_report(held)
    return report if report.timing_ms == timing_ms else replace(report, timing_ms=timing_ms)


def loaded(held: bytes, timing_ms: float, fresh: Report | None = None) -> Report:
    """The Report of `held` with `timing_ms`: `fresh` when given (the pool's own Report of these
    bytes, on a cache miss), else the one kept for the same bytes, else load_report's."""
    if not MEMO or len(held) > MAX_BYTES // 4:
        return fresh if fresh is not None else _loaded(held, timing_ms)
    key = _key(held, timing_ms)
    with _lock:
        kept = _memo.get(key)
        if kept is not None:
            _memo.move_to_end(key)
            return fresh if fresh is not None else kept[1]
    report = fresh if fresh is not None else _loaded(held, timing_ms)
    with _lock:
        _memo[key] = (len(held), report)
        _memo.move_to_end(key)
        while len(_memo) > MAX_ENTRIES or sum(size for size, _ in _memo.values()) > MAX_BYTES:
            _memo.popitem(last=False)
    return report


def clear() -> None:
    with _lock:
        _memo.clear()
