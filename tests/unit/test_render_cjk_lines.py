"""Chinese node labels are not cramped: graphviz 2.43 spaced `<BR/>` lines only one font size apart
when a label changes font size (the bold title), and CJK glyphs, a full em tall, touched the next
line. A label with CJK text is laid out as a one-column table (each row as tall as pango measures
it); an English label keeps its line breaks and bytes. The fold title is said in Chinese too."""

from __future__ import annotations

import re
import shutil

import pytest
from test_render_dot import dot_graph
from test_render_fold import chain_graph

from autogradlab.render.dot import LINE_GAP, annotated_dot, join_lines
from autogradlab.render.export import svg_for_web
from autogradlab.render.steps import step_layout

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz (`dot`) is not installed")


def test_cjk_label_lines_become_table_rows():
    assert join_lines(["<B>W1</B>", "", "形状 (3,)"]) == (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{LINE_GAP}" CELLPADDING="0">'
        "<TR><TD><B>W1</B></TD></TR><TR><TD>形状 (3,)</TD></TR></TABLE>")


def test_latin_label_keeps_its_line_breaks():
    assert join_lines(["<B>W1</B>", "", "shape (3,)"]) == "<B>W1</B><BR/>shape (3,)"


def test_english_graph_has_no_label_tables_and_chinese_one_has():
    graph = dot_graph(with_grads=True)
    english, chinese = annotated_dot(graph), annotated_dot(graph, lang="zh")
    labels = re.findall(r'^\s+"n[^"]*" \[id="[^"]*", label=<(.*)>, fillcolor', english, flags=re.M)
    assert labels and not any("<TABLE" in label for label in labels)
    assert chinese.count("<TR><TD>形状") >= 1


def _line_pitches(svg: str, node_id: str) -> list[float]:
    node = re.search(rf'<g id="{node_id}" class="node">(.*?)</g>\s*</g>', svg, re.S)
    assert node is not None, node_id
    ys = [float(y) for y in re.findall(r'<text[^>]* y="([-\d.]+)"', node.group(1))]
    return [b - a for a, b in zip(ys, ys[1:], strict=False)]


@needs_dot
def test_chinese_value_lines_are_spaced_more_than_their_font_size():
    graph = dot_graph(with_grads=True)
    svg = svg_for_web(annotated_dot(graph, lang="zh"))
    leaf = next(node.id for node in graph.nodes if node.kind == "leaf")
    pitches = _line_pitches(svg, leaf)
    assert pitches and min(pitches) >= 16 + LINE_GAP, pitches   # 16 pt lines (was 16.0: touching)


def test_fold_title_in_chinese():
    graph = chain_graph(1000)
    assert "folded: 3,002 nodes shown as 3" in annotated_dot(graph, max_nodes=100)
    chinese = annotated_dot(graph, max_nodes=100, lang="zh")
    assert "已折叠：3,002 个节点画成 3 个" in chinese and "folded:" not in chinese


def test_step_layout_title_in_chinese():
    layout = step_layout(chain_graph(1000), fold=True, lang="zh")
    assert layout.title == "已折叠：3,002 个节点画成 3 个"


@needs_dot
def test_chinese_step_slots_are_spaced_more_than_their_font_size():
    """Session 23's look: the Steps drawing's value slot (a Chinese summary drawn into it later) touched
    the small shape line above it: its label kept `<BR/>` lines, the slots being figure spaces. A
    Chinese step drawing's labels are tables too; the slots are still found and painted."""
    from autogradlab.render.steps import paint, svg_template

    graph = dot_graph(with_grads=True)
    english, chinese = step_layout(graph, fold=False), step_layout(graph, fold=False, lang="zh")
    def labels(dot: str) -> list[str]:
        return re.findall(r'^\s+"n[^"]*" \[id="[^"]*", label=<(.*)>, fillcolor', dot, flags=re.M)

    assert labels(english.dot) and not any("<TABLE" in label for label in labels(english.dot))
    assert all(label.startswith("<TABLE") for label in labels(chinese.dot))
    svg = svg_for_web(chinese.dot)
    leaf = next(node.id for node in graph.nodes if node.kind == "leaf")
    pitches = _line_pitches(svg, leaf)
    assert pitches and min(pitches[-2:]) >= 16 + LINE_GAP, pitches   # shape -> value -> derivative
    template = svg_template(svg, chinese.fills)
    node = next(p for p in template.parts if getattr(p, "id", None) == leaf)
    assert node.holes == ("shape", "value", "deriv")
    painted = paint(template, {}, {leaf: "= 均值 0.2，最小值 0.，最大值 1."}, {leaf: "ḡ 均值 1."})
    assert "= 均值 0.2，最小值 0.，最大值 1." in painted and "ḡ 均值 1." in painted
