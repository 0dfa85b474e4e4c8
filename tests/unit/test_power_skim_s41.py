"""A skimmed op counted on its site, its counts folded into OpTrace.summary when the summary is read
(skimmed_ops.SITE_COUNTS, trace.OpTrace.summary / count_site; issue 9, power_iteration).
Oracles: the same run with the switch off (the whole report byte for byte: op records and notes
included, the trace's note ranks the summary, ties in first-run order), the run without skimming,
the summary dict itself (keys in the same order, the same counts) and PyTorch's printed text. The
programs reach the edges: ties in the note's ranking, a node whose op changes (its key is not the
site's), two nodes of one (op, line), skimmed and unskimmed loops, loops that keep their graphs,
a loop stopped on max_ops mid-way (one below, at and above the limit) and an error mid-way."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

import autogradlab.engine.skimmed_ops as skimmed_ops
from autogradlab.engine import skim_rerun
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import parsed_program
from autogradlab.engine.trace import OpTrace
from autogradlab.lang.interpreter import Interpreter
from autogradlab.limits import Limits
from tests.unit.test_name_rebinding_s40 import PROGRAMS as REBINDING_PROGRAMS
from tests.unit.test_name_rebinding_s40 import _plain
from tests.unit.test_skim import comparable, records_agree, report
from tests.unit.test_skim_counted import KEEP, _same
from tests.unit.test_skim_counted import PROGRAMS as COUNTED_PROGRAMS

PROGRAMS = {
    **{f"counted_{name}": source for name, source in COUNTED_PROGRAMS.items()},
    **{f"rebinding_{name}": source for name, source in REBINDING_PROGRAMS.items()},
    # power_iteration's body; the note ranks three ops that ran as often (ties: first-run order)
    "ties": """import torch
A = torch.ones(4, 4) / 4
v = torch.ones(4)
for k in range(400):
    w = A @ v
    v = w / w.norm()
print(v)
""",
    # one node, two ops (`v += w`: add_ on a tensor, add on a number): the second is not the site's key
    "changing_op": """import torch
w = torch.ones(3)
for k in range(600):
    v = 0.5 if k % 2 else w * 1.0
    v += w
print(v)
""",
    # two nodes of one (op, line), and a line that runs more often later (the ranking changes)
    "same_line": """import torch
v = torch.ones(3)
u = torch.ones(3)
for k in range(700):
    v = v * 0.999; u = u * 1.001
    if k > 300:
        u = u + 0.0
print(v, u)
""",
    # a loop that keeps its graph (every op makes a Node) then backward
    "graph_kept": """import torch
x = torch.tensor([0.5, -1.0], requires_grad=True)
y = x
for k in range(300):
    y = y * 0.999 + 0.001
y.sum().backward()
print(y, x.grad)
""",
}


def _both_ways(source: str, monkeypatch, limits: Limits | None = None, skim: bool = True):
    monkeypatch.setattr(skimmed_ops, "SITE_COUNTS", True)
    counted = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(skimmed_ops, "SITE_COUNTS", False)
    whole = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(skimmed_ops, "SITE_COUNTS", True)
    return counted, whole


@pytest.mark.parametrize("skim", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_site_counts_report_what_the_summary_reports(name, skim, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # the skimmed runs' own reports (cut: no rerun)
    counted, whole = _both_ways(PROGRAMS[name], monkeypatch, skim=skim)
    _same(counted, whole)


@pytest.mark.parametrize("name", ["ties", "changing_op", "same_line", "graph_kept"])
def test_the_programs_print_what_python_prints(name, monkeypatch):
    counted, _ = _both_ways(PROGRAMS[name], monkeypatch)
    assert counted.ok, counted.error
    assert counted.printed == _plain(PROGRAMS[name])
    off = report(PROGRAMS[name], False, monkeypatch)
    assert comparable(counted) == comparable(off)
    records_agree(counted, off)


def _run(source: str, limits: Limits) -> Recorder:
    """The Recorder after the program (a limit's error stops it, as in a run)."""
    recorder = Recorder(source, limits)
    tree, program = parsed_program(source, limits, [])
    recorder.lines, recorder.program_tree = program.splitlines(), tree
    interpreter = Interpreter(tree, program, limits=limits, generator=torch.Generator().manual_seed(0),
                              hooks=recorder)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(Exception):
        interpreter.run()
    return recorder


def _summary(source: str, monkeypatch, on: bool, limits: Limits | None = None) -> list:
    """The trace's summary after the program (its items in order) and the count of skimmed ops."""
    monkeypatch.setattr(skimmed_ops, "SITE_COUNTS", on)
    recorder = _run(source, limits or Limits(timeout_s=60))
    return [list(recorder.trace.summary.items()), recorder.skimmed_ops, recorder.trace.total]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_summary_is_the_same_dict(name, monkeypatch):
    counted = _summary(PROGRAMS[name], monkeypatch, True)
    assert counted == _summary(PROGRAMS[name], monkeypatch, False)
    assert sum(count for _, count in counted[0]) == counted[2]


def test_site_counts_are_used(monkeypatch):
    """(else the comparisons above test less than they say): power's skimmed ops count on their
    sites, and a second read of the summary adds nothing."""
    monkeypatch.setattr(skimmed_ops, "SITE_COUNTS", True)
    recorder = _run(PROGRAMS["ties"], Limits(timeout_s=60))
    assert recorder.skimmed_ops > 1000
    assert recorder.trace._summary[("matmul", 5)] < 100   # the rest wait on the site
    first = dict(recorder.trace.summary)
    assert first[("matmul", 5)] == first[("norm", 6)] == first[("div", 6)] == 400
    assert list(first)[:3] == [("ones", 2), ("div", 2), ("ones", 3)]
    assert recorder.trace.summary == first and all(counts[0] == 0 for _, counts in recorder.trace.site_counts)


def test_a_key_never_counted_is_left_out():
    trace = OpTrace(window=2)
    counts = trace.count_site(("mul", 3))
    trace.count_site(("add", 4))   # its op stopped on max_ops before it was counted
    counts[0] += 2
    trace.skim("sin", 5, 1, None, None)
    assert list(trace.summary.items()) == [(("mul", 3), 2), (("sin", 5), 1)]


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_max_ops_one_below_at_and_above_the_limit(extra, monkeypatch):
    limits = Limits(timeout_s=60, max_ops=102 + extra)
    counted, whole = _both_ways(KEEP, monkeypatch, limits)
    _same(counted, whole)
    assert counted.ok == (extra >= 0), counted.error
    if extra < 0:
        assert "max_ops" in str(counted.error)
    assert _summary(KEEP, monkeypatch, True, limits) == _summary(KEEP, monkeypatch, False, limits)
