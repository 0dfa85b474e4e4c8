"""Folding big graphs: repeated chains and wide fan-ins become counted summary nodes."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from autogradlab.render.dot import annotated_dot
from autogradlab.render.fold import REST_ID, fold_graph, fold_summary_lines
from autogradlab.render.fold_analysis import find_runs
from autogradlab.report import Graph, GraphNode

HAS_DOT = subprocess.run(["which", "dot"], capture_output=True).returncode == 0
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Debian graphviz (`dot`) is not installed")


def op(i: int, name: str, var: str | None = None) -> GraphNode:
    return GraphNode(f"n{i}", "op", name, var=var, op=name, grad_fn=f"{name.capitalize()}Backward0",
                     shape=(3,), line=4, source="    y = y.sin()*1.01 + 0.1")


def chain_graph(repeats: int, body: tuple[str, ...] = ("sin", "mul", "add")) -> Graph:
    """x -> (sin -> mul -> add) * repeats -> output y: 3,002 nodes for 1,000 repeats."""
    nodes = [GraphNode("n0", "leaf", "x", var="x", shape=(3,))]
    for k in range(repeats * len(body)):
        nodes.append(op(k + 1, body[k % len(body)], var="y" if k % len(body) == len(body) - 1 else None))
    last = len(nodes)
    nodes.append(GraphNode(f"n{last}", "output", "y", var="y", shape=(3,)))
    edges = tuple((f"n{i}", f"n{i + 1}") for i in range(last))
    return Graph(tuple(nodes), edges, output="y", output_node=f"n{last}", backward_done=False)


def wide_graph(leaves: int) -> Graph:
    """`leaves` leaf tensors into one stack op, then the output."""
    nodes = [GraphNode(f"n{i}", "leaf", f"w{i}", var=f"w{i}", shape=()) for i in range(leaves)]
    nodes.append(op(leaves, "stack"))
    nodes.append(GraphNode(f"n{leaves + 1}", "output", "s", var="s"))
    edges = tuple((f"n{i}", f"n{leaves}") for i in range(leaves)) + ((f"n{leaves}", f"n{leaves + 1}"),)
    return Graph(tuple(nodes), edges, "s", f"n{leaves + 1}", False)


def branch_graph(branches: int) -> Graph:
    """Each of `branches` leaves goes through its own sin, all into one stack."""
    nodes, edges = [], []
    for b in range(branches):
        nodes.append(GraphNode(f"n{2 * b}", "leaf", f"w{b}", var=f"w{b}"))
        nodes.append(op(2 * b + 1, "sin"))
        edges.append((f"n{2 * b}", f"n{2 * b + 1}"))
    top = 2 * branches
    nodes += [op(top, "stack"), GraphNode(f"n{top + 1}", "output", "s", var="s")]
    edges += [(f"n{2 * b + 1}", f"n{top}") for b in range(branches)] + [(f"n{top}", f"n{top + 1}")]
    return Graph(tuple(nodes), tuple(edges), "s", f"n{top + 1}", False)


def scattered_graph(n: int) -> Graph:
    """A graph with no repetition to fold: every op has a distinct name and two inputs."""
    nodes = [GraphNode("n0", "leaf", "a"), GraphNode("n1", "leaf", "b")]
    edges = []
    for i in range(2, n):
        nodes.append(op(i, f"op{i}"))
        edges += [(f"n{i - 1}", f"n{i}"), (f"n{i - 2}", f"n{i}")]
    return Graph(tuple(nodes), tuple(edges), None, None, False)


def test_find_runs_counts_a_repeated_block():
    assert find_runs([1, 2, 3] * 3 + [4]) == [(0, 3, 3), (9, 1, 1)]


def test_find_runs_leaves_unrepeated_elements_single():
    assert find_runs([1, 2, 3]) == [(0, 1, 1), (1, 1, 1), (2, 1, 1)]


def test_chain_of_3000_ops_folds_to_few_nodes():
    folded = fold_graph(chain_graph(1000), 500)
    assert len(folded.nodes) < 50
    assert "sin → mul → add × 1000" in folded.repeats


def test_summary_lines_give_size_longest_chain_and_repeats():
    lines = fold_summary_lines(chain_graph(1000))
    assert lines[0] == "3,002 nodes, 3,001 edges; longest chain 3,000 ops"
    assert "repeated: sin → mul → add × 1000" in lines


def test_every_original_node_is_drawn_by_some_folded_node():
    graph = chain_graph(1000)
    folded = fold_graph(graph, 500)
    drawn = {n.id for n in folded.nodes}
    assert set(folded.owner) == {n.id for n in graph.nodes}
    assert set(folded.owner.values()) <= drawn
    assert all(a in drawn and b in drawn for a, b in folded.edges)


def test_wide_fan_in_of_10000_leaves_folds():
    folded = fold_graph(wide_graph(10_000), 500)
    assert len(folded.nodes) == 3
    assert "leaf → stack × 10000" in folded.repeats


def test_identical_branches_fold_into_one_counted_node():
    folded = fold_graph(branch_graph(2_000), 500)
    assert len(folded.nodes) == 3
    assert "leaf → sin → stack × 2000" in folded.repeats


def test_graph_without_repetition_is_cut_to_the_budget():
    folded = fold_graph(scattered_graph(2_000), 100)
    assert len(folded.nodes) <= 100
    assert folded.nodes[0].id == REST_ID
    assert folded.nodes[-1].id == "n1999"           # the nodes nearest the output are kept
    drawn = {n.id for n in folded.nodes}
    assert all(a in drawn and b in drawn for a, b in folded.edges)


def test_graph_under_budget_is_drawn_whole():
    graph = chain_graph(10)
    dot = annotated_dot(graph, max_nodes=500)
    assert "folded:" not in dot
    assert all(f'"{n.id}" [' in dot for n in graph.nodes)


def test_graph_over_budget_is_drawn_folded_with_a_title():
    dot = annotated_dot(chain_graph(1000), max_nodes=500)
    assert "folded: 3,002 nodes shown as 3" in dot
    assert "sin → mul → add" in dot and "× 1000" in dot
    assert dot.count(" [id=") == 3


def test_selected_node_inside_a_fold_highlights_its_summary():
    dot = annotated_dot(chain_graph(1000), max_nodes=500, selected="n1500")
    (line,) = [ln for ln in dot.splitlines() if "penwidth=4" in ln]
    assert "sin → mul → add" in line


def test_folded_dot_is_identical_across_calls():
    assert annotated_dot(wide_graph(3_000)) == annotated_dot(wide_graph(3_000))


@needs_dot
def test_folded_dot_renders():
    dot = annotated_dot(chain_graph(1000), max_nodes=500)
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode()


def test_folding_10000_nodes_is_fast_and_needs_no_recursion():
    graph = chain_graph(3_333)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(120)   # a recursive walk of a 10,000-node chain would fail here
    try:
        start = time.perf_counter()
        folded = fold_graph(graph, 500)
        lines = fold_summary_lines(graph)
        elapsed = time.perf_counter() - start
    finally:
        sys.setrecursionlimit(limit)
    assert len(folded.nodes) < 10 and "longest chain 9,999 ops" in lines[0]
    assert elapsed < 2.0


SHARED_LEAF_LOOP = ("import torch\nx = torch.tensor([0.5, 1.0], requires_grad=True)\ny = x\n"
                    "for i in range(STEPS):\n    y = torch.sin(y) * 1.01 + 0.1 * x\n"
                    "z = y.sum()\nz.backward()\n")


def _shared_leaf_graph(steps: int) -> Graph:
    from autogradlab.engine.run import run_program

    report = run_program(SHARED_LEAF_LOOP.replace("STEPS", str(steps)))
    assert report.error is None
    return report.graph


def test_loop_that_reuses_a_leaf_each_step_folds_its_repeats():
    """`y = sin(y) * 1.01 + 0.1 * x`: the add has two single-use inputs; the chain goes on through
    the deeper one, so the loop body is found and counted."""
    from autogradlab.render.fold import has_repeats

    graph = _shared_leaf_graph(40)
    assert has_repeats(graph, 500)
    assert any("× 40" in line for line in fold_summary_lines(graph))
    assert len(fold_graph(graph, 500).nodes) < len(graph.nodes) // 2


def test_a_leaf_used_by_many_ops_is_drawn_beside_each_consumer():
    graph = _shared_leaf_graph(6)
    dot = annotated_dot(graph)
    leaf = next(n for n in graph.nodes if n.kind == "leaf" and n.var == "x")
    consumers = {b for a, b in graph.edges if a == leaf.id}
    copies = [line for line in dot.splitlines() if f'"{leaf.id}~' in line and "->" not in line]
    assert len(copies) == len(consumers) - 1
    for line in dot.splitlines():
        if "->" in line and line.strip().startswith(f'"{leaf.id}"'):
            assert line.count("->") == 1
    assert sum(1 for line in dot.splitlines() if line.strip().startswith(f'"{leaf.id}" ->')) == 1


@pytest.mark.skipif(not HAS_DOT, reason="graphviz `dot` is not installed")
def test_shared_leaf_loop_of_70_steps_is_laid_out():
    """It took graphviz over 20 s (no graph at all) when one leaf had edges to 70 places."""
    from autogradlab.render.export import svg_for_web

    graph = _shared_leaf_graph(70)
    svg = svg_for_web(annotated_dot(graph, fold=False), timeout=20.0)   # raises past its limit
    assert "<svg" in svg


def test_a_side_op_on_a_leaf_folds_with_its_loop_pass():
    """`+ 0.1 * x` in every pass: the side `mul` (and its saved tensor) belongs to the pass's `add`, so
    the loop folds to x → one group → sum → z instead of the group plus one side op and one copy of x per
    pass (500 passes drew 500 boxes across 86,000 pt)."""
    graph = _shared_leaf_graph(40)
    folded = fold_graph(graph, 500)
    drawn = sorted((node.kind, node.node.op if node.node else node.text) for node in folded.nodes)
    assert drawn == [("leaf", None), ("op", "sum"), ("output", None), ("repeat", "sin → mul → add")]
    group = next(node for node in folded.nodes if node.kind == "repeat")
    assert group.count == 40
    assert set(folded.owner) == {node.id for node in graph.nodes}
    side = [n.id for n in graph.nodes if n.kind == "op" and n.op == "mul"
            and any(a == next(x.id for x in graph.nodes if x.var == "x" and x.kind == "leaf")
                    for a, b in graph.edges if b == n.id)]
    assert len(side) == 40 and {folded.owner[i] for i in side} == {group.id}


def test_side_chains_into_one_op_stay_a_fan():
    """Many leaf branches into one op are a fan (one counted node), not attachments of that op."""
    folded = fold_graph(branch_graph(50), 500)
    assert "leaf → sin → stack × 50" in folded.repeats
