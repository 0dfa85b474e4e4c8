"""Issue 9, session 17: two per-op paths of a long loop's skimmed passes, written inline.

- SkimmedOps.on_op, an op whose result already has an entry (`x.mul_(...)`, `w -= ...`,
  `w.grad.zero_()`): its claim on the tensor (tensor_numbers.claimed, inlined) is the one the call
  made: the claim of a skimmed op still in the window stands, an older one is replaced. Oracles: the
  report with skimming off (test_skim.both) and plain PyTorch for the values.
- calls.notify_memory reads `interp.hooks.on_memory` directly: hooks without it are told nothing
  and raise nothing, as getattr(..., None) did (NullHooks has a no-op one: test_null_hooks.py).
"""

from __future__ import annotations

import types

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.engine.recorder import Recorder
from autogradlab.lang import calls
from autogradlab.lang.hooks import NullHooks
from autogradlab.limits import Limits
from tests.unit.test_skim import both, skim_notes

# x is written in place every pass (its entry exists: the skimmed op claims it), then becomes a leaf
# after the loop: the graph names the op and line that made it (Recorder.creation_op)
INPLACE_THEN_LEAF = """import torch
x = torch.zeros(3)
s = torch.ones(3)
for i in range(N):
    x.mul_(0.5)
    x.add_(s)
    s = s * 1.0
x.requires_grad_(True)
y = (x * x).sum()
y.backward()
print(x.grad)
"""


@pytest.mark.parametrize("passes", [30, 400, 1200])
def test_inplace_results_claimed_as_with_skimming_off(passes, monkeypatch):
    source = INPLACE_THEN_LEAF.replace("N", str(passes))
    off, on = both(source, monkeypatch)
    x = torch.zeros(3)
    for _ in range(passes):
        x.mul_(0.5)
        x.add_(torch.ones(3))
    assert on.printed.strip() == str(2 * x).strip()   # x.grad = 2x, as PyTorch computes it
    if passes == 1200:
        assert skim_notes(on)   # the long loop was skimmed: the inline path ran


def test_inplace_claim_in_the_last_window_names_the_loop_line():
    """The leaf x was last made by `x.add_(s)` (line 6) in a pass whose ops are still in the window."""
    report = run_program(INPLACE_THEN_LEAF.replace("N", "1200"), limits=Limits())
    assert report.ok
    leaves = [n for n in report.graph.nodes if n.kind == "leaf" and n.var == "x"]
    assert leaves and leaves[0].line == 6


class _Told:
    def __init__(self) -> None:
        self.told: list[tuple[str, torch.Tensor]] = []

    def on_memory(self, kind: str, tensor: torch.Tensor) -> None:
        self.told.append((kind, tensor))


def test_notify_memory_tells_hooks_that_listen():
    hooks = _Told()
    interp = types.SimpleNamespace(hooks=hooks)
    t = torch.ones(2)
    calls.notify_memory(interp, "write", t)
    calls.notify_memory(interp, "grad", t)
    calls.notify_memory(interp, "write", [t])   # not a tensor: nothing to tell
    assert [(kind, value is t) for kind, value in hooks.told] == [("write", True), ("grad", True)]


def test_notify_memory_without_on_memory_is_silent():
    """on_memory is optional: hooks without it (NullHooks has one since session 18) hear nothing."""
    interp = types.SimpleNamespace(hooks=types.SimpleNamespace(on_op=NullHooks().on_op))
    assert not hasattr(interp.hooks, "on_memory")
    calls.notify_memory(interp, "write", torch.ones(2))   # raises nothing


def test_notify_memory_reaches_the_recorder():
    """The recorder's on_memory("grad") remembers the tensor whose .grad the program saw."""
    recorder = Recorder("", limits=Limits())
    interp = types.SimpleNamespace(hooks=recorder)
    w = torch.ones(2, requires_grad=True)
    calls.notify_memory(interp, "grad", w)
    assert recorder._grad_owners[id(w)]() is w
