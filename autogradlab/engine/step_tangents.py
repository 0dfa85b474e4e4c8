"""Tangent steps (forward mode, dual numbers) and the cost of each mode, for one run.

The direction v names leaves of the output's graph; the program runs again with those leaves as
dual numbers (tangent_run.py), and every op node of the graph gets its tangent: the output's is
J·v, shown beside reverse mode's number for the same question, (uᵀJ)·v, where u is the backward's
seed (1 for a scalar output). Then the cost: n inputs and m outputs (passes for the whole
Jacobian), one pass of each mode timed, bytes saved for backward against tangents kept alive.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.engine import step_rules as rules
from autogradlab.engine.step_hooks import BackwardLog
from autogradlab.engine.steps import StepContext, exponent_text, short, snap
from autogradlab.engine.tangent_run import TangentRun
from autogradlab.leaf_paths import leaf_name
from autogradlab.report import GraphNode
from autogradlab.step_records import ModeCost, StepOptions, TangentStep, TangentTrace

DIRECTION_MAX_ELEMENTS = 1_000_000


def _key(node: GraphNode) -> str | None:
    """The name a leaf node's direction is given by: its variable, else its path (`layers[0].w`)."""
    return leaf_name(node.kind, node.var, node.label)


def _leaves(ctx: StepContext) -> dict[str, Any]:
    """Name -> the leaf tensor, for leaves of the output's graph that have a name: a variable's
    first (in graph order), then those a list, dict or object holds, by their path."""
    named, paths = {}, {}
    for node_id, fn in ctx.fns.items():
        node = ctx.nodes[node_id]
        key = _key(node)
        if key is not None:
            (named if node.var else paths).setdefault(key, fn.variable)
    return named | {k: v for k, v in paths.items() if k not in named}


def _made(ctx: StepContext, direction: dict[str, torch.Tensor]) -> dict[int, list[tuple[str, int, bool]]]:
    """Op index -> (path, output position, named) of each leaf of the direction that op made
    (`torch.randn(2, 3).unbind()` makes several): the tangent run gives it its tangent there (the same
    op index makes the same tensor in a run with the same seed).

    named False: no variable holds the leaf, so no assignment binds it to a name. named True: a
    variable does, but the tangent run gives tangents only at top-level assignments, and the leaf may
    be a function's local (d2l's `train_ch11` makes `w` and `b` in each call; the program's own `w, b`
    are an earlier call's, so the output tangent was 0): it gets its tangent where it was made too,
    when it is a leaf that requires grad there (tangent_run.TangentHooks: a leaf already given one
    keeps it)."""
    made: dict[int, list[tuple[str, int, bool]]] = {}
    for node_id in ctx.fns:
        node = ctx.nodes[node_id]
        key = _key(node)
        if key not in direction or node.op_index is None:
            continue
        record = ctx.record(node.op_index)
        outputs = record.outputs if record is not None else ()
        position = next((p for p, out in enumerate(outputs) if node.value and out.id == node.value.id), None)
        if node.var and position is None:
            continue
        made.setdefault(node.op_index, []).append((key, position or 0, bool(node.var)))
    return made


def parse_direction(ctx: StepContext, options: StepOptions) -> tuple[dict[str, torch.Tensor], str | None]:
    """(name -> tangent tensor, error message). Other leaves get zero tangents."""
    leaves = _leaves(ctx)
    known = ", ".join(leaves) or "none"
    direction: dict[str, torch.Tensor] = {}
    for name, values in options.direction:
        leaf = leaves.get(name)
        if leaf is None:
            return {}, f"direction {name}: not a named leaf of the output's graph (its leaves: {known})"
        try:
            tangent = torch.tensor(values, dtype=torch.float64)
        except Exception:  # noqa: BLE001 - text, None, ragged lists
            return {}, f"direction {name}: the values must be a number or a nested list of numbers"
        if tuple(tangent.shape) != tuple(leaf.shape):
            if tangent.numel() == 1 and leaf.numel() == 1:
                tangent = tangent.reshape(leaf.shape)
            else:
                return {}, (f"direction {name}: shape {tuple(tangent.shape)} does not match the leaf's "
                            f"shape {tuple(leaf.shape)}")
        if not (leaf.dtype.is_floating_point or leaf.dtype.is_complex):
            return {}, f"direction {name}: the leaf has dtype {leaf.dtype}, which has no tangents"
        direction[name] = tangent.to(leaf.dtype)
    if not direction and options.default_direction and leaves:
        name, leaf = next(iter(leaves.items()))
        if leaf.numel() and (leaf.dtype.is_floating_point or leaf.dtype.is_complex):
            tangent = torch.zeros_like(leaf.detach())
            tangent.view(-1)[0] = 1
            direction[name] = tangent
    return direction, None


Traced = tuple[TangentTrace | None, TangentRun | None, str | None]


def _first_op(ctx: StepContext) -> int:
    """The op index the tangent run's dual level opens before (tangent_run.py): the least of the output
    graph's op nodes, moved back to just after an op of the program's own top level (the op before it
    ran in no function), so that the level never opens inside a call under way (a custom Function's
    forward records its ops before its apply's); 0 when a node has no index (made inside a call, or by
    a backward with create_graph: its tangent comes from wherever that ran)."""
    found = [ctx.nodes[i].op_index for i in ctx.fns if ctx.nodes[i].kind != "leaf"]
    if not found or None in found:
        return 0
    start = min(found)
    while start > 0:
        before = ctx.record(start - 1)
        if before is not None and before.in_function is None:
            break
        start -= 1
    return start


def tangent_trace(ctx: StepContext, options: StepOptions, runner: Callable[..., TangentRun] | None,
                  log: BackwardLog | None, notes: list[str], error_line: int | None = None) -> Traced:
    """(trace, the tangent run, direction error). `error_line`: where the program itself stopped
    (the tangent run stops there too, which needs no note)."""
    direction, error = parse_direction(ctx, options)
    if error is not None:
        notes.append(error)
        return None, None, error
    if not direction and not options.direction and not _leaves(ctx):
        notes.append("no forward-mode steps: no leaf of the output's graph is held by a variable, nor by a "
                     "list, dict or object a variable holds (the program rebound it, e.g. `x = x.detach()` "
                     "in a loop), so there is no input to push a tangent from")
    if not direction or runner is None:
        return None, None, None
    wanted = {ctx.nodes[i].op_index for i in ctx.fns if ctx.nodes[i].op_index is not None}
    run = runner(direction, wanted, _made(ctx, direction), _first_op(ctx))
    if run.error is not None and (run.error_line is None or run.error_line != error_line):
        where = f" on line {run.error_line}" if run.error_line else ""
        notes.append(f"forward mode stopped{where}: {run.error}; later ops have no tangent")
    missing = [name for name in direction if name not in run.leaves] if run.tangents else []
    if run.overflow:
        notes.append("the tangents of this program are too many values to keep (20 million): the later "
                     "ops have none")
    if missing:
        notes.append(f"no tangent could be given to {', '.join(missing)} (forward mode could not follow how "
                     "it became a leaf)")
    known: dict[str, list[torch.Tensor]] = {}    # node id -> tangent of each of its outputs
    for node_id, fn in ctx.fns.items():
        node = ctx.nodes[node_id]
        if node.kind == "leaf":
            key = _key(node)
            given = key in direction and key in run.leaves
            known[node_id] = [direction[key] if given else torch.zeros_like(fn.variable.detach())]
    entries = []
    for node_id in ctx.forward_order():
        found = _node_tangents(ctx, node_id, run)
        if found is None and ctx.nodes[node_id].op_index is None:   # made inside a call: J·ṫ
            found = _inside(ctx, node_id, known)
        if found is None:
            continue
        known[node_id] = found
        entries.append(_entry(ctx, node_id, known, len(entries)))
    out = _output_tangent(ctx, known)
    shown = tuple((name, snap(t)) for name, t in direction.items())
    vjp = _reverse_number(ctx, log, direction) if out is not None else None
    if vjp is not None and ctx.output.numel() != 1:
        notes.append("the output is not a scalar: reverse mode answers (uᵀJ)·v for the backward's "
                     "gradient u, which equals Σ u·(J·v)")
    trace = TangentTrace(direction=shown, entries=tuple(entries),
                         output_tangent=snap(out) if out is not None else None,
                         vjp=snap(vjp) if vjp is not None else None)
    return trace, run, None


def _position(ctx: StepContext, node_id: str) -> int:
    node = ctx.nodes[node_id]
    record = ctx.record(node.op_index)
    outputs = record.outputs if record is not None else ()
    return next((p for p, out in enumerate(outputs) if node.value and out.id == node.value.id), 0)


def _node_tangents(ctx: StepContext, node_id: str, run: TangentRun) -> list[torch.Tensor] | None:
    """The tangent of each result of the node's op (zero where no tangent reached it)."""
    node = ctx.nodes[node_id]
    if node.op_index is None or node.op_index not in run.tangents:
        return None
    record = ctx.record(node.op_index)
    if record is None:
        return None
    outputs = record.outputs
    found = run.tangents[node.op_index]
    return [t if t is not None else torch.zeros(out.shape, dtype=getattr(torch, out.dtype, torch.float32))
            for t, out in zip(found, outputs, strict=False)] or None


def _inside(ctx: StepContext, node_id: str, known: dict[str, list[torch.Tensor]]) -> list | None:
    from autogradlab.engine.internal_tangents import inside_tangent

    fn = ctx.fns[node_id]
    ins = []
    for (_, nr), i in zip(fn.next_functions, ctx.slot_ids(fn), strict=False):
        found = known.get(i) if i is not None else None
        ins.append((found[nr] if nr < len(found) else found[0]) if found else None)
    tangent = inside_tangent(ctx.recorder, fn, ins)
    return [tangent] if tangent is not None else None


def _mine(ctx: StepContext, node_id: str, known: dict[str, list[torch.Tensor]]) -> torch.Tensor:
    found = known[node_id]
    position = _position(ctx, node_id) if ctx.nodes[node_id].kind == "op" else 0
    return found[position] if position < len(found) else found[0]


def _entry(ctx: StepContext, node_id: str, known: dict[str, list[torch.Tensor]], index: int) -> TangentStep:
    node, fn = ctx.nodes[node_id], ctx.fns[node_id]
    slots, names, key = ctx.slot_ids(fn), ctx.slot_names(node_id), ctx.rule_key(node_id)
    record = ctx.record(node.op_index)
    var = node.var or (record.var if record is not None else None)
    values = {slot: name for slot, name in zip("abc", names, strict=False)}
    for k, (slot, i) in enumerate(zip("abc", slots, strict=False)):
        if i is None:
            values["d" + slot] = "0"
            continue
        shown_value = ctx.slot_value(fn, k)
        if shown_value is not None:
            values[slot] = shown_value.summary
        if i in known:
            nr = fn.next_functions[k][1]
            values["d" + slot] = snap(known[i][nr] if nr < len(known[i]) else known[i][0]).summary
    values["y"] = node.value.summary if node.value is not None else "y"
    values["n"] = exponent_text(fn)
    shown = snap(_mine(ctx, node_id, known))
    constants = {k for k, i in enumerate(slots) if i is None}
    return TangentStep(index=index, node=node_id, var=var, line=node.line, tangent=shown,
                       rule=rules.tangent_text(key, ctx.out_name(node_id), names, node.op or "op", constants,
                                               values["n"]),
                       numbers=short(rules.numbers_text("jvp", key, values, shown.summary)))


def _output_tangent(ctx: StepContext, known: dict[str, list[torch.Tensor]]) -> torch.Tensor | None:
    fn = ctx.output.grad_fn
    node_id = ctx.ids.get(id(fn)) if fn is not None else None
    if node_id is None or node_id not in known:
        return None
    found = known[node_id]
    nr = ctx.output.output_nr
    return found[nr] if nr < len(found) else found[0]


def _reverse_number(ctx: StepContext, log: BackwardLog | None, direction: dict[str, torch.Tensor]) -> Any:
    """(uᵀJ)·v from the leaves' adjoints of the reverse pass; None when that pass is of another root."""
    if log is None or log.overflow or not any(r.grad_fn is ctx.output.grad_fn for r in log.roots):
        return None
    total = torch.zeros((), dtype=torch.float64)
    for node_id, fn in ctx.fns.items():
        var = _key(ctx.nodes[node_id])
        received = log.received.get(id(fn))
        if var in direction and received and received[0] is not None:
            total = total + (received[0].to(torch.float64) * direction[var].to(torch.float64)).sum()
    return total


def _bytes(tensors: list[torch.Tensor]) -> int:
    seen: set[tuple[int, int]] = set()
    total = 0
    for t in tensors:
        try:
            key = (t.untyped_storage().data_ptr(), t.untyped_storage().nbytes())   # counted once; never shown
        except RuntimeError:   # a functorch wrapper saved by a vmap/forward-mode jacobian: no storage
            key = (id(t), t.numel() * t.element_size())
        if key not in seen:
            seen.add(key)
            total += key[1]
    return total


def mode_cost(ctx: StepContext, log: BackwardLog | None, run: TangentRun | None,
              tangent: TangentTrace | None) -> ModeCost:
    n = sum(fn.variable.numel() for i, fn in ctx.fns.items() if ctx.nodes[i].kind == "leaf")
    m = ctx.output.numel()
    saved = [t for i, fn in ctx.fns.items() if ctx.nodes[i].kind == "op"
             for _, t in ctx.recorder.saved_of(fn)]
    extra = 0
    if tangent is not None:
        items = [e.tangent for e in tangent.entries] + [t for _, t in tangent.direction]
        extra = sum(math.prod(s.shape) * (8 if s.dtype in ("float64", "complex64") else 4) for s in items)
    forward_ms = run.forward_ms if run is not None else math.nan
    reverse_ms = math.nan
    if log is not None:
        timed = run is not None and 0 <= log.call < len(run.backward_ms)
        reverse_ms = run.backward_ms[log.call] if timed else log.ms
    return ModeCost(n_inputs=n, m_outputs=m, forward_passes=n, reverse_passes=m, forward_pass_ms=forward_ms,
                    reverse_pass_ms=reverse_ms, saved_bytes=_bytes(saved), tangent_extra_bytes=extra)
