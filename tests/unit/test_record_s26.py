"""max_ops counts every op result alive at the moment of each op, skimmed passes included (issue 9).

Session 26 weighed numbering op results without a weak reference each (bench/README.md, "Session
26: record"): such a scheme must still count, at every op, the results a program no longer names
but that still live: a temporary of the expression being evaluated, and a temporary autograd saved
for a backward that has not run (PyTorch keeps its Python object alive). These tests pin where the
limit stops two loops long enough to be skimmed, one result below and at it, with skimming on and
off (the same error at the same op), and compare what a run that ends prints with real Python.
"""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

import autogradlab.engine.skim as skim
from autogradlab.engine import run_program
from autogradlab.limits import Limits

PASSES = 800

# Before pass i's `+ i`: x, the i results kept and the temporary `x * 2`: 2 + i alive, so the last
# pass (i = PASSES - 1) meets max_ops = PASSES + 1 there, and max_ops = PASSES + 2 lets it end.
TEMPORARY = f"""import torch
x = torch.ones(3)
keep = []
for i in range({PASSES}):
    keep.append(x * 2 + i)
print(len(keep), keep[-1].tolist())
"""

# Each kept sum holds its graph, and SinBackward0 holds the temporary `w * i` (its Python object
# lives until a backward frees it): before pass i's `.sum()`, w + 2 i kept + that pass's `w * i`
# and sin result = 3 + 2 i alive; the last pass meets max_ops = 2 PASSES + 1 there.
SAVED = f"""import torch
w = torch.ones(3, requires_grad=True)
keep = []
for i in range({PASSES}):
    keep.append(torch.sin(w * (i / {PASSES})).sum())
print(len(keep), round(sum(k.item() for k in keep), 4))
"""


def _plain(source: str) -> str:
    """What real Python and PyTorch print for the program (trusted test text)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<plain>", "exec"), {"torch": torch})   # noqa: S102 - test oracle
    return out.getvalue()


def _run(source: str, max_ops: int, on: bool, monkeypatch):
    monkeypatch.setattr(skim, "SKIM", on)
    return run_program(source, limits=Limits(timeout_s=60, max_ops=max_ops))


def _skimmed(report) -> bool:
    return any("were counted but not recorded" in note for note in report.notes)


@pytest.mark.parametrize(("source", "limit"), [(TEMPORARY, PASSES + 1), (SAVED, 2 * PASSES + 1)],
                         ids=["temporary", "saved"])
@pytest.mark.parametrize("above", [False, True], ids=["at_limit", "one_below"])
def test_max_ops_counts_results_the_program_no_longer_names(source, limit, above, monkeypatch):
    max_ops = limit + 1 if above else limit
    on, off = _run(source, max_ops, True, monkeypatch), _run(source, max_ops, False, monkeypatch)
    assert _skimmed(on), on.notes
    assert (on.ok, on.error, on.printed) == (off.ok, off.error, off.printed)
    if above:   # the whole loop ran: what it printed is what PyTorch prints
        assert on.ok, on.error
        assert on.printed == _plain(source)
    else:       # stopped at the last pass's op (line 5), by max_ops
        assert on.error.kind == "limit" and f"max_ops = {max_ops:,}" in on.error.message
        assert on.error.line == 5 and on.printed == ""


def test_a_saved_temporary_is_counted_until_backward_frees_it(monkeypatch):
    """The same loop with a backward each pass frees each graph's saved temporary: at the limit
    SAVED meets (two results per kept pass) it runs to the end. (It needs a few more than one per
    kept pass: the recorded last passes keep their Nodes' saved tensors for the report.)"""
    source = SAVED.replace(".sum())", ".sum())\n    keep[-1].backward()")
    report = _run(source, 2 * PASSES + 1, True, monkeypatch)
    assert report.ok, report.error
    assert report.printed == _plain(source)
