"""The warm zygote's anonymous memory in 2 MB pages, so forking it and ending a job cost less.

Every job is a fresh fork of the zygote (~240 MB of anonymous memory once warm: torch's and the
engine's heap). fork() copies a page-table entry per 4 kB page (~60,000) and a job's exit drops them
again: ~5 ms of the zygote's CPU per spare forked and ~7 ms of the job's at its exit here, for every
run (issue 9, session 35: back-to-back runs found the refill of the previous run still on the 2 cores).
Mapped by 2 MB pages, the same memory takes ~120 entries: fork 6.6 -> 1.7 ms of CPU, a short job's
whole CPU 19.8 -> 13.6 ms, its run's page faults and CPU unchanged (a job's first write to a 2 MB page
splits that mapping in the job alone, then copies 4 kB as before, so a job's memory stays as it was).

`collapse` asks the kernel (MADV_COLLAPSE, Linux 6.1+; independent of the transparent-huge-page
setting) to move each 2 MB-aligned stretch of the zygote's private anonymous mappings into one huge
page, once after its warm-up, a stretch at a time while no job waits. Nothing is marked MADV_HUGEPAGE:
what the zygote and its jobs allocate later stays in 4 kB pages as before, and khugepaged leaves these
mappings alone. Where the kernel cannot (older kernels, no free 2 MB block), a stretch stays as it was:
slower forks, nothing else. Isolation is unchanged: each job is still its own fork, copy-on-write.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

MADV_COLLAPSE = 25
HUGE = 2 << 20
STEP = 8 * HUGE   # one madvise call's stretch (~10-30 ms here): a job waits at most this long for it

_libc = ctypes.CDLL(None, use_errno=True)
_madvise = _libc.madvise
_madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
_madvise.restype = ctypes.c_int


def anonymous_stretches(maps_text: str) -> list[tuple[int, int]]:
    """(address, bytes) of the 2 MB-aligned stretches of the private writable anonymous mappings
    (the heap, anonymous mmaps; not the stack, not a file's pages) in a /proc/PID/maps text, cut
    into pieces of at most STEP bytes."""
    stretches = []
    for line in maps_text.splitlines():
        fields = line.split()
        if len(fields) not in (5, 6) or fields[1][:2] != "rw" or fields[1][3:4] != "p":
            continue
        if len(fields) == 6 and fields[5] != "[heap]":
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        low, high = -(-start // HUGE) * HUGE, end // HUGE * HUGE
        stretches.extend((a, min(STEP, high - a)) for a in range(low, high, STEP))
    return stretches


def own_stretches() -> list[tuple[int, int]]:
    """This process's anonymous_stretches; [] where /proc/self/maps cannot be read."""
    try:
        with open("/proc/self/maps") as f:
            return anonymous_stretches(f.read())
    except OSError:
        return []


def collapse(stretches: list[tuple[int, int]], stop: Callable[[], bool] = lambda: False
             ) -> list[tuple[int, int]]:
    """Collapse these stretches into 2 MB pages, one madvise each, until `stop()` says a job is
    waiting (asked before each); returns the stretches not yet tried. A stretch the kernel refuses
    is left as it is."""
    for i, (address, size) in enumerate(stretches):
        if stop():
            return stretches[i:]
        _madvise(address, size, MADV_COLLAPSE)
    return []
