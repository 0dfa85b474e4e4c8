"""A spare copies the pages a job would fault one by one (sandbox_prefault): which pages (those a
probe child wrote, from /proc/self/pagemap), bounded, that the copy makes them private without a
fault, that the parent never sees a child's writes, and that a waiting job stops the copying."""

from __future__ import annotations

import json
import mmap
import os
import struct
import time

import pytest

from autogradlab import sandbox_prefault as prefault

PAGE = prefault.PAGE
PRESENT, EXCLUSIVE = 1 << 63, 1 << 56


def _entries(*flags: int) -> bytes:
    return b"".join(struct.pack("=Q", f) for f in flags)


def _minflt() -> int:
    with open("/proc/self/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[7])


def _in_child(fn) -> object:  # noqa: ANN001 - runs fn in a forked child, returns its JSON answer
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.write(write_end, json.dumps(fn()).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 1 << 16):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


@pytest.fixture()
def buffer():
    """64 present pages, private to this process (written before any fork), each page's first byte
    its index."""
    area = mmap.mmap(-1, 64 * PAGE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    for i in range(64):
        area[i * PAGE] = i
    yield area
    area.close()


def _address(area: mmap.mmap) -> int:
    import ctypes

    return ctypes.addressof(ctypes.c_char.from_buffer(area))


# --- reading the lists ----------------------------------------------------------------------------

def test_only_private_writable_mappings_are_read() -> None:
    maps = ("00400000-00401000 r-xp 00000000 fe:00 1 /usr/bin/python3\n"
            "00600000-00603000 rw-p 00000000 00:00 0 [heap]\n"
            "7f0000000000-7f0000002000 rw-s 00000000 00:01 5 /dev/zero (deleted)\n"
            "7f0000010000-7f0000011000 r--p 00000000 fe:00 2 /lib/libc.so\n"
            "7f0000020000-7f0000024000 rw-p 00000000 00:00 0\n"
            "7ffd00000000-7ffd00002000 rw-p 00000000 00:00 0 [vvar]\n")
    assert prefault.private_writable_mappings(maps) == [(0x600000, 0x603000),
                                                        (0x7F0000020000, 0x7F0000024000)]


def test_runs_of_present_exclusive_pages_are_coalesced() -> None:
    entries = _entries(PRESENT | EXCLUSIVE, PRESENT | EXCLUSIVE, PRESENT, 0, EXCLUSIVE,
                       PRESENT | EXCLUSIVE, PRESENT | EXCLUSIVE, PRESENT | EXCLUSIVE)
    assert prefault.exclusive_ranges(0x10000, entries) == [(0x10000, 2 * PAGE),
                                                           (0x10000 + 5 * PAGE, 3 * PAGE)]


def test_the_list_is_bounded_and_page_aligned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefault, "MAX_PAGES", 5)
    ranges = [(PAGE, 2 * PAGE), (3 * PAGE + 1, PAGE), (8 * PAGE, PAGE + 7), (10 * PAGE, 9 * PAGE),
              (30 * PAGE, PAGE)]
    assert prefault.bounded(ranges) == [(PAGE, 2 * PAGE), (10 * PAGE, 3 * PAGE)]


@pytest.mark.parametrize("data", [b"", b"not json", b"{}", b"[[1]]", b'[["4096", 4096]]', b"[[4096, 1.5]]",
                                  b"[[4096, true]]"])
def test_a_malformed_probe_answer_copies_nothing(data: bytes) -> None:
    assert prefault.decode(data) == []


def test_a_probe_answer_round_trips() -> None:
    ranges = [(PAGE, 2 * PAGE), (16 * PAGE, PAGE)]
    assert prefault.decode(prefault.encode(ranges)) == ranges


# --- in forked children ---------------------------------------------------------------------------

def test_a_child_lists_the_pages_it_wrote_and_not_those_it_only_shares(buffer: mmap.mmap) -> None:
    start = _address(buffer)

    def child() -> list:
        for i in range(10, 13):
            buffer[i * PAGE] = 200
        return prefault.written_ranges()

    pages = {a // PAGE for a, size in _in_child(child) for a in range(a, a + size, PAGE)}
    mine = {start // PAGE + i for i in range(64)}
    assert pages & mine == {start // PAGE + i for i in (10, 11, 12)}


def test_prefault_copies_the_pages_so_writing_them_faults_no_more(buffer: mmap.mmap) -> None:
    start = _address(buffer)

    def child(copy: bool) -> list:
        if copy:
            prefault.prefault([(start, 64 * PAGE)])
        before = _minflt()
        for i in range(64):
            buffer[i * PAGE] = (buffer[i * PAGE] + 100) % 256
        return [_minflt() - before, [buffer[i * PAGE] for i in range(64)]]

    faults_cold, seen_cold = _in_child(lambda: child(False))
    faults_copied, seen_copied = _in_child(lambda: child(True))
    assert faults_cold - faults_copied >= 60   # each first write to a shared page was a fault
    assert seen_copied == seen_cold == [(i + 100) % 256 for i in range(64)]   # the data is kept
    assert [buffer[i * PAGE] for i in range(64)] == list(range(64))          # the parent's is its own


def test_a_waiting_job_stops_the_copying(buffer: mmap.mmap) -> None:
    start = _address(buffer)
    ranges = [(start + i * PAGE, PAGE) for i in range(64)]   # 64 runs: stop() is asked at 0 and 32
    asked = []

    def stop_second_time() -> bool:
        asked.append(1)
        return len(asked) == 2

    def child() -> int:
        return prefault.prefault(ranges, stop=stop_second_time)

    assert prefault.STOP_EVERY == 32 and _in_child(child) == 32
    assert _in_child(lambda: prefault.prefault(ranges, stop=lambda: True)) == 0


def test_the_probe_reports_what_its_child_wrote(buffer: mmap.mmap) -> None:
    start = _address(buffer)

    def warm() -> None:
        for i in (3, 4, 40):
            buffer[i * PAGE] = 99

    ranges = prefault.probe(warm)
    pages = {a // PAGE for a, size in ranges for a in range(a, a + size, PAGE)}
    assert {start // PAGE + i for i in range(64)} & pages == {start // PAGE + i for i in (3, 4, 40)}
    assert buffer[3 * PAGE] == 3   # the child's write stayed in the child


def test_a_failing_or_late_probe_copies_nothing() -> None:
    def fail() -> None:
        raise RuntimeError("no engine")

    assert prefault.probe(fail) == []
    started = time.monotonic()
    assert prefault.probe(lambda: time.sleep(30), timeout_s=0.3) == []
    assert time.monotonic() - started < 10     # the late child was killed, not waited for


def test_the_zygote_probe_of_the_idle_program_finds_the_pages_a_first_run_writes() -> None:
    from autogradlab.sandbox_warm import run_idle_program

    assert run_idle_program()   # this process is warm now, like the zygote after its warm-up
    ranges = prefault.probe(run_idle_program)
    pages = sum(size for _address, size in ranges) // PAGE
    assert 200 <= pages <= prefault.MAX_PAGES   # ~2,500 here: reference counts, free lists, new objects


def test_the_probe_program_runs_cleanly_through_the_engine() -> None:
    from autogradlab.engine.run import run_program
    from autogradlab.sandbox_warm import PROBE_PROGRAM

    report = run_program(PROBE_PROGRAM, seed=0)
    assert report.error is None
    assert report.printed.count("\n") > 3   # the first line, then the 30x30 matrix printed
    assert "M" in report.variables and "W" in report.variables


def test_the_zygote_probe_lists_the_idle_programs_pages_first_then_the_probe_programs_new_ones() -> None:
    import torch

    from autogradlab.sandbox_warm import run_idle_program, run_probe_program

    # One torch thread, as the zygote runs (sandbox_warm.warm_first): a child forked after torch's
    # intra-op pool has run hangs in its first parallel matmul, and the probe then says [] (late).
    # Whether this pytest process still had the default thread count depended on the files run
    # before this one in its worker.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        _zygote_probe_lists_idle_pages_first(run_idle_program, run_probe_program)
    finally:
        torch.set_num_threads(threads)


def _zygote_probe_lists_idle_pages_first(run_idle_program, run_probe_program) -> None:  # noqa: ANN001
    assert run_idle_program() and run_probe_program()   # this process is warm now, like the zygote
    idle = prefault.probe(run_idle_program)
    both = prefault.probe(run_idle_program, then=run_probe_program)
    idle_pages = sum(size for _address, size in idle) // PAGE
    both_pages = sum(size for _address, size in both) // PAGE
    assert idle_pages + 100 <= both_pages <= prefault.MAX_PAGES   # ~2,700 and ~3,500 here
    first = {a + i * PAGE for a, size in both[:len(idle)] for i in range(size // PAGE)}
    listed = [a + i * PAGE for a, size in both for i in range(size // PAGE)]
    assert len(listed) == len(set(listed))   # no page twice
    assert len(first & {a + i * PAGE for a, size in idle for i in range(size // PAGE)}) > idle_pages // 2


def test_after_puts_the_first_list_first_and_adds_only_new_pages_of_the_later_one() -> None:
    first = [(10 * PAGE, 2 * PAGE)]
    later = [(9 * PAGE, 4 * PAGE), (20 * PAGE, PAGE)]
    assert prefault.after(first, later) == [(10 * PAGE, 2 * PAGE), (9 * PAGE, PAGE), (12 * PAGE, PAGE),
                                             (20 * PAGE, PAGE)]
    assert prefault.after([], later) == later
    assert prefault.after(first, []) == first


def test_run_probe_program_says_false_when_the_probe_program_fails(monkeypatch) -> None:  # noqa: ANN001
    from autogradlab import sandbox_warm

    monkeypatch.setattr(sandbox_warm, "PROBE_PROGRAM", "import torch\nx = torch.ones(2) @ torch.ones(3)\n")
    assert sandbox_warm.run_probe_program() is False
