"""`pytest --cpu-durations=N`: the N tests that took most CPU time, next to pytest's --durations
(wall time, which on a shared, loaded machine says more about the load than about the test).

A test's CPU time is that of the test process and of every process below it (Linux /proc): the
sandbox pool's zygote and the jobs it forked and reaped, the served app and its workers, Playwright's
Chromium, kaleido's Chromium, CLI subprocesses. So the sandbox run an AppTest page asks for, or the
page render a browser test waits for, counts for that test. Work such a helper does on its own after
a test ended (a warm-up, a spare job) counts for the test that is running then, and a shared
fixture's start (a served app, Chromium, the pool) for the first test that asks for it. Each test process
(xdist worker) writes its whole list to test-artifacts/cpu-durations-<worker>.txt; the process that
prints the summary shows its own top N.
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_times: dict[str, float] = {}


_TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu_s() -> float:
    """CPU seconds of the processes below this one, alive now, with the children they reaped."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:   # gone meanwhile
            continue
        # after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from state = 0
        stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / _TICK)
    below, frontier = 0.0, [os.getpid()]
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), ()):
            below += stats[child][1]
            frontier.append(child)
    return below


def _cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime + _tree_cpu_s()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=None, metavar="N",
                     help="list the N tests that took most CPU time (test-artifacts/cpu-durations-*.txt)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    if item.config.getoption("--cpu-durations") is None:
        return (yield)
    start = _cpu_s()
    try:
        return (yield)
    finally:
        # below 0 when a helper ended outside the tree (reaped by init): its time is lost, not negative
        _times[item.nodeid] = max(0.0, _cpu_s() - start)


def _lines(count: int) -> list[str]:
    ranked = sorted(_times.items(), key=lambda kv: kv[1], reverse=True)[:count or None]
    return [f"{seconds:8.2f}s cpu  {nodeid}" for nodeid, seconds in ranked]


def pytest_sessionfinish(session: pytest.Session) -> None:
    count = session.config.getoption("--cpu-durations")
    if count is None or not _times:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    total = sum(_times.values())
    (ROOT / "test-artifacts" / f"cpu-durations-{worker}.txt").write_text(
        f"{len(_times)} tests, {total:.1f} s of CPU in the tests themselves\n" + "\n".join(_lines(0)) + "\n")


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    count = config.getoption("--cpu-durations")
    if count is None or not _times:
        return
    terminalreporter.write_sep("=", f"slowest {count} tests by CPU time (this process)")
    for line in _lines(count):
        terminalreporter.write_line(line)
