"""The heatmap renderer: exact small matrices with labels and a click overlay, block max-abs
downsampling above 250k cells, a payload under 1 MB at 1000 × 1000, LaTeX and CSV."""

from __future__ import annotations

import numpy as np
import plotly.io as pio

from autogradlab.render import heatmap
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord


def record(matrix: np.ndarray, in_shapes=None, out_shapes=None, names=("x",),
           tuple_in=False) -> JacobianRecord:
    rows, cols = matrix.shape
    return JacobianRecord(index=0, line=3, text="J = jacobian(f, x)", input_names=names,
                          output_name="f(x)",
                          input_shapes=in_shapes or ((cols,),), output_shapes=out_shapes or ((rows,),),
                          input_is_tuple=tuple_in, output_is_tuple=False,
                          dtypes=("float32",) * len(names), matrix=matrix.astype(np.float32),
                          strategy="reverse", why="", timing_ms=1.0, checks=JacobianChecks())


def test_small_matrix_has_labels_overlay_and_centred_scale() -> None:
    fig = heatmap.jacobian_figure(record(np.array([[2.0, -3.0], [1.0, 16.0]])))
    heat, overlay = fig.data
    assert heat.zmid == 0 and heat.zmin == -16 and heat.zmax == 16
    assert list(overlay.customdata[3]) == ["∂y[1]/∂x[1]", 16.0]
    assert list(overlay.x) == [0, 1, 0, 1] and list(overlay.y) == [0, 0, 1, 1]


def test_four_d_labels_and_block_separators() -> None:
    labels = heatmap.index_labels(("X",), ((2, 3),))
    assert labels == ["X[0,0]", "X[0,1]", "X[0,2]", "X[1,0]", "X[1,1]", "X[1,2]"]
    fig = heatmap.jacobian_figure(record(np.zeros((4, 6)), in_shapes=((2, 3),), out_shapes=((2, 2),)))
    xs = sorted(s.x0 for s in fig.layout.shapes if s.x0 == s.x1)
    ys = sorted(s.y0 for s in fig.layout.shapes if s.y0 == s.y1)
    assert xs == [2.5] and ys == [1.5]


def test_tuple_inputs_are_blocks() -> None:
    fig = heatmap.jacobian_figure(record(np.ones((2, 5)), in_shapes=((2,), (3,)), names=("a", "b"),
                                         tuple_in=True))
    assert [s.x0 for s in fig.layout.shapes] == [1.5]
    assert fig.data[1].customdata[4][0] == "∂y[0]/∂b[2]"
    assert [(a.text, a.x) for a in fig.layout.annotations] == [("a", 0.5), ("b", 3.0)]


def test_downsample_keeps_the_signed_largest_magnitude() -> None:
    m = np.zeros((4, 4))
    m[0, 1], m[1, 0], m[3, 3] = -5.0, 4.0, 2.0
    np.testing.assert_array_equal(heatmap.downsample(m, 2), [[-5.0, 0.0], [0.0, 2.0]])


def test_thousand_by_thousand_payload_under_one_megabyte() -> None:
    m = np.random.default_rng(0).standard_normal((1000, 1000))
    fig = heatmap.jacobian_figure(record(m))
    size = len(pio.to_json(fig, validate=False))
    assert size <= 1_000_000, size
    assert len(fig.data) == 1 and "block" in fig.layout.title.text
    z = np.asarray(fig.data[0].z)
    assert z.size <= heatmap.DISPLAY_CELLS and np.abs(z).max() == np.float32(np.abs(m).max())


def test_latex_only_for_small_and_csv_has_labels() -> None:
    r = record(np.array([[2.0, 2.0], [3.0, 16.0]]))
    assert heatmap.latex_matrix(r.matrix) == r"J = \begin{bmatrix} 2 & 2 \\ 3 & 16 \end{bmatrix}"
    assert heatmap.latex_matrix(np.zeros((9, 2))) is None
    csv = heatmap.matrix_csv(r).splitlines()
    assert csv[0] == '"∂y/∂x","x[0]","x[1]"' and csv[2] == '"y[1]",3.0,16.0'


def test_window_of_a_big_jacobian_is_exact_at_original_indices() -> None:
    m = np.arange(1000 * 600, dtype=np.float64).reshape(1000, 600)
    fig = heatmap.window_figure(record(m), (400, 410), (100, 130))
    heat = fig.data[0]
    assert (heat.x0, heat.y0) == (100, 400)
    np.testing.assert_array_equal(np.asarray(heat.z), m[400:410, 100:130].astype(np.float32))


def _titled(text: str) -> JacobianRecord:
    from dataclasses import replace
    return replace(record(np.eye(4)), text=text)


def test_a_long_call_title_wraps_instead_of_running_off_the_figure() -> None:
    """A plotly title never wraps: the seed lesson's 79-character call ran off the right edge at 800 px
    and in presentation mode, hiding "J is 4 × 4". Lines of at most TITLE_CHARS (a CJK character
    counts two), the shape last: on the last line when it fits there."""
    call = "jacobian = torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)"
    for lang, shape, count in (("en", "J is 4 × 4", 2), ("zh", "J 的形状为 4 × 4", 3)):
        fig = heatmap.jacobian_figure(_titled(call), lang=lang)
        lines = fig.layout.title.text.split("<br>")
        assert len(lines) == count and lines[-1].endswith(f"— {shape}"), lines
        assert all(heatmap._width(line) <= heatmap.TITLE_CHARS for line in lines), lines
        assert "".join(lines).replace(" ", "") == (call + f" — {shape}").replace(" ", "")   # nothing is lost
        assert fig.layout.margin.t > 50                          # room for the extra lines


def test_a_title_of_exactly_one_line_stays_one_line() -> None:
    fits = "J = jacobian(f, x)"
    whole = heatmap.jacobian_figure(_titled(fits)).layout.title.text
    assert whole == "J = jacobian(f, x) — J is 4 × 4" and len(whole) <= heatmap.TITLE_CHARS
    at_limit = "y" * (heatmap.TITLE_CHARS - len(" — J is 4 × 4"))
    assert "<br>" not in heatmap.jacobian_figure(_titled(at_limit)).layout.title.text
    assert "<br>" in heatmap.jacobian_figure(_titled(at_limit + "y")).layout.title.text
    assert heatmap.jacobian_figure(_titled(fits)).layout.margin.t == 50


def test_a_title_piece_longer_than_a_line_is_cut_into_lines() -> None:
    lines = heatmap.jacobian_figure(_titled("v" * 100)).layout.title.text.split("<br>")
    assert lines == ["v" * 48, "v" * 48, "v" * 4 + " — J is 4 × 4"] and heatmap.TITLE_CHARS == 48


CALL = "jacobian = torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)"


def test_a_projector_size_figure_gets_a_one_or_two_line_title() -> None:
    """Session 23's look: at 1920 px in presentation mode (a 1439 px figure, 26 px title) the call
    still wrapped at 48 characters into three lines. The width the browser measured sets the lines."""
    wide = heatmap.title_chars(1439, 26)
    assert heatmap.jacobian_figure(_titled(CALL), line_chars=wide).layout.title.text == CALL + " — J is 4 × 4"
    at_1280 = heatmap.title_chars(953, 26)      # the 16:9 box of a 1280 × 720 projector
    for lang in ("en", "zh"):
        lines = heatmap.jacobian_figure(_titled(CALL), lang=lang, line_chars=at_1280).layout.title.text
        assert len(lines.split("<br>")) == 2, lines
        # 0.46 em per character at 26 px, beside the figure's margins: each line fits the figure
        assert all(heatmap._width(line) * 0.46 * 26 <= 953 - 80 for line in lines.split("<br>")), lines


def test_title_chars_never_below_the_narrow_window_width() -> None:
    assert heatmap.title_chars(300, 26) == heatmap.TITLE_CHARS
    assert heatmap.title_chars(1439, 26) > 100
