"""Session 44 (issue 9): graph.py's add_functions reads a Node class's facts in one look-up
(_CLASS_PLANS: leaf or not, its op nodes' fields, whether read_saved learnt it saves no tensor), copies
a 0-dim gradient's snapshot from a per-dtype template whose id is set already, and makes an op node's
edges as its saved tensors' nodes are made.

The gradients and values the graph shows are PyTorch's own (each Node's gradient taken by a pre-hook
in plain PyTorch, the Nodes in the same walk order); a class is kept in _CLASS_PLANS only once
read_saved has learnt it; and the pickled report is the same byte for byte whether the per-class
caches start empty or full (graph_build_s27 compares each node and edge with a reference built the
slow way)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import torch

import autogradlab.engine.graph as graph
from autogradlab.engine.graph_walk import walk_graph
from autogradlab.engine.run import run_program
from autogradlab.engine.saved_tensors import _SAVED_READERS, read_saved
from bench.report_identity import _zero_timings

CHAIN = ("import torch\nx = torch.tensor(0.5, dtype=torch.{dtype}, requires_grad=True)\ny = x\n"
         "for i in range({n}):\n    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n")
TENSORS = ("import torch\nW = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()\n"
           "v = torch.tensor([0.5, -1.0, 2.0, 0.25], requires_grad=True)\nh = torch.relu(W @ v)\n"
           "loss = (h * h).sum() + torch.exp(v).mean() * v[0]\nloss.backward()\n")


def _plain_grads(source: str, root_name: str) -> tuple[list[str], list[np.ndarray | None], dict]:
    """The program run by plain Python: each Node's class name and the gradient flowing into it (a
    pre-hook's grad_outputs[0]), in walk_graph's order; and the program's variables."""
    env: dict = {}
    exec(source.replace(f"{root_name}.backward()\n", ""), env)   # noqa: S102 - the test's own program
    root = env[root_name]
    order = walk_graph(root.grad_fn).order
    got: dict[int, torch.Tensor] = {}

    def keep(key: int):  # noqa: ANN202
        def hook(grads: tuple) -> None:
            got.setdefault(key, grads[0])
        return hook

    for fn in order:
        if type(fn).__name__ != "AccumulateGrad":
            fn.register_prehook(keep(id(fn)))
    root.backward()
    names = [type(fn).__name__ for fn in order]
    grads = [None if id(fn) not in got else got[id(fn)].detach().numpy().copy() for fn in order]
    return names, grads, env


@pytest.mark.parametrize(("source", "root"), [
    (CHAIN.format(dtype="float32", n=30), "y"),
    (CHAIN.format(dtype="float64", n=12), "y"),
    (CHAIN.format(dtype="float32", n=600), "y"),   # records the op window let go
    (TENSORS, "loss"),
])
def test_op_node_gradients_are_pytorchs(source: str, root: str) -> None:
    report = run_program(source)
    assert report.ok, report.error
    names, grads, env = _plain_grads(source, root)
    ops = [n for n in report.graph.nodes if n.kind in ("op", "leaf")]
    assert [n.grad_fn for n in ops] == names
    for node, grad in zip(ops, grads, strict=True):
        if node.kind == "leaf":
            leaf = env["x"] if "x" in env else None
            if leaf is not None:
                np.testing.assert_array_equal(node.grad.value, leaf.grad.numpy())
            continue
        assert node.grad is not None
        np.testing.assert_array_equal(node.grad.value, grad)
        assert node.grad.id == -1 and node.grad.dtype == str(grad.dtype) and not node.grad.requires_grad


def test_saved_and_op_edges_in_order() -> None:
    """Every op node's edges: from its inputs' nodes in next_functions order, then from its saved
    tensors' nodes, which come right before it."""
    report = run_program(CHAIN.format(dtype="float32", n=8))
    nodes = report.graph.nodes
    index = {n.id: i for i, n in enumerate(nodes)}
    into: dict[str, list[str]] = {}
    for src, dst in report.graph.edges:
        into.setdefault(dst, []).append(src)
    for i, node in enumerate(nodes):
        if node.kind != "op":
            continue
        sources = into.get(node.id, [])
        saved = [s for s in sources if nodes[index[s]].kind == "saved"]
        assert sources[len(sources) - len(saved):] == saved   # saved ones last
        assert [index[s] for s in saved] == list(range(i - len(saved), i))
    sin_nodes = [n for n in nodes if n.grad_fn == "SinBackward0"]
    assert all(nodes[index[n.id] - 1].saved_name == "_saved_self" for n in sin_nodes)


def test_a_class_is_planned_once_read_saved_learnt_it() -> None:
    x = torch.tensor([0.3, 0.7], requires_grad=True)
    fns = [(x * 2.0).grad_fn, (x + x).grad_fn, torch.tanh(x).grad_fn]
    for fn in fns:
        graph._CLASS_PLANS.pop(type(fn), None)
        _SAVED_READERS.pop(type(fn), None)
    for fn in fns:
        plan = graph._class_plan(type(fn))
        assert type(fn) not in graph._CLASS_PLANS and plan[2] is False and plan[0] is False
        assert plan[1]["grad_fn"] == type(fn).__name__ and plan[1]["kind"] == "op"
        read_saved(fn)
        plan = graph._class_plan(type(fn))
        assert graph._CLASS_PLANS[type(fn)] is plan
        assert plan[2] is (not _SAVED_READERS[type(fn)][0])
    assert [graph._CLASS_PLANS[type(fn)][2] for fn in fns] == [False, True, False]
    leaf = walk_graph(fns[0]).order[0]
    assert graph._class_plan(type(leaf))[0] is True and type(leaf) in graph._CLASS_PLANS


@pytest.mark.parametrize("source", [CHAIN.format(dtype="float32", n=40), TENSORS,
                                    CHAIN.format(dtype="float64", n=5)])
def test_report_same_with_cold_and_warm_class_caches(source: str) -> None:
    def pickled() -> bytes:
        report = run_program(source)
        _zero_timings(report, set())
        return pickle.dumps(report)

    warm = pickled()
    graph._CLASS_PLANS.clear()
    graph._OP_TEMPLATES.clear()
    cold = pickled()
    assert cold == warm == pickled()
