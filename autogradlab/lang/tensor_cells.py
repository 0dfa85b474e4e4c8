"""torch's layout of a 0-, 1- or 2-dim tensor's text from its elements already formatted and padded
(tensor_text._cells): the brackets, the ", " and line breaks, " ..." and "..." where torch
summarizes, as torch._tensor_str._tensor_str_with_formatter lays them out (issue 9: the elements
formatted once, not once for the width and again for the text)."""

from __future__ import annotations

import math

_EDGE = 3


def cells_text(shape: tuple[int, ...], cells: list[str], width: int, summarize: bool, indent: int,
               linewidth: int) -> str:
    """The text after "tensor(" of a tensor of `shape` (0-2 dims; tensor_text.py hands it 1-2) whose
    shown elements are `cells` (row-major: with `summarize`, the first and last EDGE items of every
    axis longer than 2 * EDGE), padded to `width` (the formatter's: a cell may be longer, e.g.
    -0.0000 among 0.5000)."""
    if not shape:
        return cells[0]
    if len(shape) == 1:
        return _row(cells, width, summarize and shape[0] > 2 * _EDGE, indent, linewidth)
    n, m = shape
    cut_rows = summarize and n > 2 * _EDGE
    cut = summarize and m > 2 * _EDGE
    shown = 2 * _EDGE if cut else m   # elements of a row in `cells`
    rows = [cells[i:i + shown] for i in range(0, len(cells), shown)]
    if m == 1:   # a column: one element per row, each on its own line
        slices = [f"[{row[0]}]" for row in rows]
    else:
        slices = [_row(row, width, cut, indent + 1, linewidth) for row in rows]
    if cut_rows:
        slices = slices[:_EDGE] + ["..."] + slices[_EDGE:]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(slices) + "]"


def _row(cells: list[str], width: int, cut: bool, indent: int, linewidth: int) -> str:
    """One row (a 1-dim tensor, or a row of a matrix at indent + 1); cut: " ..." between its first
    and last EDGE items."""
    data = cells[:_EDGE] + [" ..."] + cells[_EDGE:] if cut else cells
    per_line = max(1, math.floor((linewidth - indent) / (width + 2)))
    if len(data) <= per_line:
        return "[" + ", ".join(data) + "]"
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"
