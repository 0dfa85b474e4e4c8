"""Session 26 UI fixes, checked through the components the pages use."""

from __future__ import annotations

import numpy as np

from autogradlab.render import heatmap
from autogradlab.render.heatmap_file import TICK_PX, TITLE_PX
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord
from components.heatmap import export_figure


def _record(side: int) -> JacobianRecord:
    matrix = (np.random.default_rng(1).normal(size=(side, side)) * 0.7).astype(np.float32)
    return JacobianRecord(index=0, line=3, text="J = jacobian(f, x)", input_names=("x",), output_name="y",
                          input_shapes=((side,),), output_shapes=((side,),), input_is_tuple=False,
                          output_is_tuple=False, dtypes=("float32",), matrix=matrix, strategy="reverse",
                          why="", timing_ms=1.0, checks=JacobianChecks())


def test_normal_mode_download_has_its_text_sized_for_the_file_not_the_screen():
    """The Jacobian page's PNG/SVG in normal mode kept the screen's 11 px numbers in 95 px cells."""
    for side in (3, heatmap.CELL_TEXT_MAX):
        shown = heatmap.jacobian_figure(_record(side))
        for presenting in (False, True):
            saved = export_figure(_record(side), "en", presenting)
            assert saved.data[0].textfont.size >= 1.5 * shown.data[0].textfont.size
            assert saved.layout.xaxis.tickfont.size == TICK_PX and saved.layout.title.font.size == TITLE_PX


def test_presentation_download_is_sized_once_not_enlarged_again():
    saved = export_figure(_record(heatmap.CELL_TEXT_MAX), "en", True)
    screen = export_figure(_record(heatmap.CELL_TEXT_MAX), "en", False)
    assert saved.data[0].textfont.size >= screen.data[0].textfont.size   # 1920×1080: cells are larger
    assert saved.data[0].textfont.size <= 40
