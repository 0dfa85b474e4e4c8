"""graph._Builder.add_functions makes the snapshots of 0-dim saved tensors and gradients inline
(issue 9): each must be the very record values.snapshot makes of that tensor (the pickled report
stays the same), for every dtype and every kind of number, and each gradient is what PyTorch itself
computes for that node's value."""

from __future__ import annotations

import math
import operator
import pickle

import pytest
import torch

from autogradlab.engine.graph import GRAD_SNAPSHOT_ID, walk_functions
from autogradlab.engine.run import _graph_of
from autogradlab.engine.saved_tensors import read_saved
from autogradlab.engine.values import snapshot
from tests.unit.test_engine_grads import Hand

# start value, dtype: whole numbers, tiny and huge ones, an infinity reached on the way (exp),
# dtypes with and without the scalar path (float16 goes through values.snapshot)
CASES = {
    "float32": (0.7, torch.float32),
    "float64": (-0.3, torch.float64),
    "whole": (2.0, torch.float32),
    "huge": (90.0, torch.float32),      # exp(90) overflows float32: inf saved, nan/inf gradients
    "tiny": (1e-30, torch.float64),
    "float16": (0.25, torch.float16),
}


def _steps(x, op):
    """sin, pow, exp, where, mul and add: Nodes that save their input, their result, a 0-dim int64
    exponent, a 0-dim bool condition, or nothing."""
    a = op("sin", torch.sin, x)
    b = op("pow", torch.pow, x, torch.tensor(2))
    c = op("exp", torch.exp, x)
    d = op("mul", operator.mul, a, b)
    e = op("where", torch.where, x > 0, d, a)
    return [a, b, c, d, e, op("add", operator.add, e, c)]


def _plain(name, fn, *args):
    return fn(*args)


def _run(case):
    start, dtype = CASES[case]
    hand = Hand()
    x = hand.let("x", torch.tensor(start, dtype=dtype, requires_grad=True))
    steps = _steps(x, hand.op)
    y = hand.let("y", steps[-1])
    saved = [(attr, t) for fn in walk_functions(y.grad_fn) for attr, t in (read_saved(fn) or [])]
    hand.backward(y)
    return hand, x, steps, saved


@pytest.mark.parametrize("case", CASES)
def test_saved_values_are_values_snapshot_of_the_saved_tensor(case):
    hand, _, _, saved = _run(case)
    graph = _graph_of(hand.rec.last_backward, "y", hand.rec)
    nodes = [n for n in graph.nodes if n.kind == "saved"]
    assert [n.saved_name for n in nodes] == [attr for attr, _ in saved]
    for node, (_, tensor) in zip(nodes, saved, strict=True):
        assert pickle.dumps(node.value) == pickle.dumps(snapshot(tensor, node.value.id))
        assert node.shape == tuple(tensor.shape) and node.dtype == str(tensor.dtype).removeprefix("torch.")


@pytest.mark.parametrize("case", CASES)
def test_gradients_are_snapshots_of_what_torch_computes(case):
    hand, x, steps, _ = _run(case)
    y = steps[-1]
    graph = _graph_of(y, "y", hand.rec)
    capture = hand.rec.grads.latest_covering(id(y.grad_fn))
    # the oracle: the same computation again, d y / d(each step) by torch.autograd.grad
    x2 = x.detach().clone().requires_grad_(True)
    again = _steps(x2, _plain)
    expected = torch.autograd.grad(again[-1], [x2, *again])
    by_id = {n.value.id: n for n in graph.nodes if n.kind == "op"}
    checked = 0
    for tensor, want in zip([x, *steps], expected, strict=True):
        node = by_id.get(hand.rec.tensor_id(tensor)) if tensor.grad_fn is not None else \
            next(n for n in graph.nodes if n.kind == "leaf")
        shown = capture[id(tensor.grad_fn) if tensor.grad_fn is not None else id(tensor)]
        assert pickle.dumps(node.grad) == pickle.dumps(snapshot(shown, GRAD_SNAPSHOT_ID))
        assert torch.equal(torch.from_numpy(node.grad.value), want) or (
            math.isnan(want.item()) and math.isnan(node.grad.value.item()))
        checked += 1
    assert checked == len(steps) + 1
