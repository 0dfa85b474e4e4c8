"""Frame views of a long trace in time proportional to the drawing, not to the program.

`step_frames.frame_view` walks every step, node and edge for each frame: fine for a lesson, but a
3,000-op loop paid ~40-75 ms per step on a loaded machine, on every Next. The index walks them once
(per run, mode and layout) and keeps, per drawn node, when it is first stepped and the slot texts it
gets at which steps; a frame is then a bisection per drawn node. The views are the same as
frame_view's (a test compares every frame of several programs).
"""

from __future__ import annotations

from bisect import bisect_right

from autogradlab.render.step_frames import Frame, FrameView, _s, mode_steps
from autogradlab.report import Graph
from autogradlab.step_records import StepTrace


class FrameIndex:
    """frame_view(graph, trace, mode, owner, all_frames, k) as FrameIndex(...).view(k)."""

    def __init__(self, graph: Graph, trace: StepTrace, mode: str, owner: dict[str, str],
                 all_frames: tuple[Frame, ...]) -> None:
        self.mode, self.frames = mode, all_frames
        self.steps = steps = mode_steps(trace, mode)
        self.owner = owner
        drawn = self.drawn
        self.first: dict[str, int] = {}
        for i, step in enumerate(steps):
            self.first.setdefault(drawn(step.node), i)
        self.kinds = {drawn(n.id): n.kind for n in graph.nodes}
        self.edges_in: dict[str, set[str]] = {}
        for a, b in graph.edges:
            self.edges_in.setdefault(drawn(b), set()).add(a)
        self.values = {final: self._static_values(graph, final) for final in (False, True)}
        self.outputs = {final: {drawn(n.id): ("done" if final else "pending") for n in graph.nodes
                                if n.kind == "output" and mode == "forward"} for final in (False, True)}
        self.derivs: dict[str, str] = {}
        self.changes: dict[str, tuple[list[int], list[str]]] = {}
        self.final_deriv: dict[str, str] = {}
        if mode == "forward":
            for i, step in enumerate(steps):
                if step.value is not None:
                    self._change(drawn(step.node), i, "= " + step.value.summary)
        elif mode == "reverse":
            self._reverse(graph, trace)
        else:
            self._tangent(graph, trace)

    def drawn(self, node_id: str) -> str:
        return self.owner.get(node_id, node_id)

    def _change(self, did: str, i: int, text: str) -> None:
        idxs, texts = self.changes.setdefault(did, ([], []))
        idxs.append(i)
        texts.append(text)

    def _static_values(self, graph: Graph, final: bool) -> dict[str, str]:
        values: dict[str, str] = {}
        for node in graph.nodes:
            did = self.drawn(node.id)
            if node.value is not None and (self.mode != "forward" or node.kind in ("leaf", "saved")):
                values[did] = "= " + node.value.summary
            if node.kind == "output" and self.mode == "forward" and final and node.value is not None:
                values[did] = "= " + node.value.summary
        return values

    def _reverse(self, graph: Graph, trace: StepTrace) -> None:
        kinds = {n.id: n.kind for n in graph.nodes}
        if trace.reverse:
            seeds = [c.value for c in trace.reverse[0].contributions if c.source is None]
            if graph.output_node is not None and seeds:
                self.derivs[self.drawn(graph.output_node)] = "seed " + _s(seeds[0])
        for i, step in enumerate(trace.reverse):
            if kinds.get(step.node) == "leaf" and step.grad_after is not None:
                self._change(self.drawn(step.node), i, "grad " + _s(step.grad_after))
            else:
                self._change(self.drawn(step.node), i, "ḡ " + _s(step.adjoint))

    def _tangent(self, graph: Graph, trace: StepTrace) -> None:
        tangent = trace.tangent
        if tangent is None:
            return
        given = dict(tangent.direction)
        for node in graph.nodes:
            if node.kind == "leaf" and node.var is not None:
                self.derivs[self.drawn(node.id)] = "ṫ " + (_s(given[node.var]) if node.var in given else "0")
        for i, step in enumerate(tangent.entries):
            self._change(self.drawn(step.node), i, "ṫ " + _s(step.tangent))
        if graph.output_node is not None and tangent.output_tangent is not None:
            self.final_deriv[self.drawn(graph.output_node)] = "J·v " + _s(tangent.output_tangent)

    def view(self, k: int) -> FrameView:
        frame = self.frames[k]
        last, final = frame.last, k == len(self.frames) - 1
        looks = {d: ("done" if i <= last else "pending") for d, i in self.first.items()}
        looks.update(self.outputs[final])
        values = dict(self.values[final])
        derivs = dict(self.derivs)
        target = values if self.mode == "forward" else derivs
        for did, (idxs, texts) in self.changes.items():
            j = bisect_right(idxs, last) - 1
            if j >= 0:
                target[did] = texts[j]
        if final:
            derivs.update(self.final_deriv)
        current = self.steps[last]
        if self.mode == "forward":
            others = current.inputs
        elif self.mode == "reverse":
            others = tuple(node for node, _ in current.sends)
        else:
            others = ()
        looks[frame.node] = "current"
        for node_id in set(others) | self.edges_in.get(frame.node, set()):
            did = self.drawn(node_id)
            if did == frame.node:
                continue
            if self.mode == "reverse" and self.kinds.get(did) == "saved":
                looks[did] = "saved_in_use"
            elif node_id in others and looks.get(did) in ("pending", None, "context"):
                looks[did] = "receives"
        return FrameView(looks, values, derivs)
