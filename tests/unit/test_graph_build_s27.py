"""Session 27 (issue 9): graph.py's add_functions takes an op node's label and op from a per-class
template and skips read_saved for a class known to save no tensor; walk_graph reads a Node's inputs
without a comprehension; run.py reads no leaf labels for a graph too big for torchviz to draw, and
hands the Steps trace the walk the graph was built from.

Each run's graph is checked against a reference built here the slow way (the recorder's public
methods, values.snapshot, GraphNode(...)), node by node and edge by edge, on programs with loops
(records the window let go), saved scalars and tensors, gradients, no backward, a multi-output op
and outputs without a grad_fn; and against what the pickled report depends on (which strings two
fields share)."""

from __future__ import annotations

import pickle
from dataclasses import fields, is_dataclass, replace

import pytest
import torch

import autogradlab.engine.run as run_module
import autogradlab.engine.steps as steps_module
import autogradlab.engine.torchviz_dot as torchviz_dot
from autogradlab.engine.graph import SAVED_PREFIX, walk_graph
from autogradlab.engine.graph_walk import op_name_from_class
from autogradlab.engine.run import run_program
from autogradlab.engine.values import dtype_name, snapshot
from autogradlab.report import GraphNode
from autogradlab.step_records import StepOptions

PROGRAMS = {
    "chain": "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(20):\n"
             "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n",
    # 600 steps: the op window (500 records) lets the oldest go, so most op nodes have no record
    "long_chain": "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(600):\n"
                  "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n",
    "tensors": "import torch\nW = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()\n"
               "v = torch.tensor([0.5, -1.0, 2.0, 0.25], requires_grad=True)\nh = torch.relu(W @ v)\n"
               "loss = (h * h).sum() + torch.exp(v).mean()\nloss.backward()\n",
    "no_backward": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                   "y = torch.tanh(x) * x.sum()\n",
    "unbind": "import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\na, b, c = x.unbind()\n"
              "y = a * b + torch.sin(c)\ny.backward()\n",
    "half": "import torch\nx = torch.tensor(0.25, dtype=torch.float16, requires_grad=True)\n"
            "y = torch.exp(x) * x\ny.backward()\n",
    "leaf_output": "import torch\nx = torch.ones(3, requires_grad=True)\n",
    "summed_output": "import torch\nx = torch.tensor([1.0, -2.0], requires_grad=True)\n"
                     "(torch.sigmoid(x) * 3).sum().backward()\n",
}
OUTPUTS = {"leaf_output": "x"}


FRESH = -99   # the number of a saved tensor the reference read again (see _reference)


def _snap_bytes(snap, number=None):
    if snap is not None and number is not None:
        snap = replace(snap, id=number)
    return None if snap is None else pickle.dumps(snap)


def _reference(output, var, label, recorder, grads):
    """(nodes, edges) as GraphNode(...) and values.snapshot make them, from the recorder's methods."""
    grads = grads or {}
    nodes, edges, ids = [], [], {}

    def grad_of(key):
        g = grads.get(key)
        return None if g is None else snapshot(g, -1)

    def leaf(tensor):
        created = recorder.creation_op(tensor)
        nodes.append(GraphNode(
            id=f"n{len(nodes)}", kind="leaf", label=recorder.leaf_label(tensor), var=recorder.name_of(tensor),
            grad_fn="AccumulateGrad", shape=tuple(tensor.shape), dtype=dtype_name(tensor.dtype),
            value=snapshot(tensor, recorder.tensor_id(tensor)), grad=grad_of(id(tensor)),
            line=created.line if created else None, source=created.source if created else None,
            op_index=created.index if created else None))
        return nodes[-1].id

    root = output.grad_fn
    source = None
    if root is not None:
        order, inputs = walk_graph(root)
        for fn, fn_inputs in zip(order, inputs, strict=True):
            if type(fn).__name__ == "AccumulateGrad":
                ids[id(fn)] = leaf(fn.variable)
                continue
            saved_ids = []
            # saved tensors read before a backward are the recorder's; others are read again here
            # (new tensor objects: their number is the graph's, checked apart)
            held = id(fn) in recorder._saved
            for attr, tensor in recorder.saved_of(fn):
                grad_fn = tensor.grad_fn
                nodes.append(GraphNode(
                    id=f"n{len(nodes)}", kind="saved", label=attr.removeprefix(SAVED_PREFIX),
                    shape=tuple(tensor.shape), dtype=dtype_name(tensor.dtype),
                    value=snapshot(tensor, recorder.tensor_id(tensor) if held else FRESH),
                    grad=grad_of(id(grad_fn) if grad_fn is not None else id(tensor)) if tensor.requires_grad
                    else None, saved_name=attr))
                saved_ids.append(nodes[-1].id)
            origin = recorder.origin_of(fn)
            op = origin.record.op if origin else op_name_from_class(fn)
            shown = origin.output if origin else None
            nodes.append(GraphNode(
                id=f"n{len(nodes)}", kind="op", label=op, op=op, grad_fn=type(fn).__name__,
                var=recorder.name_of(origin.tensor) if origin else None,
                shape=shown.shape if shown else None, dtype=shown.dtype if shown else None, value=shown,
                grad=grad_of(id(fn)), line=origin.record.line if origin else None,
                source=origin.record.source if origin else None,
                op_index=origin.record.index if origin else None))
            ids[id(fn)] = nodes[-1].id
            edges += [(ids[id(child)], nodes[-1].id) for child in fn_inputs]
            edges += [(saved, nodes[-1].id) for saved in saved_ids]
        source = ids[id(root)]
        grad_key = id(root)
    else:
        if output.requires_grad:
            source = leaf(output)
        grad_key = id(output)
    nodes.append(GraphNode(
        id=f"n{len(nodes)}", kind="output", label=label or var or "output", var=var,
        shape=tuple(output.shape), dtype=dtype_name(output.dtype),
        value=snapshot(output, recorder.tensor_id(output)), grad=grad_of(grad_key)))
    if source is not None:
        edges.append((source, nodes[-1].id))
    return nodes, edges


def _run_with_reference(monkeypatch, name):
    made = {}
    graph_of = run_module._graph_of

    def spy(output, var, recorder, label=None, walked=None):
        graph = graph_of(output, var, recorder, label, walked)
        root_key = id(output.grad_fn) if output.grad_fn is not None else id(output)
        grads = recorder.grads.latest_covering(root_key)
        made["reference"] = _reference(output, var, label or var, recorder, grads)
        return graph

    monkeypatch.setattr(run_module, "_graph_of", spy)
    report = run_program(PROGRAMS[name], output=OUTPUTS.get(name))
    assert report.ok, report.error
    return report, made["reference"]


@pytest.mark.parametrize("name", PROGRAMS)
def test_graph_is_the_reference_built_node_by_node(monkeypatch, name):
    report, (nodes, edges) = _run_with_reference(monkeypatch, name)
    graph = report.graph
    assert len(graph.nodes) == len(nodes)
    for got, want in zip(graph.nodes, nodes, strict=True):
        for field in ("id", "kind", "label", "var", "op", "grad_fn", "shape", "dtype", "line", "source",
                      "op_index", "saved_name"):
            assert getattr(got, field) == getattr(want, field), (got.id, field)
        assert list(vars(got)) == list(vars(want))   # the same fields in the same order
        fresh = want.value is not None and want.value.id == FRESH
        assert _snap_bytes(got.value, FRESH if fresh else None) == _snap_bytes(want.value), got.id
        assert _snap_bytes(got.grad) == _snap_bytes(want.grad), got.id
    assert list(graph.edges) == edges
    assert graph.output_node == nodes[-1].id
    numbers = [n.value.id for n in graph.nodes if n.kind == "saved"]
    fresh = [got.value.id for got, want in zip(graph.nodes, nodes, strict=True)
             if want.value is not None and want.value.id == FRESH]
    assert all(numbers.count(number) == 1 for number in fresh)   # a number of its own each


def test_the_long_chain_shows_ops_without_records_by_class_and_the_rest_by_record(monkeypatch):
    report, _ = _run_with_reference(monkeypatch, "long_chain")
    ops = [n for n in report.graph.nodes if n.kind == "op"]
    assert len(ops) == 2400
    without = [n for n in ops if n.op_index is None]
    assert without and {(n.label, n.op) for n in without} == {("sin", "sin"), ("mul", "mul"), ("add", "add")}
    assert all(n.op_index is not None for n in ops[-100:])


def test_strings_are_shared_where_they_were_and_only_there(monkeypatch):
    """The pickled report writes a string shared by two fields once: label and op of an op node are
    one object (the class's op name, or the record's); since session 29 an op node's grad_fn, a saved
    node's label and a snapshot's grad_fn are one string per class (per attribute) too, so pickle
    writes each once; each node's id is a string of its own."""
    report, _ = _run_with_reference(monkeypatch, "long_chain")
    nodes = report.graph.nodes
    for node in nodes:
        if node.kind == "op":
            assert node.label is node.op
    for kind, field in (("op", "id"), ("saved", "id")):
        objects = [id(getattr(n, field)) for n in nodes if n.kind == kind]
        assert len(objects) == len(set(objects)), (kind, field)
    for kind, field in (("op", "grad_fn"), ("saved", "label")):
        texts = {getattr(n, field) for n in nodes if n.kind == kind}
        objects = {id(getattr(n, field)) for n in nodes if n.kind == kind}
        assert len(objects) == len(texts), (kind, field)
    names = [n.value.grad_fn for n in nodes if n.kind == "saved" and n.value.grad_fn is not None]
    assert names and len(set(map(id, names))) == len(set(names))
    by_class = {}
    for node in nodes:
        if node.kind == "op" and node.op_index is None:
            by_class.setdefault(node.grad_fn, set()).add(id(node.op))
    assert all(len(objects) == 1 for objects in by_class.values())


def test_nodes_of_a_class_that_saves_nothing_have_no_saved_nodes(monkeypatch):
    report, _ = _run_with_reference(monkeypatch, "chain")
    graph = report.graph
    adds = {n.id for n in graph.nodes if n.grad_fn == "AddBackward0"}
    saved = {n.id for n in graph.nodes if n.kind == "saved"}
    assert adds and not [e for e in graph.edges if e[1] in adds and e[0] in saved]


def _reference_walk(root, known=()):
    """walk_graph as it was written before (a comprehension per Node)."""
    if root is None or id(root) in known:
        return [], []
    visited, order, inputs_of = {id(root)}, [], []
    first = [u for u, _ in root.next_functions if u is not None]
    stack = [(root, first, iter(first))]
    while stack:
        fn, inputs, pending = stack[-1]
        for child in pending:
            if id(child) not in visited and id(child) not in known:
                visited.add(id(child))
                child_inputs = [u for u, _ in getattr(child, "next_functions", ()) if u is not None]
                stack.append((child, child_inputs, iter(child_inputs)))
                break
        else:
            stack.pop()
            order.append(fn)
            inputs_of.append(inputs)
    return order, inputs_of


def test_walk_graph_is_the_walk_it_was():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    w = torch.tensor([3.0, 4.0])                      # no grad: a None input in next_functions
    a, b = (x * w).unbind()
    y = a * b + torch.sin(a) + (x ** 2).sum()
    for root, known in ((y.grad_fn, ()), (y.grad_fn, {id(a.grad_fn)}), (a.grad_fn, ()),
                        ((x * w).sum().grad_fn, ())):
        walked = walk_graph(root, known)
        assert (walked.order, walked.inputs) == _reference_walk(root, known)


@pytest.mark.parametrize("ops, drawn", [(9, True), (10, False)])
def test_leaf_labels_are_read_only_for_a_graph_torchviz_draws(monkeypatch, ops, drawn):
    """At the node limit (9 muls and the leaf's AccumulateGrad: 10 Nodes) torchviz draws the graph
    with the leaf's name; one Node more, it says why not and the labels are not read."""
    monkeypatch.setattr(torchviz_dot, "MAX_TORCHVIZ_NODES", 10)
    calls = []
    leaf_params = run_module.leaf_params

    def spy(*args, **kwargs):
        calls.append(args)
        return leaf_params(*args, **kwargs)

    monkeypatch.setattr(run_module, "leaf_params", spy)
    report = run_program(f"import torch\nw = torch.tensor(2.0, requires_grad=True)\ny = w\n"
                         f"for i in range({ops}):\n    y = y * 1.5\n")
    assert report.ok
    assert len([n for n in report.graph.nodes if n.kind in ("leaf", "op")]) == ops + 1
    if drawn:
        assert len(calls) == 1 and report.torchviz_error is None and '"w' in report.torchviz_dot
    else:
        assert not calls and report.torchviz_dot is None
        assert report.torchviz_error.startswith(f"torchviz was not run: this graph has {ops + 1:,} nodes")


def _steps_bytes(report):
    """The pickled step trace with its measured times (ModeCost's *_ms) set to 0."""
    def zeroed(obj):
        if is_dataclass(obj) and not isinstance(obj, type):
            return replace(obj, **{f.name: (0.0 if f.name.endswith("_ms") else zeroed(getattr(obj, f.name)))
                                   for f in fields(obj) if f.init})
        if isinstance(obj, tuple):
            return tuple(zeroed(item) for item in obj)
        return obj
    return pickle.dumps(zeroed(report.steps))


@pytest.mark.parametrize("name", ["chain", "tensors", "unbind", "no_backward"])
def test_steps_read_the_walk_the_graph_was_built_from(monkeypatch, name):
    """The Steps trace takes run.py's walk of the output (no second walk of its graph) and is the
    trace a walk of its own gives."""
    options = StepOptions(backward_if_missing=True)
    walks = []
    walk_functions = steps_module.walk_functions

    def counted(*args, **kwargs):
        walks.append(args)
        return walk_functions(*args, **kwargs)

    monkeypatch.setattr(steps_module, "walk_functions", counted)
    given = run_program(PROGRAMS[name], steps=options)
    assert given.ok and given.steps is not None and given.steps.forward and not walks
    of = steps_module.StepContext.of.__func__

    def walking(cls, output, graph, recorder, order=None):
        return of(cls, output, graph, recorder)

    monkeypatch.setattr(steps_module.StepContext, "of", classmethod(walking))
    own = run_program(PROGRAMS[name], steps=options)
    assert len(walks) == 1
    assert _steps_bytes(given) == _steps_bytes(own)
