"""skim.on_loop's O(1) way (issue 9): once a run of a loop can skim no later pass (its fewest ops in
a pass is 0, the pass-aware window is out, no sure backward calls to skim), on_loop only counts the
pass and _close_pass keeps no minimum or evidence (python_sum's 3,000 passes, a tensor op every
tenth). Oracles: the same run with the O(1) way off (skim.SETTLE; the whole report byte for byte,
op records and notes included: nested loops' skimmed counts, the tail of passes in the notes, a loop
cut by an error), and the run with skimming off (everything but op records and notes)."""

from __future__ import annotations

import pickle

import pytest

import autogradlab.engine.skim as skim
import autogradlab.engine.skim_rerun as skim_rerun
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

PROGRAMS = {
    "sparse_ops": """import torch
import math
total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 1201):
    total += 1 / n ** 2
    if n % 10 == 0:
        best = torch.maximum(best, torch.tensor(math.sin(n)))
print(total, best)
""",
    # the outer loop settles (its odd passes run no op); the inner loops skim by the count rule,
    # and their skimmed ops are counted in the outer loop's note, with its tail of passes
    "inner_skims": """import torch
v = torch.ones(3)
c = 0
for i in range(12):
    c += 1
    if i % 2 == 0:
        for j in range(700):
            v = v * 1.0001
print(v, c)
""",
    # skims by the count rule while it makes ops, settles when they stop, then an error cuts it
    "cut_after_settling": """import torch
v = torch.ones(3)
for n in range(1500):
    if n < 700:
        v = v * 1.0001 + 0.001
    if n == 1400:
        v = v @ torch.ones(2, 2)
print(v)
""",
    "backward_sometimes": """import torch
w = torch.tensor(2.0, requires_grad=True)
k = 0
for n in range(700):
    k += 1
    if n % 50 == 0:
        loss = (w * n) ** 2
        loss.backward()
print(k, w.grad)
""",
    "function_twice": """import torch
def run(v, steps):
    for n in range(steps):
        if n % 3 == 0:
            v = v * 1.001 + 0.01
    return v
a = run(torch.ones(2, requires_grad=True), 900)
b = run(torch.zeros(2), 600)
a.sum().backward()
print(a, b)
""",
    "grad_late": """import torch
x = torch.tensor(0.5, requires_grad=True)
s = 0.0
y = x
for n in range(900):
    s += n
    if n % 7 == 0:
        y = y * 1.001
    if n > 850:
        z = torch.sin(y) * n
print(s, z, y)
z.backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_o1_way_reports_what_the_whole_close_reports(name, monkeypatch):
    source = PROGRAMS[name]
    settled = report(source, True, monkeypatch)
    monkeypatch.setattr(skim, "SETTLE", False)
    whole = report(source, True, monkeypatch)
    assert (settled.ok, settled.error) == (whole.ok, whole.error)
    assert pickle.dumps(settled.ops) == pickle.dumps(whole.ops)
    assert settled.notes == whole.notes
    assert comparable(settled) == comparable(whole)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_o1_way_reports_what_a_run_without_skimming_reports(name, monkeypatch):
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)


def test_the_programs_skim_and_cut_as_meant(monkeypatch):
    """(else the comparisons above test less than they say)"""
    inner = report(PROGRAMS["inner_skims"], True, monkeypatch)
    assert any("line 4" in note for note in skim_notes(inner)), inner.notes
    cut = report(PROGRAMS["cut_after_settling"], True, monkeypatch)
    assert not cut.ok and not skim_notes(cut), (cut.error, cut.notes)   # run again: test_skim_sparse.py
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    cut = report(PROGRAMS["cut_after_settling"], True, monkeypatch)
    assert not cut.ok and skim_notes(cut), (cut.error, cut.notes)


def test_python_sum_takes_the_o1_way(monkeypatch):
    """(else the speed-up is gone): after its first passes the sparse loop's passes are not closed."""
    def closes(settle: bool) -> int:
        calls = []
        close = skim.SkimHooks._close_pass

        def counting(self, run):
            calls.append(run.passes)
            return close(self, run)
        monkeypatch.setattr(skim, "SETTLE", settle)
        monkeypatch.setattr(skim, "SPARSE", False)   # (test_skim_sparse.py)
        monkeypatch.setattr(skim.SkimHooks, "_close_pass", counting)
        report(PROGRAMS["sparse_ops"], True, monkeypatch)
        return len(calls)
    assert closes(False) > 1000 > 20 > closes(True)
