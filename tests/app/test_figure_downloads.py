"""PNG/SVG download buttons under the Jacobian heatmap and the Eigen plot (made on the server on
click; the bytes themselves are tested in tests/unit/test_plotly_export.py)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links

ROOT = Path(__file__).resolve().parents[2]
LESSON = (ROOT / "lessons" / "seed004_jacobian_funx.py").read_text()



def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / page), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_jacobian_heatmap_has_png_and_svg_downloads():
    at = open_page("jacobian.py", code=links.encode_code(LESSON))
    assert not at.exception
    shown = [b.proto.label for b in at.get("download_button")]
    assert "PNG" in shown and "SVG" in shown


def test_eigen_plot_has_png_and_svg_downloads_in_presentation_mode_too():
    for params in ({}, {"present": "1"}):
        at = open_page("eigen.py", matrix="[[2,1],[1,2]]", **params)
        assert not at.exception
        buttons = {b.proto.label: b.proto.help for b in at.get("download_button")}
        assert {"PNG", "SVG"} <= set(buttons)
        assert ("1920×1080" in buttons["PNG"]) == bool(params), buttons["PNG"]
