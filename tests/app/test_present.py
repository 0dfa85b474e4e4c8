"""Presentation mode in AppTest: `?present=1` turns it on and stays in the URL, the toggle turns it
on and off, the editor folds into a one-line summary whose program still runs, the language
applies, and a page switch keeps the mode."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import present, state

TIMEOUT = 60
EDITED = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\nz.backward()\n"


def open_app(app_file: str, **params: str) -> AppTest:
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def program_expanders(at: AppTest) -> list:
    return [e for e in at.expander if e.label.startswith(("Program:", "程序："))]


def test_link_turns_presentation_mode_on_and_folds_the_editor(app_file: str):
    at = open_app(app_file, present="1")
    assert not at.exception
    assert at.toggle(key=present.TOGGLE).value is True
    assert at.query_params["present"] == "1"
    [folded] = program_expanders(at)
    assert folded.label == "Program: 6 lines, y = 2 * torch.dot(x, x) … (edit)"
    assert at.text_area(key=state.EDITOR).value == state.DEFAULT_PROGRAM, "the shared program is inside"
    assert any("st-key-present_on" in h.proto.body for h in at.get("html")), "the stylesheet is on"


def test_editing_inside_the_folded_editor_still_runs_the_program(app_file: str):
    at = open_app(app_file, present="1")
    at.text_area(key=state.EDITOR).input(EDITED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert not at.exception
    assert links.decode_code(at.query_params["code"]) == EDITED
    assert program_expanders(at)[0].label == "Program: 4 lines, z = (w * w).sum() … (edit)"
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]"     # PyTorch: d(w·w)/dw = 2w
    assert at.query_params["present"] == "1"


def test_normal_mode_is_unchanged(app_file: str):
    at = open_app(app_file)
    assert at.toggle(key=present.TOGGLE).value is False
    assert "present" not in at.query_params
    assert not program_expanders(at)
    assert not any("st-key-present_on" in h.proto.body for h in at.get("html"))


def test_toggle_writes_and_removes_the_url_parameter(app_file: str):
    at = open_app(app_file)
    at = at.toggle(key=present.TOGGLE).set_value(True).run()
    assert at.query_params["present"] == "1" and program_expanders(at)
    at = at.toggle(key=present.TOGGLE).set_value(False).run()
    assert "present" not in at.query_params and not program_expanders(at)


def test_present_0_in_a_link_means_off(app_file: str):
    at = open_app(app_file, present="0")
    assert at.toggle(key=present.TOGGLE).value is False and not program_expanders(at)


def test_summary_follows_the_language(app_file: str):
    at = open_app(app_file, present="1", lang="zh")
    assert program_expanders(at)[0].label == "程序：6 行，y = 2 * torch.dot(x, x) …（编辑）"
    assert at.toggle(key=present.TOGGLE).label == "演示模式"


def test_page_switch_keeps_presentation_mode(app_file: str):
    at = open_app(app_file, present="1")
    at.switch_page("views/jacobian.py")
    at.query_params.clear()      # the browser drops the query string on a page switch
    at = at.run()
    assert not at.exception
    assert at.toggle(key=present.TOGGLE).value is True
    assert at.query_params["present"] == "1"
    assert program_expanders(at)


def _figure_app() -> None:
    import json

    import streamlit as st

    from components import present

    fig = {"data": [{"type": "scatter", "x": [0, 1], "y": [0, 1], "text": ["", "Av"],
                     "textfont": {"color": "red", "size": 14}}],
           "layout": {"title": {"text": "A"}, "xaxis": {"range": [-1, 1]}, "height": 400}}
    st.code(json.dumps(present.figure(fig)), language=None)


def test_plots_get_projector_size_text_only_in_presentation_mode():
    import json

    at = AppTest.from_function(_figure_app, default_timeout=TIMEOUT)
    at.query_params["present"] = "1"
    big = json.loads(at.run().code[0].value)
    # on screen the 16:9 box gives the size (components/present_fit.py): no fixed height
    assert "height" not in big["layout"] and big["layout"]["font"]["size"] == 20
    assert big["layout"]["xaxis"]["range"] == [-1, 1] and big["layout"]["xaxis"]["tickfont"]["size"] == 18
    assert big["data"][0]["textfont"] == {"color": "red", "size": 22}
    assert big["layout"]["title"]["text"] == "A" and big["layout"]["title"]["font"]["size"] == 26
    at = AppTest.from_function(_figure_app, default_timeout=TIMEOUT)
    plain = json.loads(at.run().code[0].value)
    assert plain["layout"]["height"] == 400 and "font" not in plain["layout"]


def test_presentation_mode_makes_room_for_a_wrapped_heatmap_title() -> None:
    """At 26 px a three-line Jacobian title ran into the top of the plot (and its first line off the
    figure); a one-line title keeps its margin."""
    from dataclasses import replace

    import numpy as np

    from autogradlab.render import heatmap
    from autogradlab.report_jacobian import JacobianChecks, JacobianRecord

    base = JacobianRecord(index=0, line=3, text="J = jacobian(f, x)", input_names=("x",), output_name="f(x)",
                          input_shapes=((2,),), output_shapes=((2,),), input_is_tuple=False,
                          output_is_tuple=False, dtypes=("float32",), matrix=np.eye(2, dtype=np.float32),
                          strategy="reverse", why="", timing_ms=1.0, checks=JacobianChecks())
    short = heatmap.jacobian_figure(base)
    assert present.enlarge(short).layout.margin.t == 50 + present.TITLE_LINE_GROWTH_PX
    long = heatmap.jacobian_figure(replace(base, text="jacobian = torch.autograd.functional.jacobian("
                                                       "lambda x: mat_mul(mat1, x), mat2)"))
    before = long.layout.margin.t
    assert before == 50 + heatmap.TITLE_LINE_PX            # two lines: the shape joins the last one
    assert present.enlarge(long).layout.margin.t == before + 2 * present.TITLE_LINE_GROWTH_PX


def test_presentation_mode_enlarges_a_heatmaps_block_names() -> None:
    """A tuple input's block names (`inputs[0]`, `inputs[1]` above the heatmap) stayed 12 px on a
    projector while the ticks beside them became 18 px."""
    import numpy as np

    from autogradlab.render import heatmap
    from autogradlab.report_jacobian import JacobianChecks, JacobianRecord

    record = JacobianRecord(index=0, line=3, text="jacobian(f, inputs)",
                            input_names=("inputs[0]", "inputs[1]"), output_name="f(...)",
                            input_shapes=((1,), (1,)), output_shapes=((1,),),
                            input_is_tuple=True, output_is_tuple=False, dtypes=("float32", "float32"),
                            matrix=np.ones((1, 2), dtype=np.float32), strategy="reverse", why="",
                            timing_ms=1.0, checks=JacobianChecks())
    fig = heatmap.jacobian_figure(record)
    assert [a.font.size for a in fig.layout.annotations] == [12, 12]
    big = present.enlarge(fig)
    assert [a.text for a in big.layout.annotations] == ["inputs[0]", "inputs[1]"]
    assert {a.font.size for a in big.layout.annotations} == {present.ANNOTATION_SIZE}
