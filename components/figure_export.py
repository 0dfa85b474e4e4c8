"""PNG and SVG download buttons for a plotly figure (the Jacobian heatmap, the Eigen plot), made on
the server on click (render/plotly_export.py) and named for what they show
(`y-dot-jacobian-1.png`, `matrix-2-1-1-2-eigen.svg`). In presentation mode the PNG is the
projector's 16:9 (1920×1080) with the presentation's large text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components import present
from components.i18n import t


def downloads(make_figure: Callable[[], Any], name: str, *, key: str, sized: bool = False) -> None:
    """`make_figure()` gives the figure (called on click only); files are `<name>.png` / `.svg`.
    `sized`: the figure's text is already sized for the file (not enlarged again when presenting)."""
    presenting = present.active()

    def render(fmt: str) -> Callable[[], bytes]:
        def make() -> bytes:
            from autogradlab.render.plotly_export import figure_bytes

            fig = make_figure()
            if presenting and not sized:
                fig = present.enlarge(fig)
            return figure_bytes(fig, fmt, presenting=presenting)
        return make

    size = "1920×1080" if presenting else "1600×900"
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key=key):
        st.download_button("PNG", render("png"), file_name=f"{name}.png", mime="image/png",
                           icon=":material/download:", type="tertiary", on_click="ignore",
                           help=t("present.download_figure_png", size=size))
        st.download_button("SVG", render("svg"), file_name=f"{name}.svg", mime="image/svg+xml",
                           icon=":material/download:", type="tertiary", on_click="ignore",
                           help=t("present.download_figure_svg"))
