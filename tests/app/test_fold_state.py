"""Open folded groups and the shared node selection as session state (AppTest, real sandbox): a
group opened on the Steps page is open on the Graph page (same program and output), the step shown
stays when a group opens, and a node selected on the Steps page is the Graph page's selection."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[2]
STEPS = str(ROOT / "views" / "steps.py")
GRAPH = str(ROOT / "views" / "graph.py")
LOOP = ("import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(30):\n"
        "    y = torch.sin(y) * 2 + 1\ny.backward()\n")


def steps_svg(at: AppTest) -> str:
    element = next(e for e in at.get("bidi_component") if e.proto.component_name == "autogradlab_svg_view")
    return json.loads(element.proto.json)["svg"]


def graph_data(at: AppTest) -> dict:
    element = next(e for e in at.get("bidi_component") if e.proto.component_name == "autogradlab_svg_view")
    return json.loads(element.proto.json)


def graph_svg(at: AppTest) -> str:
    return graph_data(at)["svg"]


def pills(at: AppTest):
    return next(p for p in at.get("button_group") if p.key.startswith(state.FOLD_PILLS_PREFIX))


def frame_slider(at: AppTest):
    return next(s for s in at.slider if s.key.startswith(state.STEPS_FRAME_PREFIX))


def shared_key(prefix: str, output: str | None = "y") -> str:
    """The session key of a program and output (the loop's output is `y`)."""
    return prefix + state.digest(f"{output}\0{LOOP}")


def open_steps() -> AppTest:
    at = AppTest.from_file(STEPS, default_timeout=TIMEOUT)
    at.query_params["code"] = links.encode_code(LOOP)
    at.query_params["mode"] = "forward"
    return at.run()


def test_a_pill_opens_the_group_and_a_second_click_folds_it_keeping_the_step():
    at = open_steps()
    assert not at.exception
    folded = steps_svg(at).count('class="node"')
    assert folded < 10 and 'class="cluster"' not in steps_svg(at)
    (group,) = pills(at).options
    assert group.startswith("▸ ") and group.endswith("× 30")
    at = frame_slider(at).set_value(4).run()
    step = at.query_params["step"]
    at = pills(at).set_value(["fold1"]).run()
    opened = steps_svg(at)
    assert opened.count('class="cluster"') == 1 and opened.count('class="node"') > folded + 100
    assert pills(at).options == ["▾ sin → mul → add × 30"] and pills(at).value == ["fold1"]
    assert at.query_params["step"] == step                     # the same step, now one op per frame
    at = pills(at).set_value([]).run()
    assert steps_svg(at).count('class="node"') == folded and at.query_params["step"] == step


def test_a_group_opened_on_the_steps_page_is_open_on_the_graph_page():
    at = open_steps()
    at = pills(at).set_value(["fold1"]).run()
    key = shared_key(state.FOLD_EXPANDED_PREFIX)
    assert at.session_state[key] == "fold1"
    graph = AppTest.from_file(GRAPH, default_timeout=TIMEOUT)
    graph.query_params["code"] = links.encode_code(LOOP)
    graph.session_state[key] = at.session_state[key]
    graph.run()
    assert not graph.exception
    svg = graph_svg(graph)
    assert '<g id="fold1.box" class="cluster">' in svg and svg.count('class="node"') == 152
    graph.session_state[key] = ""
    graph.run()
    assert graph_svg(graph).count('class="node"') < 10


def test_selecting_the_current_steps_node_selects_it_on_the_graph_page():
    at = open_steps()
    at = at.button(key="steps_next").click().run()
    at = at.button(key="fold_select_current").click().run()
    assert any("Selected node" in c.value and "line 5" in c.value for c in at.caption)
    key = shared_key(state.FOLD_SELECTED_PREFIX)
    chosen = at.session_state[key]
    assert chosen.startswith("n")                              # an original node id, as in the CLI JSON
    graph = AppTest.from_file(GRAPH, default_timeout=TIMEOUT)
    graph.query_params["code"] = links.encode_code(LOOP)
    graph.session_state[key] = chosen
    graph.run()
    picker = next(s for s in graph.selectbox if s.label == "Node details")
    assert picker.value == chosen
    assert graph_data(graph)["selected"] == "fold1"             # drawn as its folded group
