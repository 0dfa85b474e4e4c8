"""A skimmed op at a site whose last result needed no grad reads `requires_grad` before `grad_fn`
(skimmed_ops.GRAD_FIRST: a tensor that does not require grad has no grad_fn, so one getter less per
op of a grad-free loop; issue 9, power_iteration). The hint is the site's own (trace.count_site's
second slot): set when a result needed no grad, cleared when one had a grad_fn.
Oracles: the same run with the switch off (the whole report byte for byte: op records and notes
included; the Recorder's name tables, numbers, count of results alive and skimmed ops), the run
without skimming and PyTorch's printed text. The programs reach the edges: a site whose results
switch between a graph and none, a graph starting mid-loop under the no-grad guard (the guard stops
the pass), a leaf made at a grad-free site (`requires_grad_()` on an old tensor: its record is pinned),
a view made under no_grad and written in place (PyTorch refuses its grad_fn), temporaries dying
and their ids taken by the next result, and max_ops one below, at and above its limit."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import autogradlab.engine.skimmed_ops as skimmed_ops
from autogradlab.engine import skim_rerun
from autogradlab.limits import Limits
from tests.unit.test_fused_hooks_s41 import PROGRAMS as FUSED_PROGRAMS
from tests.unit.test_name_rebinding_s40 import _plain
from tests.unit.test_power_skim_s41 import _run
from tests.unit.test_skim import comparable, records_agree, report
from tests.unit.test_skim_counted import KEEP, _same
from tests.unit.test_skimmed_view_s42 import PROGRAMS as VIEW_PROGRAMS

POWER = (Path(__file__).resolve().parents[1] / "programs" / "loop_power_iteration.py").read_text("utf-8")

PROGRAMS = {
    **FUSED_PROGRAMS,   # test_fused_hooks_s41's: test_skim_counted's, test_name_rebinding_s40's, power's
    "power": POWER,   # power iteration as the bench runs it (grad-free: the count rule, then the guard)
    # one site, results with and without a graph in turn (the hint set and cleared every pass)
    "alternating": """import torch
x = torch.tensor([0.5, 1.5], requires_grad=True)
c = torch.tensor([2.0, 3.0])
for k in range(400):
    src = x if k % 2 else c
    y = src * 1.5
    s = y.sum()
print(y, s, x.grad)
""",
    # grad-free for 250 passes, then the loop's sites make Nodes (the no-grad guard stops skimming)
    "graph_starts": """import torch
A = torch.ones(3, 3) / 3
v = torch.ones(3)
for k in range(400):
    if k == 250:
        v.requires_grad_()
    w = A @ v
    v = w / w.norm()
v.sum().backward()
print(v, w)
""",
    # a leaf made at a grad-free site: requires_grad_() on a tensor made long before (pinned record)
    "late_leaf": """import torch
p = torch.ones(2)
q = torch.ones(2)
for k in range(600):
    q = q * 1.0
    if k == 450:
        p.requires_grad_()
    r = p * 1.0
(r.sum() + q.sum()).backward()
print(p.grad, r, q)
""",
    # a view made under no_grad and written in place (d2l's optimizers): PyTorch refuses its grad_fn
    "no_grad_view": VIEW_PROGRAMS["setitem_sub"],
}


def _both_ways(source: str, monkeypatch, limits: Limits | None = None, skim: bool = True):
    monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", True)
    first = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", False)
    plain = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", True)
    return first, plain


@pytest.mark.parametrize("skim", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_reading_requires_grad_first_reports_the_same(name, skim, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # the skimmed runs' own reports (cut: no rerun)
    first, plain = _both_ways(PROGRAMS[name], monkeypatch, skim=skim)
    _same(first, plain)


@pytest.mark.parametrize("name", ["power", "alternating", "graph_starts", "late_leaf", "no_grad_view"])
def test_the_programs_print_what_python_prints(name, monkeypatch):
    first, _ = _both_ways(PROGRAMS[name], monkeypatch)
    assert first.ok, first.error
    if name != "power":   # (torch.randn: the engine's seeded generator, not Python's)
        assert first.printed == _plain(PROGRAMS[name])
    off = report(PROGRAMS[name], False, monkeypatch)
    assert comparable(first) == comparable(off)
    records_agree(first, off)


def _tables(source: str, monkeypatch, on: bool, limits: Limits | None = None) -> tuple:
    """The Recorder's tables after the program (ids as tensor numbers) and its skim counts."""
    monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", on)
    recorder = _run(source, limits or Limits(timeout_s=60))
    number = {key: entry.number for key, entry in recorder._ids.items()}
    names = sorted((number.get(key), tuple(value)) for key, value in recorder._names.items())
    former = sorted((number.get(key), value) for key, value in recorder._former.items())
    origins = sorted((index, position) for index, position, _, _ in recorder.trace.origins.values())
    return (names, former, dict(recorder.assign_order), recorder._next_id, recorder.alive_results,
            len(recorder._ids), recorder.skimmed_ops, recorder.trace.total, dict(recorder.trace.summary),
            sorted(recorder.trace.created_by.values()), origins, recorder.last_line,
            [(entry.made, entry.result) for entry in recorder._ids.values() if entry.weak])


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_tables_are_the_same(name, monkeypatch):
    assert _tables(PROGRAMS[name], monkeypatch, True) == _tables(PROGRAMS[name], monkeypatch, False)


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_max_ops_one_below_at_and_above_the_limit(extra, monkeypatch):
    limits = Limits(timeout_s=60, max_ops=102 + extra)
    first, plain = _both_ways(KEEP, monkeypatch, limits)
    _same(first, plain)
    assert first.ok == (extra >= 0), first.error
    if extra < 0:
        assert "max_ops" in str(first.error)
    assert _tables(KEEP, monkeypatch, True, limits) == _tables(KEEP, monkeypatch, False, limits)


def test_the_hint_is_used_and_follows_the_results(monkeypatch):
    """(else the comparisons above test less than they say): power's sites are marked grad-free and
    read requires_grad alone; a site whose results get a graph is unmarked at once."""
    reads = {"grad_fn": 0}
    grad_fn = torch.Tensor.grad_fn

    class Counting:   # the Tensor's grad_fn getter, counted (the class attribute is a descriptor)
        def __get__(self, tensor, owner=None):
            reads["grad_fn"] += 1
            return grad_fn.__get__(tensor, owner)
    monkeypatch.setattr(torch.Tensor, "grad_fn", Counting(), raising=False)

    def run(on: bool):
        reads["grad_fn"] = 0
        monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", on)
        recorder = _run(PROGRAMS["graph_starts"], Limits(timeout_s=60))
        return reads["grad_fn"], recorder
    with_hint, recorder = run(True)
    without, _ = run(False)
    assert recorder.skimmed_ops > 500
    assert with_hint < without - 500, (with_hint, without)
    hints = {where: counts[1] for where, counts in recorder.trace.site_counts}
    assert hints[("matmul", 7)] is False   # its graph at pass 250 (the guard then stopped skimming)
    monkeypatch.setattr(skimmed_ops, "GRAD_FIRST", True)
    recorder = _run(PROGRAMS["power"], Limits(timeout_s=60))
    hints = {where: counts[1] for where, counts in recorder.trace.site_counts}
    assert hints[("matmul", 8)] is True and hints[("norm", 9)] is True and hints[("div", 9)] is True
