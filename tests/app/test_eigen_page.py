"""The Eigen page in AppTest: presets, links (round trip, bad matrix), program sources, last good
figure under a bad matrix. Figures are read back from the plotly spec Streamlit sends."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from autogradlab.engine.eigen_presets import PRESETS
from components import state

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "eigen.py")
TIMEOUT = 60


def open_page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def figure(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert charts, "a figure is on the page"
    return json.loads(charts[0].proto.spec)


def title(at: AppTest) -> str:
    return figure(at)["layout"]["title"]["text"]


def cells(at: AppTest, n: int = 2) -> list[list[float]]:
    return [[at.number_input(key=state.EIGEN_CELL.format(i, j)).value for j in range(n)] for i in range(n)]


def text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(s.value for s in at.subheader)


def test_default_page_draws_the_lesson_matrix():
    at = open_page()
    assert not at.exception
    assert title(at) == "A = [[2, 1], [2, 3]]"
    assert "λ = 4 along (0.447, 0.894)" in text(at)
    assert at.query_params["matrix"] == "[[2,1],[2,3]]"


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.label)
def test_every_preset_fills_the_matrix_and_explains_itself(preset):
    at = open_page()
    at = at.selectbox(key=state.EIGEN_PRESET).select(preset.label).run()
    assert not at.exception
    n = len(preset.rows)
    assert cells(at, n) == [list(r) for r in preset.rows]
    assert preset.line in [c.value for c in at.caption]
    assert json.loads(at.query_params["matrix"]) == [list(r) for r in preset.rows]
    if n == 3:
        assert any(t["type"] == "surface" for t in figure(at)["data"])


def test_link_round_trip_matrix_and_probe():
    at = open_page(matrix="[[2,1],[1,2]]", v="1,1")
    assert not at.exception and not at.warning
    assert cells(at) == [[2, 1], [1, 2]]
    assert at.slider(key=state.EIGEN_ANGLE).value == 45.0
    assert "v is on an eigen-direction: Av = 3·v" in text(at)
    assert at.query_params["matrix"] == "[[2,1],[1,2]]"
    assert at.query_params["v"] == "0.7071,0.7071"
    at = at.number_input(key=state.EIGEN_CELL.format(0, 1)).set_value(0.5).run()
    assert at.query_params["matrix"] == "[[2,0.5],[1,2]]"
    at = at.slider(key=state.EIGEN_ANGLE).set_value(0.0).run()
    assert at.query_params["v"] == "1,0" and "Av leaves v's line" in text(at)


@pytest.mark.parametrize("bad, words", [
    ("[[1,2,3],[4,5,6]]", "square"),
    ("[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]", "2×2 or 3×3"),
    ('[[1,"a"],[0,1]]', "numbers"),
    ("[[1,NaN],[0,1]]", "finite"),
    ("[[1,Infinity],[0,1]]", "finite"),
    ("[[1,2", "not valid JSON"),
])
def test_bad_link_matrix_gets_a_message_and_the_default_figure(bad, words):
    at = open_page(matrix=bad)
    assert not at.exception
    assert any(words in w.value for w in at.warning)
    assert title(at) == "A = [[2, 1], [2, 3]]"


def test_program_variable_is_analysed_and_linked():
    program = "import torch\nW = torch.tensor([[0.0, 1.0], [1.0, 0.0]])\nM = torch.eye(3) * 2\n"
    at = open_page(code=links.encode_code(program), var="M")
    assert not at.exception
    assert at.radio(key=state.EIGEN_SOURCE).value == state.EIGEN_SOURCES[1], "the link's var picks the source"
    assert at.selectbox(key=state.EIGEN_VAR).options == ["W", "M"]
    assert at.selectbox(key=state.EIGEN_VAR).value == "M"
    assert "λ = 2 is repeated 3×" in text(at)
    assert at.query_params["var"] == "M" and "matrix" not in at.query_params
    at = at.selectbox(key=state.EIGEN_VAR).select("W").run()
    assert "Reflection" not in text(at) and "λ = 1 along (0.707, 0.707)" in text(at)


def test_program_without_a_matrix_keeps_the_last_good_figure():
    at = open_page(matrix="[[1,1],[0,1]]")
    at = at.radio(key=state.EIGEN_SOURCE).set_value(state.EIGEN_SOURCES[1]).run()
    at.text_area(key=state.EDITOR).input("import torch\nx = torch.ones(3)\n")
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert not at.exception
    assert any("no 2×2 or 3×3 tensor" in w.value for w in at.warning)
    assert title(at) == "A = [[1, 1], [0, 1]]", "the last good matrix stays on screen"


def test_jacobian_of_a_function_at_a_point():
    program = "import torch\ndef f(p):\n    return torch.stack([p[0] * p[1], p[0] - p[1] ** 2])\n"
    at = open_page(code=links.encode_code(program), fn="f", at="2, 3")
    assert not at.exception, at.exception
    assert at.radio(key=state.EIGEN_SOURCE).value == state.EIGEN_SOURCES[2]
    assert links.decode_code(at.query_params["code"]) == program
    # J = [[p1, p0], [1, -2 p1]] at (2, 3)
    assert title(at) == "A = [[3, 2], [1, −6]]"
    at.text_input(key=state.EIGEN_POINT).input("1, 0.5").run()
    assert title(at) == "A = [[0.5, 1], [1, −1]]"
    assert at.query_params["at"] == "1,0.5"
    assert at.query_params["fn"] == "f"


def test_snap_button_puts_the_probe_on_an_eigen_direction():
    at = open_page(matrix="[[2,1],[2,3]]", v="1,0")
    assert "Av leaves v's line" in text(at)
    snap = next(b for b in at.button if b.label == "v → eigen-direction λ = 4")
    at = snap.click().run()
    assert at.slider(key=state.EIGEN_ANGLE).value == 63.5   # atan2(2, 1) = 63.43°, nearest 0.5° step
    assert "v is on an eigen-direction: Av = 4·v" in text(at)


def test_power_iteration_view_draws_arrows_or_says_why_not():
    at = open_page(matrix="[[2,1],[2,3]]", v="1,0")
    at = at.radio(key=state.EIGEN_VIEW).set_value("Power iteration").run()
    names = [t["name"] for t in figure(at)["data"]]
    assert "power iteration Aᵏv/‖Aᵏv‖" in names
    assert "Power iteration converges" in text(at) and "0.25 per step" in text(at)
    at = at.selectbox(key=state.EIGEN_PRESET).select("rotation-scaling (spiral)").run()
    assert "Power iteration does not converge" in text(at) and "complex pair" in text(at)
    assert "rotates by 30° and scales by 1.2 each step" in text(at)


def test_animation_view_sends_frames_from_identity_to_a():
    at = open_page(matrix="[[1,1],[0,1]]")
    at = at.radio(key=state.EIGEN_VIEW).set_value("Animation I → A").run()
    spec = figure(at)
    assert len(spec["frames"]) == 25
    assert spec["layout"]["updatemenus"][0]["buttons"][0]["label"] == "▶ Play"


def test_entries_as_sliders_keep_their_values_and_redraw():
    at = open_page(matrix="[[2,1],[1,2]]")
    at = at.toggle(key=state.EIGEN_SLIDERS).set_value(True).run()
    assert not at.exception
    assert at.slider(key=state.EIGEN_SLIDER_CELL.format(0, 1)).value == 1.0
    at = at.slider(key=state.EIGEN_SLIDER_CELL.format(0, 1)).set_value(0.0).run()
    assert title(at) == "A = [[2, 0], [1, 2]]" and at.query_params["matrix"] == "[[2,0],[1,2]]"
    at = at.selectbox(key=state.EIGEN_PRESET).select("shear (defective)").run()
    assert at.slider(key=state.EIGEN_SLIDER_CELL.format(0, 1)).value == 1.0
    at = at.slider(key=state.EIGEN_SLIDER_CELL.format(0, 1)).set_value(0.5).run()
    at = at.toggle(key=state.EIGEN_SLIDERS).set_value(False).run()
    assert cells(at) == [[1, 0.5], [0, 1]]


def test_a_links_probe_is_drawn_exactly_until_the_slider_moves():
    """`v=1,0.3` (16.70°) was rounded to the slider's 0.5° step (16.5°) and the URL rewritten."""
    at = open_page(matrix="[[2,1],[1,3]]", v="1,0.3")
    assert not at.exception and not at.warning
    assert at.query_params["v"] == "1,0.3"
    probe = next(t for t in figure(at)["data"] if t["name"] == "v")
    assert (probe["x"][-1], probe["y"][-1]) == (0.9578, 0.2873)   # (1, 0.3)/‖·‖; 16.5° was (0.9588, 0.284)
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    v = np.array([1.0, 0.3]) / np.hypot(1.0, 0.3)
    av = A @ v
    turn = np.degrees(np.arctan2(v[0] * av[1] - v[1] * av[0], v @ av))
    assert f"{turn:.3g}°" in text(at).replace("−", "-")           # the words are about that vector too
    at = at.slider(key=state.EIGEN_ANGLE).set_value(90.0).run()
    assert at.query_params["v"] == "0,1"
    at = at.number_input(key=state.EIGEN_CELL.format(0, 1)).set_value(0.5).run()
    assert at.query_params["v"] == "0,1"                           # the slider's vector from then on


def test_a_link_on_the_sliders_grid_reopens_as_the_slider_drew_it():
    """The app's own links (`v=0.866,0.5`, the slider at 30°) show no 'as the link gives it' note."""
    at = open_page(matrix="[[2,1],[1,2]]", v="0.866,0.5")
    assert at.slider(key=state.EIGEN_ANGLE).value == 30.0
    assert not [c.value for c in at.caption if "as the link gives it" in c.value]
    assert at.query_params["v"] == "0.866,0.5"
    at = open_page(matrix="[[2,1],[1,2]]", v="1,0.3")
    assert [c.value for c in at.caption if "as the link gives it" in c.value]
