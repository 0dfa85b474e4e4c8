"""A view made under no_grad and written in place, in a loop long enough to skim (d2l's optimizers:
`with torch.no_grad(): w[:] -= lr * w.grad`). PyTorch refuses to name such a view's grad_fn (a
RuntimeError when asked) but a program that never asks runs on; the Recorder's full record already
took that refusal (recorder._grad_fn), the skimmed op read `result.grad_fn` as is, so on 2c4bac6 the
300-pass loop below stopped at line 7 with PyTorch's message (3 passes, or skimming off: ran).
Now such an op is recorded in full in a skimmed pass (SkimmedOps.on_op / _skim_any).
Oracles: the program's printed text in plain Python, the report without skimming."""

from __future__ import annotations

import pytest

from autogradlab.engine import skim_rerun
from tests.unit.test_name_rebinding_s40 import _plain
from tests.unit.test_skim import comparable, records_agree, report

PROGRAMS = {
    # on_op's way: `w[:] -= ...` (sub_ on the view: one tensor out, no keyword arguments)
    "setitem_sub": """import torch
w = torch.ones(4, requires_grad=True)
for k in range(300):
    loss = (w * w).sum()
    loss.backward()
    with torch.no_grad():
        w[:] -= 0.01 * w.grad
        w.grad.zero_()
print(w, loss)
""",
    # _skim_any's way: a keyword argument (`alpha=`) on the view written in place
    "view_add_alpha": """import torch
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
for k in range(300):
    loss = (w ** 2).sum()
    loss.backward()
    with torch.no_grad():
        v = w[:]
        v.add_(w.grad, alpha=-0.05)
        w.grad.zero_()
print(w, loss)
""",
    # two parameters, a slice of each, the loop run by a function (pass-local names)
    "two_params": """import torch
a = torch.ones(2, 3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
def step(lr):
    loss = ((a @ b - 1.0) ** 2).sum() + (a ** 2).sum()
    loss.backward()
    with torch.no_grad():
        a[:] -= lr * a.grad
        b[:] -= lr * b.grad
        a.grad.zero_()
        b.grad.zero_()
    return loss
for k in range(250):
    loss = step(0.01)
print(a, b, loss)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("skim", [True, False])
def test_the_loop_runs_and_prints_what_python_prints(name, skim, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # the skimmed run's own report
    got = report(PROGRAMS[name], skim, monkeypatch)
    assert got.ok, got.error
    assert got.printed == _plain(PROGRAMS[name])


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_skimmed_report_is_the_report_without_skimming(name, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)
    on = report(PROGRAMS[name], True, monkeypatch)
    off = report(PROGRAMS[name], False, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)
    assert any("counted but not recorded" in note for note in on.notes), on.notes   # (it did skim)


def test_reading_the_view_s_grad_fn_is_still_refused(monkeypatch):
    """The program that asks gets PyTorch's RuntimeError, catchable, with its text (as in plain Python)."""
    source = """import torch
w = torch.ones(4, requires_grad=True)
for k in range(300):
    with torch.no_grad():
        v = w[:]
        v -= 0.01
    if k == 299:
        try:
            print(v.grad_fn)
        except RuntimeError as e:
            print(str(e)[:40])
print(w)
"""
    for skim in (True, False):
        got = report(source, skim, monkeypatch)
        assert got.ok, got.error
        assert got.printed == _plain(source)
