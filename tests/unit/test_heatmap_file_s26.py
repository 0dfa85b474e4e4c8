"""A downloaded Jacobian (PNG/SVG at 1600×900, or presentation mode's 1920×1080) has its numbers
sized for the file: larger than on screen, and still inside their cells. Measured in the SVG that
kaleido's Chromium writes (the numbers' font size, and the cells' width from the numbers' centres),
each number's width measured with the font Chromium draws it in here."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

from autogradlab.render import heatmap
from autogradlab.render.heatmap_file import ANNOTATION_PX, TICK_PX, TITLE_PX, file_figure
from autogradlab.render.plotly_export import PRESENTING, SCREEN, figure_bytes
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord

PIL = pytest.importorskip("PIL.ImageFont")
TEXT = re.compile(r'<text text-anchor="middle" data-notex="1" x="([\d.]+)" y="([\d.]+)" style="[^"]*'
                  r'font-size: ([\d.]+)px[^"]*">([^<]*)</text>')


def _record(rows: int, cols: int, inputs: tuple = (("x",), None)) -> JacobianRecord:
    names, shapes = inputs
    matrix = (np.random.default_rng(0).normal(size=(rows, cols)) * 0.7).astype(np.float32)
    matrix[0, 0] = -0.00312   # the longest number 3 significant digits write ("-0.00312")
    return JacobianRecord(index=0, line=3, text="J = torch.autograd.functional.jacobian(f, x)",
                          input_names=names, output_name="y", input_shapes=shapes or ((cols,),),
                          output_shapes=((rows,),), input_is_tuple=len(names) > 1, output_is_tuple=False,
                          dtypes=("float32",), matrix=matrix, strategy="reverse", why="", timing_ms=1.0,
                          checks=JacobianChecks())


def _font():  # noqa: ANN202
    found = shutil.which("fc-match") and subprocess.run(["fc-match", "--format=%{file}", "Open Sans"],
                                                         capture_output=True, text=True).stdout
    if not found:
        pytest.skip("no fontconfig to find the font Chromium draws with")
    return found


@pytest.mark.parametrize("size", [SCREEN, PRESENTING], ids=["1600x900", "1920x1080"])
@pytest.mark.parametrize("side", [2, 3, 5, heatmap.CELL_TEXT_MAX])
def test_numbers_are_larger_than_on_screen_and_fit_their_cells(side: int, size: dict):
    record = _record(side, side)
    svg = figure_bytes(file_figure(record, size["width"], size["height"]), "svg",
                       presenting=size is PRESENTING).decode()
    cells = [(float(x), float(y), float(px), text) for x, y, px, text in TEXT.findall(svg)]
    assert len(cells) == side * side
    px = {c[2] for c in cells}
    assert len(px) == 1
    (font_px,) = px
    on_screen = heatmap.cell_text_px(side, side)
    assert font_px >= max(16, 1.5 * on_screen)
    first_row = sorted(c[0] for c in cells if c[1] == cells[0][1])
    cell_width = first_row[1] - first_row[0]
    font = PIL.truetype(_font(), round(font_px))
    widest = max(font.getlength(c[3]) for c in cells)
    assert widest <= 0.9 * cell_width, (widest, cell_width)


def test_axes_title_and_block_names_use_the_presentation_sizes():
    fig = file_figure(_record(3, 5, (("a", "b"), ((2,), (3,)))), **SCREEN)
    assert fig.layout.xaxis.tickfont.size == fig.layout.yaxis.tickfont.size == TICK_PX
    assert fig.layout.title.font.size == TITLE_PX
    assert {a.font.size for a in fig.layout.annotations} == {ANNOTATION_PX}
    on_screen = heatmap.jacobian_figure(_record(3, 5, (("a", "b"), ((2,), (3,)))), line_chars=200)
    assert fig.layout.margin.t > on_screen.layout.margin.t   # the larger title keeps its room


def test_a_jacobian_too_big_for_numbers_gets_none_in_the_file_either():
    side = heatmap.CELL_TEXT_MAX + 1
    fig = file_figure(_record(side, side), **SCREEN)
    assert fig.data[0].text is None
