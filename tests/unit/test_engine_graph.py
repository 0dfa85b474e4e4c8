"""graph.py and torchviz_dot.py: the grad_fn walk, driven by hand-made hook calls on real tensors."""

from __future__ import annotations

import operator
import shutil
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from autogradlab.engine.graph import op_name_from_class, walk_functions
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import _graph_of
from autogradlab.engine.torchviz_dot import leaf_params, make_torchviz_dot

LESSON = "x = torch.arange(4.0)\nx.requires_grad_(True)\ny = 2 * torch.dot(x, x)\ny.backward()\n"


def at(line: int, column: int = 0) -> SimpleNamespace:
    return SimpleNamespace(lineno=line, col_offset=column)


class Hand:
    """Plays the interpreter: runs real torch calls and reports them to a Recorder."""

    def __init__(self, source: str = "") -> None:
        self.rec = Recorder(source)

    def op(self, name, fn, *args, line=1, **kwargs):
        result = fn(*args, **kwargs)
        self.rec.on_op(name, args, kwargs, result, at(line), None)
        return result

    def let(self, name, value, line=1):
        self.rec.on_assign(name, value, at(line), None)
        return value

    def backward(self, tensor, gradient=None, line=1, **kwargs):
        self.rec.before_backward(tensor, gradient, at(line))
        tensor.backward(gradient, **kwargs)
        self.rec.after_backward(tensor, at(line))


def lesson(backward: bool = False):
    hand = Hand(LESSON)
    x = hand.let("x", hand.op("arange", torch.arange, 4.0, line=1), line=1)
    hand.op("requires_grad_", x.requires_grad_, True, line=2)
    d = hand.op("dot", torch.dot, x, x, line=3)
    y = hand.let("y", hand.op("mul", operator.mul, 2, d, line=3), line=3)
    if backward:
        hand.backward(y, line=4)
    return hand, x, d, y


def test_lesson_graph_nodes_in_topological_order():
    hand, _, _, y = lesson()
    graph = _graph_of(y, "y", hand.rec)
    assert [(n.id, n.kind, n.label) for n in graph.nodes] == [
        ("n0", "leaf", "x"), ("n1", "saved", "self"), ("n2", "saved", "tensor"), ("n3", "op", "dot"),
        ("n4", "saved", "other"), ("n5", "op", "mul"), ("n6", "output", "y")]


def test_op_node_shows_forward_op_and_its_variable():
    hand, _, _, y = lesson()
    graph = _graph_of(y, "y", hand.rec)
    mul, dot = graph.node("n5"), graph.node("n3")
    assert (mul.op, mul.var, mul.grad_fn) == ("mul", "y", "MulBackward0")
    assert (dot.op, dot.var, dot.grad_fn) == ("dot", None, "DotBackward0")


def test_edges_follow_data_flow_from_inputs_to_output():
    hand, _, _, y = lesson()
    graph = _graph_of(y, "y", hand.rec)
    assert graph.edges == (("n0", "n3"), ("n0", "n3"), ("n1", "n3"), ("n2", "n3"), ("n3", "n5"),
                           ("n4", "n5"), ("n5", "n6"))
    assert graph.output_node == "n6" and graph.output == "y"


def test_node_values_are_the_forward_values():
    hand, x, d, y = lesson()
    graph = _graph_of(y, "y", hand.rec)
    np.testing.assert_array_equal(graph.node("n0").value.value, x.detach().numpy())
    assert graph.node("n3").value.value == d.item() == 14.0
    assert graph.node("n5").value.value == y.item() == 28.0
    assert graph.node("n4").value.value == 2


def test_nodes_carry_source_line_of_their_op():
    hand, _, _, y = lesson()
    graph = _graph_of(y, "y", hand.rec)
    mul = graph.node("n5")
    assert (mul.line, mul.source, mul.op_index) == (3, "y = 2 * torch.dot(x, x)", 3)
    assert graph.node("n0").line == 1


def test_saved_tensors_stay_in_the_graph_after_backward():
    hand, _, _, y = lesson(backward=True)
    graph = _graph_of(y, "y", hand.rec)
    assert [n.saved_name for n in graph.nodes if n.kind == "saved"] == [
        "_saved_self", "_saved_tensor", "_saved_other"]


def test_same_program_gives_the_same_graph():
    hand, _, _, y = lesson()
    first = _graph_of(y, "y", hand.rec)
    hand, _, _, y = lesson()
    second = _graph_of(y, "y", hand.rec)
    assert [(n.id, n.kind, n.label) for n in first.nodes] == [(n.id, n.kind, n.label) for n in second.nodes]
    assert first.edges == second.edges


def test_leaf_output_gets_leaf_and_output_nodes():
    hand = Hand()
    x = hand.let("x", torch.ones(3, requires_grad=True))
    graph = _graph_of(x, "x", hand.rec)
    assert [(n.kind, n.label) for n in graph.nodes] == [("leaf", "x"), ("output", "x")]
    assert graph.edges == (("n0", "n1"),)


def test_chain_of_3000_ops_walks_without_recursion():
    hand = Hand()
    h = hand.let("x", torch.ones(2, requires_grad=True))
    for _ in range(3000):
        h = hand.op("sin", torch.sin, h)
    graph = _graph_of(h, "h", hand.rec)
    ops = [n for n in graph.nodes if n.kind == "op"]
    assert len(ops) == 3000 and all(n.op == "sin" for n in ops)
    ids = {n.id: i for i, n in enumerate(graph.nodes)}
    assert all(ids[a] < ids[b] for a, b in graph.edges)


def test_wide_graph_of_10000_leaves():
    leaves = [torch.tensor(float(i), requires_grad=True) for i in range(10_000)]
    total = torch.stack(leaves).sum()
    order = walk_functions(total.grad_fn)
    assert len(order) == 10_002
    graph = _graph_of(total, "total", Hand().rec)
    assert sum(n.kind == "leaf" for n in graph.nodes) == 10_000


def test_unrecorded_ops_are_named_from_their_class():
    y = torch.ones(2, requires_grad=True) * 3
    assert op_name_from_class(y.grad_fn) == "mul"
    z = torch.linalg.eig(torch.eye(2, requires_grad=True) * 2)[0]
    assert op_name_from_class(z.grad_fn) == "linalg_eig"


def torchviz_of(hand, y, name="y"):
    return make_torchviz_dot(y, output_name=name, params=leaf_params(y, hand.rec.leaf_label),
                             saved_of=hand.rec.saved_of)


def test_torchviz_dot_is_the_same_for_the_same_program():
    first, _ = torchviz_of(*lesson()[::3])
    second, _ = torchviz_of(*lesson()[::3])
    assert first == second and "MulBackward0" in first


def test_torchviz_node_names_are_not_ids():
    dot, _ = torchviz_of(*lesson()[::3])
    assert str(id(lesson)) not in dot and "\tn0 " in dot


def test_torchviz_no_label_starts_with_an_empty_line():
    dot, _ = torchviz_of(*lesson()[::3])
    assert 'label="\n' not in dot and 'label="y\n ()" fillcolor=darkolivegreen1' in dot


def test_torchviz_after_backward_still_shows_saved_tensors_and_leaf_name():
    hand, _, _, y = lesson(backward=True)
    dot, error = torchviz_of(hand, y)
    assert error is None
    assert 'label="other\n ()" fillcolor=orange' in dot
    assert dot.rstrip().endswith("}") and dot.rfind('"x\n (4)" fillcolor=lightblue') > dot.rfind('"self')


@pytest.mark.skipif(shutil.which("dot") is None, reason="Debian graphviz is needed to render DOT")
def test_torchviz_dot_renders_with_graphviz():
    hand, _, _, y = lesson(backward=True)
    dot, _ = torchviz_of(hand, y)
    done = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "<svg" in done.stdout


def test_torchviz_on_a_deep_graph_says_so():
    hand = Hand()
    h = hand.let("x", torch.ones(2, requires_grad=True))
    for _ in range(sys.getrecursionlimit() + 50):
        h = torch.sin(h)
    dot, error = torchviz_of(hand, h, "h")
    assert dot is None and "nodes deep" in error and "annotated view" in error
