"""Colours, fonts and the legend of the annotated graph.

The colours follow torchviz's legend (blue leaf, grey backward op, orange saved tensor, green
output) so a student who learnt from a tutorial reads our drawing without relearning. Sizes are
chosen for a projector at the back of a lecture room, not for a laptop screen.
"""

from __future__ import annotations

from autogradlab.render.words import w

# One family list that covers Latin and Chinese; graphviz (pango) and browsers (CSS) both accept it.
FONT = "Noto Sans CJK SC, DejaVu Sans, sans-serif"
FONT_SIZE = 16          # node text
TITLE_SIZE = 18         # variable names, folded counts
SMALL_SIZE = 12         # the PyTorch class name under an op ("DotBackward0")
# The Steps drawing's small lines in presentation mode (render/steps.py): 12 pt was 10 px at the
# projector's readable scale (0.85 px/pt at 1280x720), 15 pt is 12.75 px; graphviz lays the nodes
# out around the larger text (an op node 6 pt taller; its width is set by its other lines).
PRESENT_SMALL_SIZE = 15
MUTED = "#555555"

KIND_FILL = {
    "leaf": "lightblue",
    "op": "lightgrey",
    "saved": "orange",
    "output": "darkolivegreen1",
}
KIND_NAME = {
    "leaf": "leaf tensor",
    "op": "backward op",
    "saved": "saved tensor",
    "output": "output",
}
BORDER = "#444444"
SELECTED_BORDER = "#c0392b"
SELECTED_PENWIDTH = 4
REST_FILL = "white"


def fill_for(kind: str) -> str:
    """The legend colour of a node kind; unknown kinds are drawn as ops rather than failing."""
    return KIND_FILL.get(kind, KIND_FILL["op"])


def legend_table(title: str | None = None) -> str:
    """The graph label: an optional title row above one coloured cell per node kind.

    It is the graph's own label, not extra nodes, so it never changes the layout of the graph or
    the set of node ids in the SVG. `title` must already be HTML-escaped.
    """
    cells = "".join(
        f'<TD BGCOLOR="{KIND_FILL[kind]}" BORDER="1" COLOR="{BORDER}" STYLE="ROUNDED" '
        f'CELLPADDING="5">{w(f"kind.{kind}")}</TD>'
        for kind in ("leaf", "op", "saved", "output")
    )
    rows = ""
    if title:
        rows += f'<TR><TD COLSPAN="4" ALIGN="LEFT"><B>{title}</B></TD></TR>'
    rows += f"<TR>{cells}</TR>"
    return f'<TABLE BORDER="0" CELLSPACING="8" CELLPADDING="2">{rows}</TABLE>'
