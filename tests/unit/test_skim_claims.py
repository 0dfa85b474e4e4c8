"""A skimmed op's claim on the tensor it made (Recorder.creation_op: the line a leaf's node shows)
is kept on the tensor's entry while its ghost is in the window (tensor_numbers.claimed, issue 9),
not in `created_by`. Oracle: the run with skimming off (test_skim.both: the report equal but for
notes and op records), at the window's edge: the op that made the tensor one op inside the window,
at its last place, and one op out when a later op (an in-place one, which returns the same tensor)
claims it. The graph's leaf shows the line of the making op while it is in the window, and of the
later op when that one claimed it (else this test would not reach the edge)."""

from __future__ import annotations

import pytest

from autogradlab.engine.trace import RECORD_WINDOW
from tests.unit.test_skim import both, skim_notes

# ops: ones (index 0), one mul per pass (index 1 + n): `keep` is made by op 1 + MADE
MADE = 600
PROGRAM = """import torch
v = torch.ones(3)
for n in range(700):
    v = v * 1.0001
    if n == {made}:
        keep = v
for j in range({extra}):
    v = v + 1.0
keep.{method}
out = (keep * 2).sum()
out.backward()
print(keep.grad, v)
"""


def _edge() -> int:
    """EXTRA at which the op that made `keep` (index 1 + MADE) is the oldest in the window when
    `keep.<method>` runs: that op's index is 701 + extra and the window then holds the RECORD_WINDOW
    ops before it."""
    return (1 + MADE) - 701 + RECORD_WINDOW


def _leaf_line(report) -> int | None:
    leaves = [node for node in report.graph.nodes if node.kind == "leaf" and node.var == "keep"]
    assert len(leaves) == 1, report.graph.nodes
    return leaves[0].line


@pytest.mark.parametrize("method", ["requires_grad_()", "mul_(2.0).requires_grad_()"])
@pytest.mark.parametrize("shift", [None, -1, 0, 1])
def test_the_claim_leaves_with_its_ghost(method, shift, monkeypatch):
    """shift None: no ops after the loop, the making op is still in the window when the report is
    built (the leaf shows its line); -1, 0: in the window when `keep.<method>` runs (the claim stays
    with the ghost, which has left when the report is built: no line); 1: out, the in-place op
    claims the tensor (its line)."""
    extra = 0 if shift is None else _edge() + shift
    off, on = both(PROGRAM.format(made=MADE, extra=extra, method=method), monkeypatch)
    assert on.ok, on.error
    assert skim_notes(on)
    later = method.count("_(") - 1   # in-place ops before requires_grad_: the edge comes one op earlier
    expected = 4 if shift is None else None if shift + later <= 0 else 9
    assert _leaf_line(on) == _leaf_line(off) == expected
