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
    """The backward calls that recorded their gradients (GradientRecorder.begin hooking the graph, or
    begin_captured handing back a captured backward: engine/captured_backward.py), each as skim.SKIM."""
    calls: list[bool] = []
    begin, begin_captured = grads.GradientRecorder.begin, grads.GradientRecorder.begin_captured

    def counted(self, roots, *rest, **named):   # (and whatever else begin takes)
        calls.append(skim.SKIM)
        return begin(self, roots, *rest, **named)

    def counted_captured(self, root, *rest, **named):
        run = begin_captured(self, root, *rest, **named)
        if run is not None:
            calls.append(skim.SKIM)
        return run
    monkeypatch.setattr(grads.GradientRecorder, "begin", counted)
    monkeypatch.setattr(grads.GradientRecorder, "begin_captured", counted_captured)
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


@pytest.mark.parametrize("sure", [1, 2, 3])
@pytest.mark.parametrize("after_loop", [False, True])
def test_the_backward_rule_has_no_margin_and_loses_no_kept_gradients(sure, after_loop, monkeypatch):
    """Session 18: a pass's backward calls hook nothing once the passes left surely run at least
    KEPT_BACKWARDS calls (SKIM_MIN_BACKWARDS = KEPT_BACKWARDS, no margin): the calls after it are then
    all hooked, so exactly the kept ones are, and the report (the gradients the graph shows, the
    backward calls listed) is the one of the run that hooks every call; a backward after the loop
    only pushes more of them out."""
    passes = 14
    body = "".join(f"    y{j} = (w * (i + {j + 1})).sum() * v\n    y{j}.backward()\n" for j in range(sure))
    source = ("import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "v = torch.tensor(3.0, requires_grad=True)\n"
              f"for i in range({passes}):\n" + body
              + ("z = (w * v).sum()\nz.backward()\n" if after_loop else "") + "print(w.grad, v.grad)\n")
    calls = _counting_begin(monkeypatch)
    off, on = both(source, monkeypatch)
    assert off.ok, off.error
    assert skim.SKIM_MIN_BACKWARDS == grads.KEPT_BACKWARDS
    hooked_passes = -(-grads.KEPT_BACKWARDS // sure)   # the last passes whose left * sure < KEPT_BACKWARDS
    assert calls.count(True) == sure * (1 + hooked_passes) + after_loop   # the first pass is hooked too
    assert off.graph is not None and any(n.grad is not None for n in off.graph.nodes)


@pytest.mark.parametrize("lag", [grads.KEPT_BACKWARDS - 1, grads.KEPT_BACKWARDS, grads.KEPT_BACKWARDS + 1])
def test_the_oldest_kept_backward_still_shows_its_gradients(lag, monkeypatch):
    """The rule at its edge: the output is the tensor backwarded `lag` calls before the end (a chain
    of names carries it over the passes), so its graph's gradients come from that call's capture. The
    KEPT_BACKWARDS-th call from the end is the oldest one kept: it must be hooked (with
    SKIM_MIN_BACKWARDS = KEPT_BACKWARDS - 1 it was not, and its graph lost its gradients); one more
    back, none are shown with skimming off either."""
    chain = "".join(f"    a{k} = a{k - 1}\n" for k in range(lag - 1, 0, -1))
    source = ("import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              + "".join(f"a{k} = w.sum()\n" for k in range(lag))
              + "for i in range(20):\n" + chain + "    a0 = (w * (i + 1)).sum()\n    a0.backward()\n")
    off, on = both(source, monkeypatch, output=f"a{lag - 1}")
    assert off.ok, off.error
    shown = sum(node.grad is not None for node in off.graph.nodes)
    assert (shown > 0) == (lag <= grads.KEPT_BACKWARDS)
