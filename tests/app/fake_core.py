"""A tiny stand-in for the sandbox pool and the renderers, for component tests that must not depend
on a worker process. Reports are built by hand from the contract dataclasses (autogradlab.report);
the numbers are the ones plain PyTorch gives for the lesson example (checked in test_fake_core)."""

from __future__ import annotations

import html
import subprocess

import numpy as np

from autogradlab.report import (
    Displayed,
    ErrorInfo,
    Graph,
    GraphNode,
    PlainValue,
    Report,
    TensorSnapshot,
    TensorValue,
)

LESSON = ("import torch\nx = torch.arange(4.0)\nx.requires_grad_(True)\ny = 2 * torch.dot(x, x)\n"
          "y.backward()\nx.grad\n")


def _snap(tid: int, value: np.ndarray, summary: str, grad_fn: str | None = None) -> TensorSnapshot:
    return TensorSnapshot(id=tid, shape=tuple(value.shape), dtype="float32", value=value, summary=summary,
                          requires_grad=True, grad_fn=grad_fn)


def lesson_graph(backward_done: bool = True) -> Graph:
    x = np.arange(4.0, dtype=np.float32)
    line4 = "y = 2 * torch.dot(x, x)"
    nodes = (
        GraphNode("n0", "leaf", "x", var="x", grad_fn="AccumulateGrad", shape=(4,), dtype="float32",
                  value=_snap(0, x, "[0., 1., 2., 3.]"),
                  grad=_snap(0, 4 * x, "[0., 4., 8., 12.]") if backward_done else None, line=2,
                  source="x = torch.arange(4.0)"),
        GraphNode("n1", "op", "dot", op="dot", grad_fn="DotBackward0", shape=(), dtype="float32",
                  value=_snap(1, np.array(14.0), "14."), grad=_snap(1, np.array(2.0), "2.") if backward_done
                  else None, line=4, source=line4, op_index=1),
        GraphNode("n2", "op", "mul", var="y", op="mul", grad_fn="MulBackward0", shape=(), dtype="float32",
                  value=_snap(2, np.array(28.0), "28."), grad=_snap(2, np.array(1.0), "1.") if backward_done
                  else None, line=4, source=line4, op_index=2),
        GraphNode("n3", "output", "y", var="y", shape=(), dtype="float32",
                  value=_snap(2, np.array(28.0), "28."),
                  grad=_snap(2, np.array(1.0), "1.") if backward_done else None, line=4, source=line4),
    )
    edges = (("n0", "n1"), ("n1", "n2"), ("n2", "n3"))
    return Graph(nodes=nodes, edges=edges, output="y", output_node="n3", backward_done=backward_done)


def lesson_report(source: str = LESSON, seed: int = 0, output: str | None = None) -> Report:
    x = np.arange(4.0, dtype=np.float32)
    variables = {
        "x": TensorValue(shape=(4,), dtype="float32", value=x, requires_grad=True, grad=4 * x,
                         grad_fn=None, is_leaf=True, text="tensor([0., 1., 2., 3.], requires_grad=True)"),
        "y": TensorValue(shape=(), dtype="float32", value=np.array(28.0, dtype=np.float32),
                         requires_grad=True, grad=None, grad_fn="MulBackward0", is_leaf=False,
                         text="tensor(28., grad_fn=<MulBackward0>)"),
    }
    return Report(source=source, ok=True, seed=seed, output=output or "y", candidates=("y",),
                  variables=variables, printed="", displayed=(Displayed(6, "tensor([ 0.,  4.,  8., 12.])"),),
                  graph=lesson_graph(), timing_ms=12.0, torchviz_dot='digraph { a [label="y"] }')


def error_report(source: str, seed: int = 0) -> Report:
    line = next(i for i, text in enumerate(source.splitlines(), 1) if "dim=2" in text)
    column = source.splitlines()[line - 1].index("torch.cat") + 1
    error = ErrorInfo("value", "dimension out of range: cat of 2-D tensors accepts dim -2..1, got 2",
                      line, column, "add a dimension first, e.g. X.unsqueeze(2)")
    return Report(source=source, ok=False, seed=seed, output=None, candidates=(),
                  variables={"n": PlainValue("number", 3, "3")}, printed="before\n", error=error)


class FakePool:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str | None]] = []

    def warm(self) -> None:
        pass

    def run(self, source: str, *, seed: int = 0, output: str | None = None, timeout: float = 5.0,
            session: str | None = None) -> Report:
        self.calls.append((source, seed, output))
        if "dim=2" in source:
            return error_report(source, seed)
        return lesson_report(source, seed, output)


def annotated_dot(graph: Graph, *, max_nodes: int = 500, selected: str | None = None,
                  rankdir: str = "BT", fold: bool = False, folded: object = None, lang: str = "en",
                  returned: object = None) -> str:
    lines = ["digraph G {", f"  rankdir={rankdir}"]
    if folded is not None or fold or len(graph.nodes) > max_nodes:
        return 'digraph G { rest [label="folded"] }'
    for node in graph.nodes:
        pen = ' penwidth=3' if node.id == selected else ""
        lines.append(f'  {node.id} [label="{node.label}"{pen}]')
    lines += [f"  {a} -> {b}" for a, b in graph.edges] + ["}"]
    return "\n".join(lines)


def svg_for_web(dot: str) -> str:
    svg = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=True).stdout
    return svg.decode()


def render_dot(dot: str, fmt: str, **_options: object) -> bytes:
    return subprocess.run(["dot", f"-T{fmt}"], input=dot.encode(), capture_output=True, check=True).stdout


class RenderError(Exception):
    pass


def fold_summary_lines(graph: Graph, max_nodes: int = 500) -> list[str]:
    return [f"{html.escape(graph.nodes[0].label)} × {len(graph.nodes)}"]


def has_repeats(graph: Graph, max_nodes: int) -> bool:
    return len({node.label for node in graph.nodes}) < len(graph.nodes) // 2
