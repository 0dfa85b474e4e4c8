"""Issue 9: the skimmed op's fast path (engine/skimmed_ops.SkimmedOps.on_op) and the window's
steady step it takes at once (a ghost in, the oldest ghost out, its keys dropped if still its own).

The oracles: the same run with skimming off (test_skim.both: the reports equal but for the notes
and op records, the kept records those of the run without skimming), and plain PyTorch for what
the programs print. The programs mix ops the fast path takes (tensor and number arguments, one
tensor out) with every kind it hands to _skim_any (keyword arguments, a list of tensors, a string,
several outputs, None), keep tensors made in skimmed passes alive past the window (their keys in
`created_by` / `origins` must leave with their ghost, not before), and hold large outputs so that
the window's element bound, not its length, evicts.
"""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

import autogradlab.engine.skimmed_ops as skimmed_ops
from autogradlab.engine.trace import RECORD_WINDOW, WINDOW_ELEMENTS
from autogradlab.limits import Limits
from tests.unit.test_skim import both, skim_notes

MIXED = """import torch
x = torch.linspace(-1.0, 1.0, 6)
w = torch.tensor([0.5, -0.25, 1.0, 2.0, -1.5, 0.75], requires_grad=True)
total = torch.zeros(())
for i in range(900):
    y = w * x + 0.5 * i / 900
    s = torch.sum(y, dim=0)
    c = torch.cat([y, x])
    e = torch.einsum('i,i->', y, x)
    m, k = torch.max(c.reshape(2, 6), 1)
    total = total + s.detach() * 0.001 + e.detach() * 0.0 + m.sum().detach() * 0.0
    z = y.unsqueeze(0).squeeze(0) ** 2
print(total, k)
z.sum().backward()
print(w.grad)
"""

# tensors made in skimmed passes and kept: the ghost that made them leaves the window while they
# live; their creation (the leaf's line in the graph) and grad_fn keys must leave with it
KEPT = """import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
kept = []
grads = []
for i in range(1200):
    b = a * 1.001
    c = b.detach() + i
    if i % 100 == 7:
        kept.append(c)
        grads.append(b)
last = kept[0].requires_grad_(True)
first = grads[0].contiguous()   # the same tensor and Node: its op now owns the Node's key
out = (last * a).sum() + sum(g.sum() for g in grads) + first.sum()
out.backward()
print(out.item(), a.grad, last.grad)
"""

# the window's element bound evicts (5,000 elements per op, 500 ghosts would hold 2.5 M)
LARGE = """import torch
x = torch.ones(5000)
for i in range(1500):
    y = x * 0.5 + i
print(y.sum())
"""

# in place: the result is the input (its key already in created_by: the op claims nothing)
IN_PLACE = """import torch
x = torch.zeros(4)
for i in range(1500):
    x.add_(1.0)
    y = x.mul(2)
print(x, y)
"""

PROGRAMS = {"mixed": MIXED, "kept": KEPT, "large": LARGE, "in_place": IN_PLACE}


def plain_printed(source: str) -> str:
    """What the program prints run by Python and PyTorch (trusted test text)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "program", "exec"), {})  # noqa: S102 - the oracle runs our own test text
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fast_path_programs_report_the_same_and_print_as_pytorch(name, monkeypatch):
    torch.manual_seed(0)
    off, on = both(PROGRAMS[name], monkeypatch)
    assert off.ok, off.error
    assert skim_notes(on), on.notes
    assert on.printed == plain_printed(PROGRAMS[name])


def test_the_fast_path_takes_the_usual_op_and_hands_on_the_rest(monkeypatch):
    """Which ops _skim_any gets: only those of another shape (so a fast path that silently never
    runs, or that takes what it should not, fails here)."""
    handed: list[str] = []
    general = skimmed_ops.SkimmedOps._skim_any

    def spy(self, op, args, kwargs, result, line):
        handed.append(op)
        return general(self, op, args, kwargs, result, line)

    monkeypatch.setattr(skimmed_ops.SkimmedOps, "_skim_any", spy)
    _, on = both(MIXED, monkeypatch)
    assert skim_notes(on)
    kinds = set(handed)
    assert {"sum", "cat", "einsum", "max"} <= kinds   # keyword, list, string, several outputs
    assert not kinds & {"mul", "add", "truediv", "pow", "detach", "unsqueeze", "squeeze"}, kinds


@pytest.mark.parametrize("elements", [WINDOW_ELEMENTS // RECORD_WINDOW, WINDOW_ELEMENTS // RECORD_WINDOW + 1])
def test_the_element_bound_just_below_and_above_a_full_window(elements, monkeypatch):
    """A full window of ghosts holding exactly WINDOW_ELEMENTS (the steady step) or one element per
    op more (the element bound evicts): the same report either way."""
    source = (f"import torch\nx = torch.ones({elements})\nfor i in range(1500):\n"
              f"    y = x * 0.5 + i\nprint(y.sum())\n")
    off, on = both(source, monkeypatch, Limits(timeout_s=120))
    assert off.ok and skim_notes(on)
    assert on.printed == plain_printed(source)
