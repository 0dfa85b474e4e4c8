"""Forward and reverse steps of one run, node by node, on the nodes of Report.graph.

Forward steps are the op nodes of the output's graph in execution order (the op trace's order).
Reverse steps are the Nodes the autograd engine ran in the last backward() that reached the
output, in the order the engine ran them (StepHooks observed it; nothing here re-derives it by a
topological sort): each with its adjoint, what every consumer sent it (they sum to the adjoint),
what it sends along each input edge, and its local rule in plain math (step_rules). Tangent steps
and the cost of each mode are in step_tangents.py. Runs in the worker; returns plain records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from autogradlab import messages
from autogradlab.engine import pass_notes
from autogradlab.engine import step_rules as rules
from autogradlab.engine.grad_logs import captured_step
from autogradlab.engine.graph import (
    GRAD_SNAPSHOT_ID,
    gc_paused,
    is_leaf_node,
    op_name_from_class,
    walk_functions,
)
from autogradlab.engine.step_hooks import BackwardLog, StepHooks
from autogradlab.engine.values import snapshot
from autogradlab.report import Graph, GraphNode, TensorSnapshot
from autogradlab.step_records import (
    Contribution,
    ForwardStep,
    ReverseStep,
    StepOptions,
    StepTrace,
    other_outputs_source,
)

NUMBERS_MAX_CHARS = 400
# Nodes of the output's graph the steps are built for: building them takes ~0.2-0.3 ms a node after the
# program has run, where no time check runs (a 19,000-op chain: 4.0 s of steps, past the sandbox's hard
# stop with the program's own 3 s); 3,000 nodes: ~1 s. An output with more gets a note instead.
MAX_STEP_NODES = 3_000


def max_backward_nodes() -> int:
    """Nodes a backward() may run through and be logged for the reverse steps (step_hooks.py): twice the
    steps' cap, as a backward's root is often past the output (`y.sum().backward()` of a y at the cap)."""
    return 2 * MAX_STEP_NODES

SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MADE_LOOKBACK = 16     # ops back from a step's op where StepContext.made_text looks for an input's maker
MADE_TEXT_MAX = 24
_SYMBOLS = {"add": "+", "sub": "−", "mul": "·", "div": "/", "matmul": "@"}


_SNAPS: dict[int, tuple[torch.Tensor, TensorSnapshot]] = {}   # one build's snapshots, by id(tensor)


def snap(tensor: torch.Tensor) -> TensorSnapshot:
    """A gradient or tangent as plain data; the same tensor (a send is also a contribution) is
    converted once per build."""
    known = _SNAPS.get(id(tensor))
    if known is not None and known[0] is tensor:
        return known[1]
    shown = snapshot(tensor, GRAD_SNAPSHOT_ID)
    _SNAPS[id(tensor)] = (tensor, shown)
    return shown


def short(text: str) -> str:
    return text if len(text) <= NUMBERS_MAX_CHARS else text[:NUMBERS_MAX_CHARS - 1] + "…"


@dataclass
class StepContext:
    """The output's graph seen both ways: Report.graph node ids and PyTorch's Nodes."""

    output: torch.Tensor
    graph: Graph
    recorder: Any
    fns: dict[str, Any]            # node id -> Node (leaves: their AccumulateGrad)
    ids: dict[int, str]            # id(Node) -> node id
    nodes: dict[str, GraphNode]
    _slots: dict[int, list[str | None]] = field(default_factory=dict)

    def record(self, op_index: int | None) -> Any:
        """The OpRecord of the run's op number `op_index` (None: no op, or one the trace dropped)."""
        return self.recorder.trace.get(op_index) if op_index is not None else None

    @classmethod
    def of(cls, output: torch.Tensor, graph: Graph, recorder: Any, order: list[Any] | None = None,
           ) -> StepContext:   # order: the walk the graph was built from (run.py's), not walked again
        walked = order if order is not None else (
            walk_functions(output.grad_fn) if output.grad_fn is not None else [])
        shown = [n for n in graph.nodes if n.kind in ("leaf", "op")]
        same = len(walked) == len(shown) and all(
            n.grad_fn == type(fn).__name__ and (n.kind == "leaf") == is_leaf_node(fn)
            for fn, n in zip(walked, shown, strict=True))
        if not same:   # the graph was built by the same walk (graph.py): never expected
            walked, shown = [], []
        return cls(output, graph, recorder, {n.id: fn for fn, n in zip(walked, shown, strict=True)},
                   {id(fn): n.id for fn, n in zip(walked, shown, strict=True)},
                   {n.id: n for n in graph.nodes})

    def name(self, node_id: str) -> str:
        """The variable, else the op with the node's number: `sin₂` (unique within the graph)."""
        node = self.nodes[node_id]
        if node.var or node.kind == "leaf":
            return node.var or node.label
        return (node.op or node.label) + node_id.lstrip("n").translate(SUBSCRIPTS)

    def out_name(self, node_id: str) -> str:
        node = self.nodes[node_id]
        record = self.record(node.op_index)
        return node.var or (record.var if record and record.var else None) or self.name(node_id)

    def slot_value(self, fn: Any, slot: int) -> TensorSnapshot | None:
        """The forward value an input edge carries (one output of a multi-output node)."""
        u, nr = fn.next_functions[slot]
        node = self.nodes.get(self.ids.get(id(u), ""))
        if node is None:
            return None
        record = self.record(node.op_index)
        if nr and record is not None and nr < len(record.outputs):
            return record.outputs[nr]
        return node.value

    def slot_ids(self, fn: Any) -> list[str | None]:
        known = self._slots.get(id(fn))
        if known is None:
            known = self._slots[id(fn)] = [self.ids.get(id(u)) if u is not None else None
                                           for u, _ in fn.next_functions]
        return known

    def slot_names(self, node_id: str) -> list[str]:
        """Names of the Node's input slots: graph inputs by name, the rest by the op's argument text."""
        fn = self.fns[node_id]
        ids = self.slot_ids(fn)
        names = [self.name(i) if i is not None else None for i in ids]
        node = self.nodes[node_id]
        record = self.record(node.op_index)
        spare = [self.made_text(text, record) for text in (record.inputs if record else ())
                 if text not in names]
        return [n if n is not None else (spare.pop(0) if spare else "c") for n in names]

    def made_text(self, text: str, record: Any) -> str:
        """A slot's tensor that is no node of the graph (a constant of it: `x ** 2` of PyTorch's polynomial
        fit, x not requiring grad) and no variable: named `t37989` by its number, which no drawing shows.
        Named instead by the op that made it, when that op is one of the few before this one and its
        own inputs have names: `x^2`, `(a · b)`, `exp(x)`."""
        if not (text[:1] == "t" and text[1:].isdigit()) or record is None:
            return text
        number = int(text[1:])
        for index in range(record.index - 1, max(-1, record.index - MADE_LOOKBACK), -1):
            made = self.record(index)
            if made is None or not any(out.id == number for out in made.outputs):
                continue
            inputs = list(made.inputs)
            if not inputs or any(i[:1] == "t" and i[1:].isdigit() for i in inputs):
                return text
            symbol = _SYMBOLS.get(made.op) if len(inputs) == 2 else None
            if made.op == "pow" and len(inputs) == 2:
                shown = f"{inputs[0]}^{inputs[1]}"
            elif symbol is not None:
                shown = f"({inputs[0]} {symbol} {inputs[1]})"
            else:
                shown = f"{made.op}({', '.join(inputs)})"
            return shown if len(shown) <= MADE_TEXT_MAX else text
        return text

    def constant_texts(self, node_id: str) -> list[str]:
        """The op's arguments that are no tensor, as the program wrote them (`2`, `dim=0`), minus
        any slot_names gave a slot: an op without a rule shows its call with them (max_pool2d(h, 2),
        not max_pool2d(h))."""
        record = self.record(self.nodes[node_id].op_index)
        if record is None:
            return []
        used = set(self.slot_names(node_id))
        return [text for text, number in zip(record.inputs, record.input_ids, strict=False)
                if number is None and text not in used]

    def rule_key(self, node_id: str) -> str:
        node = self.nodes.get(node_id)
        if node is not None and node.op in rules.OWN_OPS:   # its Node's rule would tell a wrong story
            return node.op
        fn = self.fns[node_id]
        return rules.rule_key(type(fn).__name__, op_name_from_class(fn))

    def forward_order(self) -> list[str]:
        """Op node ids in execution order: by op index; a Node without one (made inside torch)
        goes right after its latest input."""
        keyed, latest = [], -1
        for position, node in enumerate(self.graph.nodes):
            if node.kind != "op" or node.id not in self.fns:
                continue
            latest = node.op_index if node.op_index is not None else latest
            keyed.append(((latest, position), node.id))
        return [node_id for _, node_id in sorted(keyed)]


def exponent_text(fn: Any) -> str:
    """The exponent a PowBackward0 saved (`x ** 2`), as text; "n" when there is none."""
    try:
        value = getattr(fn, "_saved_exponent", None)
    except Exception:  # noqa: BLE001 - freed or not readable
        value = None
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else "n"


def forward_steps(ctx: StepContext) -> tuple[ForwardStep, ...]:
    steps = []
    for index, node_id in enumerate(ctx.forward_order()):
        node = ctx.nodes[node_id]
        record = ctx.record(node.op_index)
        var = node.var or (record.var if record else None)
        inputs = tuple(i for i in ctx.slot_ids(ctx.fns[node_id]) if i is not None)
        key = ctx.rule_key(node_id)
        text = rules.forward_text(key, ctx.out_name(node_id), ctx.slot_names(node_id), node.op or "op",
                                  ctx.constant_texts(node_id) if key not in rules.RULES else (),
                                  exponent_text(ctx.fns[node_id]))
        steps.append(ForwardStep(index=index, node=node_id, op=node.op or node.label, var=var, line=node.line,
                                 inputs=inputs, value=node.value, rule=text))
    return tuple(steps)


def _adjoint(log: BackwardLog, key: int) -> tuple[int, torch.Tensor | None]:
    received = log.received.get(key, ())
    return next(((i, g) for i, g in enumerate(received) if g is not None), (0, None))


Incoming = dict[int, list[tuple[str | None, int, torch.Tensor]]]


def _outside(ctx: StepContext, log: BackwardLog) -> str | None:
    """The source named for a consumer outside the output's graph: when the output is one of the call's
    roots (`grad([y1, y2], x)` on y2's page), the call's other outputs (their Nodes sent it); else the
    backward began past the output, and the output node stands for the ops after it (notes.past_output)."""
    others = [r for r in log.roots if r.grad_fn is not ctx.output.grad_fn]
    if len(others) == len(log.roots):
        return ctx.graph.output_node
    names = (ctx.recorder.name_of(r) for r in others)
    return other_outputs_source(log.call_text, ", ".join(dict.fromkeys(n for n in names if n)))


def _received_from(ctx: StepContext, log: BackwardLog, hooks: StepHooks) -> Incoming:
    """id(Node) -> [(consumer node id, input_nr, gradient sent)] in the engine's order; consumers
    outside the output's graph are named by _outside."""
    got: Incoming = {}
    outside = _outside(ctx, log)
    for key in log.order:
        sent = log.sent.get(key)
        if sent is None:
            continue
        source = ctx.ids.get(key, outside)
        for (u, nr), grad in zip(hooks.nodes[key].next_functions, sent, strict=False):
            if u is not None and grad is not None:
                got.setdefault(id(u), []).append((source, nr, grad))
    return got


def _contributions(ctx: StepContext, log: BackwardLog, key: int, nr: int, adjoint: torch.Tensor,
                   incoming: list[tuple[str | None, int, torch.Tensor]]) -> tuple[Contribution, ...]:
    merged: dict[str | None, torch.Tensor] = {}
    for source, input_nr, grad in incoming:
        if input_nr == nr:
            merged[source] = merged[source] + grad if source in merged else grad
    if any(id(root.grad_fn) == key for root in log.roots):
        seed = adjoint - sum(merged.values()) if merged else adjoint   # the gradient= argument, or 1
        return (Contribution(None, snap(seed)),) + tuple(Contribution(s, snap(g)) for s, g in merged.items())
    return tuple(Contribution(s, snap(g)) for s, g in merged.items())


def reverse_steps(ctx: StepContext, log: BackwardLog, hooks: StepHooks) -> tuple[ReverseStep, ...]:
    incoming = _received_from(ctx, log, hooks)
    steps: list[ReverseStep] = []
    for key in log.order:
        node_id = ctx.ids.get(key)
        if node_id is None:
            continue
        nr, adjoint = _adjoint(log, key)
        if adjoint is None:
            continue
        node, fn = ctx.nodes[node_id], hooks.nodes[key]
        contributions = _contributions(ctx, log, key, nr, adjoint, incoming.get(key, []))
        common = dict(index=len(steps), node=node_id, grad_fn=type(fn).__name__, var=node.var, line=node.line,
                      adjoint=snap(adjoint), contributions=contributions)
        if key in log.captured:   # torch.autograd.grad returned it (engine/grad_logs.py)
            steps.append(captured_step(ctx.name(node_id), snap(adjoint), common))
            continue
        if is_leaf_node(fn):
            before, after = log.grad_before.get(key), log.grad_after.get(key)
            name = ctx.name(node_id)
            numbers = (f"{name}.grad = {snap(before).summary if before is not None else 'None'} + "
                       f"{snap(adjoint).summary} = {snap(after).summary if after is not None else '…'}")
            steps.append(ReverseStep(**common, sends=(), rule=f"{name}.grad += ḡ (leaf: accumulate)",
                                     numbers=short(numbers),
                                     grad_before=snap(before) if before is not None else None,
                                     grad_after=snap(after) if after is not None else None))
            continue
        steps.append(_op_step(ctx, log, key, node_id, adjoint, common))
    return tuple(steps)


def _op_step(ctx: StepContext, log: BackwardLog, key: int, node_id: str, adjoint: torch.Tensor,
             common: dict[str, Any]) -> ReverseStep:
    fn, node = ctx.fns[node_id], ctx.nodes[node_id]
    slots, names, rule_key = ctx.slot_ids(fn), ctx.slot_names(node_id), ctx.rule_key(node_id)
    sent = log.sent.get(key, ())
    out_shape = node.shape
    broadcast = {k: f" (summed to the shape {ctx.nodes[i].shape} of {names[k]}: sum-to-shape)"
                 for k, i in enumerate(slots)
                 if i is not None and rule_key in rules.ELEMENTWISE
                 and None not in (ctx.nodes[i].shape, out_shape) and ctx.nodes[i].shape != out_shape}
    values = {}
    for k, (slot, name) in enumerate(zip("abc", names, strict=False)):
        shown_value = ctx.slot_value(fn, k) if slots[k] is not None else None
        values[slot] = shown_value.summary if shown_value is not None else name
    values.update(g=snap(adjoint).summary, y=node.value.summary if node.value is not None else "y",
                  n=exponent_text(fn))
    sends, numbers = [], []
    for k, (i, grad) in enumerate(zip(slots, sent, strict=False)):
        if i is None or grad is None:
            continue
        shown = snap(grad)
        sends.append((i, shown))
        numbers.append(f"→ {names[k]}: " + rules.numbers_text("vjp", rule_key, values, shown.summary, slot=k))
    shown = {k for k, i in enumerate(slots) if i is not None}
    rule = rules.backward_text(rule_key, names, node.op or "op", broadcast, shown, ctx.out_name(node_id),
                               values["n"])
    return ReverseStep(**common, sends=tuple(sends), rule=rule, numbers=short(";  ".join(numbers)))


def build_steps(output: torch.Tensor, graph: Graph, recorder: Any, hooks: StepHooks, options: StepOptions,
                tangents: Callable[..., Any] | None, synthetic: bool = False,
                notes: tuple[str, ...] = (), error_line: int | None = None,
                order: list[Any] | None = None) -> StepTrace:
    stepped = sum(1 for n in graph.nodes if n.kind in ("leaf", "op"))   # the nodes StepContext pairs
    if stepped > MAX_STEP_NODES:   # ~0.3 ms of steps a node, all after the program's time
        note = (f"the output's graph has {stepped:,} nodes; the steps follow at most "
                f"{MAX_STEP_NODES:,}: use a shorter computation (fewer loop passes) to step it")
        return StepTrace(backward_line=None, backward_var=None, forward=(), reverse=(), tangent=None,
                         cost=None, notes=(*notes, note))
    _SNAPS.clear()
    try:
        with gc_paused():   # many small records and Node wrappers, no cycles: the collector only slows it
            return _build_steps(output, graph, recorder, hooks, options, tangents, synthetic, notes,
                                error_line, order)
    finally:
        _SNAPS.clear()


def _build_steps(output: torch.Tensor, graph: Graph, recorder: Any, hooks: StepHooks, options: StepOptions,
                 tangents: Callable[..., Any] | None, synthetic: bool, notes: tuple[str, ...],
                 error_line: int | None, order: list[Any] | None = None) -> StepTrace:
    from autogradlab.engine.step_tangents import mode_cost, tangent_trace

    ctx = StepContext.of(output, graph, recorder, order)
    out_notes = list(notes)
    log = hooks.last_log_reaching(id(output.grad_fn)) if output.grad_fn is not None else None
    reverse: tuple[ReverseStep, ...] = ()
    if log is not None and log.overflow:
        out_notes.append(f"the {log.call_text} on line {log.line} moved more gradient values than the steps "
                         "keep (20 million): its reverse steps are left out; use smaller tensors to step it")
    elif log is not None:
        reverse = reverse_steps(ctx, log, hooks)
        if not any(r.grad_fn is output.grad_fn for r in log.roots):
            out_notes.append(f"the {log.call_text} on line {log.line} started past the output: what reached "
                             "the output from the ops after it is shown as coming from the output node")
    elif output.grad_fn is None:
        out_notes.append("the output is a leaf tensor: no operation made it, so there is nothing to step")
    elif hooks.unlogged or hooks.unlogged_grads:   # through more nodes than the steps follow (step_hooks.py)
        out_notes.extend(pass_notes.unlogged_notes(hooks, max_backward_nodes()))
    elif hooks.skipped or hooks.skipped_grads:   # (one of a skimmed pass may have reached it: say so)
        out_notes.extend(pass_notes.skipped_notes(hooks))
    elif messages.text("en", "notes.ensure_freed") in out_notes:   # `add y.backward()` would fail as well
        pass
    else:
        label = graph.output_label or graph.output or "y"
        how = f"{label}.backward()" if output.numel() == 1 else f"{label}.sum().backward()"
        out_notes.append(f"no backward() reached this output: add `{how}` to the program, or run "
                         "backward on the output with the page's toggle, to see the reverse steps")
    out_notes.extend(pass_notes.count_notes(hooks))
    if output.grad_fn is None and log is None:   # a leaf output: no step in either mode (said above), not
        tangent, run, error = None, None, None    # "no leaf of the output's graph is held by a variable"
    else:
        tangent, run, error = tangent_trace(ctx, options, tangents, log, out_notes, error_line)
    return StepTrace(backward_line=log.line if log else None, backward_var=log.var if log else None,
                     forward=forward_steps(ctx), reverse=reverse, tangent=tangent,
                     cost=mode_cost(ctx, log, run, tangent), notes=tuple(out_notes),
                     synthetic_backward=synthetic and log is not None, direction_error=error)
