"""Issue 9: a loop's backward calls put no gradient hooks on the graph when its body surely runs more
than KEPT_BACKWARDS of them after (engine/sure_backwards.py, engine/skim.py), and the report stays
the one of the run with skimming off (the oracle: every gradient hooked), byte for byte."""

from __future__ import annotations

import ast

import pytest

import autogradlab.engine.grads as grads
import autogradlab.engine.skim as skim
from autogradlab.engine.sure_backwards import defines_backward, sure_backwards
from tests.unit.test_skim import both


@pytest.mark.parametrize("body, sure", [
    ("    y = (w * i).sum()\n    y.backward()\n", 1),
    ("    y = (w * i).sum()\n    y.backward()\n    torch.autograd.backward(y * 2)\n", 2),
    ("    y = (w * i).sum()\n    if i < 3:\n        y.backward()\n", 0),          # a branch
    ("    y = (w * i).sum()\n    with torch.no_grad():\n        y.backward()\n", 0),   # not counted
    ("    if i == 2:\n        continue\n    y = (w * i).sum()\n    y.backward()\n", 0),   # skips it
    ("    for j in range(2):\n        continue\n    y = (w * i).sum()\n    y.backward()\n", 1),
    ("    y = (w * i).sum()\n    z = y.backward()\n", 0),                          # not a statement
])
def test_sure_backwards_counts_backward_statements_every_pass_runs(body, sure):
    loop = ast.parse("for i in range(5):\n" + body).body[0]
    assert sure_backwards(loop.body) == sure


@pytest.mark.parametrize("source, defines", [
    ("y.backward()\n", False),
    ("def backward(v):\n    return v\n", True),
    ("class Net:\n    def backward(self):\n        pass\n", True),
    ("net.backward = lambda: None\n", True),
    ("f = lambda backward: backward\n", True),
    ("ns = dict(backward=1)\n", True),
    ("from torch.autograd import backward\n", True),
])
def test_a_program_naming_backward_itself_has_no_sure_calls(source, defines):
    assert defines_backward(ast.parse(source)) is defines


def _counting_begin(monkeypatch) -> list[bool]:
    """The backward calls that hooked their graph (GradientRecorder.begin), each as skim.SKIM."""
    calls: list[bool] = []
    begin = grads.GradientRecorder.begin

    def counted(self, roots, gradient=None):
        calls.append(skim.SKIM)
        return begin(self, roots, gradient)
    monkeypatch.setattr(grads.GradientRecorder, "begin", counted)
    return calls


NEWTON = """import torch
x = torch.tensor(3.0)
for step in range(40):
    x = x.detach().requires_grad_(True)
    f = x ** 3 - 2 * x - 5
    f.backward()
    with torch.no_grad():
        x = x - f / x.grad
print(x, f.item())
"""


def test_a_short_loop_hooks_only_its_last_backward_calls(monkeypatch):
    calls = _counting_begin(monkeypatch)
    off, on = both(NEWTON, monkeypatch)   # skimming off, then on: the same report
    assert off.ok, off.error
    assert calls.count(False) == 40
    # passes with at least KEPT_BACKWARDS + 2 passes after them hook nothing (the first pass does)
    assert calls.count(True) == 1 + skim.SKIM_MIN_BACKWARDS
    assert off.graph is not None and any(n.grad is not None for n in off.graph.nodes)


@pytest.mark.parametrize("body, program_backward", [
    ("    if i < 3:\n        y.backward()\n", False),                    # a branch stops the calls
    ("    if i % 2 == 0:\n        continue\n    y.backward()\n", False),  # a continue skips half
    ("    y.backward()\n", True),          # the program names a function `backward`: nothing is sure
])
def test_backward_calls_a_pass_may_not_make_are_hooked(body, program_backward, monkeypatch):
    source = ("import torch\n" + ("def backward(t):\n    return t\n" if program_backward else "")
              + "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "for i in range(900):\n    y = (w * (i + 1)).sum()\n" + body
              + "print(w.grad)\n")
    calls = _counting_begin(monkeypatch)
    off, on = both(source, monkeypatch)   # (before, `if i < 3` lost the gradients of passes 2-3)
    assert off.ok, off.error
    assert calls.count(True) == calls.count(False) > 0   # skimming on hooks every one of them too
