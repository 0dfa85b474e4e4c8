"""Issue 9 on the Steps page (session 32): the tangent run opens its dual level at the output graph's
first op instead of at the program's start (engine/tangent_run.py, step_tangents._first_op).

A long loop's tangent run used to push dual numbers through every pass (PyTorch's 2,000-pass
polynomial fit ran out of its time share in the last passes); the passes before the graph now run
without the level, as the first run ran them. Oracles: the same run with the level open from the start
(tangent_run.LATE_LEVEL = False: the tangents, the vjp and the notes must be the same), and reverse
mode (PyTorch's backward): for a scalar output J·v equals the vjp uᵀJ·v with u = 1.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import torch

import autogradlab.engine.tangent_run as tangent_run
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.programs.manifest import LOOP_PROGRAMS
from tests.skim_programs import make_loop_program

LOOPS = tuple(spec for spec in LOOP_PROGRAMS if not spec.slow)
FUZZ = tuple(p for p in (lambda rng: [make_loop_program(rng) for _ in range(16)])(random.Random(32))
             if "retain_graph=True" not in p)


def _steps(source: str, late: bool, monkeypatch, seed: int = 0, output: str | None = None,
           opened: list | None = None):
    monkeypatch.setattr(tangent_run, "LATE_LEVEL", late)
    if opened is not None:   # the op count when the level opened
        real = tangent_run.TangentHooks.open_level

        def spy(self):
            opened.append(self.index)
            real(self)
        monkeypatch.setattr(tangent_run.TangentHooks, "open_level", spy)
    report = run_program(source, seed=seed, output=output, limits=Limits(timeout_s=60), steps=StepOptions())
    monkeypatch.undo()
    return report


def _values(snapshot) -> np.ndarray | None:
    return None if snapshot is None else np.asarray(snapshot.value)


def _finite(trace) -> bool:
    return all(np.isfinite(np.asarray(e.tangent.value)).all() for e in trace.entries)


def _same_tangents(source: str, monkeypatch, seed: int = 0, output: str | None = None) -> tuple:
    """The late run's tangent trace and notes equal the run's with the level open from the start."""
    late = _steps(source, True, monkeypatch, seed, output)
    early = _steps(source, False, monkeypatch, seed, output)
    if any(r.error is not None and r.error.kind == "timeout" for r in (late, early)):
        pytest.skip("a run ran out of time: nothing to compare")
    assert (late.steps is None) == (early.steps is None)
    if late.steps is None:
        return late, early
    assert late.steps.notes == early.steps.notes
    a, b = late.steps.tangent, early.steps.tangent
    assert (a is None) == (b is None)
    if a is None:
        return late, early
    assert [name for name, _ in a.direction] == [name for name, _ in b.direction]
    assert all(np.array_equal(_values(x), _values(y))
               for (_, x), (_, y) in zip(a.direction, b.direction, strict=True))
    assert len(a.entries) == len(b.entries)
    if _finite(b):   # (with inf in the values, 0·inf of an explicit zero tangent is nan: IEEE, not ours)
        for x, y in zip(a.entries, b.entries, strict=True):
            assert (x.node, x.line, x.rule, x.numbers) == (y.node, y.line, y.rule, y.numbers)
            assert np.array_equal(_values(x.tangent), _values(y.tangent))
        assert np.array_equal(_values(a.output_tangent), _values(b.output_tangent))
        assert np.array_equal(_values(a.vjp), _values(b.vjp))
    return late, early


@pytest.mark.parametrize("spec", LOOPS, ids=lambda s: s.file)
def test_loop_programs_give_the_same_tangents(spec, monkeypatch):
    _same_tangents(spec.source, monkeypatch, spec.seed)


@pytest.mark.parametrize("index", range(len(FUZZ)))
def test_random_long_loops_give_the_same_tangents(index, monkeypatch):
    _same_tangents(FUZZ[index], monkeypatch)


POLYFIT = """import torch
import math
x = torch.linspace(-math.pi, math.pi, 200)
y = torch.sin(x)
a = torch.randn((), requires_grad=True)
b = torch.randn((), requires_grad=True)
c = torch.randn((), requires_grad=True)
for t in range(300):
    y_pred = a + b * x + c * x ** 2
    loss = (y_pred - y).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= 1e-6 * a.grad
        b -= 1e-6 * b.grad
        c -= 1e-6 * c.grad
        a.grad = None
        b.grad = None
        c.grad = None
"""


def test_a_training_loop_opens_the_level_in_its_last_pass_and_agrees_with_reverse_mode(monkeypatch):
    opened: list[int] = []
    report = _steps(POLYFIT, True, monkeypatch, output="loss", opened=opened)
    assert report.ok, report.error
    trace = report.steps.tangent
    assert trace is not None and trace.entries
    # 300 passes of ~14 ops: the level opened in the last one, not at op 0
    assert opened and opened[0] > 290 * 10, opened
    # J·v (forward) is uᵀJ·v (reverse, PyTorch's backward) for the scalar loss, along e₁ of a
    out, vjp = float(_values(trace.output_tangent)), float(_values(trace.vjp))
    assert math.isclose(out, vjp, rel_tol=1e-4), (out, vjp)
    # an op's tangent is 1 everywhere (d(a + ...)/da): the leaf's tangent reached the last pass
    assert any(np.allclose(_values(e.tangent), 1.0) for e in trace.entries)


def test_the_level_opens_at_the_start_when_the_graph_begins_there(monkeypatch):
    opened: list[int] = []
    source = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\n"
    report = _steps(source, True, monkeypatch, output="y", opened=opened)
    assert report.steps.tangent is not None and opened == [1]   # after the leaf's op, before x * x


def test_a_leaf_saved_by_a_graph_before_the_level_can_still_backward(monkeypatch):
    """The leaf gets its tangent by an in-place copy when the level opens; a graph that saved it
    before (y1's) backwards after that: the copy must not count as a change (PyTorch's version check)."""
    source = ("import torch\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "y1 = (w * w).sum()\n"
              "y2 = (w * 3.0).sum()\n"
              "y1.backward()\n")
    late, early = _same_tangents(source, monkeypatch, output="y2")
    assert not any("forward mode stopped" in n for n in late.steps.notes), late.steps.notes
    trace = late.steps.tangent
    assert float(_values(trace.output_tangent)) == pytest.approx(3.0)   # d(3·w₁ + 3·w₂) along e₁
    # and the gradients the program computed are PyTorch's
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w).sum().backward()
    assert np.allclose(late.variables["w"].grad, w.grad.numpy())


CUSTOM = """import torch

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x + 0.0

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g

m = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(5):
    z = torch.zeros(2)
n = Square.apply(m)
s = n.sum()
"""


def test_a_custom_function_first_in_the_graph_is_not_entered_with_the_level_half_open(monkeypatch):
    """Its forward's ops are recorded before its apply: the level opens before the apply is called
    (the last op of the program's top level before the graph's first), so PyTorch sees the dual input
    and says the Function has no jvp, as it does with the level open from the start."""
    opened: list[int] = []
    late, early = _same_tangents(CUSTOM, monkeypatch, output="s")
    assert any("jvp" in n for n in late.steps.notes), late.steps.notes
    _steps(CUSTOM, True, monkeypatch, output="s", opened=opened)
    assert opened and opened[0] >= 5   # after the zeros of the loop, not at the start


def test_the_programs_own_dual_level_is_refused_before_the_level_opens_too(monkeypatch):
    source = ("import torch\nimport torch.autograd.forward_ad as fwAD\n"
              "with fwAD.dual_level():\n    d = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
              "for i in range(20):\n    z = torch.zeros(2)\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (w * w).sum()\n")
    late, early = _same_tangents(source, monkeypatch, output="y")
    assert late.ok   # the program itself runs (its first run has no level of ours)
    assert any("dual_level" in n for n in late.steps.notes), late.steps.notes
