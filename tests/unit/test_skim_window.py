"""Issue 9: the pass-aware window (engine/skim.py, pass_checks.py, pass_local.py) skims a loop's passes
that are not among its last KEEP_PASSES ones when that cannot change the report's graph.

Oracles: the same run with skimming off (everything but the op records and the notes the same, the
records kept are records of that run and its last ones; test_skim.both), and the same run under
today's rule only (skim.KEEP_PASSES so large that no pass qualifies): a program the new rule must
not trust gives byte for byte that report, op records included.
"""

from __future__ import annotations

import pickle

import pytest

import autogradlab.engine.skim as skim
import autogradlab.engine.skim_rerun as skim_rerun
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.note_keys import REPORT, recognise
from tests.unit.test_skim import both, comparable, records_agree, report, skim_notes


def today(source: str, monkeypatch):
    """The run under today's rule only (no pass qualifies for the pass-aware window)."""
    keep = skim.KEEP_PASSES
    skim.KEEP_PASSES = 10**9
    try:
        return report(source, True, monkeypatch)
    finally:
        skim.KEEP_PASSES = keep


def note_params(on) -> dict[str, str]:
    key, pairs = recognise(skim_notes(on)[0], REPORT)
    return {"key": key, **dict(pairs)}


def loop_records(on, line: int) -> list:
    return [r for r in on.ops if r.line == line]


NO_GRAD = """import torch
A = torch.randn(30, 30)
A = A @ A.T / 30
v = torch.ones(30)
for k in range(200):
    w = A @ v
    v = w / w.norm()
lam = v @ A @ v
x = torch.ones(3, requires_grad=True)
y = (x * lam).sum()
print(lam, y)
"""

TRAINING = """import torch
X = torch.linspace(-1, 1, 40).reshape(-1, 1)
y = 3 * X - 0.5
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for epoch in range(60):
    l = ((X @ w + b - y) ** 2).mean()
    l.backward()
    with torch.no_grad():
        for p in [w, b]:
            p -= 0.1 * p.grad
            p.grad.zero_()
    if epoch % 20 == 19:
        print(epoch, l.item())
print(w, b)
"""

NEWTON = """import torch
x = torch.tensor(3.0)
for step in range(60):
    x = x.detach().requires_grad_(True)
    f = x ** 3 - 2 * x - 5
    f.backward()
    with torch.no_grad():
        x = x - f / x.grad
print(x, f)
"""


@pytest.mark.parametrize(("name", "source", "line", "first_ops"), [
    ("no_grad", NO_GRAD, 5, 1), ("training", TRAINING, 6, 5), ("newton", NEWTON, 3, 2)])
def test_a_loop_is_skimmed_to_its_last_passes_and_reports_the_same(name, source, line, first_ops,
                                                                   monkeypatch):
    """first_ops: the ops of the body's first line (every pass starts with them)."""
    off, on = both(source, monkeypatch)
    assert off.ok, off.error
    params = note_params(on)
    assert params["line"] == str(line) and params["passes"] == str(skim.KEEP_PASSES)
    # today's rule records ~the last 500 ops; the window its first passes (the evidence) and its last
    first = loop_records(on, line + 1)
    assert skim.KEEP_PASSES * first_ops <= len(first) <= (4 + skim.KEEP_PASSES) * first_ops
    assert len(on.ops) < len(today(source, monkeypatch).ops)
    # the last KEEP_PASSES passes are whole: every op from the first of them on is recorded
    starts = [r.index for r in off.ops if r.line == line + 1][::first_ops]
    assert {r.index for r in off.ops if r.index >= starts[-skim.KEEP_PASSES]} <= {r.index for r in on.ops}


def test_the_graph_of_a_skimmed_pass_tensor_is_the_same(monkeypatch):
    """A leaf made after the loop from a tensor of a skimmed pass: its creation line is kept."""
    source = ("import torch\nkeep = []\nv = torch.ones(3)\nfor i in range(60):\n    v = v * 1.001\n"
              "    keep.append(v)\nt = keep[40]\nt.requires_grad_()\nout = (t * 2).sum()\nout.backward()\n")
    off, on = both(source, monkeypatch)
    leaf = [n for n in on.graph.nodes if n.kind == "leaf"][0]
    assert leaf.line == 5 and leaf.op_index is not None
    assert all(r.index != leaf.op_index for r in on.ops)   # its record was skimmed; its line was not
    assert skim_notes(on)


def test_a_grad_tensor_made_only_in_a_late_pass_is_recorded(monkeypatch):
    source = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nv = torch.ones(2)\n"
              "z = None\nfor i in range(300):\n    v = v * 1.001\n    if i == 200:\n        z = v * x\n"
              "out = z.sum()\nout.backward()\nprint(out, x.grad)\n")
    off, on = both(source, monkeypatch)
    assert off.ok, off.error
    mul = [n for n in on.graph.nodes if n.kind == "op" and n.line == 8]
    assert mul and mul[0].value is not None   # the op that made the Node was recorded in full
    assert [r.line for r in on.ops if r.index == mul[0].op_index] == [8]
    assert skim_notes(on)


FALLBACKS = {
    "list_keeps_each_loss": """import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
losses = []
for i in range(120):
    loss = (w * (i + 1)).sum()
    loss.backward()
    losses.append(loss)
total = losses[0] + losses[-1]
print(total)
""",
    "retain_graph": """import torch
a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
for k in range(100):
    c = (a * a).sum() * 2.0
    c.backward(retain_graph=True)
    c.backward()
print(a.grad, c)
""",
    "chain_through_passes": """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(150):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
print(y.item(), x.grad)
""",
    "hidden_state": """import torch
torch.manual_seed(0)
W = torch.randn(4, 4, requires_grad=True) * 0.3
h = torch.zeros(4)
for t in range(100):
    h = torch.tanh(W @ h + 1.0)
    loss = h.sum()
print(loss)
""",
    "previous_loss_kept": """import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
prev = None
loss = (w * 2).sum()
for i in range(120):
    prev = loss
    loss = (w * (i + 1)).sum() + 1.0
    loss.backward()
print(prev, loss)
""",
    "best_loss_kept": """import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
best = (w * 1000).sum()
for i in range(120):
    loss = (w * (i - 60) ** 2).sum() + 1.0
    loss.backward()
    best = min(best, loss)
print(best)
""",
    "loss_picked_from_a_list": """import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
keep = (w * 2).sum()
for i in range(120):
    loss = (w * i).sum() + 1.0
    loss.backward()
    keep = [keep, loss][i == 100]
print(keep)
""",
    "function_called_in_body": """import torch
def f(w, i):
    return (w * i).sum()
w = torch.tensor([1.0, -1.0], requires_grad=True)
for i in range(120):
    loss = f(w, i)
    loss.backward()
print(loss)
""",
}


@pytest.mark.parametrize("name", sorted(FALLBACKS))
def test_what_the_window_cannot_trust_keeps_todays_rule(name, monkeypatch):
    source = FALLBACKS[name]
    off, on = both(source, monkeypatch)
    assert off.ok, off.error
    old = today(source, monkeypatch)
    assert pickle.dumps(on.ops) == pickle.dumps(old.ops)
    assert comparable(on) == comparable(old)


def test_a_loop_in_a_function_and_nested_loops(monkeypatch):
    source = """import torch
x = torch.linspace(0, 1, 10)
def train(w, steps):
    for i in range(steps):
        loss = ((w * x - 2 * x) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= 0.5 * w.grad
            w.grad.zero_()
    return loss
w = torch.tensor(0.0, requires_grad=True)
first = train(w, 80)
last = train(w, 80)
v = torch.ones(2)
for i in range(60):
    for j in range(5):
        v = v * 1.01
print(first, last, w, v)
"""
    off, on = both(source, monkeypatch)
    assert off.ok, off.error
    lines = sorted(dict(recognise(n, REPORT)[1])["line"] for n in skim_notes(on))
    assert lines == ["15", "4"]
    assert len(on.ops) < len(off.ops)


def test_a_loop_stopped_by_an_error_keeps_its_error_and_says_so(monkeypatch):
    source = ("import torch\nv = torch.ones(3)\nvals = [1.0] * 250\nfor i in range(400):\n"
              "    v = v * vals[i]\nprint(v)\n")
    off = report(source, False, monkeypatch)
    assert comparable(report(source, True, monkeypatch)) == comparable(off)   # run again (skim_rerun.py)
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # without time for that: the skimmed run's
    on = report(source, True, monkeypatch)
    assert on.error == off.error and on.error.line == 5
    assert (on.printed, pickle.dumps(on.variables)) == (off.printed, pickle.dumps(off.variables))
    assert note_params(on)["key"] == "notes.skimmed_cut"
    records_agree(on, off, tail=False)   # (its last passes never ran: the note says so)


def test_the_note_says_how_many_passes_were_recorded_in_both_languages(monkeypatch):
    from autogradlab import messages

    _, on = both(NEWTON, monkeypatch)
    params = note_params(on)
    key = params.pop("key")
    assert key == "notes.skimmed_backward" and params["passes"] == "3"
    assert messages.text("en", key, **params) == skim_notes(on)[0]
    zh = messages.text("zh", key, **params)
    assert "最后 3 轮" in zh


def test_the_pass_local_reading_of_loop_bodies():
    import ast

    from autogradlab.engine.pass_local import defined_names, pass_local_body, program_allows

    def local(body: str, program: str = "") -> bool:
        tree = ast.parse(program + "for i in range(9):\n" + body)
        loop = tree.body[-1]
        return program_allows(tree) and pass_local_body(loop.body, defined_names(tree))

    assert local("    l = (w * i).sum()\n    l.backward()\n    with torch.no_grad():\n        w -= w.grad\n")
    assert local("    if i % 3 == 0:\n        print(i)\n    s = torch.stack([w, w * i])\n")
    assert not local("    a, b = b, a\n")                         # which pass's tensor a keeps: data
    assert not local("    best = min(best, l)\n")
    assert not local("    keep = max([l, keep])\n")
    assert not local("    keep = [l, keep][i > 250]\n")
    assert not local("    pair = [l, keep]\n    keep = pair[int(l < 1)]\n")
    assert local("    for p in [w, b]:\n        p -= p.grad\n")
    assert local("    x = x.detach().requires_grad_(True)\n")
    assert not local("    x = x.detach().requires_grad_(i > 3)\n")
    assert not local("    if i == 5:\n        keep = l\n")           # a name bound in some passes only
    assert not local("    keep.append(l)\n")
    assert not local("    d[i] = l\n")
    assert not local("    l = f(w)\n", "def f(w):\n    return w\n")
    assert not local("    l = a if i else b\n")
    assert not local("    for p in [w, l]:\n        p -= 1\n    l = w\n")   # l is rebound in the body
    assert not local("    for j in range(3):\n        p = w\n")
    assert not local("    l.backward(retain_graph=True)\n")
    assert not local("    y = torch.autograd.grad(l, w)\n")
    assert local("    l = w * i\n", "# a comment about autograd and retain_graph\n")
    assert local("    l = w * i\n    w.grad = None\n")
    assert not local("    w.grad = l\n")


def test_run_program_still_stops_at_max_ops_with_the_window(monkeypatch):
    source = ("import torch\nx = torch.ones(2)\nkeep = []\nfor i in range(1200):\n    keep.append(x * i)\n")
    limits = Limits(timeout_s=60, max_ops=1000)
    monkeypatch.setattr(skim, "SKIM", True)
    on = run_program(source, limits=limits)
    monkeypatch.setattr(skim, "SKIM", False)
    off = run_program(source, limits=limits)
    assert on.error == off.error and on.error.kind == "limit" and on.error.line == 5
    records_agree(on, off, tail=False)
