"""A plotly figure (a Figure or its plain-dict form) as PNG or SVG bytes, made on the server through
kaleido (which drives the machine's Chromium, kept open between exports: render/kaleido_browser.py),
at a 16:9 size: the page's download buttons and the
`export` command write the same files. Presentation mode asks for the projector's 1920×1080."""

from __future__ import annotations

import logging
from typing import Any

from autogradlab.render import kaleido_browser

SCREEN = {"width": 1600, "height": 900}        # 16:9 at about the on-screen size
PRESENTING = {"width": 1920, "height": 1080}   # 16:9 at projector size
FORMATS = ("png", "svg")


def figure_bytes(fig: Any, fmt: str, *, presenting: bool = False) -> bytes:
    """PNG or SVG of `fig` at 16:9 (1920×1080 when `presenting`, else 1600×900). RuntimeError in
    plain words when kaleido or its Chromium is missing."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; use png or svg")
    import plotly.graph_objects as go

    size = PRESENTING if presenting else SCREEN
    figure = go.Figure(fig)
    figure.update_layout(**size)
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)  # harmless pipe errors as tracebacks
    try:
        return kaleido_browser.to_image(figure, fmt, **size)
    except Exception as exc:  # noqa: BLE001 - kaleido needs a Chromium (apt-get install chromium)
        raise RuntimeError(f"writing .{fmt} failed ({type(exc).__name__}: {str(exc)[:120]})") from None
