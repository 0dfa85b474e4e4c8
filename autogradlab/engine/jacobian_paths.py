"""The chain rule as a sum over paths: every path through the function's autograd graph from an
input leaf to the output, with that path's share of the Jacobian (backward passes that follow only
the path's edges). The shares of all paths add up to J.

Small Jacobians (up to MAX_CELLS entries): every row, in the worker with the run (one backward per
output element per path), so the page answers a click on any cell without another run. Bigger ones:
only the row of the clicked cell, in a run made for that click (`row`). Tuple outputs are followed
from one flat output, the outputs' elements in the order of J's rows (as torch.cat of each output
flattened), so their paths end in that cat node.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import torch

from autogradlab.engine import jacobian as jac
from autogradlab.engine.graph import _build, _Builder, function_inputs, gc_paused, is_leaf_node
from autogradlab.engine.graph_walk import walk_functions
from autogradlab.report import Graph
from autogradlab.report_jacobian import JacobianPath

MAX_PATHS = 24
MAX_NODE_CALLS = 20_000       # rows × paths × path length
MAX_CELLS = 4_096


Step = tuple[Any, int, int]   # (node, its forward output the path enters by, index in the parent's edges)


def _paths(root: Any, root_slot: int, targets: dict[int, int]) -> tuple[list[list[Step]], bool]:
    """Paths root -> an input's AccumulateGrad; and whether there were more than MAX_PATHS. The walk
    enters only nodes from which an input's AccumulateGrad can be reached (_reaching): a branch that ends
    elsewhere (another leaf, a constant) would be walked path by path, and a graph of shared diamonds,
    `y = y * 1.0 + y * 1.0` forty times, has 2**40 of them; each path entered now ends at an input.
    A path on the stack is its last step and the path before it (a copy per step made a chain of 9,000
    ops cost 40 million copied steps); a path found is written out once."""
    reaching = _reaching(root, targets)
    if id(root) not in reaching:
        return [], False
    found: list[list[Step]] = []
    stack: list[tuple[Step, Any]] = [((root, root_slot, 0), None)]
    while stack:
        cell = stack.pop()
        fn = cell[0][0]
        if is_leaf_node(fn):
            if id(fn) in targets:
                if len(found) == MAX_PATHS:
                    return found, True
                found.append(_written(cell))
            continue
        for index, (child, slot) in reversed(list(enumerate(getattr(fn, "next_functions", ())))):
            if child is not None and id(child) in reaching:
                stack.append(((child, slot, index), cell))
    return found, False


def _written(cell: tuple[Step, Any]) -> list[Step]:
    """The steps of a path kept as (last step, the path before it), root first."""
    steps: list[Step] = []
    while cell is not None:
        steps.append(cell[0])
        cell = cell[1]
    steps.reverse()
    return steps


def _reaching(root: Any, targets: dict[int, int]) -> set[int]:
    """ids of the nodes behind root from which a path leads to a target AccumulateGrad (one walk, inputs
    first, so every node's inputs are answered before it)."""
    reaching: set[int] = set()
    for fn in walk_functions(root):
        if is_leaf_node(fn):
            if id(fn) in targets:
                reaching.add(id(fn))
        elif any(id(child) in reaching for child in function_inputs(fn)):
            reaching.add(id(fn))
    return reaching


def _outputs_of(fn: Any) -> int:
    meta = getattr(fn, "_input_metadata", None)
    return len(meta) if meta is not None else 1


def _push(path: list[Step], seed: torch.Tensor) -> torch.Tensor | None:
    """The gradient that reaches the path's leaf when only the path's edges carry it."""
    grad: torch.Tensor | None = seed
    for (fn, slot, _), step in zip(path, path[1:], strict=False):
        grads: list[torch.Tensor | None] = [None] * _outputs_of(fn)
        grads[slot] = grad
        out = fn(*grads)
        grad = (out if isinstance(out, tuple) else (out,))[step[2]]
        if grad is None:
            return None
        grad = _as_expected(grad, step)
    return grad


def _as_expected(grad: torch.Tensor, step: Step) -> torch.Tensor:
    """What the engine's validate_outputs does between two nodes: sum a broadcast gradient back to
    the input's shape and cast it to its dtype."""
    child, slot, _ = step
    if is_leaf_node(child):
        shape, dtype = child.variable.shape, child.variable.dtype
    else:
        meta = getattr(child, "_input_metadata", None)
        if not meta:
            return grad
        shape, dtype = meta[slot].shape, meta[slot].dtype
    if tuple(grad.shape) != tuple(shape):
        grad = grad.sum_to_size(shape)
    return grad.to(dtype)


LAZY_NOTE = "paths of a Jacobian with more than 4,096 entries are followed for the cell you click"


def flat_output(p: jac.Probe) -> torch.Tensor:
    """The function's output whose elements are J's rows: the output itself, or the tuple's outputs
    flattened and concatenated (recorded by autograd, outside the program's op trace)."""
    if not p.output_is_tuple:
        return p.outputs[0]
    with torch.enable_grad():
        return torch.cat([y.reshape(-1) for y in p.outputs])


def chain_rule_paths(p: jac.Probe, names: tuple[str, ...], ctx: Any, output_name: str,
                     matrix: torch.Tensor, row: int | None = None
                     ) -> tuple[Graph | None, tuple[JacobianPath, ...], str | None]:
    """(graph of the function, its paths with their shares, a note), or (None, (), why not).
    `row`: follow the paths for that row of J only (a clicked cell of a big Jacobian)."""
    M, N = matrix.shape
    if not p.outputs:
        return None, (), "the function was not run again, so there is no graph to follow"
    if row is None and M * N > MAX_CELLS:
        return None, (), LAZY_NOTE
    if row is not None and not 0 <= row < M:
        return None, (), f"row {row} is outside the Jacobian's {M:,} rows"
    rows = range(M) if row is None else range(row, row + 1)
    y = flat_output(p)
    if y.grad_fn is None:
        return None, (), "the output does not depend on the inputs through the graph"
    leaves = {id(x): k for k, x in enumerate(p.inputs)}
    with gc_paused():
        builder = _Builder(ctx, None)
        graph = _build(y, None, output_name, builder, False)
        acc = {}
        for fn in _walk_leaves(y.grad_fn):
            k = leaves.get(id(fn.variable))
            if k is not None:
                acc[id(fn)] = k
        raw, more = _paths(y.grad_fn, y.output_nr, acc)
        if len(rows) * len(raw) * max((len(r) for r in raw), default=1) > MAX_NODE_CALLS:
            return graph, (), "too many paths × outputs to follow one by one"
        offsets = [0]
        for x in p.inputs:
            offsets.append(offsets[-1] + x.numel())
        out: list[JacobianPath] = []
        for path in raw:
            share = torch.zeros(len(rows), N, dtype=torch.float64)
            k = acc[id(path[-1][0])]
            for r, i in enumerate(rows):
                seed = torch.zeros(M, dtype=y.dtype)
                seed[i] = 1
                g = _push(path, seed.reshape(y.shape))
                if g is not None:
                    share[r, offsets[k]:offsets[k + 1]] = g.detach().reshape(-1).to(torch.float64)
            ids = tuple(builder.ids[id(step[0])] for step in reversed(path)) + (graph.output_node,)
            out.append(JacobianPath(nodes=ids, contribution=share.numpy(), row=row))
    graph = _rename_leaves(graph, builder, acc, names)
    note = f"the first {MAX_PATHS} paths are shown; there are more" if more else None
    return graph, tuple(out), note


def _walk_leaves(root: Any) -> list[Any]:
    seen, stack, leaves = {id(root)}, [root], []
    while stack:
        fn = stack.pop()
        if is_leaf_node(fn):
            leaves.append(fn)
        for child in function_inputs(fn):
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return leaves


def _rename_leaves(graph: Graph, builder: _Builder, acc: dict[int, int], names: tuple[str, ...]) -> Graph:
    rename = {builder.ids[fn_id]: names[k] for fn_id, k in acc.items() if fn_id in builder.ids}
    nodes = tuple(dataclasses.replace(n, label=rename[n.id], var=rename[n.id]) if n.id in rename else n
                  for n in graph.nodes)
    return dataclasses.replace(graph, nodes=nodes)
