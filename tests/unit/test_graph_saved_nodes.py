"""graph._Builder.add_functions (issue 9: one flat loop) takes a saved tensor's shape and dtype name
from its value snapshot when that is a 0-dim one: every saved node still shows what torch says of the
tensor, and no two nodes or snapshots share a shape tuple they did not share before (the pickled
report would then change)."""

from __future__ import annotations

import operator

import torch

from autogradlab.engine.graph import walk_functions
from autogradlab.engine.run import _graph_of
from autogradlab.engine.saved_tensors import read_saved
from tests.unit.test_engine_grads import Hand


def saved_graph():
    hand = Hand()
    x = hand.let("x", torch.tensor(0.5, requires_grad=True))
    v = hand.let("v", torch.linspace(-1.0, 1.0, 5, requires_grad=True))
    h = hand.let("h", torch.tensor(0.25, dtype=torch.float16, requires_grad=True))
    big = hand.let("big", torch.linspace(0.0, 1.0, 12_000, requires_grad=True))
    a = hand.op("sin", torch.sin, x)                          # saves a 0-dim float32
    b = hand.op("mul", operator.mul, v, v)                    # saves a vector (twice)
    c = hand.op("exp", torch.exp, h).float() * 2              # saves a 0-dim float16 (no fast path)
    d = hand.op("tanh", torch.tanh, big)                      # saves a tensor over the snapshot limit
    y = hand.let("y", hand.op("add", operator.add, a * b.sum() * c, d.mean()))
    return hand, y


def test_saved_nodes_show_what_torch_says_of_each_saved_tensor():
    hand, y = saved_graph()
    expected = [(attr.removeprefix("_saved_"), tuple(t.shape), str(t.dtype).removeprefix("torch."), t)
                for fn in walk_functions(y.grad_fn) for attr, t in (read_saved(fn) or [])]
    graph = _graph_of(y, "y", hand.rec)
    saved = [n for n in graph.nodes if n.kind == "saved"]
    assert [(n.label, n.shape, n.dtype) for n in saved] == [e[:3] for e in expected]
    for node, (_, _, _, tensor) in zip(saved, expected, strict=True):
        assert node.value.shape == tuple(tensor.shape) and node.value.dtype == node.dtype
        if node.value.value is not None:
            torch.testing.assert_close(torch.from_numpy(node.value.value), tensor.detach(), rtol=0, atol=0)


def test_saved_nodes_share_no_new_shape_tuples():
    hand, y = saved_graph()
    graph = _graph_of(y, "y", hand.rec)
    for node in graph.nodes:
        if node.kind == "saved" and node.shape:
            assert node.shape is not node.value.shape
    shapes = [id(n.shape) for n in graph.nodes if n.kind == "saved" and n.shape]
    assert len(shapes) == len(set(shapes))
