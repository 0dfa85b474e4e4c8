"""The Graph page's node picker: labels built once per graph and language (node_details.picker_labels).

A rerun of a page with a 3,500-node graph built two texts per node, each reading the language from
the session. The labels are now kept per (graph, language) while the graph lives: they must read as
before, in the language asked for, and never be another graph's.
"""

from __future__ import annotations

import gc

from streamlit.testing.v1 import AppTest

from autogradlab.report import Graph, GraphNode
from components import node_details, state
from tests.unit.test_render_fold import chain_graph


def loop_graph() -> Graph:
    """x (leaf, line 2) -> sin (line 5) -> sin (line 5) -> sin (line 5) -> y (output), with a saved tensor."""
    nodes = (GraphNode("n0", "leaf", "x", var="x", line=2),
             GraphNode("n1", "op", "sin", op="sin", line=5),
             GraphNode("n2", "op", "sin", op="sin", line=5),
             GraphNode("n3", "op", "sin", op="sin", var="y", line=5),
             GraphNode("n4", "saved", "self", line=5),
             GraphNode("n5", "output", "y", var="y", line=6))
    edges = (("n0", "n1"), ("n1", "n2"), ("n2", "n3"), ("n4", "n3"), ("n3", "n5"))
    return Graph(nodes, edges, "y", "n5", False)


def test_labels_read_as_the_picker_showed_them_in_english_and_chinese():
    graph = loop_graph()
    assert node_details.picker_labels(graph, "en") == {
        "n0": "x (leaf) · line 2", "n1": "sin · line 5 (1 of 2)", "n2": "sin · line 5 (2 of 2)",
        "n3": "sin → y · line 5", "n4": "saved self", "n5": "y (output) · line 6"}
    assert node_details.picker_labels(graph, "zh") == {
        "n0": "x（叶子） · 第 2 行", "n1": "sin · 第 5 行（第 1 个，共 2 个）",
        "n2": "sin · 第 5 行（第 2 个，共 2 个）",
        "n3": "sin → y · 第 5 行", "n4": "保存的 self", "n5": "y（输出） · 第 6 行"}


def test_labels_are_kept_per_graph_and_language_and_let_go_with_the_graph():
    graph = chain_graph(1000)
    en = node_details.picker_labels(graph, "en")
    assert node_details.picker_labels(graph, "en") is en           # the rerun builds nothing
    assert node_details.picker_labels(graph, "zh") is not en
    equal = chain_graph(1000)
    assert node_details.picker_labels(equal, "en") is not en and node_details.picker_labels(equal, "en") == en
    assert len(set(en.values())) == len(en) == 3002               # every repeated label numbered
    assert en["n1"] == "sin · line 4 (1 of 1000)" and en["n3001"] == "y (output)"
    key = (id(graph), "en")
    del graph, en
    gc.collect()
    len(node_details._LABELS)
    assert key not in node_details._LABELS.kept


def test_picker_on_a_page_selects_a_node_of_a_repeated_loop(app_file: str):
    program = "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(30):\n" \
              "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n"
    at = AppTest.from_file(app_file, default_timeout=60).run()
    at.text_area(key=state.EDITOR).input(program)
    at.button(key=state.RUN_BUTTON).click().run()
    picker = next(s for s in at.selectbox if "sin" in " ".join(map(str, s.options)))
    option = next(o for o in picker.options if o.startswith("sin · line 5 (2 of 30)"))
    picker.select(option).run()
    assert not at.exception
    assert any("SinBackward0" in m.value for m in at.markdown)
    at.run()                                                      # a rerun keeps the choice
    picker = next(s for s in at.selectbox if "sin" in " ".join(map(str, s.options)))
    assert picker.value == option or picker.format_func(picker.value) == option
