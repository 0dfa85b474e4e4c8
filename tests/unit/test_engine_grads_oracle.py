"""grads.py after the issue-9 speed work: the gradient shown at every node of the graph equals what
PyTorch hands that node during the same backward (the oracle: pre-hooks registered here, in real
Python, copying at once), also when the program changes its own tensors afterwards: the `gradient`
argument of y.backward(g) (it reaches the root Node as it is, and Nodes that pass it through or view
it), .grad zeroed in place, fan-out, retain_graph, repeated backward calls accumulating .grad, and
a training loop longer than the kept backward calls."""

from __future__ import annotations

import operator

import pytest
import torch

from autogradlab.engine.grads import KEPT_BACKWARDS
from autogradlab.engine.graph import is_leaf_node, walk_functions
from autogradlab.engine.run import _graph_of
from tests.unit.test_engine_grads import Hand


def oracle_hooks(root: torch.Tensor) -> dict[int, torch.Tensor]:
    """id(Node) -> a copy of the gradient PyTorch gives it (leaves: id of the AccumulateGrad)."""
    seen: dict[int, torch.Tensor] = {}

    def copying(key: int):
        def hook(grad_outputs):
            seen[key] = grad_outputs[0].detach().clone()
        return hook
    for fn in walk_functions(root.grad_fn):
        fn.register_prehook(copying(id(fn)))
    return seen


def shown(hand: Hand, y: torch.Tensor) -> dict[int, torch.Tensor]:
    """id(Node) -> the gradient the report shows at that Node (op and leaf nodes, walk order)."""
    graph = _graph_of(y, "y", hand.rec)
    nodes = [n for n in graph.nodes if n.kind in ("op", "leaf")]
    fns = walk_functions(y.grad_fn)
    assert len(nodes) == len(fns)
    return {id(fn): torch.as_tensor(node.grad.value) for fn, node in zip(fns, nodes, strict=True)
            if node.grad is not None}


def assert_same(expected: dict[int, torch.Tensor], got: dict[int, torch.Tensor]) -> None:
    assert expected.keys() == got.keys()
    for key, value in expected.items():
        torch.testing.assert_close(got[key], value, rtol=0, atol=0)


def test_program_gradient_changed_later_keeps_the_values_of_the_backward():
    hand = Hand()
    a = hand.let("a", torch.tensor([1.0, -2.0, 3.0, 0.5], requires_grad=True))
    b = hand.op("mul", operator.mul, a, 2.0)
    c = hand.op("add", operator.add, b, 1.0)          # passes the gradient through
    y = hand.let("y", hand.op("reshape", torch.reshape, c, (2, 2)))   # views it
    g = hand.let("g", torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    expected = oracle_hooks(y)
    hand.backward(y, g)
    with torch.no_grad():
        g += 100.0        # the program's own tensor, changed in place after the backward
        g.mul_(3.0)
    assert_same(expected, shown(hand, y))


def test_sequence_of_gradients_to_autograd_backward_changed_later():
    hand = Hand()
    x = hand.let("x", torch.tensor([0.5, 1.5], requires_grad=True))
    y1 = hand.op("mul", operator.mul, x, x)
    y = hand.let("y", hand.op("add", operator.add, y1, x))
    g = torch.tensor([1.0, -1.0])
    expected = oracle_hooks(y)
    hand.rec.before_backward([y], [g], hand_at())
    torch.autograd.backward([y], [g])
    hand.rec.after_backward([y], hand_at())
    g.zero_()
    assert_same(expected, shown(hand, y))


def hand_at():
    from tests.unit.test_engine_grads import at
    return at(1)


def test_fan_out_sums_the_gradient_of_a_shared_node():
    hand = Hand()
    x = hand.let("x", torch.tensor([0.3, -1.2, 2.0], requires_grad=True))
    s = hand.op("sin", torch.sin, x)
    t = hand.op("mul", operator.mul, s, s)            # s used twice
    u = hand.op("add", operator.add, t, s)
    y = hand.let("y", hand.op("sum", torch.sum, u))
    expected = oracle_hooks(y)
    hand.backward(y)
    assert_same(expected, shown(hand, y))
    leaf = next(fn for fn in walk_functions(y.grad_fn) if is_leaf_node(fn))
    torch.testing.assert_close(shown(hand, y)[id(leaf)], x.grad, rtol=0, atol=0)


@pytest.mark.parametrize("times", [2, 3])
def test_retain_graph_backward_again_shows_the_latest_and_grad_accumulates(times):
    hand = Hand()
    x = hand.let("x", torch.tensor([1.0, 2.0], requires_grad=True))
    y = hand.let("y", hand.op("sum", torch.sum, hand.op("mul", operator.mul, x, x)))
    expected = oracle_hooks(y)
    for _ in range(times):
        hand.backward(y, retain_graph=True)
    assert_same(expected, shown(hand, y))
    torch.testing.assert_close(x.grad, times * 2 * x.detach())
    with torch.no_grad():
        x.grad.zero_()    # zeroing .grad later does not change what the node shows
    assert_same(expected, shown(hand, y))


def test_training_loop_longer_than_the_kept_backwards_shows_the_last_iteration():
    hand = Hand()
    w = hand.let("w", torch.tensor([0.5, -0.5], requires_grad=True))
    X = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
    expected = {}
    for _ in range(KEPT_BACKWARDS + 5):
        p = hand.op("mv", torch.mv, X, w)
        y = hand.let("y", hand.op("mean", torch.mean, hand.op("pow", torch.pow, p, 2)))
        expected = oracle_hooks(y)
        hand.backward(y)
        with torch.no_grad():
            w -= 0.1 * w.grad
            w.grad.zero_()
    assert_same(expected, shown(hand, y))


@pytest.mark.parametrize("change", ["zero_", "add_", "mul_", "none"])
@pytest.mark.parametrize("first", [True, False])
def test_leaf_gradient_shown_survives_changes_of_grad(change, first):
    """The first backward (.grad is None: PyTorch may take the gradient tensor itself as .grad)
    and a later one (.grad is added into): whatever the program does to .grad afterwards."""
    hand = Hand()
    x = hand.let("x", torch.tensor([1.0, -3.0, 0.25], requires_grad=True))
    if not first:
        x.grad = torch.full((3,), 7.0)
    y = hand.let("y", hand.op("sum", torch.sum, hand.op("mul", operator.mul, x, x)))
    expected = oracle_hooks(y)
    hand.backward(y)
    with torch.no_grad():
        if change == "none":
            x.grad = None
        else:
            getattr(x.grad, change)(*([] if change == "zero_" else [5.0]))
    assert_same(expected, shown(hand, y))


def test_leaf_backwarded_with_its_own_gradient_tensor():
    hand = Hand()
    x = hand.let("x", torch.tensor([2.0, 3.0], requires_grad=True))
    g = torch.tensor([0.5, -1.0])
    hand.rec.before_backward(x, g, hand_at())
    x.backward(g)
    hand.rec.after_backward(x, hand_at())
    g.add_(10.0)
    graph = _graph_of(x, "x", hand.rec)
    leaf = next(n for n in graph.nodes if n.kind == "leaf")
    torch.testing.assert_close(torch.as_tensor(leaf.grad.value), torch.tensor([0.5, -1.0]), rtol=0, atol=0)
