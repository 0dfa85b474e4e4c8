"""on_loop's short way for steady skimmed passes (engine/counted_passes.py, issue 9): a pass skimmed
on the count rule or under the no-grad guard is closed and the next one decided without _close_pass.
Oracles: the same run with the short way off (counted_passes.COUNTED; the whole report byte for byte,
op records and notes included), and the run with skimming off (everything but op records and notes).
The programs leave the short way at every door: a pass with fewer ops or backward calls than the
fewest so far, the count rule's end (evidence due), a pass the no-grad guard stops (an op makes a
Node), a pass too long for the evidence, nested loops, an error that cuts the loop, and max_ops one
below and at the limit."""

from __future__ import annotations

import pickle

import pytest

import autogradlab.engine.counted_passes as counted_passes
import autogradlab.engine.skim as skim
import autogradlab.engine.skim_rerun as skim_rerun
from autogradlab.limits import Limits
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

PROGRAMS = {
    "power": """import torch
A = torch.randn(20, 20)
A = A @ A.T / 20
v = torch.ones(20)
for k in range(400):
    w = A @ v
    v = w / w.norm()
print(v @ A @ v)
""",
    # a later pass runs fewer ops (the minimum falls: the count rule stops earlier), one runs more;
    # its ops make Nodes and the body branches: the count rule alone decides
    "fewer_later": """import torch
w = torch.tensor(1.0, requires_grad=True)
v = torch.ones(3)
for n in range(900):
    u = v * w
    v = u.detach() * 1.0001
    if n < 500 or n % 7:
        v = v + 0.001
    if n == 650:
        v = v.sin().cos()
print(v, u)
""",
    # grad-free, then an op makes a Node: the guard stops that pass, the rest is recorded
    "grad_late": """import torch
w = torch.tensor(0.5, requires_grad=True)
v = torch.ones(3)
for n in range(800):
    v = v * 0.999 + 0.001
    if n >= 700:
        u = v * w
print(v, u)
u.sum().backward()
print(w.grad)
""",
    # a training loop on the count rule: its backward calls skimmed too, then the evidence
    "training": """import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([0.5, 1.5])
for step in range(700):
    loss = ((w * x).sum() - 1.0) ** 2
    loss.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
    w.grad = None
print(w, loss)
""",
    # a backward call in some passes only: the fewest backward calls falls to 0
    "backward_sometimes": """import torch
w = torch.tensor(2.0, requires_grad=True)
v = torch.ones(2)
for n in range(900):
    v = v * 1.0001
    if n % 2 == 0 or n < 300:
        loss = (w * n) ** 2
        loss.backward()
print(v, w.grad)
""",
    # the inner loop skims; the outer pass runs more than a quarter of the window (no evidence)
    "nested": """import torch
v = torch.ones(3)
for i in range(6):
    for j in range(300):
        v = v * 1.0001
    v = v - 0.0001
print(v)
""",
    # passes short enough for the outer loop's evidence, the inner loops follow the outer one
    "nested_small": """import torch
v = torch.ones(3)
for i in range(500):
    for j in range(2):
        v = v * 1.0001
print(v)
""",
    # an error cuts the loop in a skimmed pass
    "cut": """import torch
v = torch.ones(3)
for n in range(900):
    v = v * 1.0001 + 0.001
    if n == 820:
        v = v @ torch.ones(2, 2)
print(v)
""",
    # in a function called twice, the second run shorter
    "function_twice": """import torch
def run(v, steps):
    for n in range(steps):
        v = v * 1.001 + 0.01
    return v
a = run(torch.ones(2), 900)
b = run(torch.zeros(2), 300)
print(a, b)
""",
}

# results kept alive across passes: max_ops counts them
KEEP = """import torch
v = torch.ones(2)
kept = []
for n in range(400):
    v = v * 1.0001
    if n % 4 == 0:
        kept.append(v)
print(len(kept), v)
"""


def _both_ways(source: str, monkeypatch, limits: Limits | None = None):
    monkeypatch.setattr(counted_passes, "COUNTED", True)
    short = report(source, True, monkeypatch, limits)
    monkeypatch.setattr(counted_passes, "COUNTED", False)
    whole = report(source, True, monkeypatch, limits)
    monkeypatch.setattr(counted_passes, "COUNTED", True)
    return short, whole


def _same(short, whole) -> None:
    assert (short.ok, short.error) == (whole.ok, whole.error)
    assert pickle.dumps(short.ops) == pickle.dumps(whole.ops)
    assert short.notes == whole.notes
    assert comparable(short) == comparable(whole)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_short_way_reports_what_the_whole_close_reports(name, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # the skimmed runs' own reports (cut: no rerun)
    _same(*_both_ways(PROGRAMS[name], monkeypatch))


@pytest.mark.parametrize("name", sorted(set(PROGRAMS) - {"cut"}))   # (cut: its op list misses the
def test_the_short_way_reports_what_a_run_without_skimming_reports(name, monkeypatch):   # skimmed passes
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)


@pytest.mark.parametrize("extra", [-1, 0])
def test_max_ops_one_below_and_at_the_limit(extra, monkeypatch):
    """KEEP holds 100 kept results + v + the result of the last op at its peak."""
    limits = Limits(timeout_s=60, max_ops=102 + extra)
    short, whole = _both_ways(KEEP, monkeypatch, limits)
    _same(short, whole)
    off = report(KEEP, False, monkeypatch, limits)
    assert comparable(short) == comparable(off)
    assert short.ok == (extra == 0), short.error
    if extra:
        assert "max_ops" in str(short.error)


def test_the_programs_skim_as_meant(monkeypatch):
    """(else the comparisons above test less than they say)"""
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # (cut: else run again without skimming)
    for name in ("power", "fewer_later", "grad_late", "training", "nested", "function_twice"):
        assert skim_notes(report(PROGRAMS[name], True, monkeypatch)), name
    cut = report(PROGRAMS["cut"], True, monkeypatch)
    assert not cut.ok and "stopped inside the loop" in " ".join(skim_notes(cut)), (cut.error, cut.notes)


def test_power_iteration_takes_the_short_way(monkeypatch):
    """(else the speed-up is gone): most passes are not closed by _close_pass."""
    def closes(on: bool) -> int:
        calls = []
        close = skim.SkimHooks._close_pass

        def counting(self, run):
            calls.append(run.passes)
            return close(self, run)
        monkeypatch.setattr(counted_passes, "COUNTED", on)
        monkeypatch.setattr(skim.SkimHooks, "_close_pass", counting)
        report(PROGRAMS["power"], True, monkeypatch)
        return len(calls)
    assert closes(False) > 390 and closes(True) < 30
