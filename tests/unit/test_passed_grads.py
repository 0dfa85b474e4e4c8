"""passed_grads.py: the inputs of an add that passes its gradient on as it is take the add's gradient
instead of a hook of their own. The gradients captured must be the ones hooking every Node captures
(the old path), bit for bit, with the same tensors shared between Nodes (the report pickles one
snapshot per tensor), and equal to what PyTorch hands every Node (prehooks copying at once, the
oracle), in every case where the shortcut must not apply too: broadcasting, dtype promotion,
alpha != 1, x + x, fan-out, roots, multi-output Nodes, custom Functions, `gradient=`,
create_graph, retain_graph, and `inputs=` (through run_program)."""

from __future__ import annotations

import ast
import dataclasses
import pickle

import pytest
import torch

from autogradlab.engine import passed_grads
from autogradlab.engine.grads import GradientRecorder
from autogradlab.engine.graph import walk_functions
from autogradlab.engine.recorder import _runs_every_node_it_reaches
from autogradlab.engine.run import run_program


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 3 * x * x * grad


def chain():
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(30):
        y = torch.sin(y) * 1.01 + 0.1 * x
    return [y], None


def broadcast():
    w = torch.randn(3, 4, requires_grad=True, generator=torch.Generator().manual_seed(1))
    b = torch.randn(4, requires_grad=True, generator=torch.Generator().manual_seed(2))
    return [((w * 2) + (b * 3)).sum()], None


def promotion():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], dtype=torch.float64, requires_grad=True)
    return [(torch.exp(a) + torch.sin(b)).sum()], None


def alpha_two():
    a = torch.tensor([1.0, -2.0], requires_grad=True)
    return [torch.add(torch.sin(a), torch.cos(a), alpha=2).sum()], None


def twice_and_fan_out():
    a = torch.tensor([0.3, 0.7], requires_grad=True)
    s = torch.sin(a)
    t = torch.exp(a)
    u = s + s            # the same Node twice
    v = t + u            # t: used by v only; u: by v only
    w = v * t            # t: now used twice
    return [(w + torch.tanh(v)).sum()], None


def adds_of_adds():
    a = torch.tensor([0.1, 0.2, 0.3], requires_grad=True)
    y = torch.sin(a) + torch.cos(a) + torch.exp(a) + torch.tanh(a) * 2
    return [y.sum()], None


def multi_output_and_custom():
    a = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
    r0, r1 = torch.unbind(a)
    c = Cube.apply(r1 * 2)
    return [(r0 + c + Cube.apply(a[0])).sum()], None


def program_gradient():
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = torch.sin(a) + torch.cos(a) * 2 + a * a
    return [y], torch.tensor([0.5, -1.0, 2.0])


def two_roots():
    a = torch.tensor([0.4, 0.9], requires_grad=True)
    mid = torch.sin(a) * 3
    top = mid + torch.exp(a)
    return [top.sum(), mid.sum()], None


def complex_sum():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    z = torch.tensor([1 + 1j, 2 - 1j], requires_grad=True)
    return [(torch.sin(a) + z * 2).abs().sum()], None


CASES = [chain, broadcast, promotion, alpha_two, twice_and_fan_out, adds_of_adds, multi_output_and_custom,
         program_gradient, two_roots, complex_sum]


def captured(case, every_node: bool, create_graph: bool = False, calls: int = 1):
    """(capture of the last backward, the Nodes and leaves in walk order, what PyTorch handed each)."""
    torch.manual_seed(0)
    roots, gradient = case()
    fns = []
    for root in roots:
        fns.extend(fn for fn in walk_functions(root.grad_fn) if fn not in fns)
    oracle: dict[int, torch.Tensor] = {}

    def copying(key):
        def hook(grad_outputs):
            oracle[key] = grad_outputs[0].detach().clone()
        return hook
    for fn in fns:
        fn.register_prehook(copying(id(fn)))
    recorder = GradientRecorder()
    for call in range(calls):
        recorder.begin(roots, gradient, every_node)
        grads = None if gradient is None else [gradient] + [None] * (len(roots) - 1)
        torch.autograd.backward(roots, grads, retain_graph=call < calls - 1 or create_graph,
                                create_graph=create_graph)
        recorder.finish()
    if gradient is not None:
        gradient.mul_(10)   # the program changes its own gradient tensor afterwards
    keys = [id(fn.variable) if type(fn).__name__ == "AccumulateGrad" else id(fn) for fn in fns]
    return recorder.completed[-1], keys, [oracle.get(id(fn)) for fn in fns]


def sharing(capture, keys):
    """Which Nodes show the very same tensor (what the report's snapshots share)."""
    got = [capture.get(k) for k in keys]
    return [[j for j, h in enumerate(got) if g is not None and h is g] for g in got]


@pytest.mark.parametrize("create_graph", [False, True])
@pytest.mark.parametrize("calls", [1, 2])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_an_add_s_inputs_show_what_hooking_every_node_shows(case, calls, create_graph):
    old, old_keys, expected = captured(case, True, create_graph, calls)
    new, new_keys, _ = captured(case, False, create_graph, calls)
    for position, (a, b) in enumerate(zip(old_keys, new_keys, strict=True)):
        g_old, g_new = old.get(a), new.get(b)
        assert (g_old is None) == (g_new is None), position
        if g_new is not None:
            assert g_new.dtype == g_old.dtype and torch.equal(g_new, g_old), position
            assert not g_new.requires_grad
            if expected[position] is not None:   # (an AccumulateGrad's: its leaf hook's)
                assert torch.equal(g_new, expected[position])
    assert sharing(old, old_keys) == sharing(new, new_keys)


def test_the_chain_really_leaves_the_add_inputs_unhooked():
    roots, _ = chain()
    recorder = GradientRecorder()
    recorder.begin(roots, None, False)
    derived = len(recorder._current.derived)
    roots[0].backward()
    recorder.finish()
    assert derived == 60   # both inputs of each of the 30 adds
    add = roots[0].grad_fn
    capture = recorder.completed[-1]
    for child, _ in add.next_functions:
        assert capture[id(child)] is capture[id(add)]


@pytest.mark.parametrize(("call", "every"), [
    ("y.backward()", False), ("y.backward(g)", False), ("y.backward(g, retain_graph=True)", False),
    ("torch.autograd.backward(y)", False), ("torch.autograd.backward([y], [g])", False),
    ("y.backward(inputs=[x])", True), ("y.backward(g, False, False, [x])", True),
    ("torch.autograd.backward(y, g, None, False, None, [x])", True), ("y.backward(*args)", True),
    ("y.backward(**kwargs)", True), ("y", True)])
def test_which_backward_calls_may_leave_nodes_unhooked(call, every):
    assert _runs_every_node_it_reaches(ast.parse(call, mode="eval").body) is not every


PROGRAMS = [
    "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(40):\n"
    "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\nprint(x.grad)\n",
    "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = torch.sin(x) + torch.cos(x)\n"
    "y = (h + x * 2).sum()\ny.backward(inputs=[x])\nprint(x.grad)\n",
    "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = torch.exp(x)\nh.retain_grad()\n"
    "y = (h + torch.sin(x)).sum()\ny.backward()\nprint(h.grad, x.grad)\n",
    "import torch\nw = torch.ones(3, 2, requires_grad=True)\nb = torch.zeros(2, requires_grad=True)\n"
    "for i in range(5):\n    loss = ((torch.ones(4, 3) @ w + b) ** 2).sum()\n    loss.backward()\n"
    "    with torch.no_grad():\n        w -= 0.01 * w.grad\n        b -= 0.01 * b.grad\n"
    "    w.grad.zero_()\n    b.grad.zero_()\nprint(w, b)\n",
]


@pytest.mark.parametrize("source", PROGRAMS)
def test_reports_are_the_same_with_and_without_the_shortcut(source, monkeypatch):
    def dumped():
        report = run_program(source)
        assert report.ok, report.error
        return pickle.dumps(dataclasses.replace(report, timing_ms=0.0))
    with_it = dumped()
    monkeypatch.setattr(passed_grads, "PASS_THROUGH", False)
    assert dumped() == with_it
