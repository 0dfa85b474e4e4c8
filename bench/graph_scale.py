"""Graph scaling: how long folding, DOT text and `dot -Tsvg` take for chains and wide graphs.

Prints one table row per graph: synthetic chains and wide fan-ins of 100 to 10,000 nodes, and (when
the engine is installed) real programs run through run_program. Graphs over the node budget are drawn
folded, as the app draws them; `--full` also times graphviz on the unfolded graphs up to 3,000 nodes.

    python bench/graph_scale.py [--full] [--no-real]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab.limits import DEFAULT_LIMITS  # noqa: E402
from autogradlab.render.dot import annotated_dot  # noqa: E402
from autogradlab.render.export import RenderError, render_dot  # noqa: E402
from autogradlab.render.fold import fold_graph, fold_summary_lines  # noqa: E402
from autogradlab.report import Graph, GraphNode  # noqa: E402

SIZES = (100, 1_000, 3_000, 10_000)
BUDGET = DEFAULT_LIMITS.max_graph_nodes


def synthetic_chain(n: int) -> Graph:
    """A leaf, n-2 ops cycling sin -> mul -> add, the output: n nodes."""
    body = ("sin", "mul", "add")
    nodes = [GraphNode("n0", "leaf", "x", var="x", shape=(3,))]
    for k in range(n - 2):
        name = body[k % 3]
        nodes.append(GraphNode(f"n{k + 1}", "op", name, op=name, grad_fn=f"{name.capitalize()}Backward0"))
    nodes.append(GraphNode(f"n{n - 1}", "output", "y", var="y"))
    edges = tuple((f"n{i}", f"n{i + 1}") for i in range(n - 1))
    return Graph(tuple(nodes), edges, "y", f"n{n - 1}", False)


def synthetic_wide(n: int) -> Graph:
    """n-2 leaves into one stack op, then the output: n nodes."""
    leaves = n - 2
    nodes = [GraphNode(f"n{i}", "leaf", f"w{i}", var=f"w{i}") for i in range(leaves)]
    nodes.append(GraphNode(f"n{leaves}", "op", "stack", op="stack", grad_fn="StackBackward0"))
    nodes.append(GraphNode(f"n{leaves + 1}", "output", "s", var="s"))
    edges = tuple((f"n{i}", f"n{leaves}") for i in range(leaves)) + ((f"n{leaves}", f"n{leaves + 1}"),)
    return Graph(tuple(nodes), edges, "s", f"n{leaves + 1}", False)


def real_chain(n: int) -> tuple[Graph | None, float, str]:
    """`y = y.sin()*1.01 + 0.1` in a loop: 5 graph nodes per iteration (3 ops, 2 saved tensors)."""
    try:
        from autogradlab.engine.run import run_program
    except ImportError:
        return None, 0.0, "engine not installed"
    iterations = max(1, n // 5)
    source = ("import torch\nx = torch.ones(3, requires_grad=True)\ny = x\n"
              f"for i in range({iterations}):\n    y = y.sin()*1.01 + 0.1\ns = y.sum()\ns.backward()\n")
    start = time.perf_counter()
    report = run_program(source)
    elapsed = time.perf_counter() - start
    if report.error is not None or report.graph is None:
        return None, elapsed, report.error.message if report.error else "no graph"
    return report.graph, elapsed, f"{iterations} iterations"


def measure(name: str, graph: Graph, full: bool, note: str = "") -> None:
    start = time.perf_counter()
    if len(graph.nodes) > BUDGET:
        drawn = len(fold_graph(graph, BUDGET).nodes)
        fold_summary_lines(graph)
    else:
        drawn = len(graph.nodes)
    fold_s = time.perf_counter() - start
    start = time.perf_counter()
    dot = annotated_dot(graph, max_nodes=BUDGET)
    dot_s = time.perf_counter() - start
    svg_s, svg_kb = _svg(dot)
    full_s = "-"
    if full and len(graph.nodes) > BUDGET and len(graph.nodes) <= 3_000:
        secs, _ = _svg(annotated_dot(graph, max_nodes=len(graph.nodes)))
        full_s = f"{secs * 1000:,.0f}" if secs is not None else "failed"
    svg_ms = f"{svg_s * 1000:,.0f}" if svg_s is not None else "failed"
    print(f"{name:<15}{len(graph.nodes):>8,}{drawn:>7,}{fold_s * 1000:>10,.1f}{dot_s * 1000:>9,.1f}"
          f"{svg_ms:>10}{svg_kb:>9,.1f}{full_s:>12}  {note}")


def _svg(dot: str) -> tuple[float | None, float]:
    start = time.perf_counter()
    try:
        svg = render_dot(dot, "svg")
    except RenderError:
        return None, 0.0
    return time.perf_counter() - start, len(svg) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also time graphviz on unfolded graphs")
    parser.add_argument("--no-real", action="store_true", help="skip the run_program rows")
    args = parser.parse_args()
    print(f"node budget {BUDGET}; times in ms; 'full svg' = graphviz on the unfolded graph")
    print(f"{'graph':<15}{'nodes':>8}{'drawn':>7}{'fold ms':>10}{'dot ms':>9}{'svg ms':>10}{'svg KB':>9}"
          f"{'full svg':>12}")
    for n in SIZES:
        measure("chain", synthetic_chain(n), args.full)
    for n in SIZES:
        measure("wide", synthetic_wide(n), args.full)
    if args.no_real:
        return
    for n in SIZES:
        graph, secs, note = real_chain(n)
        if graph is None:
            print(f"{'program chain':<15}{n:>8,}  skipped: {note}")
            continue
        measure("program chain", graph, args.full, f"run_program {secs * 1000:,.0f} ms, {note}")


if __name__ == "__main__":
    main()
