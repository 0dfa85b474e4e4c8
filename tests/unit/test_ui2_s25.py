"""Presentation mode's choice of drawing direction (autogradlab/render/layout_choice.py): a tall,
narrow graph is drawn left to right when that fills the 16:9 area with larger text; the usual
bottom-to-top drawing stays otherwise. Sizes come from graphviz's own drawings of real programs."""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from autogradlab.render import export
from autogradlab.render.dot import annotated_dot
from autogradlab.render.layout_choice import (
    ACROSS,
    GAIN,
    READABLE,
    USUAL,
    best_rankdir,
    fitted_scale,
    svg_size_pt,
)


def chain(ops: int) -> str:
    body = "".join(f"y = y {'+*-/'[i % 4]} {i % 3 + 1}\n" for i in range(ops))
    return f"import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\n{body}y.backward()\n"


def sizes(source: str, lang: str = "en") -> list[tuple[float, float] | None]:
    graph = run_program(source).graph
    drawings = [export.svg_for_web(annotated_dot(graph, rankdir=way, lang=lang)) for way in ("BT", "LR")]
    return [svg_size_pt(svg) for svg in drawings]


def test_svg_size_reads_graphviz_points():
    assert svg_size_pt('<svg width="471pt" height="562pt" viewBox="0 0 471 562">') == (471.0, 562.0)
    assert svg_size_pt("<svg viewBox='0 0 1 1'>") is None


def test_fitted_scale_is_capped_and_limited_by_the_tighter_side():
    assert fitted_scale((100, 100)) == pytest.approx(1.15)          # a tiny drawing: the cap
    assert fitted_scale((450, 1012)) == pytest.approx(0.5)          # tall: the height decides
    assert fitted_scale((1800, 100)) == pytest.approx(0.5)          # wide: the width decides
    assert fitted_scale((0, 10)) == 0.0


def test_left_to_right_only_when_it_is_clearly_larger():
    tall = (471.0, 1086.0)
    assert best_rankdir(tall, (1351.0, 285.0)) == ACROSS
    same = fitted_scale(tall) * (GAIN - 0.01)   # just below the gain: the usual drawing stays
    assert best_rankdir(tall, (900.0 / same, 10.0)) == USUAL
    assert best_rankdir(tall, (900.0 / (fitted_scale(tall) * (GAIN + 0.01)), 10.0)) == ACROSS
    assert best_rankdir(None, (10.0, 10.0)) == USUAL


def test_a_readable_drawing_keeps_its_usual_shape():
    usual = (471.0, 562.0)                      # the lesson's y = 2*dot(x, x): 0.9 px per pt at 1280x720
    assert fitted_scale(usual) >= READABLE
    assert best_rankdir(usual, (661.0, 285.0)) == USUAL   # left to right would be 1.15: not needed
    just_below = (471.0, 506.0 / (READABLE - 0.01))
    assert best_rankdir(just_below, (661.0, 285.0)) == ACROSS


def test_a_six_op_chain_is_drawn_left_to_right():
    assert best_rankdir(*sizes(chain(6))) == ACROSS


def test_a_two_op_graph_that_fits_at_full_size_stays_bottom_to_top():
    two = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\n"
    assert best_rankdir(*sizes(two)) == USUAL


def test_a_wide_graph_stays_bottom_to_top():
    wide = ("import torch\nxs = [torch.tensor(float(i), requires_grad=True) for i in range(8)]\n"
            "y = torch.stack([x * 2 for x in xs]).sum()\ny.backward()\n")
    usual, across = sizes(wide)
    assert usual[0] > usual[1] and best_rankdir(usual, across) == USUAL
