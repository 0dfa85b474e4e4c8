"""Copy-on-write pages a fresh job process would fault one by one, copied ahead in one go.

A job process is a fork of the zygote. Its first run writes to ~2,000 of the zygote's pages
(reference counts of the interpreter's, the engine's and torch's objects, the allocator's free
lists), and each first write is a copy-on-write page fault: ~3 us apiece here, 6 ms of a short
loop's run (issue 9) when the job comes before its spare could warm up (sandbox_warm.warm_idle
waits until the zygote is idle, and a run sent right after the last one's Report finds it cold).

Which pages: a probe forked once from the warmed zygote runs sandbox_warm's fixed IDLE_PROGRAM and
then PROBE_PROGRAM (probe's `then`) and lists the pages of its private writable mappings it then
holds alone (`written_ranges`, from /proc/self/pagemap's "exclusively mapped" flag). Every spare
forked after that copies those pages right after the fork (`prefault`: madvise
MADV_POPULATE_WRITE, one call per range, no faults), so the job finds them private already. Only
the zygote's own fixed programs decide the list, never a user's; an address the spare no longer
maps is skipped (the call fails for that range, harmlessly).
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import struct
import time
from collections.abc import Callable

MADV_POPULATE_WRITE = 23   # Linux 5.14+; older kernels answer EINVAL and nothing is copied
PAGE = os.sysconf("SC_PAGE_SIZE")
MAX_PAGES = 16_384         # at most 64 MB copied per spare, whatever the probe reports
_PRESENT = 1 << 63
_EXCLUSIVE = 1 << 56       # the page is mapped by this process only (copied, or new since the fork)
_ENTRY = struct.Struct("=Q")

_libc = ctypes.CDLL(None, use_errno=True)
_madvise = _libc.madvise
_madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
_madvise.restype = ctypes.c_int


def private_writable_mappings(maps_text: str) -> list[tuple[int, int]]:
    """(start, end) of the private writable mappings in a /proc/PID/maps text."""
    found = []
    for line in maps_text.splitlines():
        fields = line.split()
        if len(fields) < 2 or fields[1][:2] != "rw" or fields[1][3:4] != "p":
            continue
        if len(fields) >= 6 and fields[5] in ("[vvar]", "[vsyscall]", "[vdso]"):
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        found.append((start, end))
    return found


def exclusive_ranges(start: int, entries: bytes) -> list[tuple[int, int]]:
    """(address, bytes) runs of present, exclusively mapped pages, from the pagemap entries of the
    pages from `start` on."""
    ranges: list[tuple[int, int]] = []
    run_start = None
    count = len(entries) // _ENTRY.size
    for i, (entry,) in enumerate(_ENTRY.iter_unpack(entries[:count * _ENTRY.size])):
        if entry & _PRESENT and entry & _EXCLUSIVE:
            if run_start is None:
                run_start = i
        elif run_start is not None:
            ranges.append((start + run_start * PAGE, (i - run_start) * PAGE))
            run_start = None
    if run_start is not None:
        ranges.append((start + run_start * PAGE, (count - run_start) * PAGE))
    return ranges


def written_ranges() -> list[tuple[int, int]]:
    """The pages this process holds alone in its private writable mappings, as (address, bytes)
    runs, at most MAX_PAGES pages; [] where /proc/self/pagemap cannot be read."""
    try:
        with open("/proc/self/maps") as f:
            mappings = private_writable_mappings(f.read())
        ranges: list[tuple[int, int]] = []
        with open("/proc/self/pagemap", "rb", buffering=0) as pagemap:
            for start, end in mappings:
                pagemap.seek(start // PAGE * _ENTRY.size)
                ranges.extend(exclusive_ranges(start, pagemap.read((end - start) // PAGE * _ENTRY.size)))
    except OSError:
        return []
    return bounded(ranges)


def bounded(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first runs of `ranges`, page-aligned, up to MAX_PAGES pages in all."""
    kept, pages = [], 0
    for address, size in ranges:
        if address % PAGE or size <= 0 or size % PAGE:
            continue
        size = min(size, (MAX_PAGES - pages) * PAGE)
        if size <= 0:
            break
        kept.append((address, size))
        pages += size // PAGE
    return kept


STOP_EVERY = 32   # runs between two looks at `stop` (~0.2 ms of copying here)


def prefault(ranges: list[tuple[int, int]], stop: Callable[[], bool] = lambda: False) -> int:
    """Make these pages private and present now (one madvise per run), until `stop()` says a job is
    waiting (asked every STOP_EVERY runs: the job then faults the rest itself, as without this);
    returns the runs done."""
    done = 0
    for i, (address, size) in enumerate(bounded(ranges)):
        if i % STOP_EVERY == 0 and stop():
            break
        if _madvise(address, size, MADV_POPULATE_WRITE) == 0:
            done += 1
    return done


def encode(ranges: list[tuple[int, int]]) -> bytes:
    return json.dumps(ranges).encode()


def decode(data: bytes) -> list[tuple[int, int]]:
    """The probe's list, or [] if it is not a list of (int, int) pairs."""
    try:
        value = json.loads(data)
    except ValueError:
        return []
    if not isinstance(value, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(type(x) is int for x in pair)
            for pair in value):
        return []
    return bounded([(a, b) for a, b in value])


PROBE_TIMEOUT_S = 10.0


def after(first: list[tuple[int, int]], later: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`first`, then the pages of `later` that `first` does not hold, as (address, bytes) runs."""
    held = {address + i * PAGE for address, size in first for i in range(size // PAGE)}
    extra: list[tuple[int, int]] = []
    for address, size in later:
        for page in range(address, address + size, PAGE):
            if page in held:
                continue
            if extra and extra[-1][0] + extra[-1][1] == page:
                extra[-1] = (extra[-1][0], extra[-1][1] + PAGE)
            else:
                extra.append((page, PAGE))
    return bounded(first + extra)


def probe(warm: Callable[[], object], close: Callable[[], None] = lambda: None,
          timeout_s: float = PROBE_TIMEOUT_S, then: Callable[[], object] | None = None
          ) -> list[tuple[int, int]]:
    """Fork a child that calls `close` (the parent's sockets are none of its business), runs `warm`
    (fixed programs, never a user's) and reports its written_ranges; [] if it fails or is late.
    With `then`, the child runs it after that and the pages it wrote besides come after warm's in
    the list: a spare that a job interrupts (prefault's `stop`) has copied warm's pages first."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            close()
            warm()
            ranges = written_ranges()
            if then is not None:
                then()
                ranges = after(ranges, written_ranges())
            data = memoryview(encode(ranges))
            while data:
                data = data[os.write(write_end, data):]
        finally:
            os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout_s
    try:
        while (left := deadline - time.monotonic()) > 0 and select.select([read_end], [], [], left)[0]:
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        else:
            chunks = []   # late: whatever it wrote is incomplete
    finally:
        os.close(read_end)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return decode(b"".join(chunks))
