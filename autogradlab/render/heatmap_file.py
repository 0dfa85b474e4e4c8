"""A Jacobian heatmap written to a file (the page's PNG/SVG downloads, the `export` and `jacobian`
commands' PNG/SVG/PDF), its text sized for the file rather than for the screen.

On screen an 8 × 8 Jacobian's cells are ~41 px and their numbers 11 px; in a 1600 × 900 file the
same cells are ~95 px, and 11 px numbers (with 12 px ticks and a 14 px title) were unreadable on a
projector. Here the title, axes and block names get presentation mode's sizes (components/present.py
enlarges the figure on screen the same way), and each cell's number gets the largest size that fits
its cell in the file, measured from the longest number written.
"""

from __future__ import annotations

import plotly.graph_objects as go

from autogradlab import messages
from autogradlab.render.heatmap import jacobian_figure, title_chars
from autogradlab.report_jacobian import JacobianRecord

FONT_PX = 20                 # the figure's text (the colour bar's title and ticks)
TICK_PX = 18                 # axis tick labels (`x[3]`, `y[0]`)
AXIS_TITLE_PX = 20           # "inputs: x", "outputs: y"
TITLE_PX = 26                # the call and J's shape
ANNOTATION_PX = 18           # a tuple's block names
TITLE_LINE_GROWTH_PX = 16    # each title line at 26 px needs this much more room than at 14 px
# The room the plot leaves its cells in a file: the figure's margins (render/heatmap.py's, the title
# grown as above) and the colour bar with its 18-20 px labels on the right.
SIDES_PX = 60 + 20 + 130
CELL_FILL = 0.45             # a number's height at most this share of its cell's
DIGIT_EM = 0.6               # a character of the number, in font sizes (Open Sans digits: 0.57)
CELL_PAD_EM = 0.6            # room left beside the number, in font sizes
CELL_TEXT_MAX_PX = 40        # large cells (2 × 2) get no more than this


def cell_text_px(rows: int, cols: int, longest: int, width: int, height: int, top: int, bottom: int,
                 square: bool) -> int:
    """The font size of the numbers in a `rows` × `cols` heatmap's cells in a `width` × `height`
    file, the longest number being `longest` characters."""
    cell_w = (width - SIDES_PX) / cols
    cell_h = (height - top - bottom) / rows
    if square:
        cell_w = cell_h = min(cell_w, cell_h)
    px = min(cell_h * CELL_FILL, cell_w / (DIGIT_EM * longest + CELL_PAD_EM), CELL_TEXT_MAX_PX)
    return max(int(px), 1)


def size_for_file(fig: go.Figure, width: int, height: int) -> go.Figure:
    """`fig` (a jacobian_figure) with its text sized for a `width` × `height` file, in place."""
    lines = str(fig.layout.title.text or "").count("<br>") + 1
    top = (fig.layout.margin.t or 0) + TITLE_LINE_GROWTH_PX * lines
    fig.update_layout(font_size=FONT_PX, title_font_size=TITLE_PX, margin_t=top, margin_b=70)
    fig.update_annotations(font_size=ANNOTATION_PX)
    fig.update_xaxes(tickfont_size=TICK_PX, title_font_size=AXIS_TITLE_PX)
    fig.update_yaxes(tickfont_size=TICK_PX, title_font_size=AXIS_TITLE_PX)
    square = fig.layout.yaxis.scaleanchor == "x"
    for trace in fig.data:
        if trace.type == "heatmap" and trace.text is not None:
            rows, cols = len(trace.text), len(trace.text[0])
            longest = max(len(str(text)) for row in trace.text for text in row)
            trace.textfont.size = cell_text_px(rows, cols, longest, width, height, top, 70, square)
    return fig


def file_figure(record: JacobianRecord, width: int, height: int,
                lang: str = messages.DEFAULT_LANG) -> go.Figure:
    """The heatmap as written to a `width` × `height` file: no selected cell, the title's lines
    fitting the file's width at its larger font."""
    fig = jacobian_figure(record, lang=lang, line_chars=title_chars(width, TITLE_PX))
    return size_for_file(fig, width, height)
