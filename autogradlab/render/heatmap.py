"""A JacobianRecord -> a plotly heatmap (and its LaTeX matrix, its CSV).

Small payloads on purpose: z goes as float32 binary (plotly's `bdata`, not a JSON list of numbers),
hover text comes from one `hovertemplate`, per-cell label strings only for small matrices, and above
EXACT_MAX_CELLS the display is downsampled by blocks keeping each block's largest-magnitude entry
(said on the plot). Clicks: plotly reports no selection for heatmap traces, so small Jacobians get an
invisible scatter overlay with one point per cell.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata

import numpy as np
import plotly.graph_objects as go

from autogradlab import messages
from autogradlab.report_jacobian import JacobianRecord, numel

EXACT_MAX_CELLS = 250_000      # above this the display is downsampled ...
DISPLAY_CELLS = 125_000        # ... to at most this many cells
LABEL_MAX_CELLS = 10_000       # per-cell hover labels (∂Y[i,j]/∂X[k,l]) up to this size
CLICK_MAX_CELLS = 22_500       # the click overlay (one point per cell) up to this size
LATEX_MAX = 8                  # exact LaTeX matrix for Jacobians up to 8 × 8
# Each entry written in its cell (3 significant digits) up to 8 × 8, as the LaTeX matrix: in normal
# mode's ~330 px square plot an 8 × 8 cell is ~41 px, room for "-0.416" at 11 px; at 9 × 9 and above
# the numbers would overflow their cells (hover and the LaTeX/CSV give them). Larger text for fewer cells.
CELL_TEXT_MAX = LATEX_MAX
CELL_TEXT_PX = ((3, 18), (5, 14), (CELL_TEXT_MAX, 11))   # (largest side, font size)
SLIDE = {"width": 1600, "height": 900}   # 16:9 export
# A plotly title never wraps: longer titles are broken into lines of at most this many characters
# (a CJK character counts two), so they stay whole in an 800 px window's column; a figure whose width
# is known (presentation mode's box, measured in the browser) gets lines that fit it: `title_chars`.
TITLE_CHARS = 48
TITLE_LINE_PX = 20             # the top margin grows by this much per extra title line
CHAR_EM = 0.46                 # a Latin character's width in the title font, in font sizes (measured: 0.44)
TITLE_SIDES_PX = 90            # the figure's width the title cannot use (margins, the title's own pad)
TITLE_FONT_PX = 14             # the title's font size (presentation mode enlarges it)


def title_chars(width_px: float, font_px: float) -> int:
    """How many characters of the title fit on one line of a figure `width_px` wide (never fewer
    than TITLE_CHARS)."""
    return max(TITLE_CHARS, int((width_px - TITLE_SIDES_PX) / (CHAR_EM * font_px)))


# A figure written at slide size (downloads, the CLI's export): its title's lines fit 1600 px.
SLIDE_TITLE_CHARS = title_chars(SLIDE["width"], TITLE_FONT_PX)


def index_labels(names: tuple[str, ...], shapes: tuple[tuple[int, ...], ...]) -> list[str]:
    """Flat position -> `x[3]`, `X[1,2]`, `y` (a scalar), one block per named tensor."""
    labels: list[str] = []
    for name, shape in zip(names, shapes, strict=True):
        if not shape:
            labels.append(name)
            continue
        for flat in range(numel(shape)):
            labels.append(f"{name}[{','.join(str(i) for i in np.unravel_index(flat, shape))}]")
    return labels


def block_factor(rows: int, cols: int) -> int:
    if rows * cols <= EXACT_MAX_CELLS:
        return 1
    f = max(2, math.isqrt(rows * cols // DISPLAY_CELLS))
    while math.ceil(rows / f) * math.ceil(cols / f) > DISPLAY_CELLS:
        f += 1
    return f


def downsample(matrix: np.ndarray, f: int) -> np.ndarray:
    """Blocks of f × f -> the entry of largest magnitude in each (sign kept), as float32."""
    if f == 1:
        return matrix.astype(np.float32, copy=False)
    rows, cols = matrix.shape
    padded = np.zeros((math.ceil(rows / f) * f, math.ceil(cols / f) * f), dtype=np.float32)
    padded[:rows, :cols] = matrix
    blocks = padded.reshape(padded.shape[0] // f, f, padded.shape[1] // f, f).transpose(0, 2, 1, 3)
    blocks = blocks.reshape(blocks.shape[0], blocks.shape[1], f * f)
    pick = np.abs(blocks).argmax(axis=2)
    return np.take_along_axis(blocks, pick[..., None], axis=2)[..., 0]


def _separators(shapes: tuple[tuple[int, ...], ...]) -> list[float]:
    """Positions (in index units) between blocks: between tuple members, and between the rows of
    a matrix-shaped tensor (a 4-D Jacobian flattened)."""
    lines, offset = [], 0
    for k, shape in enumerate(shapes):
        n = numel(shape)
        if len(shape) >= 2 and n <= 400:
            step = numel(shape[1:])
            lines += [offset + s - 0.5 for s in range(step, n, step)]
        offset += n
        if k < len(shapes) - 1:
            lines.append(offset - 0.5)
    return lines


def cell_text(matrix: np.ndarray) -> list[list[str]] | None:
    """Each entry as written in its cell ("4", "-0.416", "1.2e-05"), or None above CELL_TEXT_MAX."""
    matrix = np.asarray(matrix, dtype=np.float64)
    if matrix.ndim != 2 or matrix.size == 0 or max(matrix.shape) > CELL_TEXT_MAX:
        return None
    return [[f"{float(v) + 0.0:.3g}" for v in row] for row in matrix]    # + 0.0: no "-0"


def cell_text_px(rows: int, cols: int) -> int:
    return next(px for side, px in CELL_TEXT_PX if max(rows, cols) <= side)


def jacobian_figure(record: JacobianRecord, *, cell: tuple[int, int] | None = None,
                    dark: bool = False, lang: str = messages.DEFAULT_LANG,
                    line_chars: int = TITLE_CHARS) -> go.Figure:
    def say(key: str, **params: object) -> str:
        return messages.text(lang, f"jacobian_extra.{key}", **params)

    matrix = np.asarray(record.matrix, dtype=np.float64)
    rows, cols = matrix.shape
    hessian = getattr(record, "kind", "") == "hessian"
    f = block_factor(rows, cols)
    z = downsample(matrix, f)
    limit = float(np.abs(z).max()) if z.size else 1.0
    limit = limit or 1.0
    row_names = tuple(f"y{k}" if record.output_is_tuple else "y"
                      for k in range(len(record.output_shapes)))
    heat = go.Heatmap(z=z, zmin=-limit, zmax=limit, zmid=0, colorscale="RdBu_r", xgap=0, ygap=0,
                      colorbar={"title": {"text": "∂²f/∂x∂x" if hessian else "∂y/∂x"}})
    if f == 1 and rows * cols <= LABEL_MAX_CELLS:
        ys = index_labels(row_names, record.output_shapes)
        xs = index_labels(record.input_names, record.input_shapes)
        heat.customdata = np.array([[f"∂{y}/∂{x}" for x in xs] for y in ys], dtype=object)
        heat.hovertemplate = "%{customdata} = %{z:.8g}<extra></extra>"
    elif f == 1:
        heat.hovertemplate = "∂y[%{y}]/∂x[%{x}] = %{z:.8g}<extra></extra>"
    else:
        heat.x0, heat.dx, heat.y0, heat.dy = (f - 1) / 2, f, (f - 1) / 2, f
        heat.hovertemplate = (say("fig_block_hover", y="%{y:.0f}", x="%{x:.0f}", h=f // 2, z="%{z:.6g}")
                              + f"<extra>{say('fig_blocks', f=f)}</extra>")
    written = cell_text(matrix)
    if written is not None:   # plotly picks a dark or light colour per cell, against its own colour
        heat.text, heat.texttemplate = written, "%{text}"
        heat.textfont = {"size": cell_text_px(rows, cols)}
    fig = go.Figure(heat)
    if f == 1 and rows * cols <= CLICK_MAX_CELLS:
        # On top of the heatmap the overlay catches hover too, so it carries the hover text.
        grid_y, grid_x = np.divmod(np.arange(rows * cols, dtype=np.int32), cols)
        if heat.customdata is not None:
            custom = np.stack([np.asarray(heat.customdata).reshape(-1),
                               matrix.reshape(-1).astype(object)], axis=1)
            template = "%{customdata[0]} = %{customdata[1]:.8g}<extra></extra>"
        else:
            custom = matrix.reshape(-1, 1)
            template = "∂y[%{y}]/∂x[%{x}] = %{customdata[0]:.8g}<extra></extra>"
        heat.hoverinfo, heat.hovertemplate = "skip", None
        fig.add_trace(go.Scatter(x=grid_x, y=grid_y, mode="markers", customdata=custom,
                                 hovertemplate=template, showlegend=False, name="cells",
                                 marker={"size": max(4, min(40, 400 // max(rows, cols))), "opacity": 0,
                                         "symbol": "square"},
                                 selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}}))
    for pos in _separators(record.input_shapes):
        fig.add_vline(x=pos, line={"color": "#444", "width": 1})
    for pos in _separators(record.output_shapes):
        fig.add_hline(y=pos, line={"color": "#444", "width": 1})
    _block_names(fig, record.input_names, record.input_shapes, across=True)
    _block_names(fig, row_names, record.output_shapes, across=False, edge=cols - 0.5)
    if cell is not None and 0 <= cell[0] < rows and 0 <= cell[1] < cols:
        i, j = cell
        fig.add_shape(type="rect", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
                      line={"color": "#f5a623", "width": 3})
    title = "fig_title_hessian" if hessian else "fig_title"
    shape = say(title, text="", rows=f"{rows:,}", cols=f"{cols:,}")
    note = say("fig_shown_as", rows=f"{z.shape[0]:,}", cols=f"{z.shape[1]:,}", f=f) if f > 1 else ""
    lines = title_lines(record.text or "dY/dX", shape, note, line_chars)
    fig.update_layout(
        title={"text": "<br>".join(lines), "font": {"size": TITLE_FONT_PX}, "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 16}},
        margin={"l": 60, "r": 20, "b": 50, "t": (75 if len(record.input_shapes) > 1 else 50)
                + TITLE_LINE_PX * (len(lines) - 1)},
        # Exact ranges, and square cells by shrinking a domain (never by widening a range: the
        # plot would show empty space beside J, and clicks would land off by that much).
        xaxis={"title": {"text": say("fig_inputs", names=", ".join(record.input_names))},
               "constrain": "domain", "range": [-0.5, cols - 0.5]},
        yaxis={"title": {"text": say("fig_outputs", name=record.output_name)}, "range": [rows - 0.5, -0.5],
               "constrain": "domain",
               "scaleanchor": "x" if max(rows, cols) <= 4 * min(rows, cols) else None},
        template="plotly_dark" if dark else "plotly_white", dragmode="zoom", clickmode="event+select")
    if rows * cols <= LABEL_MAX_CELLS and f == 1 and max(rows, cols) <= 40:
        xs = index_labels(record.input_names, record.input_shapes)
        ys = index_labels(row_names, record.output_shapes)
        fig.update_xaxes(tickmode="array", tickvals=list(range(cols)), ticktext=xs)
        fig.update_yaxes(tickmode="array", tickvals=list(range(rows)), ticktext=ys)
    return fig


def _width(text: str) -> int:
    """Characters as wide as a Latin one: a CJK (wide) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def title_lines(text: str, shape: str, note: str, chars: int = TITLE_CHARS) -> list[str]:
    """The title in one line if it fits `chars`, else the call text wrapped, then the shape
    ("— J is 4 × 4") and the downsampling note on the last line if they fit there, else below."""
    whole = text + shape + note
    if _width(whole) <= chars:
        return [whole]
    lines = _wrap(text, chars)
    if lines and _width(lines[-1] + shape + note) <= chars:
        return [*lines[:-1], lines[-1] + shape + note]
    return [*lines, *_wrap(shape.strip() + note, chars)]


def _wrap(text: str, chars: int) -> list[str]:
    """Lines of at most `chars`, broken after a space, "(" or "," (code has few spaces); a longer
    piece is cut."""
    lines = [""]
    for piece in re.findall(r"[^\s(,]*[(,]?\s*", text):
        while _width(piece.rstrip()) > chars:
            cut = _cut(piece, chars)
            lines, piece = [*lines, piece[:cut]], piece[cut:]
        if _width((lines[-1] + piece).rstrip()) > chars:
            lines.append("")
        lines[-1] += piece
    return [line.rstrip() for line in lines if line.strip()]


def _cut(piece: str, chars: int) -> int:
    """How many characters of `piece` fill one line of `chars`."""
    used = 0
    for k, c in enumerate(piece):
        used += _width(c)
        if used > chars:
            return max(k, 1)
    return len(piece)


def _block_names(fig: go.Figure, names: tuple[str, ...], shapes: tuple[tuple[int, ...], ...],
                 across: bool, edge: float = 0.0) -> None:
    """Tuple inputs (outputs): each block's name above (beside) it."""
    if len(shapes) < 2:
        return
    offset = 0
    for name, shape in zip(names, shapes, strict=True):
        n = numel(shape)
        centre = offset + (n - 1) / 2
        if across:
            fig.add_annotation(x=centre, y=1.0, xref="x", yref="paper", yanchor="bottom", text=name,
                               showarrow=False, font={"size": 12})
        else:
            fig.add_annotation(x=edge, y=centre, xref="x", yref="y", xanchor="left", xshift=4, text=name,
                               showarrow=False, font={"size": 12})
        offset += n


def export_config(fmt: str = "png") -> dict:
    return {"toImageButtonOptions": {"format": fmt, "filename": "jacobian", **SLIDE, "scale": 1},
            "displaylogo": False}


def latex_matrix(matrix: np.ndarray, name: str = "J") -> str | None:
    """The exact matrix for a slide (≤ 8 × 8), or None; `name`: H for a Hessian."""
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or max(matrix.shape) > LATEX_MAX or matrix.size == 0:
        return None
    def num(v: float) -> str:
        return f"{v:.6g}".replace("e", r"\mathrm{e}")
    body = r" \\ ".join(" & ".join(num(float(v)) for v in row) for row in matrix)
    return name + r" = \begin{bmatrix} " + body + r" \end{bmatrix}"


def matrix_csv(record: JacobianRecord) -> str:
    """Rows = outputs, columns = inputs, with the index labels as header and first column."""
    out = io.StringIO()
    names = tuple("y" if not record.output_is_tuple else f"y{k}" for k in range(len(record.output_shapes)))
    ys = index_labels(names, record.output_shapes)
    xs = index_labels(record.input_names, record.input_shapes)
    out.write(",".join(['"∂y/∂x"'] + [f'"{x}"' for x in xs]) + "\n")
    for label, row in zip(ys, np.asarray(record.matrix), strict=True):
        out.write(f'"{label}",' + ",".join(repr(float(v)) for v in row) + "\n")
    return out.getvalue()


def window_figure(record: JacobianRecord, rows: tuple[int, int], cols: tuple[int, int],
                  lang: str = messages.DEFAULT_LANG) -> go.Figure:
    """Rows r0:r1, columns c0:c1 of a big Jacobian, exact (the zoom the downsampled view lacks),
    hover at the original indices."""
    (r0, r1), (c0, c1) = rows, cols
    part = np.asarray(record.matrix)[r0:r1, c0:c1]
    if part.size > EXACT_MAX_CELLS:
        raise ValueError(f"a window shows at most {EXACT_MAX_CELLS:,} entries")
    limit = float(np.abs(part).max()) if part.size else 1.0
    heat = go.Heatmap(z=part.astype(np.float32), x0=c0, dx=1, y0=r0, dy=1, zmin=-(limit or 1.0),
                      zmax=limit or 1.0, zmid=0, colorscale="RdBu_r",
                      hovertemplate="∂y[%{y}]/∂x[%{x}] = %{z:.8g}<extra></extra>",
                      colorbar={"title": {"text": "∂²f/∂x∂x" if getattr(record, "kind", "") == "hessian"
                                          else "∂y/∂x"}})
    fig = go.Figure(heat)
    title = messages.text(lang, "jacobian_extra.fig_window", r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1)
    inputs = messages.text(lang, "jacobian_extra.fig_inputs", names=", ".join(record.input_names))
    outputs = messages.text(lang, "jacobian_extra.fig_outputs", name=record.output_name)
    fig.update_layout(title={"text": title, "font": {"size": 14}}, xaxis={"title": {"text": inputs}},
                      yaxis={"title": {"text": outputs}, "autorange": "reversed"},
                      template="plotly_white", margin={"l": 60, "r": 20, "t": 50, "b": 50})
    return fig
