"""The skim's hole (issue 9): the count rule skims a long loop's pass on a forecast (the passes left, at
the fewest ops a pass has run so far, push its records out of the window). A loop whose ops stop or
thin out breaks the forecast: the skimmed passes' ops were still in the window at the end, so the
op list missed them, and a graph that reached their Nodes drew them without op, line or value
(`if n < 100:` in 800 passes). skim_rerun.py runs such a program again without skimming. Oracle:
the run with skimming off, the whole report byte for byte (ops, graph, values, notes). A loop whose
forecast holds (its ops only grow: `if n > 790:`) is still skimmed and still agrees; when there is
no time for a second run, the first report says its op list misses records (en and zh)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

import autogradlab.engine.skim_rerun as skim_rerun
from autogradlab import note_keys
from autogradlab.error_keys import recognise
from tests.unit.test_note_keys import check
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

PROGRAMS = {
    # the graph reaches the Nodes of the skimmed passes (it drew them without op and value)
    "grad_ops_stop": """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for n in range(800):
    if n < 100:
        y = y * 1.001
z = y * 2
z.backward()
print(x.grad)
""",
    "ops_stop": """import torch
v = torch.ones(3)
for n in range(800):
    if n < 100:
        v = v * 1.001
print(v)
""",
    # the same statement runs every pass, but its ops stop when the variable becomes a number
    "becomes_a_number": """import torch
w = torch.ones(2, requires_grad=True)
v = w * 1.0
for n in range(900):
    v = v * 1.0001
    if n == 150:
        s = v.sum()
        v = 1.0
s.backward()
print(v, w.grad)
""",
    # ops thin out: two per pass, then one every twentieth
    "ops_thin_out": """import torch
v = torch.ones(3, requires_grad=True)
y = v
for n in range(1200):
    if n < 200 or n % 20 == 0:
        y = y * 1.0001 + 0.0001
y.sum().backward()
print(v.grad)
""",
    # an inner loop whose ops stop, in an outer loop
    "inner_ops_stop": """import torch
v = torch.ones(2)
for i in range(3):
    for j in range(700):
        if i == 0 and j < 120:
            v = v + 1
print(v)
""",
    # ops only in the last passes: the forecast holds (more ops come, never fewer)
    "ops_only_late": """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for n in range(800):
    y = y * 1.0
    if n > 790:
        y = y + torch.sin(y)
y.backward()
print(y, x.grad)
""",
    "late_only": """import torch
v = torch.ones(2)
for n in range(800):
    if n > 790:
        v = v * 2
print(v)
""",
}


def whole(report_) -> bytes:
    return pickle.dumps(dataclasses.replace(report_, timing_ms=0.0))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_report_is_the_one_without_skimming(name, monkeypatch):
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert off.ok, off.error
    assert comparable(on) == comparable(off)
    records_agree(on, off)
    if name != "ops_only_late":   # (its forecast holds: skimmed, with a note; records_agree above)
        assert whole(on) == whole(off)


@pytest.mark.parametrize("name", ["grad_ops_stop", "ops_stop", "becomes_a_number", "ops_thin_out",
                                  "inner_ops_stop"])
def test_each_program_breaks_the_forecast(name, monkeypatch):
    """(else the test above tests less than it says): without the second run, the op list misses
    records, and the report says so."""
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert len(on.ops) < len(off.ops)
    assert skim_notes(on)
    notes = [n for n in on.notes if recognise(n, note_keys.REPORT)[0] == "notes.skimmed_forecast"]
    assert len(notes) == 1, on.notes
    check(notes[0], note_keys.REPORT, "notes.skimmed_forecast")


def test_a_graph_reaching_skimmed_passes_was_drawn_differently(monkeypatch):
    """The bug itself: without the second run, grad_ops_stop's graph is not the graph without skimming."""
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    off = report(PROGRAMS["grad_ops_stop"], False, monkeypatch)
    on = report(PROGRAMS["grad_ops_stop"], True, monkeypatch)
    assert pickle.dumps(on.graph) != pickle.dumps(off.graph)


def test_a_forecast_that_holds_runs_once(monkeypatch):
    calls = []
    real = skim_rerun.rerun_unskimmed
    monkeypatch.setattr("autogradlab.engine.run.rerun_unskimmed",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    for name in ("ops_only_late", "late_only"):
        report(PROGRAMS[name], True, monkeypatch)
    on = report(PROGRAMS["ops_only_late"], True, monkeypatch)
    assert skim_notes(on) and not calls
    report(PROGRAMS["ops_stop"], True, monkeypatch)
    assert calls == [1]


def test_an_error_after_the_forecast_broke_reports_the_run_without_skimming(monkeypatch):
    """The failing pass's ops are in the op list (they were skimmed), the error is the same; without
    time for a second run the first report keeps its error and says the loop was cut."""
    stop = "    if n == 700:\n        v = v @ torch.ones(2, 2)\nprint(v)"
    source = PROGRAMS["ops_stop"].replace("print(v)", stop)
    on = report(source, True, monkeypatch)
    off = report(source, False, monkeypatch)
    assert not off.ok and off.error.kind == "shape"
    assert whole(on) == whole(off)
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    first = report(source, True, monkeypatch)
    assert first.error == off.error and comparable(first) == comparable(off)
    assert any("stopped inside the loop" in note for note in skim_notes(first)), first.notes
