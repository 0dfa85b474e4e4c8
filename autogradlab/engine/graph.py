"""The autograd graph of one output tensor, walked iteratively into a report.Graph.

PyTorch's backward graph is a DAG of Node objects linked by `next_functions`; a 3,000-op chain is
3,000 deep, so every walk here uses an explicit stack (torchviz's recursive walk hits Python's
recursion limit). Node ids follow a post-order depth-first walk from the output, visiting inputs in
`next_functions` order: inputs come before their consumers, and the same program always gives the
same ids.
"""

from __future__ import annotations

import gc
import operator
import re
from collections.abc import Container, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple, Protocol

import torch

from autogradlab.engine.fast_records import graph_node
from autogradlab.engine.values import dtype_name, snapshot
from autogradlab.report import Graph, GraphNode, OpRecord, TensorSnapshot

SAVED_PREFIX = "_saved_"
GRAD_SNAPSHOT_ID = -1  # gradients are not program tensors, so they carry no engine tensor id


class OpOrigin(NamedTuple):
    """Which recorded op produced the tensor whose grad_fn is a given Node."""

    record: OpRecord
    output: TensorSnapshot
    tensor: torch.Tensor


class GraphContext(Protocol):
    """What the graph needs to know about the run (the Recorder provides it)."""

    def tensor_id(self, tensor: torch.Tensor) -> int: ...
    def name_of(self, tensor: torch.Tensor) -> str | None: ...
    def leaf_label(self, tensor: torch.Tensor) -> str: ...
    def origin_of(self, fn: Any) -> OpOrigin | None: ...
    def creation_op(self, tensor: torch.Tensor) -> OpRecord | None: ...
    def saved_of(self, fn: Any) -> list[tuple[str, torch.Tensor]]: ...


def is_leaf_node(fn: Any) -> bool:
    return type(fn).__name__ == "AccumulateGrad"


def function_inputs(fn: Any) -> list[Any]:
    return [u for u, _ in getattr(fn, "next_functions", ()) if u is not None]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Touching a Node for the first time creates its Python wrapper; on big graphs the cyclic
    garbage collector, triggered by those allocations, made walks ten times slower."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def walk_functions(root: Any, known: Container[int] = ()) -> list[Any]:
    """Nodes reachable from root in post-order (inputs first), without recursion.

    Nodes whose id is in `known` are neither returned nor entered: a Node's inputs never change,
    so everything behind a known node is known too.
    """
    return walk_graph(root, known)[0]


class Walk(NamedTuple):
    """walk_functions' order, with each Node's function_inputs alongside (inputs[i] are order[i]'s):
    the report reads the graph once and hands this to everything that draws it (issue 9: a
    2,000-node loop graph was walked three times and its `next_functions` read four times)."""

    order: list[Any]
    inputs: list[list[Any]]


def walk_graph(root: Any, known: Container[int] = ()) -> Walk:
    """walk_functions, keeping what it read of every Node's inputs."""
    if root is None or id(root) in known:
        return Walk([], [])
    visited = {id(root)}
    order: list[Any] = []
    inputs_of: list[list[Any]] = []
    first = function_inputs(root)
    stack: list[tuple[Any, list[Any], Iterator[Any]]] = [(root, first, iter(first))]
    push, pop = stack.append, stack.pop
    with gc_paused():
        while stack:
            fn, inputs, pending = stack[-1]
            for child in pending:
                key = id(child)
                if key not in visited and key not in known:
                    visited.add(key)
                    child_inputs = [u for u, _ in getattr(child, "next_functions", ()) if u is not None]
                    push((child, child_inputs, iter(child_inputs)))
                    break
            else:
                pop()
                order.append(fn)
                inputs_of.append(inputs)
    return Walk(order, inputs_of)


_SAVED_ATTRS: dict[type, tuple[str, ...]] = {}
# Node class -> (its `_saved_*` names that can hold a tensor, one getter reading them all at once)
_SAVED_READERS: dict[type, tuple[tuple[str, ...], Any]] = {}
_NEVER_TENSORS = (int, float, bool, complex, str, torch.dtype, torch.device, torch.layout,
                  torch.memory_format, torch.SymInt, torch.SymFloat, torch.SymBool)


def _saved_attrs(cls: type, fn: Any) -> tuple[str, ...]:
    """The `_saved_*` attribute names of a Node class (dir() is slow; the names are per class)."""
    names = _SAVED_ATTRS.get(cls)
    if names is None:
        names = _SAVED_ATTRS[cls] = tuple(a for a in dir(fn) if a.startswith(SAVED_PREFIX))
    return names


def read_saved(fn: Any) -> list[tuple[str, torch.Tensor]] | None:
    """The tensors a backward node saved (`_saved_self`, `_saved_result`, ...), as torchviz reads
    them; None when backward already freed them.

    Runs for every new Node before every backward of a training loop (issue 9), so after a class's
    first Node its attributes are read by one attrgetter, leaving out those that held a plain value
    (a field's C++ type is fixed per class: an int, a dtype or a list of sizes is never a tensor)."""
    reader = _SAVED_READERS.get(type(fn))
    if reader is None:
        return _read_saved_learning(fn)
    names, getter = reader
    if not names:
        return []
    try:
        values = getter(fn)
    except RuntimeError:
        return None
    except Exception:  # an attribute torch cannot unpack: read them one by one, as the first time
        return _read_each(fn, names)
    if len(names) == 1:
        values = (values,)
    saved: list[tuple[str, torch.Tensor]] = []
    for attr, val in zip(names, values, strict=True):
        if isinstance(val, torch.Tensor):
            saved.append((attr, val))
        elif isinstance(val, tuple):
            saved.extend((f"{attr}[{i}]", t) for i, t in enumerate(val) if isinstance(t, torch.Tensor))
    return saved


def _read_each(fn: Any, names: tuple[str, ...],
               plain: list[str] | None = None) -> list[tuple[str, torch.Tensor]] | None:
    """read_saved attribute by attribute; `plain` collects the names that held a plain value."""
    saved: list[tuple[str, torch.Tensor]] = []
    for attr in names:
        try:
            val = getattr(fn, attr)
        except RuntimeError:
            return None
        except Exception:  # an attribute torch cannot unpack is simply not drawn
            continue
        if isinstance(val, torch.Tensor):
            saved.append((attr, val))
        elif isinstance(val, tuple):
            saved.extend((f"{attr}[{i}]", t) for i, t in enumerate(val) if isinstance(t, torch.Tensor))
            if any(isinstance(t, _NEVER_TENSORS) for t in val) and plain is not None:
                plain.append(attr)
        elif isinstance(val, _NEVER_TENSORS) and plain is not None:
            plain.append(attr)
    return saved


def _read_saved_learning(fn: Any) -> list[tuple[str, torch.Tensor]] | None:
    """The first read of a Node class: also learns which attributes can hold a tensor."""
    names = _saved_attrs(type(fn), fn)
    plain: list[str] = []
    saved = _read_each(fn, names, plain)
    if saved is not None:   # all read (a freed Node teaches nothing)
        kept = tuple(a for a in names if a not in plain)
        _SAVED_READERS[type(fn)] = (kept, operator.attrgetter(*kept) if kept else None)
    return saved


_OP_NAMES: dict[str, str] = {}


def op_name_from_class(fn: Any) -> str:
    """MulBackward0 -> "mul", LinalgEigBackward0 -> "linalg_eig", CopySlices -> "copy_slices"."""
    cls_name = type(fn).__name__
    op = _OP_NAMES.get(cls_name)
    if op is None:
        name = re.sub(r"Backward\d*$", "", cls_name) or cls_name
        op = _OP_NAMES[cls_name] = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return op


class _Builder:
    def __init__(self, ctx: GraphContext, grads: Mapping[int, torch.Tensor] | None) -> None:
        self.ctx = ctx
        self.grads = grads or {}
        self.nodes: list[GraphNode] = []
        self.edges: list[tuple[str, str]] = []
        self.ids: dict[int, str] = {}
        # id(tensor) -> (tensor, its snapshot): a tensor met twice (a gradient passed on unchanged
        # by an add to both inputs, a tensor saved by several Nodes) is read once; the tensor is
        # held so that its id is not reused while the graph is built.
        self._values: dict[int, tuple[torch.Tensor, TensorSnapshot]] = {}
        self._grads: dict[int, tuple[torch.Tensor, TensorSnapshot]] = {}

    def _new_id(self) -> str:
        return f"n{len(self.nodes)}"

    def _value(self, tensor: torch.Tensor) -> TensorSnapshot:
        known = self._values.get(id(tensor))
        if known is None:
            known = self._values[id(tensor)] = (tensor, snapshot(tensor, self.ctx.tensor_id(tensor)))
        return known[1]

    def _grad(self, key: int) -> TensorSnapshot | None:
        g = self.grads.get(key)
        if g is None:
            return None
        known = self._grads.get(id(g))
        if known is None:
            known = self._grads[id(g)] = (g, snapshot(g, GRAD_SNAPSHOT_ID))
        return known[1]

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

    def add_saved(self, fn: Any, saved: list[tuple[str, torch.Tensor]] | None = None) -> list[str]:
        """`saved`: ctx.saved_of(fn), when the caller read it already."""
        ids = []
        nodes = self.nodes
        for attr, tensor in self.ctx.saved_of(fn) if saved is None else saved:
            node_id = f"n{len(nodes)}"
            key = id(tensor) if tensor.grad_fn is None else id(tensor.grad_fn)
            nodes.append(graph_node(
                id=node_id, kind="saved", label=attr.removeprefix(SAVED_PREFIX),
                shape=tuple(tensor.shape), dtype=dtype_name(tensor.dtype),
                value=self._value(tensor),
                grad=self._grad(key) if tensor.requires_grad else None, saved_name=attr))
            ids.append(node_id)
        return ids

    def add_op(self, fn: Any, inputs: list[Any] | None = None) -> str:
        """`inputs`: function_inputs(fn), when the walk read them already."""
        ctx = self.ctx
        saved = ctx.saved_of(fn)
        saved_ids = self.add_saved(fn, saved) if saved else ()
        nodes = self.nodes
        node_id = f"n{len(nodes)}"
        origin = ctx.origin_of(fn)
        if origin is None:   # an op the program did not run itself, or one the trace let go
            op = op_name_from_class(fn)
            nodes.append(graph_node(id=node_id, kind="op", label=op, op=op, grad_fn=type(fn).__name__,
                                    grad=self._grad(id(fn))))
        else:
            record, value = origin.record, origin.output
            nodes.append(graph_node(
                id=node_id, kind="op", label=record.op, var=ctx.name_of(origin.tensor), op=record.op,
                grad_fn=type(fn).__name__, shape=value.shape if value else None,
                dtype=value.dtype if value else None, value=value, grad=self._grad(id(fn)),
                line=record.line, source=record.source, op_index=record.index))
        ids, edges = self.ids, self.edges
        for child in function_inputs(fn) if inputs is None else inputs:
            edges.append((ids[id(child)], node_id))
        for saved_id in saved_ids:
            edges.append((saved_id, node_id))
        return node_id

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
        ids = builder.ids
        for fn, fn_inputs in zip(order, inputs, strict=True):
            if is_leaf_node(fn):
                ids[id(fn)] = builder.add_leaf(fn.variable)
            else:
                ids[id(fn)] = builder.add_op(fn, fn_inputs)
        source_id = builder.ids[id(root)]
        grad_key = id(root)
    else:
        if output.requires_grad:
            source_id = builder.add_leaf(output)
        grad_key = id(output)
    out_id = builder.add_output(output, output_var, output_label, source_id, grad_key)
    return Graph(nodes=tuple(builder.nodes), edges=tuple(builder.edges), output=output_var,
                 output_node=out_id, backward_done=backward_done, output_label=output_label)
