"""A downloaded Jacobian figure's title fits the file's width (1600 px, or 1920 px at presentation
mode's 26 px font), not the 48 characters used when a figure's width is unknown: the seed lesson's
call was three lines in a 1600×900 PNG."""

from __future__ import annotations

import numpy as np

from autogradlab.render import heatmap as render
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord
from components.heatmap import export_figure

CALL = "jacobian = torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)"


def _record(text: str) -> JacobianRecord:
    return JacobianRecord(index=0, line=6, text=text, input_names=("mat2",), output_name="mat_mul(mat1, x)",
                          input_shapes=((2, 2),), output_shapes=((2, 2),), input_is_tuple=False,
                          output_is_tuple=False, dtypes=("float32",), matrix=np.eye(4, dtype=np.float32),
                          strategy="reverse", why="", timing_ms=1.0, checks=JacobianChecks())


def test_the_downloaded_figure_has_the_call_and_shape_on_one_line() -> None:
    for presenting in (False, True):
        for lang, shape in (("en", "J is 4 × 4"), ("zh", "J 的形状为 4 × 4")):
            title = export_figure(_record(CALL), lang, presenting).layout.title.text
            assert title == f"{CALL} — {shape}", (presenting, title)


def test_a_call_longer_than_the_file_is_wide_still_wraps_whole() -> None:
    long_call = "J = jacobian(" + ", ".join(f"f{k}(x)" for k in range(60)) + ")"
    lines = export_figure(_record(long_call), "en", False).layout.title.text.split("<br>")
    assert len(lines) >= 2 and all(render._width(line) <= render.title_chars(1600, 14) for line in lines)
    assert "".join(lines).replace(" ", "") == (long_call + " — J is 4 × 4").replace(" ", "")
