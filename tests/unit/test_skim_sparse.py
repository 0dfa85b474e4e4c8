"""The sparse window (engine/sparse_window.py, issue 9): a grad-free loop whose passes do not all
make ops (python_sum: an op every tenth pass) is skimmed until the passes left are expected to make
a few passes with ops; the op list then holds its first passes and its last ones. Oracle: the run
with skimming off (test_skim.records_agree: every record kept is that run's record of the same op,
and the records end with the same ones; everything but records and notes byte for byte). A wrong
forecast (the ops stop, or an error stops the loop) runs the program again without skimming: the
whole report is then the one without skimming."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

import autogradlab.engine.skim as skim
from autogradlab.engine.sparse_window import KEEP_PASSES
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

SPARSE = {
    "python_sum": """import torch
import math
total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 3001):
    total += 1 / n ** 2
    if n % 10 == 0:
        best = torch.maximum(best, torch.tensor(math.sin(n)))
print(total, best)
""",
    # a Node is made in a late pass: the guard records it (and the rest of its pass) in full
    "grad_late": """import torch
x = torch.tensor(2.0, requires_grad=True)
v = torch.zeros(2)
y = None
for n in range(2000):
    if n % 7 == 0:
        v = v + n
    if n == 1500:
        y = x * v.sum()
y.backward()
print(v, x.grad)
""",
    "in_a_function": """import torch
def walk(steps):
    v = torch.ones(2)
    for n in range(steps):
        if n % 5 == 0:
            v = v * 1.01
    return v
print(walk(1000), walk(600))
""",
    "nested": """import torch
acc = torch.zeros(3)
for i in range(4):
    for j in range(300):
        if j % 20 == 0:
            acc = acc + torch.ones(3) * i
print(acc)
""",
}

BROKEN = {
    # the rate forecast breaks: the ops stop long before the end
    "ops_stop": """import torch
v = torch.ones(3)
for n in range(2000):
    if n < 900 and n % 10 == 0:
        v = v * 1.0001
print(v)
""",
    # ... or only a pass or two make ops at the end
    "ops_thin_out": """import torch
v = torch.ones(3)
for n in range(2000):
    if n % 10 == 0 and (n < 500 or n == 1998 or n == 1990):
        v = v * 1.0001
print(v)
""",
    "error_inside": """import torch
v = torch.ones(3)
for n in range(2000):
    if n % 10 == 0:
        v = v * 1.0001
    if n == 1500:
        v = v @ torch.ones(2, 2)
print(v)
""",
}


def whole(report_) -> bytes:
    return pickle.dumps(dataclasses.replace(report_, timing_ms=0.0))


@pytest.mark.parametrize("name", sorted(SPARSE))
def test_a_sparse_loop_is_skimmed_and_reports_the_same(name, monkeypatch):
    off = report(SPARSE[name], False, monkeypatch)
    on = report(SPARSE[name], True, monkeypatch)
    assert off.ok, off.error
    assert comparable(on) == comparable(off)
    records_agree(on, off)
    assert skim_notes(on) and len(on.ops) < len(off.ops)


def test_the_op_list_ends_with_the_loops_last_passes_with_ops(monkeypatch):
    on = report(SPARSE["python_sum"], True, monkeypatch)
    off = report(SPARSE["python_sum"], False, monkeypatch)
    lines = [record.line for record in on.ops]
    assert lines.count(8) >= 2 * KEEP_PASSES   # tensor and maximum of each pass with ops
    assert pickle.dumps(on.ops) == pickle.dumps(off.ops[-len(on.ops):])


def test_without_the_sparse_window_nothing_of_python_sum_is_skimmed(monkeypatch):
    """(else the window would not be what skims it)"""
    monkeypatch.setattr(skim, "SPARSE", False)
    on = report(SPARSE["python_sum"], True, monkeypatch)
    assert not skim_notes(on) and len(on.ops) == 500


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_forecast_reports_the_run_without_skimming(name, monkeypatch):
    off = report(BROKEN[name], False, monkeypatch)
    on = report(BROKEN[name], True, monkeypatch)
    assert whole(on) == whole(off)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_forecast_skimmed_first(name, monkeypatch):
    """(else the test above tests nothing): the first run skimmed and was flagged."""
    import autogradlab.engine.skim_rerun as skim_rerun

    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    on = report(BROKEN[name], True, monkeypatch)
    assert skim_notes(on) or any("op list misses" in note for note in on.notes), on.notes
