"""Session 40 (issue 9): captured_backward.plan_of gives a Node the edges of its first output and of
the outputs the graph reads (walk_graph's `outputs`), not one per output it has (`_input_metadata`,
a list of new objects per Node); grads.begin_captured marks the Nodes reached in two dict updates;
graph.py makes the 0-dim snapshots of tensors that do not require grad from a per-dtype dict.

The old plan (an edge per output) is rebuilt here: both must capture the same gradients under the same
keys in the same order, on graphs with Nodes of several outputs read in part, out of order, or as the
root. Whole runs compare with the hooked backward (every Node's pre-hook) and with the reference graph
of test_graph_build_s27 (GraphNode(...) and values.snapshot), above and below the op window."""

from __future__ import annotations

import pytest
import torch

import tests.unit.test_captured_backward_s38 as s38
import tests.unit.test_graph_build_s27 as s27
from autogradlab.engine import captured_backward, run_program
from autogradlab.engine.graph_walk import walk_graph
from autogradlab.limits import Limits


def _old_plan(order):
    """plan_of as it was: an edge for every output of every Node."""
    edges, keys, leaves, nodes = [], [], [], []
    for fn in order:
        kind = captured_backward._kind(type(fn))
        if kind == captured_backward.OP:
            nodes.append(fn)
            for k in range(len(fn._input_metadata)):
                edges.append(captured_backward._GradientEdge(fn, k))
                keys.append(id(fn))
        elif kind == captured_backward.LEAF:
            leaves.append((len(edges), fn.variable))
            edges.append(captured_backward._GradientEdge(fn, 0))
            keys.append(id(fn.variable))
        else:
            return None
    return captured_backward.Plan(tuple(edges), keys, leaves, nodes)


def _scalar_chain(steps):
    def build():
        x = torch.tensor(0.5, requires_grad=True)
        y = x
        for _ in range(steps):
            y = torch.sin(y) * 1.01 + 0.1 * x
        return [x], y
    return build


def _unbind_last():   # only the last of three outputs is read
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    _, _, c = (x * 2).unbind()
    return [x], c * c


def _root_second_output():   # the root is the second output of its Node
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    _, b = (x.exp() * x).unbind()
    return [x], b


def _outputs_out_of_order():   # chunk's second output read before its first, the first twice
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    p, q = (x * 3).chunk(2)
    return [x], (q.sin() * 2).sum() + p.sum() * p.prod()


def _max_and_split():
    x = torch.tensor([[1.0, 5.0, 2.0], [4.0, 0.5, 6.0]], dtype=torch.float64, requires_grad=True)
    m, _ = x.max(dim=1)
    _, q = x.split([1, 2], dim=1)
    return [x], m.sum() + (q ** 2).sum()


def _branches():   # fan-out and fan-in: a diamond of diamonds, two leaves
    x = torch.tensor([0.5, -1.0], requires_grad=True)
    w = torch.tensor(2.0, requires_grad=True)
    a = x * w
    b = a.sin() + a.cos()
    c = b * a + b.exp()
    return [x, w], (c * w).sum()


GRAPHS = {"chain_3": _scalar_chain(3), "chain_600": _scalar_chain(600), "unbind_last": _unbind_last,
          "root_second_output": _root_second_output, "outputs_out_of_order": _outputs_out_of_order,
          "max_and_split": _max_and_split, "branches": _branches}


def _captured(build, old: bool):
    """(where each gradient is kept: a Node's place in the walk, or a leaf's, and the gradient), in
    the order captured, and the leaves' .grad."""
    leaves, root = build()
    outputs = []
    walk = walk_graph(root.grad_fn, outputs=outputs)
    if root.output_nr:
        outputs.append((root.grad_fn, root.output_nr))
    plan = _old_plan(walk.order) if old else captured_backward.plan_of(walk.order, outputs)
    place = {id(fn): i for i, fn in enumerate(walk.order)}
    place.update({id(fn.variable): f"leaf{i}" for i, fn in enumerate(walk.order) if hasattr(fn, "variable")})
    capture = {}
    captured_backward.runner(root, plan, capture)()
    got = [(place[key], grad) for key, grad in capture.items()]
    return got, [leaf.grad for leaf in leaves], len(plan.edges)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_the_plan_captures_what_an_edge_per_output_captured(name):
    got, got_leaves, got_edges = _captured(GRAPHS[name], old=False)
    want, want_leaves, want_edges = _captured(GRAPHS[name], old=True)
    assert [where for where, _ in got] == [where for where, _ in want]
    for (_, a), (_, b) in zip(got, want, strict=True):
        assert a.dtype == b.dtype and torch.equal(a, b)
    for a, b in zip(got_leaves, want_leaves, strict=True):
        assert torch.equal(a, b)
    assert got_edges <= want_edges


def test_a_node_gets_edges_for_its_first_output_and_the_outputs_read():
    _, c = _unbind_last()
    outputs = []
    walk = walk_graph(c.grad_fn, outputs=outputs)
    unbind = next(fn for fn in walk.order if type(fn).__name__ == "UnbindBackward0")
    assert outputs == [(unbind, 2), (unbind, 2)]   # (c * c reads it twice)
    plan = captured_backward.plan_of(walk.order, outputs)
    assert [edge.output_nr for edge in plan.edges if edge.node is unbind] == [0, 2]
    assert walk == walk_graph(c.grad_fn)   # the walk itself is the one without `outputs`


PROGRAMS = {
    "root_second_output": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
a, b = (x.exp() * x).unbind()
b.backward()
print(x.grad)
""",
    "unbind_last": """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
p, q, r = (x * 2).unbind()
y = r * r
y.backward()
print(x.grad)
""",
    "out_of_order": """import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
p, q = (x * 3).chunk(2)
y = (q.sin() * 2).sum() + p.sum() * p.prod()
y.backward()
print(x.grad)
""",
    # above the op window (500 records): most op nodes have no record
    "chain_700": s38.CAPTURED["scalar_chain"].replace("range(50)", "range(700)"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_every_node_shows_the_gradient_of_the_hooked_backward(name, monkeypatch):
    made = s38._count_captured(monkeypatch)
    monkeypatch.setitem(s38.CAPTURED, name, PROGRAMS[name])
    s38.test_every_node_shows_the_gradient_the_hooked_backward_shows(name, monkeypatch)
    assert made[0] == 1   # the captured path was taken (by the first of its two runs)


# graph.py's per-dtype lazy snapshots against the reference graph (GraphNode(...), values.snapshot)
GRAPH_PROGRAMS = {
    "create_graph": "import torch\nx = torch.tensor(1.5, requires_grad=True)\ny = torch.sin(x) * x\n"
                    "y.backward(create_graph=True)\n",
    # float64, int64 and bool saved tensors; a second backward through a kept graph
    "dtypes_retain": "import torch\nx = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)\n"
                     "n = torch.tensor(3)\nm = torch.tensor(True)\n"
                     "y = torch.where(m, x * n, x) ** 2\ny.backward(retain_graph=True)\ny.backward()\n",
    # grad of grad: autograd.grad with create_graph, then backward of the gradient
    "grad_of_grad": "import torch\nx = torch.tensor(0.7, requires_grad=True)\ny = x ** 3\n"
                    "g, = torch.autograd.grad(y, x, create_graph=True)\nz = g * 2\nz.backward()\n",
    # the program's own tensor hook: the hooked backward
    "tensor_hook": "import torch\nx = torch.tensor(0.5, requires_grad=True)\n"
                   "x.register_hook(lambda g: g * 2)\ny = torch.exp(x) * 3.0\ny.backward()\n",
    "chain_499": "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(499):\n"
                 "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n",
    "chain_501_float64": "import torch\nx = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)\n"
                         "y = x\nfor i in range(501):\n    y = torch.cos(y) * 0.99 + 0.5 * x\ny.backward()\n",
}


@pytest.mark.parametrize("name", sorted(GRAPH_PROGRAMS))
def test_graph_is_the_reference_built_node_by_node(monkeypatch, name):
    monkeypatch.setitem(s27.PROGRAMS, name, GRAPH_PROGRAMS[name])
    s27.test_graph_is_the_reference_built_node_by_node(monkeypatch, name)


def test_saved_values_take_both_paths_the_reference_checks():
    """The chain's saved values: numbers that do not require grad (the per-dtype dict) and tensors that
    do (made field by field, with their grad_fn); its gradients: the per-dtype dict."""
    report = run_program(GRAPH_PROGRAMS["chain_499"], limits=Limits(timeout_s=30))
    saved = [n.value for n in report.graph.nodes if n.kind == "saved"]
    assert {(v.requires_grad, v.grad_fn) for v in saved} >= {(False, None), (True, "AddBackward0")}
    grads = [n.grad for n in report.graph.nodes if n.grad is not None]
    assert len(grads) > 2000 and all(not g.requires_grad and g.grad_fn is None for g in grads)


def test_dict_setter_makes_the_record_the_dataclass_makes():
    import pickle

    from autogradlab.engine.fast_records import GRAPH_NODE_FIELDS, dict_setter
    from autogradlab.report import GraphNode, TensorSnapshot

    fields = {**GRAPH_NODE_FIELDS, "id": "n3", "kind": "op", "label": "mul", "op": "mul", "shape": ()}
    made = object.__new__(GraphNode)
    dict_setter(GraphNode)(made, dict(fields))
    assert made == GraphNode(**fields) and pickle.dumps(made) == pickle.dumps(GraphNode(**fields))

    class Sub(TensorSnapshot):   # (its __dict__ descriptor is its base's: the fallback)
        pass
    snap = object.__new__(Sub)
    dict_setter(Sub)(snap, {"id": 1, "shape": (), "dtype": "float32", "value": None, "summary": "1.",
                            "requires_grad": False, "grad_fn": None})
    assert snap.summary == "1." and snap.id == 1


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.int64, torch.int32, torch.bool])
def test_the_per_dtype_lazy_dict_is_fast_snapshots(dtype):
    from autogradlab.engine.graph_values import _SCALAR_KINDS, fast_snapshot
    from autogradlab.report import LAZY_NUMBER

    tensor = torch.tensor(3, dtype=dtype)
    lazy = _SCALAR_KINDS[dtype][2].copy()
    lazy["id"] = 7
    lazy[LAZY_NUMBER] = tensor.item()
    made = object.__getattribute__(fast_snapshot(tensor, 7), "__dict__")   # (still lazy)
    assert LAZY_NUMBER in made and list(lazy.items()) == list(made.items())
