"""The annotated DOT: content, colours, escaping, determinism, and that graphviz accepts it."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from xml.etree import ElementTree

import numpy as np
import pytest

from autogradlab.render.dot import NAME_CHARS, annotated_dot, clean_text
from autogradlab.report import Graph, GraphNode, TensorSnapshot

HAS_DOT = subprocess.run(["which", "dot"], capture_output=True).returncode == 0
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Debian graphviz (`dot`) is not installed")
SOURCE = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2*torch.dot(x, x)\ny.backward()"


def snap(summary: str, shape: tuple[int, ...], tid: int = 0) -> TensorSnapshot:
    return TensorSnapshot(id=tid, shape=shape, dtype="float32", value=None, summary=summary)


def dot_graph(*, with_grads: bool, x_name: str = "x", y_name: str = "y") -> Graph:
    """The graph the engine builds for `y = 2*torch.dot(x, x)` (see engine/graph.py)."""
    def g(summary: str, shape: tuple[int, ...]) -> TensorSnapshot | None:
        return snap(summary, shape) if with_grads else None

    line3 = "y = 2*torch.dot(x, x)"
    nodes = (
        GraphNode("n0", "leaf", x_name, var=x_name, grad_fn="AccumulateGrad", shape=(4,), dtype="float32",
                  value=snap("[0., 1., 2., 3.]", (4,)), grad=g("[0., 4., 8., 12.]", (4,)), line=2,
                  source="x = torch.arange(4.0, requires_grad=True)"),
        GraphNode("n1", "saved", "self", shape=(4,), value=snap("[0., 1., 2., 3.]", (4,)),
                  saved_name="_saved_self"),
        GraphNode("n2", "op", "dot", op="dot", grad_fn="DotBackward0", shape=(), value=snap("14.", ()),
                  grad=g("2.", ()), line=3, source=line3),
        GraphNode("n3", "op", "mul", var=y_name, op="mul", grad_fn="MulBackward0", shape=(),
                  value=snap("28.", ()), grad=g("1.", ()), line=3, source=line3),
        GraphNode("n4", "output", y_name, var=y_name, shape=(), value=snap("28.", ()), grad=g("1.", ())),
    )
    edges = (("n0", "n2"), ("n0", "n2"), ("n1", "n2"), ("n2", "n3"), ("n3", "n4"))
    return Graph(nodes, edges, output=y_name, output_node="n4", backward_done=with_grads)


def node_stmt(dot: str, node_id: str) -> str:
    (line,) = [ln for ln in dot.splitlines() if ln.startswith(f'  "{node_id}" [')]
    return line


def svg_of(dot: str) -> str:
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


@needs_dot
def test_annotated_dot_is_accepted_by_graphviz():
    svg = svg_of(annotated_dot(dot_graph(with_grads=True)))
    assert svg.count('class="node"') == 5


def test_labels_show_variable_names_and_forward_ops():
    dot = annotated_dot(dot_graph(with_grads=False))
    assert "<B>x</B>" in node_stmt(dot, "n0")
    assert "<B>dot</B>" in node_stmt(dot, "n2")
    assert "mul → y" in node_stmt(dot, "n3")
    assert "MulBackward0" in node_stmt(dot, "n3")
    assert "saved self" in node_stmt(dot, "n1")


def test_nodes_are_coloured_like_the_torchviz_legend():
    dot = annotated_dot(dot_graph(with_grads=False))
    expected = {"n0": "lightblue", "n1": "orange", "n2": "lightgrey", "n4": "darkolivegreen1"}
    for node_id, colour in expected.items():
        assert f'fillcolor="{colour}"' in node_stmt(dot, node_id)


def test_legend_lists_the_four_kinds():
    dot = annotated_dot(dot_graph(with_grads=False))
    for name in ("leaf tensor", "backward op", "saved tensor", "output"):
        assert f">{name}</TD>" in dot


def test_gradients_read_not_computed_yet_before_backward():
    dot = annotated_dot(dot_graph(with_grads=False))
    for node_id in ("n0", "n2", "n3", "n4"):
        assert "grad: not computed yet" in node_stmt(dot, node_id)
    assert not re.search(r"grad 0", dot)


def test_gradients_read_not_recorded_when_a_backward_kept_none():
    graph = dataclasses.replace(dot_graph(with_grads=False), backward_done=True)
    assert graph.grads_missing and not dot_graph(with_grads=True).grads_missing
    dot = annotated_dot(graph)
    for node_id in ("n0", "n2", "n3", "n4"):
        assert "grad: not recorded" in node_stmt(dot, node_id)
    assert "not computed yet" not in dot


def test_gradients_show_their_summary_after_backward():
    dot = annotated_dot(dot_graph(with_grads=True))
    assert "grad [0., 4., 8., 12.]" in node_stmt(dot, "n0")
    assert "grad 2." in node_stmt(dot, "n2")
    assert "not computed yet" not in dot


def test_values_and_shapes_are_shown():
    dot = annotated_dot(dot_graph(with_grads=False))
    assert "value [0., 1., 2., 3.]" in node_stmt(dot, "n0")
    assert "shape (4,)" in node_stmt(dot, "n0")
    assert "value 28." in node_stmt(dot, "n4")


def test_same_graph_gives_identical_dot():
    assert annotated_dot(dot_graph(with_grads=True)) == annotated_dot(dot_graph(with_grads=True))


def test_dot_node_names_are_the_graph_ids():
    dot = annotated_dot(dot_graph(with_grads=False))
    names = re.findall(r'^  "([^"]+)" \[', dot, flags=re.MULTILINE)
    assert names == ["n0", "n1", "n2", "n3", "n4"]


def test_selected_node_has_a_thick_border_and_only_it():
    dot = annotated_dot(dot_graph(with_grads=False), selected="n2")
    assert "penwidth=4" in node_stmt(dot, "n2")
    assert dot.count("penwidth=4") == 1


def test_op_tooltip_gives_line_and_source():
    dot = annotated_dot(dot_graph(with_grads=False))
    assert 'tooltip="line 3: y = 2*torch.dot(x, x)"' in node_stmt(dot, "n2")


@needs_dot
def test_tooltips_reach_the_svg():
    svg = svg_of(annotated_dot(dot_graph(with_grads=False)))
    assert 'xlink:title="line 3: y = 2*torch.dot(x, x)"' in svg


def test_unknown_rankdir_is_refused():
    with pytest.raises(ValueError, match="rankdir"):
        annotated_dot(dot_graph(with_grads=False), rankdir='BT"]; evil [')


HOSTILE = [
    'a"b',
    "<script>alert(1)</script>",
    "x & y",
    "}{ ] [ label=evil",
    '"]; n9 [label="pwned',
    "line1\nline2\r\n",
    "变量 梯度",
    "back\\slash\\N\\",
    "ctl\x00\x07\x1b\u202e",
    "\ud800lone",
    "x" * 500,
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_inside_well_formed_labels(name):
    dot = annotated_dot(dot_graph(with_grads=True, x_name=name, y_name=name))
    for stmt_id in ("n0", "n3", "n4"):
        stmt = node_stmt(dot, stmt_id)
        label = stmt[stmt.index("label=<") + 7:stmt.index(">, fillcolor=")]
        text = "".join(ElementTree.fromstring(f"<r>{label}</r>").itertext())   # well-formed XML
        assert clean_text(name, NAME_CHARS).replace("\n", "") in text
    dot.encode("utf-8")   # no lone surrogates left


@needs_dot
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_render_without_injection(name):
    svg = svg_of(annotated_dot(dot_graph(with_grads=True, x_name=name, y_name=name)))
    assert svg.count('class="node"') == 5        # no node added or lost
    assert "<script" not in svg


@needs_dot
def test_chinese_names_survive_into_the_svg():
    svg = svg_of(annotated_dot(dot_graph(with_grads=False, x_name="变量")))
    assert "变量" in svg


def test_value_summaries_are_escaped():
    graph = dot_graph(with_grads=False)
    leaf = graph.nodes[0]
    hostile = GraphNode(**{**leaf.__dict__, "value": snap('<b>&"1"</b>', (4,))})
    dot = annotated_dot(Graph((hostile,) + graph.nodes[1:], graph.edges, "y", "n4", False))
    assert "value &lt;b&gt;&amp;&quot;1&quot;&lt;/b&gt;" in node_stmt(dot, "n0")


def test_render_package_never_imports_torch():
    code = ("import autogradlab.render.dot, autogradlab.render.export, autogradlab.render.fold, sys; "
            "assert 'torch' not in sys.modules, 'torch imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()


@pytest.fixture(scope="module")
def engine_report():
    run = pytest.importorskip("autogradlab.engine.run")
    return run.run_program(SOURCE)


def test_engine_graph_shows_names_ops_and_torch_gradients(engine_report):
    import torch

    x = torch.arange(4.0, requires_grad=True)
    y = 2 * torch.dot(x, x)
    y.backward()
    dot = annotated_dot(engine_report.graph)
    assert "mul → y" in dot and "<B>dot</B>" in dot and "<B>x</B>" in dot
    expected = "[" + ", ".join(f"{v:g}." for v in x.grad.tolist()) + "]"
    assert expected == "[0., 4., 8., 12.]"
    assert f"grad {expected}" in dot
    assert np.allclose(engine_report.graph.nodes[0].grad.value, x.grad.numpy())


@needs_dot
def test_engine_graph_renders(engine_report):
    svg = svg_of(annotated_dot(engine_report.graph))
    assert svg.count('class="node"') == len(engine_report.graph.nodes)
