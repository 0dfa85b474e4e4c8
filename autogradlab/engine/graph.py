"""The autograd graph of one output tensor, walked iteratively (engine/graph_walk.py) into a
report.Graph.

PyTorch's backward graph is a DAG of Node objects linked by `next_functions`; a 3,000-op chain is
3,000 deep, so every walk uses an explicit stack (torchviz's recursive walk hits Python's
recursion limit). Node ids follow a post-order depth-first walk from the output, visiting inputs in
`next_functions` order: inputs come before their consumers, and the same program always gives the
same ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from autogradlab.engine.fast_records import GRAPH_NODE_FIELDS, dict_setter, graph_node
from autogradlab.engine.graph_context import GraphContext, GraphTables, OpOrigin  # noqa: F401  (re-exported)
from autogradlab.engine.graph_plans import _CLASS_PLANS, _OP_TEMPLATES, _class_plan  # noqa: F401  (tests read them)
from autogradlab.engine.graph_values import _SCALAR_KINDS, _STRIDED, GRAD_SNAPSHOT_ID, fast_snapshot
from autogradlab.engine.graph_walk import (  # noqa: F401  (the walk's names: re-exported)
    _CLASS_FACTS,
    Walk,
    _class_facts,
    function_inputs,
    gc_paused,
    is_leaf_node,
    op_name_from_class,
    op_name_from_class_name,
    walk_functions,
    walk_graph,
)
from autogradlab.engine.held_outputs import _class_name
from autogradlab.engine.saved_tensors import _SAVED_READERS, SAVED_PREFIX, read_saved  # noqa: F401  (read_saved: re-exported)
from autogradlab.engine.values import dtype_name
from autogradlab.report import LAZY_NUMBER, Graph, GraphNode, TensorSnapshot


def _no_entry(key: int) -> None:
    return None


class _Builder:
    """Builds the GraphNodes of one graph. A 500-step loop's graph has 3,500 nodes and as many
    snapshots (issue 9), so the nodes are made from template dicts (fast_records.GRAPH_NODE_FIELDS)
    and 0-dim values take values.scalar_snapshot's path inline; every node's fields, and which
    objects the nodes share (pickle writes a shared object once), stay as GraphNode(...) made them."""

    def __init__(self, ctx: GraphContext, grads: Mapping[int, torch.Tensor] | None) -> None:
        self.ctx = ctx
        self.grads = grads or {}
        self.nodes: list[GraphNode] = []
        self.edges: list[tuple[str, str]] = []
        self.ids: dict[int, str] = {}
        # id(tensor) -> its snapshot: a tensor met twice (a gradient passed on unchanged by an add
        # to both inputs, a tensor saved by several Nodes) is read once; the tensor is held in
        # _held so that its id is not reused while the graph is built (a list, not a (tensor,
        # snapshot) pair per tensor: 2,500 fewer objects for the collector to scan, issue 9).
        self._values: dict[int, TensorSnapshot] = {}
        self._grads: dict[int, TensorSnapshot] = {}
        self._held: list[torch.Tensor] = []

    def _new_id(self) -> str:
        return f"n{len(self.nodes)}"

    def _value(self, tensor: torch.Tensor) -> TensorSnapshot:
        known = self._values.get(id(tensor))
        if known is None:
            known = self._values[id(tensor)] = fast_snapshot(tensor, self.ctx.tensor_id(tensor))
            self._held.append(tensor)
        return known

    def _grad(self, key: int) -> TensorSnapshot | None:
        g = self.grads.get(key)
        if g is None:
            return None
        known = self._grads.get(id(g))
        if known is None:
            known = self._grads[id(g)] = fast_snapshot(g, GRAD_SNAPSHOT_ID)
            self._held.append(g)
        return known

    def add_leaf(self, tensor: torch.Tensor) -> str:
        node_id = self._new_id()
        created = self.ctx.creation_op(tensor)
        self.nodes.append(graph_node(
            id=node_id, kind="leaf", label=self.ctx.leaf_label(tensor), var=self.ctx.name_of(tensor),
            grad_fn="AccumulateGrad", shape=tuple(tensor.shape), dtype=dtype_name(tensor.dtype),
            value=self._value(tensor), grad=self._grad(id(tensor)),
            line=created.line if created else None, source=created.source if created else None,
            op_index=created.index if created else None))
        return node_id

    def add_functions(self, order: list[Any], inputs_of: list[list[Any]]) -> None:
        """Every Node of a walk (walk_graph's order and inputs), in order: a leaf as add_leaf makes
        it, any other Node as its saved tensors (kind "saved") and then its op node.

        One loop with everything it calls written out (issue 9: a 500-step scalar loop's graph
        has 2,000 op nodes, 1,500 saved tensors and 2,500 snapshots)."""
        ctx = self.ctx
        tables = ctx.graph_tables() if hasattr(ctx, "graph_tables") else None
        if tables is None:
            saved_get = origins_get = names_get = ids_get = trace_origin = _no_entry
        else:   # the Recorder's tables, read here instead of four method calls per Node
            saved_get, origins_get = tables.saved.get, tables.origins.get
            names_get, ids_get, trace_origin = tables.names.get, tables.ids.get, tables.trace.origin
        saved_of, origin_of, name_of, tensor_id = ctx.saved_of, ctx.origin_of, ctx.name_of, ctx.tensor_id
        nodes, edges, ids = self.nodes, self.edges, self.ids
        add_node, add_edge = nodes.append, edges.append
        values, grads, grads_seen = self._values, self.grads, self._grads
        hold = self._held.append
        get_value, get_grad, get_seen = values.get, grads.get, grads_seen.get
        snap, scalar_kind = fast_snapshot, _SCALAR_KINDS.get
        plans_of, readers_of = _CLASS_PLANS.get, _SAVED_READERS.get
        saved_fields, prefix, saved_templates_of = _SAVED_SCALAR_FIELDS, SAVED_PREFIX, _SAVED_TEMPLATES.get
        node_ids = _node_ids(len(nodes) + len(order) * 3)
        cached_ids = len(node_ids)
        class_name = _class_name
        node_cls, snap_cls, new, set_node, set_snap = GraphNode, TensorSnapshot, _new, _SET_NODE, _SET_SNAP
        strided, grad_number, lazy_number = _STRIDED, GRAD_SNAPSHOT_ID, LAZY_NUMBER
        count = len(nodes)
        for fn, fn_inputs in zip(order, inputs_of, strict=True):
            cls = type(fn)
            plan = plans_of(cls) or _class_plan(cls)   # (is it a leaf, its op nodes' fields, saves no tensor)
            if plan[0]:
                ids[id(fn)] = self.add_leaf(fn.variable)
                count += 1
                continue
            fn_key = id(fn)
            saved = saved_get(fn_key)
            from_tables = saved is not None
            if saved is None:
                if tables is None:
                    saved = saved_of(fn)
                elif plan[2]:   # (AddBackward0 and co.)
                    saved = ()
                else:   # read_saved, unless its class is known to save no tensor
                    reader = readers_of(cls)
                    saved = () if reader is not None and not reader[0] else (read_saved(fn) or ())
            # the op node's id, after its saved tensors' nodes: its edges from its inputs, then from
            # each saved tensor's node as it is made (the same edges in the same order)
            op_count = count + len(saved)
            op_id = node_ids[op_count] if op_count < cached_ids else f"n{op_count}"
            for child in fn_inputs:
                add_edge((ids[id(child)], op_id))
            for attr, tensor in saved:
                node_id = node_ids[count] if count < cached_ids else f"n{count}"
                count += 1
                fields = saved_templates_of(attr)   # kind "saved", shape () and the label set
                if fields is None:
                    fields = _SAVED_TEMPLATES[attr] = {**saved_fields, "label": attr.removeprefix(prefix)}
                fields = fields.copy()
                fields["id"] = node_id
                key = id(tensor)
                value = get_value(key)
                requires_grad = tensor.requires_grad
                grad_fn = tensor.grad_fn if requires_grad else None
                if value is None:
                    entry = ids_get(key)
                    number = entry.number if entry is not None else tensor_id(tensor)
                    kind = scalar_kind(tensor.dtype)
                    if kind is not None and not tensor.dim() and tensor.layout is strided \
                            and not tensor.is_neg():   # fast_snapshot's scalar path, inlined
                        value = new(snap_cls)   # lazy: value and summary made when read (report.py)
                        if requires_grad:
                            set_snap(value, {
                                "id": number, "shape": (), "dtype": kind[1], "requires_grad": True,
                                "grad_fn": None if grad_fn is None else class_name(type(grad_fn)),
                                lazy_number: tensor.item()})
                        else:   # (the same dict, from the dtype's copy)
                            lazy = kind[2].copy()
                            lazy["id"] = number
                            lazy[lazy_number] = tensor.item()
                            set_snap(value, lazy)
                        fields["dtype"] = kind[1]
                    else:
                        value = snap(tensor, number)
                        fields["shape"] = tuple(tensor.shape) if value.shape else ()
                        fields["dtype"] = value.dtype
                    values[key] = value
                    if not from_tables:   # (a tensor of tables.saved is held there while the graph is built)
                        hold(tensor)
                else:   # (a 0-dim value's shape is the one empty tuple)
                    fields["shape"] = tuple(tensor.shape) if value.shape else ()
                    fields["dtype"] = value.dtype
                fields["value"] = value
                if requires_grad:
                    g = get_grad(key if grad_fn is None else id(grad_fn))
                    if g is not None:   # (held by `grads` while the graph is built: its id is its own)
                        known = get_seen(id(g))
                        if known is None:
                            known = grads_seen[id(g)] = snap(g, grad_number)
                        fields["grad"] = known
                fields["saved_name"] = attr   # (its own text: `_saved_tensors[0]` is made per Node)
                made = new(node_cls)
                set_node(made, fields)
                add_node(made)
                add_edge((node_id, op_id))
            node_id = op_id
            count += 1
            fields = plan[1].copy()
            fields["id"] = node_id
            if tables is None:
                origin = origin_of(fn)
                found = None if origin is None else (origin.record, origin.output, origin.tensor)
            else:   # origin_of, inlined
                entry = origins_get(fn_key)
                found = None if entry is None else trace_origin(entry[0], entry[1])
                if found is not None:
                    ref = entry[3]
                    found = (found[0], found[1], ref() if ref is not None else None)
            if found is not None:   # (else an op the program did not run itself, or one the trace let go)
                record_, value, tensor = found
                fields["label"] = fields["op"] = record_.op
                if tables is None:
                    fields["var"] = name_of(tensor)
                else:
                    known = names_get(id(tensor))
                    fields["var"] = known[0] if known else None
                if value:
                    fields["shape"], fields["dtype"] = value.shape, value.dtype
                fields["value"] = value
                fields["line"], fields["source"] = record_.line, record_.source
                fields["op_index"] = record_.index
            g = get_grad(fn_key)
            if g is not None:
                grad_key = id(g)
                known = get_seen(grad_key)
                if known is None:
                    kind = scalar_kind(g.dtype)
                    if kind is not None and not g.dim() and g.layout is strided and not g.is_neg():
                        known = new(snap_cls)   # fast_snapshot(g, GRAD_SNAPSHOT_ID)'s scalar path, inlined
                        if g.requires_grad:   # (create_graph=True)
                            grad_fn = g.grad_fn
                            set_snap(known, {
                                "id": grad_number, "shape": (), "dtype": kind[1], "requires_grad": True,
                                "grad_fn": None if grad_fn is None else class_name(type(grad_fn)),
                                lazy_number: g.item()})
                        else:   # (then no grad_fn either; the id set already)
                            lazy = kind[3].copy()
                            lazy[lazy_number] = g.item()
                            set_snap(known, lazy)
                    else:
                        known = snap(g, grad_number)
                    grads_seen[grad_key] = known   # (g is held by `grads`)
                fields["grad"] = known
            made = new(node_cls)
            set_node(made, fields)
            add_node(made)
            ids[fn_key] = node_id

    def add_output(self, tensor: torch.Tensor, var: str | None, label: str | None, source_id: str | None,
                   grad_key: int) -> str:
        node_id = self._new_id()
        self.nodes.append(graph_node(
            id=node_id, kind="output", label=label or var or "output", var=var,
            shape=tuple(tensor.shape), dtype=dtype_name(tensor.dtype),
            value=self._value(tensor), grad=self._grad(grad_key)))
        if source_id is not None:
            self.edges.append((source_id, node_id))
        return node_id


_new = object.__new__
_SET_NODE, _SET_SNAP = dict_setter(GraphNode), dict_setter(TensorSnapshot)
# a saved tensor's node: shape () unless its value is not 0-dim (add_functions sets it then)
_SAVED_SCALAR_FIELDS = {**GRAPH_NODE_FIELDS, "kind": "saved", "shape": ()}
# a saved tensor's attribute name (`_saved_self`) -> its node's fields before the tensor's own (kind
# "saved", shape (), label `self`): one copy per saved tensor, as the op nodes'
_SAVED_TEMPLATES: dict[str, dict[str, Any]] = {}
# "n0", "n1", ...: the node ids, made once per process (the same text; a graph's nodes and edges share
# each one, as they share an id made for them): up to NODE_IDS_CACHED of them
_NODE_IDS: list[str] = []
NODE_IDS_CACHED = 20_000


def _node_ids(wanted: int) -> list[str]:
    """_NODE_IDS, with at least `wanted` ids when the cache may hold that many."""
    have = len(_NODE_IDS)
    if have < wanted and have < NODE_IDS_CACHED:
        _NODE_IDS.extend(f"n{i}" for i in range(have, min(wanted, NODE_IDS_CACHED)))
    return _NODE_IDS


def build_graph(output: torch.Tensor, *, output_var: str | None, ctx: GraphContext,
                grads: Mapping[int, torch.Tensor] | None = None, backward_done: bool = False,
                output_label: str | None = None, walked: Walk | None = None) -> Graph:
    """The graph that leads to `output`, with forward values and (after backward) gradients.

    `grads` maps id(Node) (or id(leaf tensor)) to d(backwarded tensor)/d(that node's value);
    `output_label` names an output no variable holds (`y.sum()`); `walked`: walk_graph of
    output.grad_fn, when the caller has it.
    """
    with gc_paused():
        return _build(output, output_var, output_label or output_var, _Builder(ctx, grads), backward_done,
                      walked)


def _build(output: torch.Tensor, output_var: str | None, output_label: str | None, builder: _Builder,
           backward_done: bool, walked: Walk | None = None) -> Graph:
    root = output.grad_fn
    source_id: str | None = None
    if root is not None:
        order, inputs = walked if walked is not None else walk_graph(root)
        builder.add_functions(order, inputs)
        source_id = builder.ids[id(root)]
        grad_key = id(root)
    else:
        if output.requires_grad:
            source_id = builder.add_leaf(output)
        grad_key = id(output)
    out_id = builder.add_output(output, output_var, output_label, source_id, grad_key)
    return Graph(nodes=tuple(builder.nodes), edges=tuple(builder.edges), output=output_var,
                 output_node=out_id, backward_done=backward_done, output_label=output_label)
