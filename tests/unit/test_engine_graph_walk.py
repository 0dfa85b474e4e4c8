"""One walk of the autograd graph feeds the graph, leaf_params and torchviz (graph.walk_graph);
the graph's snapshots (values.snapshot) against PyTorch's own numbers."""

from __future__ import annotations

import dataclasses
import operator

import numpy as np
import pytest
import torch

from autogradlab.engine.graph import walk_functions, walk_graph
from autogradlab.engine.run import _graph_of
from autogradlab.engine.torchviz_dot import graph_depth, leaf_params, make_torchviz_dot
from autogradlab.engine.values import snapshot, summarize
from tests.unit.test_engine_graph import Hand, lesson


def _plain(obj):
    """A record as nested tuples, arrays as (dtype, shape, bytes): comparable with ==."""
    if dataclasses.is_dataclass(obj):
        return tuple((f.name, _plain(getattr(obj, f.name))) for f in dataclasses.fields(obj))
    if isinstance(obj, np.ndarray):
        return (obj.dtype.str, obj.shape, obj.tobytes())
    if isinstance(obj, tuple):
        return tuple(_plain(v) for v in obj)
    return obj


def _recursive_post_order(fn, seen, out):
    """The order the walk promises, written the obvious (recursive) way."""
    seen.add(id(fn))
    for child, _ in fn.next_functions:
        if child is not None and id(child) not in seen:
            _recursive_post_order(child, seen, out)
    out.append(fn)
    return out


def _diamond():
    """Fan-out and fan-in, a constant input (None in next_functions) and two leaves."""
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, -1.0], requires_grad=True)
    s = torch.sin(a) * b
    t = s * torch.tensor([2.0, 2.0]) + s.exp()
    return (t * a).sum()


def test_walk_graph_is_the_post_order_with_each_nodes_inputs():
    root = _diamond().grad_fn
    order, inputs = walk_graph(root)
    assert [id(fn) for fn in order] == [id(fn) for fn in _recursive_post_order(root, set(), [])]
    assert order == walk_functions(root)
    for fn, fn_inputs in zip(order, inputs, strict=True):
        assert fn_inputs == [u for u, _ in fn.next_functions if u is not None]


def test_walk_graph_skips_known_nodes_and_what_is_behind_them():
    y = _diamond()
    order, inputs = walk_graph(y.grad_fn, known={id(walk_functions(y.grad_fn)[-2])})
    assert order == walk_functions(y.grad_fn, known={id(walk_functions(y.grad_fn)[-2])})
    assert len(order) == len(inputs) and order[-1] is y.grad_fn
    assert walk_graph(None) == ([], []) and walk_graph(y.grad_fn, known={id(y.grad_fn)}) == ([], [])


def test_graph_depth_with_the_walks_inputs_is_the_depth_without():
    order, inputs = walk_graph(_diamond().grad_fn)
    # a -> sin -> mul -> exp -> add -> mul -> sum, and the output tensor itself
    assert graph_depth(order, inputs) == graph_depth(order) == 8


@pytest.mark.parametrize("backward", [False, True])
def test_graph_and_torchviz_from_one_walk_equal_those_that_walk_themselves(backward):
    hand, _, _, y = lesson(backward=backward)
    walked = walk_graph(y.grad_fn)
    assert _plain(_graph_of(y, "y", hand.rec, walked=walked)) == _plain(_graph_of(y, "y", hand.rec))
    params = leaf_params(y, hand.rec.leaf_label, walked.order)
    assert params == leaf_params(y, hand.rec.leaf_label) and list(params) == ["x"]
    one = make_torchviz_dot(y, output_name="y", params=params, saved_of=hand.rec.saved_of, walked=walked)
    assert one == make_torchviz_dot(y, output_name="y", params=params, saved_of=hand.rec.saved_of)
    assert one[0] is not None and "MulBackward0" in one[0]


def test_a_gradient_passed_on_to_two_nodes_is_shown_at_both_as_pytorch_computes_it():
    # add hands the same gradient tensor to both inputs: the graph snapshots it once for both
    hand = Hand()
    x = hand.let("x", torch.tensor([0.5, -2.0], requires_grad=True))
    s = hand.let("s", hand.op("sin", torch.sin, x))
    c = hand.let("c", hand.op("cos", torch.cos, x))
    y = hand.let("y", hand.op("add", operator.add, s, c))
    z = hand.let("z", hand.op("sum", torch.sum, y * y))
    hand.backward(z)
    graph = _graph_of(z, "z", hand.rec)
    by_op = {n.op: n for n in graph.nodes if n.kind == "op"}
    xr = x.detach().clone().requires_grad_(True)
    sr, cr = torch.sin(xr), torch.cos(xr)
    sr.retain_grad()
    cr.retain_grad()
    (((sr + cr) * (sr + cr)).sum()).backward()
    np.testing.assert_array_equal(by_op["sin"].grad.value, sr.grad.numpy())
    np.testing.assert_array_equal(by_op["cos"].grad.value, cr.grad.numpy())
    np.testing.assert_array_equal([n.grad.value for n in graph.nodes if n.kind == "leaf"][0], xr.grad.numpy())


SCALARS = [0.0, -0.0, 1.0, -3.0, 0.1, 2.5, 1e-5, 99999999.0, 100000000.0, 123456789.0, 1e30, float("nan"),
           float("inf"), float("-inf")]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.int64, torch.int32, torch.bool])
def test_scalar_snapshot_is_what_the_array_path_makes_of_pytorchs_value(dtype):
    for v in SCALARS:
        if not dtype.is_floating_point and (v != v or abs(v) == float("inf") or abs(v) > 2**31):
            continue
        t = torch.tensor(v, dtype=dtype)
        snap = snapshot(t, 4)
        arr = t.numpy()
        assert snap.summary == summarize(arr), (dtype, v)
        assert snap.value.dtype == arr.dtype and snap.value.shape == () and snap.shape == ()
        np.testing.assert_array_equal(snap.value, arr)
        assert (snap.id, snap.dtype, snap.requires_grad, snap.grad_fn) == (4, str(dtype)[6:], False, None)


def test_scalar_snapshot_of_a_graph_tensor_names_its_node():
    y = torch.tensor(0.3, requires_grad=True) * 3
    snap = snapshot(y, 2)
    assert (snap.requires_grad, snap.grad_fn) == (True, "MulBackward0")
    assert snap.summary == summarize(y.detach().numpy())
    np.testing.assert_array_equal(snap.value, y.detach().numpy())
