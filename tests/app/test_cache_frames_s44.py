"""components/cached.py with sandbox_frames (session 44): on a miss the run cache holds the bytes the
job sent (the pool offered them) with the pool's timing_ms, not a dump made in the app; a hit loads
them with the same restricted load_report and gives the Report the pool returned, timing_ms too.
components/report_memo.py: a hit gives the Report loaded before from the same bytes and timing_ms,
within its bounds; what load_report refuses is refused every time, never kept."""

from __future__ import annotations

import dataclasses
import pickle

import fake_core
import pytest

from autogradlab import sandbox_frames, sandbox_wire
from autogradlab.sandbox_wire import WireError, dump_report, load_report
from components import cached, report_memo


def _offering(pool, job_timing_ms: float = 3.0):
    """The fake pool answers as the real one does inside kept(): the Report loaded from the job's
    frame (whose own timing_ms is the job's), returned as a copy with the pool's timing_ms."""
    frames = []

    def run(source, *, seed=0, output=None, timeout=None, session=None, **_kinds):
        pool.calls.append((source, seed, output))
        made = dataclasses.replace(fake_core.lesson_report(source, seed, output), timing_ms=job_timing_ms)
        frames.append(dump_report(made))
        loaded = sandbox_wire.load_report(frames[-1])
        sandbox_frames.offer(loaded, frames[-1])
        return dataclasses.replace(loaded, timing_ms=41.5)

    pool.run = run
    return frames


def test_a_miss_holds_the_jobs_bytes_and_a_hit_gives_the_pools_report(fake_core_installed, monkeypatch):
    frames = _offering(fake_core_installed)
    dumps = []
    monkeypatch.setattr(cached, "dump_report", lambda report: dumps.append(report) or dump_report(report))
    first = cached.run_program("h = 2\n", 0, None, "s")
    again = cached.run_program("h = 2\n", 0, None, "s2")
    held, timing_ms = cached._run_cached(cached.cache_key("run", "h = 2\n", 0, None), "h = 2\n", 0, None, "s")
    assert held == frames[0]
    assert timing_ms == 41.5 and first.timing_ms == 41.5 and again.timing_ms == 41.5
    assert dumps == [] and len(fake_core_installed.calls) == 1
    assert again is first   # report_memo: the pool's Report, kept for the same bytes
    assert _round_trip(again) == _round_trip(first)


@pytest.mark.parametrize("keep", [True, False])
def test_without_a_kept_frame_the_report_is_dumped_as_before(fake_core_installed, monkeypatch, keep):
    monkeypatch.setattr(sandbox_frames, "KEEP", keep)
    if keep:   # a pool that offers nothing (a refused or failed run, or the fake's plain answer)
        fake_core_installed.run = lambda source, **kwargs: dataclasses.replace(
            fake_core.lesson_report(source), timing_ms=7.25)
    else:
        _offering(fake_core_installed)
    dumps = []
    monkeypatch.setattr(cached, "dump_report", lambda report: dumps.append(report) or dump_report(report))
    first = cached.run_program("h = 3\n", 0, None, "s")
    again = cached.run_program("h = 3\n", 0, None, "s2")
    assert dumps == [first]
    assert _round_trip(again) == _round_trip(first)
    assert getattr(sandbox_frames._local, "holder", None) is None


def _round_trip(report) -> bytes:
    """A Report's plain pickle after one round trip (the same bytes for equal Reports, whether one
    came from a pickle or not)."""
    return pickle.dumps(pickle.loads(pickle.dumps(report)))


@pytest.fixture
def memo(monkeypatch):
    report_memo.clear()
    monkeypatch.setattr(report_memo, "MEMO", True)
    yield report_memo
    report_memo.clear()


def _bytes(source: str = "z = 1\n") -> bytes:
    return dump_report(fake_core.lesson_report(source))


def test_the_memo_gives_the_report_loaded_before_from_the_same_bytes(memo):
    held = _bytes()
    first = memo.loaded(held, 12.0)
    assert memo.loaded(bytes(bytearray(held)), 12.0) is first   # equal bytes, another object
    assert _round_trip(first) == _round_trip(load_report(held))
    other = memo.loaded(held, 13.5)   # another timing: another Report
    assert other is not first and other.timing_ms == 13.5 and first.timing_ms == 12.0
    assert memo.loaded(_bytes("z = 2\n"), 12.0).source == "z = 2\n"
    fresh = dataclasses.replace(load_report(held), timing_ms=99.0)
    assert memo.loaded(held, 99.0, fresh) is fresh and memo.loaded(held, 99.0) is fresh


def test_the_memo_is_bounded(memo, monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 2)
    held = [_bytes(f"z = {i}\n") for i in range(3)]
    first = [memo.loaded(h, 1.0) for h in held]
    assert memo.loaded(held[2], 1.0) is first[2] and memo.loaded(held[1], 1.0) is first[1]
    assert memo.loaded(held[0], 1.0) is not first[0]   # the oldest went
    monkeypatch.setattr(memo, "MAX_BYTES", 4 * len(held[0]) - 1)   # one Report's bytes over a quarter
    big = memo.loaded(held[0], 2.0)
    assert memo.loaded(held[0], 2.0) is not big
    memo.clear()
    monkeypatch.setattr(memo, "MAX_ENTRIES", 16)
    monkeypatch.setattr(memo, "MAX_BYTES", 4 * len(held[0]))   # four Reports' bytes in all
    five = [_bytes(f"z = {i}\n") for i in range(5)]
    assert len({len(h) for h in five}) == 1
    kept = [memo.loaded(h, 3.0) for h in five]
    assert len(memo._memo) == 4 and memo.loaded(five[4], 3.0) is kept[4]
    assert memo.loaded(five[0], 3.0) is not kept[0]


def test_the_memo_switched_off_loads_every_time(memo, monkeypatch):
    monkeypatch.setattr(memo, "MEMO", False)
    held = _bytes()
    assert memo.loaded(held, 1.0) is not memo.loaded(held, 1.0)
    assert not memo._memo


class _Evil:
    def __reduce__(self):
        return (print, ("owned",))


@pytest.mark.parametrize("held", [pickle.dumps(_Evil()), b"\x80\x05garbage", pickle.dumps("text")])
def test_what_load_report_refuses_the_memo_refuses_every_time(memo, held):
    for _ in range(2):
        with pytest.raises(WireError):
            memo.loaded(held, 1.0)
    assert not memo._memo
