"""torch.autograd.grad inside torch.vmap: PyTorch runs the backward of a graph built outside the vmap
once, with every batched grad_outputs row at once (vmap's docs: "vectorized gradient computation").

The graph was made before the vmap, so the checks inside the vmap never saw it: before the call its
Nodes are walked from the outputs (iteratively, at most max_graph_work // NODE_WORK of them; the
graph view walks the same Nodes after the run) and each Node's backward counts the elements of the
gradient it receives (`_input_metadata`). Then, as for vmap(grad(f)) (func_running.py), the rows
times that work must fit max_graph_work, the largest gradient times the rows the element limits, and
with create_graph=True the whole graph of gradients it keeps. Inside grad, jacrev, vjp, jvp, jacfwd and
hessian the same walk bounds it (rows: the batching transforms around it; PyTorch itself refuses what
it cannot differentiate there, e.g. a jvp's input, with its own words), and with create_graph=True its
Nodes join the function's count that an outer jacrev/grad's backward is checked by. A graph holding a
custom autograd Function stays refused (its backward is program code; it hung here on batched
gradients).
A tensor hook refuses itself when it runs inside a transform (tensor_hooks.py).
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch.autograd.function import BackwardCFunction

from autogradlab.errors import LimitExceeded
from autogradlab.lang.call_work import NODE_WORK, node_work


def only_vmaps(interp: Any) -> bool:
    """Every torch.func transform running now is a vmap (func_running.running keeps the list)."""
    kinds = interp.__dict__.get("func_kinds", ())
    return bool(kinds) and all(kind == "vmap" for kind in kinds)


def _tensors(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for t in value if isinstance(t, torch.Tensor)]
    return []


def _received(node: Any, fallback: int) -> int:
    """Elements of the gradients a Node receives; unreadable: `fallback` (fail closed)."""
    try:
        return sum(math.prod(int(s) for s in meta.shape) for meta in node._input_metadata)
    except Exception:  # noqa: BLE001 - a Node without metadata counts as the largest tensor allowed
        return fallback


def graph_cost(outputs: Any, most_nodes: int, fallback: int) -> tuple[int, int, int, int] | None:
    """(nodes, backward work, largest gradient, all gradients) of the graph behind `outputs`; None
    when it has more than `most_nodes` Nodes; -1 Nodes when a custom autograd Function's backward
    (program code, which would run on batched gradients) is among them."""
    stack = [t.grad_fn for t in _tensors(outputs) if t.grad_fn is not None]
    seen = {id(fn): fn for fn in stack}   # the Python objects stay alive, so their ids stay unique
    nodes = work = largest = total = 0
    while stack:
        fn = stack.pop()
        if isinstance(fn, BackwardCFunction):
            return -1, 0, 0, 0
        nodes += 1
        if nodes > most_nodes:
            return None
        elements = _received(fn, fallback)
        work += node_work(elements)
        largest, total = max(largest, elements), total + elements
        for child, _ in getattr(fn, "next_functions", ()):
            if child is not None and id(child) not in seen:
                seen[id(child)] = child
                stack.append(child)
    return nodes, work, largest, total


def check_grad_in_vmap(interp: Any, outputs: Any, rows: int, create_graph: bool) -> None:
    """Refuse a backward inside torch.func transforms whose rows times its graph's work or gradients
    pass the limits. Inside vmaps alone each row counts BATCHED_GRAD_WEIGHT times (a batched backward);
    inside grad/jacrev/vjp/jvp (PyTorch runs autograd.grad there on its own level) so do the rows of a
    batching transform around it (jacfwd, hessian, vmap), and a single row counts once."""
    from autogradlab.lang.func_running import BATCHED_GRAD_WEIGHT

    limits = interp.sizes.limits
    vmaps = only_vmaps(interp)
    rows_weighted = rows * BATCHED_GRAD_WEIGHT if vmaps or rows > 1 else 1
    from autogradlab.engine.graph_walk import gc_paused
    with gc_paused():
        cost = graph_cost(outputs, limits.max_graph_work // NODE_WORK, limits.max_tensor_elements)
    most = limits.max_graph_work // NODE_WORK
    if cost is None and vmaps:
        raise LimitExceeded(
            f"torch.autograd.grad inside vmap would walk back a graph of more than {most:,} operations "
            "once per row", hint="a smaller vmap batch or a smaller graph helps (limit max_graph_work)")
    if cost is None:
        raise LimitExceeded(
            f"torch.autograd.grad inside a torch.func transform would walk back a graph of more than "
            f"{most:,} operations", hint="fewer rows or fewer operations in the function help (limit "
            "max_graph_work)")
    nodes, work, largest, total = cost
    if nodes < 0:
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, "`torch.autograd.grad(...)` through a custom autograd Function's backward")
    steps = rows_weighted * (work - nodes * NODE_WORK) + nodes * NODE_WORK
    if steps > limits.max_graph_work and vmaps:
        raise LimitExceeded(
            f"torch.autograd.grad inside vmap would push {rows:,} rows at once through a graph of {nodes:,} "
            f"operations, about {steps:,} arithmetic steps in all; the limit is {limits.max_graph_work:,} "
            "per call",
            hint="a smaller vmap batch or a smaller graph helps (limit max_graph_work)")
    if steps > limits.max_graph_work:
        raise LimitExceeded(
            f"torch.autograd.grad inside a torch.func transform would push {rows:,} rows through a graph "
            f"of {nodes:,} operations, about {steps:,} arithmetic steps in all; the limit is "
            f"{limits.max_graph_work:,} per call",
            hint="fewer rows or fewer operations in the function help (limit max_graph_work)")
    # the sizes are batched here (jacobian_passes.batched_sizes): each check counts the rows
    interp.sizes.check_elements(total if create_graph else largest, "torch.autograd.grad inside vmap"
                                if vmaps else "torch.autograd.grad inside a torch.func transform")
    if create_graph:   # each Node also builds its gradient's graph (lang/create_graph_work.py)
        from autogradlab.lang.create_graph_work import check_create_graph
        check_create_graph(interp, outputs, "torch.autograd.grad(..., create_graph=True)", rows_weighted)
    hooks = interp.hooks
    if create_graph and hasattr(hooks, "graph_work"):   # an outer grad/jacrev walks these gradients too
        hooks.nodes += nodes
        hooks.graph_work += work
