"""grads.py: every graph node gets d(backwarded tensor)/d(node value); plain PyTorch is the oracle."""

from __future__ import annotations

import operator
from types import SimpleNamespace

import numpy as np
import torch

from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import _graph_of


def at(line: int) -> SimpleNamespace:
    return SimpleNamespace(lineno=line, col_offset=0)


class Hand:
    """Plays the interpreter: runs real torch calls and reports them to a Recorder."""

    def __init__(self) -> None:
        self.rec = Recorder("")

    def op(self, name, fn, *args):
        result = fn(*args)
        self.rec.on_op(name, args, {}, result, at(1), None)
        return result

    def let(self, name, value):
        self.rec.on_assign(name, value, at(1), None)
        return value

    def backward(self, tensor, gradient=None, **kwargs):
        self.rec.before_backward(tensor, gradient, at(1))
        tensor.backward(gradient, **kwargs)
        self.rec.after_backward(tensor, at(1))


def by_op(graph):
    return {n.op: n for n in graph.nodes if n.kind == "op"}


def lesson_hand(backward=True):
    hand = Hand()
    x = hand.let("x", torch.arange(4.0, requires_grad=True))
    y = hand.let("y", hand.op("mul", operator.mul, 2, hand.op("dot", torch.dot, x, x)))
    if backward:
        hand.backward(y)
    return hand, x, y


def test_gradients_are_none_before_backward():
    hand, _, y = lesson_hand(backward=False)
    graph = _graph_of(y, "y", hand.rec)
    assert all(n.grad is None for n in graph.nodes) and not graph.backward_done


def test_lesson_node_gradients():
    hand, x, y = lesson_hand()
    graph = _graph_of(y, "y", hand.rec)
    ops = by_op(graph)
    assert ops["mul"].grad.value == 1.0 and ops["dot"].grad.value == 2.0
    leaf = next(n for n in graph.nodes if n.kind == "leaf")
    np.testing.assert_array_equal(leaf.grad.value, (4 * x).detach().numpy())
    assert graph.backward_done and graph.node(graph.output_node).grad.value == 1.0


def test_hooks_leave_grad_exactly_as_pytorch():
    hand, x, y = lesson_hand()
    plain = torch.arange(4.0, requires_grad=True)
    plain_y = 2 * torch.dot(plain, plain)
    plain_y.backward()
    np.testing.assert_array_equal(x.grad.numpy(), plain.grad.numpy())
    assert not y.retains_grad  # so y.grad stays None, as in PyTorch


def mixed(x, w, hand=None):
    """a = x*w; b = sin(a); c = b*a (fan-out of a); out = c.sum()"""
    step = hand.op if hand else (lambda _name, fn, *args: fn(*args))
    a = step("mul", torch.mul, x, w)
    b = step("sin", torch.sin, a)
    c = step("mul2", torch.mul, b, a)
    return a, b, c, step("sum", torch.sum, c)


def test_intermediate_gradients_match_retain_grad():
    hand = Hand()
    x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    w = torch.tensor([1.5, 0.3, -0.7], requires_grad=True)
    out = mixed(x, w, hand)[3]
    hand.backward(out)
    ops = by_op(_graph_of(out, None, hand.rec))
    px, pw = x.detach().clone().requires_grad_(), w.detach().clone().requires_grad_()
    pa, pb, pc, pout = mixed(px, pw)
    for t in (pa, pb, pc, pout):
        t.retain_grad()
    pout.backward()
    for name, oracle in (("mul", pa), ("sin", pb), ("mul2", pc), ("sum", pout)):
        np.testing.assert_allclose(ops[name].grad.value, oracle.grad.numpy(), rtol=1e-6)


def test_backward_with_gradient_argument_gives_the_vector_jacobian_product():
    hand = Hand()
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = hand.op("pow", torch.pow, x, 2)
    z = hand.op("mul", torch.mul, y, 3)
    v = torch.tensor([1.0, -2.0])
    hand.backward(z, v)
    ops = by_op(_graph_of(z, "z", hand.rec))
    np.testing.assert_array_equal(ops["mul"].grad.value, v.numpy())
    np.testing.assert_array_equal(ops["pow"].grad.value, (3 * v).numpy())
    np.testing.assert_array_equal(x.grad.numpy(), (6 * x * v).detach().numpy())


def test_chain_of_3000_ops_gets_every_gradient():
    hand = Hand()
    x = torch.tensor([0.3, 0.7], requires_grad=True)
    h = x
    for _ in range(3000):
        h = hand.op("mul", torch.mul, h, 1.001)
    out = hand.op("sum", torch.sum, h)
    hand.backward(out)
    graph = _graph_of(out, "out", hand.rec)
    assert all(n.grad is not None for n in graph.nodes if n.kind != "saved")
    plain = x.detach().clone().requires_grad_()
    p = plain
    for _ in range(3000):
        p = p * 1.001
    p.sum().backward()
    leaf = next(n for n in graph.nodes if n.kind == "leaf")
    np.testing.assert_allclose(leaf.grad.value, plain.grad.numpy(), rtol=1e-6)


def test_latest_backward_gives_the_node_gradients_while_grad_accumulates():
    hand, x, y = lesson_hand()
    hand.rec.tensor_id(x)
    z = hand.let("z", hand.op("sum", torch.sum, hand.op("mul", torch.mul, x, 5.0)))
    hand.backward(z)
    graph = _graph_of(z, "z", hand.rec)
    leaf = next(n for n in graph.nodes if n.kind == "leaf")
    np.testing.assert_array_equal(leaf.grad.value, [5.0] * 4)
    np.testing.assert_array_equal(x.grad.numpy(), (4 * x + 5).detach().numpy())


def test_failed_backward_leaves_no_gradients():
    hand, _, y = lesson_hand(backward=False)
    hand.rec.before_backward(y, None, at(1))
    hand.rec.grads.abort()  # what run_program does when backward raised
    graph = _graph_of(y, "y", hand.rec)
    assert not graph.backward_done and all(n.grad is None for n in graph.nodes)


def test_hooks_from_earlier_backward_do_not_leak_into_later_autograd_grad():
    hand, x, y = lesson_hand()
    w = torch.ones(4, requires_grad=True)
    (g,) = torch.autograd.grad((x * w).sum(), w)
    np.testing.assert_array_equal(g.numpy(), x.detach().numpy())
    assert len(hand.rec.grads.completed) == 1


def _node_grads(source: str) -> dict[str, list]:
    from autogradlab.engine import run_program

    report = run_program(source)
    assert report.error is None, report.error
    return {node.var: node.grad.value.tolist() for node in report.graph.nodes
            if node.var and node.grad is not None and node.op}


def test_node_gradients_stay_as_computed_when_the_program_changes_grads_in_place_later():
    # AddBackward0 passes its gradient on unchanged; PyTorch would steal that tensor as a.grad if
    # nobody else held it, and the program then changes a.grad in place (the node keeps no copy).
    grads = _node_grads("import torch\na = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                        "b = a + 0\nb.retain_grad()\ny = (b * 1).sum()\ny.backward()\n"
                        "a.grad.zero_()\na.grad += 5\nb.grad.mul_(7)\nz = a * 3\n")
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = a + 0
    y = (b * 1).sum()
    y.backward()
    assert grads["b"] == [1.0, 1.0] == torch.ones(2).tolist()


def test_node_gradients_under_create_graph_are_plain_values():
    grads = _node_grads("import torch\nx = torch.tensor(3.0, requires_grad=True)\nu = x * x\n"
                        "y = u * x\ny.backward(create_graph=True)\ng = x.grad\n")
    x = torch.tensor(3.0, requires_grad=True)
    u = x * x
    y = u * x
    (gu,) = torch.autograd.grad(y, u)
    assert grads["u"] == gu.item()
