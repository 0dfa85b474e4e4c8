"""Page figure downloads (render/plotly_export.py): the Jacobian heatmap and the Eigen plot as real
PNG/SVG files at 16:9, 1920×1080 in presentation mode."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from autogradlab.engine.eigen import analyse, power_iteration
from autogradlab.render import eigen_plot
from autogradlab.render.plotly_export import PRESENTING, SCREEN, figure_bytes


def eigen_figure() -> dict:
    an = analyse([[2.0, 1.0], [1.0, 2.0]])
    return eigen_plot.plane_figure(an, np.array([1.0, 0.0]), power_iteration(an), "A")


@pytest.mark.parametrize(("presenting", "size"), [(False, SCREEN), (True, PRESENTING)])
def test_png_is_16_by_9_at_the_asked_size(presenting, size):
    png = figure_bytes(eigen_figure(), "png", presenting=presenting)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (size["width"], size["height"])
    assert image.size[0] * 9 == image.size[1] * 16
    low, high = image.convert("L").getextrema()
    assert high - low > 50, "something is drawn"


def test_svg_of_a_heatmap_holds_its_numbers():
    import plotly.graph_objects as go

    fig = go.Figure(go.Heatmap(z=[[2.0, 2.0], [3.0, 32.0]], text=[["2", "2"], ["3", "32"]],
                               texttemplate="%{text}"))
    svg = figure_bytes(fig, "svg")
    assert svg.lstrip().startswith(b"<svg") and b">32<" in svg


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="png or svg"):
        figure_bytes(eigen_figure(), "gif")
