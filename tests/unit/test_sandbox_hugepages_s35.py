"""The warm zygote's heap in 2 MB pages (sandbox_hugepages): which memory, stopping for a job, and a
fork still copying 4 kB at a time, so a job's memory and isolation are as before."""

from __future__ import annotations

import mmap
import os
import time

import pytest

from autogradlab import sandbox_hugepages as hugepages
from autogradlab.sandbox import WorkerPool

MAPS = """\
00400000-00600000 rw-p 00000000 00:00 0
01000000-01500000 rw-p 00000000 00:00 0                                  [heap]
7f0000100000-7f0001a00000 rw-p 00000000 00:00 0
7f0002000000-7f0002400000 r--p 00000000 00:00 0
7f0002400000-7f0002800000 rw-s 00000000 00:01 77                         /dev/zero (deleted)
7f0002800000-7f0002c00000 rw-p 00000000 08:01 123                        /usr/lib/libx.so
7f0003000000-7f0003100000 rw-p 00000000 00:00 0
7fff00000000-7fff00400000 rw-p 00000000 00:00 0                          [stack]
"""


def test_the_stretches_are_the_aligned_private_anonymous_memory_in_pieces() -> None:
    huge, step = hugepages.HUGE, hugepages.STEP
    first = 0x7f0000200000   # the third mapping, rounded up to 2 MB; it ends on a 2 MB boundary
    expected = [(0x400000, huge), (0x1000000, 2 * huge),
                (first, step), (first + step, 0x7f0001a00000 - first - step)]
    assert hugepages.anonymous_stretches(MAPS) == expected   # no file, shared, read-only, stack; < 2 MB


def test_collapse_stops_before_the_next_stretch_when_a_job_waits() -> None:
    asked = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) > 1

    stretches = [(0, hugepages.HUGE), (hugepages.HUGE, hugepages.HUGE), (4 << 20, hugepages.HUGE)]
    assert hugepages.collapse(stretches, stop=stop) == stretches[1:]   # (address 0: refused, harmless)
    assert hugepages.collapse([], stop=lambda: True) == []


def _kb(field: str, pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _collapsed_area() -> tuple[mmap.mmap, int]:
    """An anonymous 8 MB area filled with ones, with one 2 MB-aligned stretch collapsed."""
    area = mmap.mmap(-1, 8 << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    area.write(b"\x01" * len(area))
    stretches = [s for s in hugepages.own_stretches() if s[1] >= hugepages.HUGE]
    before = _kb("AnonHugePages")
    hugepages.collapse(stretches)
    if _kb("AnonHugePages") < before + 2048:
        area.close()
        pytest.skip("this kernel does not collapse into 2 MB pages (MADV_COLLAPSE, Linux 6.1+)")
    return area, before


def test_a_fork_of_collapsed_memory_copies_4_kB_per_write_and_keeps_its_writes() -> None:
    area, _ = _collapsed_area()
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:   # the job: one byte written into every 2 MB of the area
            code = 1
            try:
                dirty = _kb("Private_Dirty")
                for offset in range(0, len(area), hugepages.HUGE):
                    area[offset] = 2
                grew = _kb("Private_Dirty") - dirty
                os.write(write_end, f"{grew} {area[0]} {area[1]}".encode())
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        grew, first, second = map(int, os.read(read_end, 100).split())
        os.close(read_end)
        assert os.waitpid(pid, 0)[1] == 0
        assert (first, second) == (2, 1)
        assert grew <= 4 * 4 + 500         # four 4 kB pages (and the stack's, the pipe's: 92 kB seen
            #                                    under load), never a 2 MB copy (2,048 kB each)
        assert area[0] == 1                # the parent never sees the child's write
    finally:
        area.close()


def test_a_warm_zygote_holds_its_heap_in_huge_pages_and_its_jobs_still_run_apart() -> None:
    _collapsed_area()[0].close()   # (skips where the kernel cannot)
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        zygote = pool._current_zygote()
        assert zygote.wait_ready(120)
        deadline = time.monotonic() + 120   # its rest of the warm-up comes first (seconds, under load)
        while _kb("AnonHugePages", zygote.process.pid) < 32 << 10 and time.monotonic() < deadline:
            time.sleep(0.5)
        huge = _kb("AnonHugePages", zygote.process.pid)
        first = pool.run("import torch\nx = torch.ones(3)\nx += 1\nprint(x.sum().item())\n")
        second = pool.run("import torch\nprint(torch.ones(3).sum().item())\n")
    finally:
        pool.close()
    assert huge >= 32 << 10   # tens of MB of its ~240 MB of anonymous memory
    assert (first.printed, second.printed) == ("6.0\n", "3.0\n")
