"""skim._close_pass's short way (issue 9): a pass of a loop that ran no op and no backward call, in
a run no op of which made an autograd Node, changes none of the loop's minimums, counts or marks, so
_close_pass returns at once (python_sum's 2,700 plain-number passes). Oracles: the same run with the
short way off (the whole report byte for byte, op records and notes included), and with skimming
off (everything but the op records and notes the same, every record kept is that run's record of
the same op, and the records end with the same ones: test_skim.records_agree; before the pass-aware
window needed steady passes, ops_then_quiet's and nested's op lists ended with their loop's first
passes, test_skim_window_tail.py)."""

from __future__ import annotations

import pickle

import pytest

import autogradlab.engine.skim as skim
from tests.unit.test_skim import comparable, records_agree, report

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
    "ops_then_quiet": """import torch
v = torch.ones(4)
t = 0
for n in range(800):
    if n < 600:
        v = v * 1.0001 + 0.001
    t += n
print(v, t)
""",
    "nested": """import torch
acc = torch.zeros(3)
c = 0
for i in range(40):
    for j in range(60):
        c += 1
        if j == 59 and i % 4 == 0:
            acc = acc + torch.ones(3) * i
print(acc, c)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_short_way_reports_what_the_whole_close_reports(name, monkeypatch):
    source = PROGRAMS[name]
    short = report(source, True, monkeypatch)
    monkeypatch.setattr(skim, "QUIET_SHORTCUT", False)
    whole = report(source, True, monkeypatch)
    assert short.ok, short.error
    assert pickle.dumps(short.ops) == pickle.dumps(whole.ops)
    assert short.notes == whole.notes
    assert (short.printed, short.variables.keys()) == (whole.printed, whole.variables.keys())
    for key, value in whole.variables.items():
        assert pickle.dumps(short.variables[key]) == pickle.dumps(value)
    assert pickle.dumps(short.graph) == pickle.dumps(whole.graph)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_short_way_reports_what_a_run_without_skimming_reports(name, monkeypatch):
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)


def test_python_sum_takes_the_short_way(monkeypatch):
    """(else the speed-up is gone): the passes without ops of the sparse loop skip check_pass."""
    def checks(shortcut: bool) -> int:
        calls = []
        check = skim.SkimHooks.check_pass

        def counting(self, run, ops, hooked):
            calls.append(ops)
            return check(self, run, ops, hooked)
        monkeypatch.setattr(skim, "QUIET_SHORTCUT", shortcut)
        monkeypatch.setattr(skim, "SETTLE", False)   # (a settled run closes no pass: test_skim_settled.py)
        monkeypatch.setattr(skim, "SPARSE", False)   # (nor a sparse window's: test_skim_sparse.py)
        monkeypatch.setattr(skim.SkimHooks, "check_pass", counting)
        report(PROGRAMS["sparse_ops"], True, monkeypatch)
        return len(calls)
    assert checks(False) - checks(True) > 1000
