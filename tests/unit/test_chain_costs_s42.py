"""Session 42 (issue 9): the chain's own costs. A captured backward's gradients go into the capture in one
dict.update when every key is distinct and every gradient defined (captured_backward.BULK_CAPTURE); the
run lets go of the program's values and their autograd graph before the held young collection
(run.EARLY_FREE), so that collection scans the report and no Node wrapper or tensor of the program; the
graph's node ids come from a per-process list (graph.NODE_IDS_CACHED) and a saved tensor's node from a
per-attribute template.

Every switch leaves the report the same byte for byte (pickled, timings zeroed), on programs whose plans
take and refuse the bulk capture (a Node read at two outputs, an edge no gradient reaches), with the
Steps page's traces too; the gradients captured are PyTorch's own (autograd.grad of the same graph)."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import pytest
import torch

import autogradlab.engine.captured_backward as captured_backward
import autogradlab.engine.graph as graph_module
import autogradlab.engine.run as run_module
from autogradlab.engine.graph_walk import walk_graph
from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions
from bench.report_identity import _zero_timings
from tests.unit.test_held_collection_s41 import CHAIN, REPO

PROGRAMS = {
    "chain_500": CHAIN.format(n=500),
    "chain_3": CHAIN.format(n=3),
    # unbind: one Node whose outputs 0 and 1 are both read (the plan repeats its key: no bulk)
    "two_outputs": ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n"
                    "a, b, c = x.unbind()\ny = a * b + torch.sin(x).sum()\ny.backward()\nprint(x.grad)\n"),
    # max's indices output is read by nothing: the edge of its output 0 only
    "tensors": ("import torch\nW = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()\n"
                "v = torch.tensor([0.5, -1.0, 2.0, 0.25], requires_grad=True)\nh = torch.relu(W @ v)\n"
                "m, i = h.max(0)\nloss = (h * h).sum() + torch.exp(v).mean() * m\nloss.backward()\n"
                "print(W.grad)\nprint(v.grad)\n"),
    "index_saved": ("import torch\nx = torch.arange(6.0, requires_grad=True)\n"
                    "y = (x[torch.tensor([0, 2, 4])] ** 2).sum()\ny.backward()\nprint(x.grad)\n"),
    "two_backwards": ("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\n"
                      "y.backward(retain_graph=True)\ny.backward()\nprint(x.grad)\n"),
    "no_backward": ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                    "y = torch.tanh(x) * x.sum()\n"),
    "training": ("import torch\nw = torch.zeros(3, requires_grad=True)\n"
                 "X = torch.linspace(-1, 1, 60).reshape(20, 3)\n"
                 "t = X @ torch.tensor([1.0, -2.0, 0.5])\nfor epoch in range(200):\n"
                 "    loss = ((X @ w - t) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n"
                 "        w -= 0.1 * w.grad\n        w.grad.zero_()\nprint(loss.item())\n"),
}


def _dumped(source: str, **options) -> bytes:
    report = run_program(source, **options)
    assert report.error is None, report.error
    _zero_timings(report, set())
    return pickle.dumps(report)


SWITCHES = {"bulk": (captured_backward, "BULK_CAPTURE", False, True),
            "early": (run_module, "EARLY_FREE", False, True),
            "ids": (graph_module, "NODE_IDS_CACHED", 0, 20_000)}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("switch", sorted(SWITCHES))
def test_reports_are_the_same_with_each_switch_on_and_off(name: str, switch: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    owner, attr, off, on = SWITCHES[switch]
    monkeypatch.setattr(graph_module, "_NODE_IDS", [])   # (ids made before stay: an empty list each side)
    monkeypatch.setattr(owner, attr, off)
    before = _dumped(PROGRAMS[name])
    monkeypatch.setattr(graph_module, "_NODE_IDS", [])
    monkeypatch.setattr(owner, attr, on)
    assert _dumped(PROGRAMS[name]) == before


@pytest.mark.parametrize("switch", ["bulk", "early"])
def test_steps_reports_are_the_same_with_each_switch_on_and_off(switch: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    owner, attr = {"bulk": (captured_backward, "BULK_CAPTURE"), "early": (run_module, "EARLY_FREE")}[switch]
    steps = StepOptions(backward_if_missing=True)
    monkeypatch.setattr(owner, attr, False)
    before = _dumped(PROGRAMS["chain_3"], steps=steps)
    monkeypatch.setattr(owner, attr, True)
    assert _dumped(PROGRAMS["chain_3"], steps=steps) == before


def _plan_of_program(source_graph) -> captured_backward.Plan:
    outputs: list = []
    walk = walk_graph(source_graph, outputs=outputs)
    plan = captured_backward.plan_of(walk.order, outputs)
    assert plan is not None
    return plan


def test_a_node_read_at_two_outputs_makes_a_plan_with_a_repeated_key() -> None:
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    a, b, _ = x.unbind()
    assert not _plan_of_program((a * b).grad_fn).distinct
    assert _plan_of_program((torch.sin(x) * 2).sum().grad_fn).distinct


def _captured(build, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, torch.Tensor, list]:
    monkeypatch.setattr(captured_backward, "BULK_CAPTURE", bulk)
    leaf, root = build()
    outputs: list = []
    walk = walk_graph(root.grad_fn, outputs=outputs)
    plan = captured_backward.plan_of(walk.order, outputs)
    capture: dict = {}
    captured_backward.runner(root, plan, capture)()
    return capture, leaf.grad, walk.order


def _chain():
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(40):
        y = torch.sin(y) * 1.01 + 0.1 * x
    return x, y


def _two_outputs():
    # unbind's Node: its output 0 is read by nothing (no gradient: None), outputs 1 and 2 are
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    _, b, c = x.unbind()
    return x, b * 2 + c.sin()


def _key(fn) -> int:
    return id(fn.variable) if type(fn).__name__ == "AccumulateGrad" else id(fn)


@pytest.mark.parametrize("build", [_chain, _two_outputs], ids=["chain", "two_outputs"])
def test_the_captured_gradients_are_pytorchs_with_the_bulk_capture_on_and_off(
        build, monkeypatch: pytest.MonkeyPatch) -> None:
    bulk, bulk_leaf_grad, bulk_order = _captured(build, True, monkeypatch)
    loop, loop_leaf_grad, loop_order = _captured(build, False, monkeypatch)
    assert torch.equal(bulk_leaf_grad, loop_leaf_grad)
    leaf, root = build()   # PyTorch's: autograd.grad at each edge of the plan, a Node's first defined kept
    outputs: list = []
    walk = walk_graph(root.grad_fn, outputs=outputs)
    plan = captured_backward.plan_of(walk.order, outputs)
    grads = torch.autograd.grad(root, plan.edges, allow_unused=True, retain_graph=True)
    expected: dict = {}
    for edge, grad in zip(plan.edges, grads, strict=True):
        if grad is not None and _key(edge.node) not in expected:
            expected[_key(edge.node)] = grad
    root.backward()
    assert torch.equal(leaf.grad, bulk_leaf_grad)
    want = [expected.get(_key(fn)) for fn in walk.order]
    for captured, order in ((bulk, bulk_order), (loop, loop_order)):
        got = [captured.get(_key(fn)) for fn in order]
        assert [g is None for g in got] == [w is None for w in want]
        assert all(w is None or torch.equal(g, w) for g, w in zip(got, want, strict=True))


def test_the_bulk_capture_is_taken_for_the_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    updates: list = []

    class Spy(dict):
        def update(self, *args, **kwargs):
            updates.append(1)
            super().update(*args, **kwargs)

    x, y = _chain()
    outputs: list = []
    walk = walk_graph(y.grad_fn, outputs=outputs)
    plan = captured_backward.plan_of(walk.order, outputs)
    capture = Spy()
    captured_backward.runner(y, plan, capture)()
    assert updates == [1] and len(capture) == len(walk.order)


AT_RELEASE = """
import gc, torch
import autogradlab.engine.run as run
run.EARLY_FREE = {early}
source = {source!r}
for _ in range(2):
    run.run_program(source)
seen = []
release = run.release_collection
def spied(held):
    young = gc.get_objects(0)
    seen.append(sum(1 for o in young if isinstance(o, torch.Tensor) or "Backward" in type(o).__name__))
    del young
    return release(held)
run.release_collection = spied
report = run.run_program(source)
print(seen, len(report.graph.nodes))
"""


@pytest.mark.parametrize("early", [True, False])
def test_the_held_collection_finds_the_programs_graph_gone(early: bool) -> None:
    code = textwrap.dedent(AT_RELEASE.format(early=early, source=PROGRAMS["chain_500"]))
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         timeout=300).stdout.split()
    counts, nodes = eval(out[0]), int(out[1])   # noqa: S307 - our own printed list of ints
    assert nodes == 3_502
    assert len(counts) == 1
    if early:
        assert counts[0] < 10          # (a tensor or two the report's values hold for their texts)
    else:
        assert counts[0] >= 2_000      # the 2,000 Node wrappers of the program's graph, scanned


def test_node_ids_are_shared_by_the_nodes_and_their_edges() -> None:
    report = run_program(PROGRAMS["chain_3"])
    ids = {node.id: node.id for node in report.graph.nodes}
    for source, target in report.graph.edges:
        assert source is ids[source] and target is ids[target]
    assert [node.id for node in report.graph.nodes] == [f"n{i}" for i in range(len(report.graph.nodes))]


def test_ids_past_the_cache_are_made_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_module, "_NODE_IDS", [])
    monkeypatch.setattr(graph_module, "NODE_IDS_CACHED", 7)
    report = run_program(PROGRAMS["chain_3"])
    assert len(graph_module._NODE_IDS) == 7
    assert [node.id for node in report.graph.nodes] == [f"n{i}" for i in range(len(report.graph.nodes))]
    assert len(report.graph.nodes) > 7


def test_a_saved_tensors_label_is_shared_and_its_name_its_own() -> None:
    report = run_program("import torch\nx = torch.arange(6.0, requires_grad=True)\n"
                         "y = (x[torch.tensor([0, 2, 4])] ** 2).sum() + x[torch.tensor([1, 3])].sum()\n"
                         "y.backward()\n")
    saved = [node for node in report.graph.nodes if node.kind == "saved"]
    assert [(node.label, node.saved_name) for node in saved] == [
        ("indices[0]", "_saved_indices[0]"), ("self", "_saved_self"), ("indices[0]", "_saved_indices[0]")]
    first, _, second = saved   # (pickle writes a shared text once: as graph.py made them before)
    assert first.label is second.label
    assert first.saved_name is not second.saved_name
