"""engine/held_collection.py: the young collection due after the report's graph is held until the run
let go of its recorder, so it scans the report and not the recorder's tensors (issue 9: a 500-step
scalar loop in one process, the whole run's CPU 1-4 ms less a run, see held_collection.py). Reports
are the same byte for byte with the switch on and off; the collector still runs in the held window
after as many new objects as a run allows; a one-shot process holds nothing. Cases that watch the
collector run in a fresh interpreter."""

from __future__ import annotations

import gc
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autogradlab.engine import held_collection
from autogradlab.engine import run as run_module
from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions
from bench.report_identity import _zero_timings

REPO = Path(__file__).resolve().parents[2]

CHAIN = ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range({n}):\n"
         "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\nprint(y.item())\nprint(x.grad)\n")

PROGRAMS = {
    "chain_500": CHAIN.format(n=500),
    "chain_3": CHAIN.format(n=3),
    "branches": ("import torch\na = torch.tensor([1.0, 2.0], requires_grad=True)\nb = a * 2\n"
                 "c = b.sin() + b.cos()\nd = (c * a).sum()\nd.backward(retain_graph=True)\n"
                 "d.backward()\nprint(a.grad)\n"),
    "outputs": ("import torch\nx = torch.randn(3, requires_grad=True)\nu, v = x.unbind(0)[:2]\n"
                "w = u * v + x.max()\nw.backward()\nprint(x.grad)\n"),
    "create_graph": ("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x ** 3\n"
                     "g, = torch.autograd.grad(y, x, create_graph=True)\ng.backward()\nprint(x.grad)\n"),
    "hooks": ("import torch\nx = torch.tensor(1.5, requires_grad=True)\ny = x * x\n"
              "y.register_hook(lambda g: g * 2)\nz = y.exp()\nz.backward()\nprint(x.grad)\n"),
    "objects": ("import torch\nclass Box:\n    def __init__(self, v):\n        self.v = v\n"
                "    def __repr__(self):\n        parts = [[i] for i in range(3000)]\n"
                "        return f'Box({len(parts)})'\nb = Box(torch.tensor(1.0, requires_grad=True))\n"
                "y = b.v * 3\ny.backward()\n"),
    "training": ("import torch\nw = torch.zeros(3, requires_grad=True)\nX = torch.randn(40, 3)\n"
                 "t = X @ torch.tensor([1.0, -2.0, 0.5])\nfor epoch in range(300):\n"
                 "    loss = ((X @ w - t) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n"
                 "        w -= 0.1 * w.grad\n        w.grad.zero_()\nprint(loss.item())\n"),
}


def _dumped(source: str, **options) -> bytes:
    report = run_program(source, **options)
    _zero_timings(report, set())   # (every *_ms field: the run's, the steps' measured passes)
    return pickle.dumps(report)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_reports_are_the_same_held_or_not(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = PROGRAMS[name]
    monkeypatch.setattr(held_collection, "HOLD", False)
    before = _dumped(source)
    monkeypatch.setattr(held_collection, "HOLD", True)
    assert _dumped(source) == before


def test_steps_reports_are_the_same_with_the_collection_held_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = StepOptions(backward_if_missing=True)
    monkeypatch.setattr(held_collection, "HOLD", False)
    before = _dumped(PROGRAMS["branches"], steps=steps)
    monkeypatch.setattr(held_collection, "HOLD", True)
    assert _dumped(PROGRAMS["branches"], steps=steps) == before


def test_the_callers_threshold_and_collector_come_back() -> None:
    threshold = gc.get_threshold()
    run_program(PROGRAMS["chain_500"])
    assert gc.get_threshold() == threshold
    assert gc.isenabled()


ORDER = """
import gc
import autogradlab.engine.held_collection as held_collection
import autogradlab.engine.run as run
held_collection.HOLD = {hold}
source = {source!r}
for _ in range(3):   # (warm: imports and caches; the young generation as in a process that runs many)
    run.run_program(source)
events = []
graph_of, let_go = run._graph_of, run._let_go
def spied_graph(*args, **kwargs):
    made = graph_of(*args, **kwargs)
    events.append("graph")
    return made
def spied_let_go(recorder):
    let_go(recorder)
    events.append("let_go")
run._graph_of, run._let_go = spied_graph, spied_let_go
gc.callbacks.append(lambda phase, info: events.append("gc") if phase == "start" else None)
run.run_program(source)
events.append("returned")
print(" ".join(events[events.index("graph"):]))
"""


def _order(hold: bool) -> list[str]:
    code = textwrap.dedent(ORDER.format(hold=hold, source=PROGRAMS["chain_500"]))
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         timeout=300).stdout
    return out.split()


def test_the_due_collection_comes_after_the_recorder_went() -> None:
    events = _order(True)
    assert events[:3] == ["graph", "let_go", "gc"]   # still in the run, once its tables went
    assert events.index("gc") < events.index("returned")


def test_without_the_hold_the_collection_came_before_the_recorder_went() -> None:
    events = _order(False)
    assert events.index("gc") < events.index("let_go")


HELD_WINDOW = """
import gc
from autogradlab.engine import held_collection
gc.collect()
gc.set_threshold(700, 10, 10)
scans = []
gc.callbacks.append(lambda phase, info: scans.append(info["generation"]) if phase == "start" else None)
gc.disable()
young = [[i] for i in range(5_000)]   # due: far past 700
held = []
held_collection.hold_collection(held)
gc.enable()
quiet = [[i] for i in range(500)]     # fewer than the threshold again: nothing scanned
print(len(scans), held[1], gc.get_threshold()[0] > 5_000)
more = [[i] for i in range(2_000)]    # past it: the collector runs in the held window
print(len(scans) > 0)
before = len(scans)
held_collection.release_collection(held)
print(len(scans) - before, gc.get_threshold(), held)
"""


def test_the_collector_still_runs_in_a_held_window() -> None:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(HELD_WINDOW)], cwd=REPO, capture_output=True,
                         text=True, check=True, timeout=120).stdout.splitlines()
    assert out[0] == "0 True True"
    assert out[1] == "True"
    assert out[2] == "1 (700, 10, 10) []"   # the due collection made at the release, the threshold back


def test_nothing_due_nothing_collected_at_the_release() -> None:
    held: list = []
    threshold = gc.get_threshold()
    gc.collect()
    held_collection.hold_collection(held)
    assert held == [threshold, False]
    scans: list = []
    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            scans.append(info)
    gc.callbacks.append(watch)
    try:
        held_collection.release_collection(held)
    finally:
        gc.callbacks.remove(watch)
    assert scans == []
    assert gc.get_threshold() == threshold


def test_switched_off_nothing_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(held_collection, "HOLD", False)
    held: list = []
    threshold = gc.get_threshold()
    held_collection.hold_collection(held)
    assert held == []
    assert gc.get_threshold() == threshold


def test_a_one_shot_process_holds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "ONE_SHOT_PROCESS", True)
    monkeypatch.setattr(gc, "freeze", lambda: None)   # (this test process must not freeze its objects)
    calls: list = []
    monkeypatch.setattr(run_module, "hold_collection", calls.append)
    held: list = []
    with run_module._report_objects(held):
        pass
    assert calls == []
    assert held == []
