"""Which nodes a step paints, and how: the pure logic behind the Steps page's player.

A mode's steps (StepTrace.forward / .reverse / .tangent.entries) become frames: one per step, except
that consecutive steps inside one folded summary node (a loop body drawn once) are one frame, so a
3,000-op loop is stepped group by group. A frame's view says, for every drawn node, its look
(render/steps.py LOOKS) and its two slot texts (value, derivative). Picking a frame never touches
graphviz.
"""

from __future__ import annotations

from dataclasses import dataclass

from autogradlab.report import Graph, TensorSnapshot
from autogradlab.step_records import StepTrace

MODES = ("forward", "reverse", "tangent")


@dataclass(frozen=True)
class Frame:
    first: int                         # first and last step index (inclusive) in the mode's steps
    last: int
    node: str                          # the drawn node that stands for them

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class FrameView:
    looks: dict[str, str]
    values: dict[str, str]
    derivs: dict[str, str]


def mode_steps(trace: StepTrace, mode: str) -> tuple:
    if mode == "forward":
        return trace.forward
    if mode == "reverse":
        return trace.reverse
    if mode == "tangent":
        return trace.tangent.entries if trace.tangent is not None else ()
    raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")


def frames(steps: tuple, owner: dict[str, str], counts: dict[str, int] | None = None) -> tuple[Frame, ...]:
    """Consecutive steps drawn by the same summary node are grouped, one frame per repetition of the
    folded loop body (`counts`: summary id -> repetitions; without it the whole run is one frame);
    every other step is a frame of its own."""
    runs: list[Frame] = []
    for i, step in enumerate(steps):
        drawn = owner.get(step.node, step.node)
        last = runs[-1] if runs else None
        if last is not None and last.node == drawn and drawn != step.node and last.last == i - 1:
            runs[-1] = Frame(last.first, i, drawn)
        else:
            runs.append(Frame(i, i, drawn))
    out: list[Frame] = []
    for run in runs:
        repeats = (counts or {}).get(run.node, 1)
        size = max(1, -(-run.count // max(repeats, 1)))           # ceil: one loop iteration per frame
        out += [Frame(a, min(a + size - 1, run.last), run.node) for a in range(run.first, run.last + 1, size)]
    return tuple(out)


def _s(snapshot: TensorSnapshot | None) -> str:
    return snapshot.summary if snapshot is not None else ""


def frame_view(graph: Graph, trace: StepTrace, mode: str, owner: dict[str, str],
               all_frames: tuple[Frame, ...], k: int) -> FrameView:
    """Looks and slot texts of every drawn node at frame k (0 <= k < len(all_frames))."""
    steps = mode_steps(trace, mode)
    frame = all_frames[k]
    final = k == len(all_frames) - 1

    def drawn(node_id: str) -> str:
        return owner.get(node_id, node_id)

    looks: dict[str, str] = {}
    for step in steps:
        looks[drawn(step.node)] = "pending"
    for step in steps[: frame.last + 1]:
        looks[drawn(step.node)] = "done"
    kinds = {drawn(n.id): n.kind for n in graph.nodes}
    values: dict[str, str] = {}
    derivs: dict[str, str] = {}
    for node in graph.nodes:
        did = drawn(node.id)
        if node.value is not None and (mode != "forward" or node.kind in ("leaf", "saved")):
            values[did] = "= " + node.value.summary
        if node.kind == "output" and mode == "forward":
            looks[did] = "done" if final else "pending"
            if final and node.value is not None:
                values[did] = "= " + node.value.summary
    current = steps[frame.last]
    if mode == "forward":
        for step in steps[: frame.last + 1]:
            if step.value is not None:
                values[drawn(step.node)] = "= " + step.value.summary
        others = current.inputs
    elif mode == "reverse":
        _reverse_slots(graph, trace, frame, drawn, derivs)
        others = tuple(node for node, _ in current.sends)
    else:
        _tangent_slots(graph, trace, frame, final, drawn, derivs)
        others = ()
    looks[frame.node] = "current"
    edges_in = {a for a, b in graph.edges if drawn(b) == frame.node}
    for node_id in set(others) | edges_in:
        did = drawn(node_id)
        if did == frame.node:
            continue
        if mode == "reverse" and kinds.get(did) == "saved":
            looks[did] = "saved_in_use"
        elif node_id in others and looks.get(did) in ("pending", None, "context"):
            looks[did] = "receives"
    return FrameView(looks, values, derivs)


def _reverse_slots(graph: Graph, trace: StepTrace, frame: Frame, drawn, derivs: dict[str, str]) -> None:
    kinds = {n.id: n.kind for n in graph.nodes}
    if trace.reverse:
        seeds = [c.value for c in trace.reverse[0].contributions if c.source is None]
        out = graph.output_node
        if out is not None and seeds:
            derivs[drawn(out)] = "seed " + _s(seeds[0])
    for step in trace.reverse[: frame.last + 1]:
        if kinds.get(step.node) == "leaf" and step.grad_after is not None:
            derivs[drawn(step.node)] = "grad " + _s(step.grad_after)
        else:
            derivs[drawn(step.node)] = "ḡ " + _s(step.adjoint)


def _tangent_slots(graph: Graph, trace: StepTrace, frame: Frame, final: bool, drawn,
                   derivs: dict[str, str]) -> None:
    tangent = trace.tangent
    if tangent is None:
        return
    given = dict(tangent.direction)
    for node in graph.nodes:
        if node.kind == "leaf" and node.var is not None:
            derivs[drawn(node.id)] = "ṫ " + (_s(given[node.var]) if node.var in given else "0")
    for step in tangent.entries[: frame.last + 1]:
        derivs[drawn(step.node)] = "ṫ " + _s(step.tangent)
    if final and graph.output_node is not None and tangent.output_tangent is not None:
        derivs[drawn(graph.output_node)] = "J·v " + _s(tangent.output_tangent)
