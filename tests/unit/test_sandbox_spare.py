"""When the zygote forks the next spare job process (sandbox_zygote._Zygote.spare_due): not while a
job it handed over runs alone (the fork took a core from it), once that job has ended, and at once
while jobs overlap; every job still runs in a fresh process of its own."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _report(source: str, printed: str) -> Report:
    return Report(source=source, ok=True, seed=0, output=None, candidates=(), variables={}, printed=printed)


# --- payloads (run inside the job process) --------------------------------------------------------


def siblings_while_alone(source, *, seed, output, limits):
    """The zygote's other children now and a while later, as this job runs."""
    zygote = os.getppid()
    first = children_of(zygote) - {os.getpid()}
    time.sleep(0.5)
    later = children_of(zygote) - {os.getpid()}
    return _report(source, json.dumps({"pid": os.getpid(), "first": sorted(first), "later": sorted(later)}))


def sleep_a_while(source, *, seed, output, limits):
    time.sleep(float(source))
    return _report(source, json.dumps({"pid": os.getpid()}))


def siblings_until_three(source, *, seed, output, limits):
    """Waits (up to a few seconds) until the zygote has three children: the sleeping job, this one
    and a spare; reports what it saw last."""
    zygote = os.getppid()
    seen: set[int] = set()
    for _ in range(100):
        seen = children_of(zygote)
        if len(seen) >= 3:
            break
        time.sleep(0.05)
    return _report(source, json.dumps({"pid": os.getpid(), "children": sorted(seen)}))


# --- tests ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool(size=2)
    pool.warm()
    assert pool._current_zygote().wait_ready(300)
    yield pool
    pool.close()


def _spare_of(pool: WorkerPool, exclude: set[int] = frozenset()) -> set[int]:
    """The zygote's children (the spare) once there is exactly one besides `exclude`, waiting for it."""
    zygote = pool._current_zygote().process.pid
    for _ in range(200):
        children = children_of(zygote) - exclude
        if len(children) == 1:
            return children
        time.sleep(0.05)
    return children_of(zygote) - exclude


def test_a_job_running_alone_has_no_spare_beside_it_and_one_comes_after(pool: WorkerPool) -> None:
    spare = _spare_of(pool)
    assert len(spare) == 1
    report = pool._run("", target=siblings_while_alone, timeout=30)
    seen = json.loads(report.printed)
    assert {seen["pid"]} == spare                 # the job ran in the spare that was waiting
    assert seen["first"] == seen["later"] == []   # and no next spare was forked while it ran
    after = _spare_of(pool, exclude={seen["pid"]})
    assert len(after) == 1 and seen["pid"] not in after   # a fresh one once it had ended


def test_overlapping_jobs_each_run_in_their_own_process_and_a_spare_comes_at_once(pool: WorkerPool) -> None:
    results: dict[str, Report] = {}
    first = threading.Thread(target=lambda: results.update(
        first=pool._run("4", target=sleep_a_while, timeout=30)))
    first.start()
    zygote = pool._current_zygote().process.pid
    for _ in range(200):   # the first job runs: the spare it took is gone, no new one yet
        if len(children_of(zygote)) == 1 and not results:
            break
        time.sleep(0.02)
    second = pool._run("", target=siblings_until_three, timeout=30)
    first.join()
    sleeper = json.loads(results["first"].printed)["pid"]
    seen = json.loads(second.printed)
    assert sleeper != seen["pid"]
    assert sleeper in seen["children"] and seen["pid"] in seen["children"]
    assert len(seen["children"]) == 3   # the next spare came while the two jobs overlapped


def test_back_to_back_jobs_never_share_a_process(pool: WorkerPool) -> None:
    pids = [json.loads(pool._run("0", target=sleep_a_while, timeout=30).printed)["pid"] for _ in range(4)]
    assert len(set(pids)) == 4
