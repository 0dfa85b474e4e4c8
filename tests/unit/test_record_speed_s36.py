"""Issue 9: a skimmed op without keys shares its window ghost (engine/skimmed_ops.py, SHARE_GHOSTS),
and the window's entries get their op index from their place (trace.py, tensor_numbers.claimed,
skim_rerun.forecast_failed), not from the ghost.

The oracle is the run with shared ghosts off (a ghost of its own for every op, as before): the whole
report, op records and notes included, must be byte for byte the same; and the run with skimming off
for everything but the op records and the skim notes (test_skim.comparable). max_ops must stop a loop
that keeps its results alive at the same op, with the same message, either way.
"""

from __future__ import annotations

import ast
import dataclasses
import pickle
from pathlib import Path

import pytest
import torch

import autogradlab.engine.skim as skim
import autogradlab.engine.skimmed_ops as skimmed_ops
from autogradlab.engine import run_program
from autogradlab.engine.recorder import Recorder
from autogradlab.lang.interpreter import Interpreter
from autogradlab.limits import Limits
from autogradlab.report import Report

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
SKIM_WORDS = "were counted but not recorded"

STRESS = {
    "grad_free": """import torch
A = torch.randn(20, 20)
v = torch.ones(20)
for k in range(400):
    w = A @ v
    v = w / w.norm()
print(v.sum())
""",
    "branches": """import torch
A = torch.randn(6, 6)
v = torch.ones(6)
for k in range(500):
    if k % 3 == 0:
        w = A @ v
    elif k % 3 == 1:
        w = A.T @ v * 2
    else:
        w = (A @ v)[:3].repeat(2)
    v = w / w.norm()
print(v)
""",
    "break": """import torch
v = torch.ones(4)
for k in range(900):
    v = v * 1.001 + 0.5
    if k == 700:
        break
print(v, k)
""",
    "nested": """import torch
x = torch.zeros(3)
for i in range(60):
    for j in range(12):
        x = x + j
    x = x / 2
print(x)
""",
    "in_place": """import torch
v = torch.ones(5)
s = torch.zeros(5)
for k in range(500):
    v.mul_(0.999)
    s += v
    w = v * 2
print(s, w)
""",
    "numpy": """import torch
import numpy as np
a = np.ones(3)
t = torch.zeros(3)
for k in range(400):
    t = t + torch.from_numpy(a) * k
    u = t * 0.5
print(t, u)
""",
    "graphs_kept_halfway": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
kept = []
for i in range(600):
    y = (x * i).sum()
    z = y * 2
    if i >= 300:
        kept.append(z)
total = sum(kept[-3:])
total.backward()
print(x.grad, len(kept))
""",
    "growing": """import torch
t = torch.zeros(1)
for k in range(400):
    t = torch.cat([t, t[-1:] + 1])
    u = t * 2
print(t.sum(), u.shape)
""",
    "leaf_from_skimmed_pass": """import torch
keep = None
for i in range(300):
    w = torch.ones(3) * i
    v = w + 1
    if i == 250:
        keep = v
keep.requires_grad_()
z = (keep * 2).sum()
z.backward()
print(keep.grad)
""",
    "scalar_chain": """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(300):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
print(y.item(), x.grad)
""",
}


def run(source: str, monkeypatch, *, share: bool = True, skimming: bool = True,
        limits: Limits | None = None) -> Report:
    monkeypatch.setattr(skimmed_ops, "SHARE_GHOSTS", share)
    monkeypatch.setattr(skim, "SKIM", skimming)
    return run_program(source, limits=limits or Limits(timeout_s=60))


def whole(report: Report) -> bytes:
    """The report as bytes, op records and notes included, without the times it measured."""
    return pickle.dumps(dataclasses.replace(
        report, timing_ms=0.0, jacobians=tuple(dataclasses.replace(j, timing_ms=0.0, cpu_ms=0.0)
                                               for j in report.jacobians)))


def without_records(report: Report) -> bytes:
    """whole() without the op records and the skim and trace notes (they differ with skimming off)."""
    notes = tuple(n for n in report.notes if SKIM_WORDS not in n and not n.startswith("the program ran "))
    return whole(dataclasses.replace(report, ops=(), notes=notes))


def _loop_sources() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(PROGRAMS.glob("loop_*.py"))}


@pytest.mark.parametrize("name", sorted(STRESS))
def test_shared_ghosts_change_no_report(name: str, monkeypatch) -> None:
    source = STRESS[name]
    shared = run(source, monkeypatch)
    own = run(source, monkeypatch, share=False)
    off = run(source, monkeypatch, skimming=False)
    assert shared.error is None, shared.error
    assert whole(shared) == whole(own)
    assert without_records(shared) == without_records(off)
    off_records = {r.index: pickle.dumps(r) for r in off.ops}
    assert all(off_records.get(r.index) == pickle.dumps(r) for r in shared.ops)


@pytest.mark.parametrize("name", sorted(_loop_sources()))
def test_loop_programs_same_report_with_shared_ghosts(name: str, monkeypatch) -> None:
    source = _loop_sources()[name]
    assert whole(run(source, monkeypatch)) == whole(run(source, monkeypatch, share=False))


@pytest.mark.parametrize("name", ["grad_free", "branches", "in_place", "growing", "leaf_from_skimmed_pass"])
def test_stress_programs_are_skimmed(name: str, monkeypatch) -> None:
    """Each grad-free stress program does skim (else the comparison above would test nothing)."""
    report = run(STRESS[name], monkeypatch)
    assert any(SKIM_WORDS in n for n in report.notes), report.notes


def test_leaf_made_by_a_skimmed_op_keeps_its_line(monkeypatch) -> None:
    """`keep` was made by a skimmed op whose shared ghost is still in the window: the graph names
    the line that made it, as with skimming off (OpTrace.creation reads the index from the place)."""
    source = STRESS["leaf_from_skimmed_pass"]
    shared, off = run(source, monkeypatch), run(source, monkeypatch, skimming=False)
    leaves = [n for n in shared.graph.nodes if n.var == "keep"]
    assert leaves and pickle.dumps(leaves) == pickle.dumps([n for n in off.graph.nodes if n.var == "keep"])
    assert leaves[0].line == 5


def test_a_site_shares_one_ghost_per_output_size(monkeypatch) -> None:
    """The window holds the same ghost object for each skimmed op of a site and size, at most
    SHARED_GHOSTS sizes a site; a growing tensor's ops beyond that get ghosts of their own."""
    source = STRESS["grad_free"]
    recorder = Recorder(source)
    interpreter = Interpreter(ast.parse(source), source, limits=Limits(timeout_s=60),
                              generator=torch.Generator().manual_seed(0), hooks=recorder)
    interpreter.run()
    ghosts = [e for e in recorder.trace._entries if e[6] is not None and e[0][0] == -1]
    assert len(ghosts) > 300
    assert len({id(g) for g in ghosts}) == 3   # matmul, norm, div: one output size each
    assert all(len(site[5]) <= skimmed_ops.SHARED_GHOSTS for site in recorder._sites.values())


KEEPS_ALIVE = """import torch
x = torch.ones(3)
xs = []
for i in range(5000):
    y = x * i
    xs.append(y)
print(len(xs))
"""


@pytest.mark.parametrize("max_ops", [700, 1500])
def test_max_ops_stops_a_loop_that_keeps_results_at_the_same_op(max_ops: int, monkeypatch) -> None:
    limits = Limits(timeout_s=60, max_ops=max_ops)
    shared = run(KEEPS_ALIVE, monkeypatch, limits=limits)
    own = run(KEEPS_ALIVE, monkeypatch, share=False, limits=limits)
    off = run(KEEPS_ALIVE, monkeypatch, skimming=False, limits=limits)
    assert shared.error is not None and "max_ops" in shared.error.message
    assert shared.error == own.error == off.error
    assert whole(shared) == whole(own)
    assert without_records(shared) == without_records(off)


def test_max_ops_lets_a_loop_that_frees_its_results_run(monkeypatch) -> None:
    source = KEEPS_ALIVE.replace("    xs.append(y)\n", "    xs = [y]\n")
    report = run(source, monkeypatch, limits=Limits(timeout_s=60, max_ops=700))
    assert report.error is None and report.printed.strip() == "1"
