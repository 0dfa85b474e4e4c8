"""components/cached.py with sandbox_frames (session 44): on a miss the run cache holds the bytes the
job sent (the pool offered them) with the pool's timing_ms, not a dump made in the app; a hit loads
them with the same restricted load_report and gives the Report the pool returned, timing_ms too."""

from __future__ import annotations

import dataclasses
import pickle

import fake_core
import pytest

from autogradlab import sandbox_frames, sandbox_wire
from autogradlab.sandbox_wire import dump_report
from components import cached


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
    assert again is not first
    assert pickle.dumps(again) == pickle.dumps(pickle.loads(pickle.dumps(first)))


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
    assert pickle.dumps(again) == pickle.dumps(pickle.loads(pickle.dumps(first)))
    assert getattr(sandbox_frames._local, "holder", None) is None
