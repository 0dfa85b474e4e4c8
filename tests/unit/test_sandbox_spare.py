"""When the zygote forks the next spare job process (sandbox_zygote._Zygote.spare_due): it keeps
SPARES of them ready; not while a job it handed over runs alone (the fork took a core from it), once
that job has ended, and at once while jobs overlap; a job takes the oldest spare; every job still
runs in a fresh process of its own, holding no other spare's link."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_spares import SPARES


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


def open_sockets(source, *, seed, output, limits):
    """The sockets this job process holds open (from /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:"):
            found.append(target)
    return _report(source, json.dumps({"pid": os.getpid(), "sockets": found}))


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


def _state(pid: int) -> str | None:
    """A process's state letter (R, S, T: stopped, Z), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def sibling_states(source, *, seed, output, limits):
    """The states of the zygote's other children (the spares) a while into this job."""
    time.sleep(0.3)
    zygote = os.getppid()
    states = {pid: _state(pid) for pid in children_of(zygote) - {os.getpid()}}
    return _report(source, json.dumps({"pid": os.getpid(), "states": states}))


# --- tests ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool(size=2)
    pool.warm()
    assert pool._current_zygote().wait_ready(300)
    yield pool
    pool.close()


def _spares_of(pool: WorkerPool, exclude: set[int] = frozenset()) -> set[int]:
    """The zygote's children (the spares) once there are SPARES besides `exclude`, waiting for them."""
    zygote = pool._current_zygote().process.pid
    for _ in range(200):
        children = children_of(zygote) - exclude
        if len(children) == SPARES:
            return children
        time.sleep(0.05)
    return children_of(zygote) - exclude


def _started(pid: int) -> int:
    """A process's start time (clock ticks since boot)."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])


def test_an_idle_zygote_keeps_two_spares(pool: WorkerPool) -> None:
    assert SPARES == 2
    assert len(_spares_of(pool)) == SPARES


def test_a_job_running_alone_takes_the_oldest_spare_and_no_spare_is_forked_while_it_runs(
        pool: WorkerPool) -> None:
    ran_in: set[int] = set()
    for _attempt in range(5):   # the zygote's own warm-up (seconds after start) replaces its spares
        spares = _spares_of(pool, exclude=ran_in)   # (the last job's process may not have exited yet)
        assert len(spares) == SPARES
        oldest = min(spares, key=lambda pid: (_started(pid), pid))
        time.sleep(2.0)   # the oldest has warmed up by now (a job coming while it warms takes the other)
        report = pool._run("", target=siblings_while_alone, timeout=30)
        seen = json.loads(report.printed)
        if seen["pid"] in spares:
            break
        ran_in = {seen["pid"]}
    assert seen["pid"] == oldest                   # the job ran in the spare waiting longest
    others = sorted(spares - {oldest})
    assert seen["first"] == seen["later"] == others   # no next spare was forked while it ran
    after = _spares_of(pool, exclude={seen["pid"]})
    assert len(after) == SPARES and seen["pid"] not in after and set(others) <= after   # one more after it


def test_overlapping_jobs_each_run_in_their_own_process_and_a_spare_comes_at_once(pool: WorkerPool) -> None:
    results: dict[str, Report] = {}
    first = threading.Thread(target=lambda: results.update(
        first=pool._run("4", target=sleep_a_while, timeout=30)))
    first.start()
    time.sleep(1.0)   # the first job runs (for 4 s): it took one spare, the other waits
    assert not results
    second = pool._run("", target=siblings_until_three, timeout=30)
    first.join()
    sleeper = json.loads(results["first"].printed)["pid"]
    seen = json.loads(second.printed)
    assert sleeper != seen["pid"]
    assert sleeper in seen["children"] and seen["pid"] in seen["children"]
    assert len(seen["children"]) >= 3   # a next spare came while the two jobs overlapped


def test_back_to_back_jobs_never_share_a_process(pool: WorkerPool) -> None:
    pids = [json.loads(pool._run("0", target=sleep_a_while, timeout=30).printed)["pid"] for _ in range(4)]
    assert len(set(pids)) == 4


def test_no_job_holds_another_spares_link(pool: WorkerPool) -> None:
    """Jobs of spares forked while another spare waited (every job but the first few) hold no socket:
    not their own link (closed before the job), not another spare's, not the zygote's."""
    seen = [json.loads(pool._run("", target=open_sockets, timeout=30).printed) for _ in range(2 * SPARES + 1)]
    assert len({run["pid"] for run in seen}) == len(seen)
    assert [run["sockets"] for run in seen] == [[]] * len(seen)


def test_the_spares_are_stopped_while_a_job_runs_alone_and_go_on_after(pool: WorkerPool) -> None:
    """A spare still copying its pages or warming up took a core from the job (issue 9): the zygote
    stops them (SIGSTOP) once it has handed a job over, and lets them go on (SIGCONT) when no job
    runs; the next job, in one of them, runs as before."""
    for _attempt in range(5):   # the zygote's own warm-up (seconds after start) replaces its spares
        assert len(_spares_of(pool)) == SPARES
        time.sleep(1.0)
        seen = json.loads(pool._run("", target=sibling_states, timeout=30).printed)
        spares = {int(pid): state for pid, state in seen["states"].items() if state not in (None, "Z")}
        if spares:
            break
    assert spares and set(spares.values()) == {"T"}
    time.sleep(0.3)
    assert {_state(pid) for pid in spares} <= {"R", "S", "D"}   # going on (or waiting for a job)
    after = json.loads(pool._run("0", target=sleep_a_while, timeout=30).printed)["pid"]
    assert after != seen["pid"]
