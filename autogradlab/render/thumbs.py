"""Small figures for the gallery's cards: which figure an example's card shows, and a matrix heatmap
as plain SVG (a few hundred bytes, no plotly: forty cards load at once).

Pure: the card takes a Report (from the sandbox) and the entry's page; the Graph-page drawing of a
graph goes through the usual DOT -> graphviz path in the UI (cached there).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from autogradlab.report import Report

MAX_CELLS = 12            # rows and columns drawn at most (the rest is cut: a thumbnail, not data)
NUMBERS_UP_TO = 6         # cells per side that still get their number written in
CELL_PX = 22


@dataclass(frozen=True)
class Thumb:
    kind: str                          # "graph" | "matrix" | "error" | "none"
    matrix: np.ndarray | None = None   # "matrix": the values to draw
    label: str = ""                    # what the figure is: "J (4×4)", "B", "y"
    message: str = ""                  # "error": the program's error message


def _as_matrix(values: object) -> np.ndarray | None:
    try:
        array = np.asarray(values)
    except (TypeError, ValueError):
        return None
    if array.dtype == bool:
        array = array.astype(float)
    if not np.issubdtype(array.dtype, np.number) or np.iscomplexobj(array) or array.size == 0:
        return None
    array = array.astype(float)
    if array.ndim == 0:
        return array.reshape(1, 1)
    if array.ndim == 1:
        return array.reshape(1, -1)
    return array.reshape(-1, array.shape[-1])


def _last_tensor(report: Report) -> tuple[str, np.ndarray] | None:
    for name, value in reversed(list(report.variables.items())):
        if getattr(value, "kind", "") == "tensor":
            matrix = _as_matrix(getattr(value, "value", None))
            if matrix is not None:
                return name, matrix
    return None


def choose(report: Report, page: str, params: dict[str, str] | None = None) -> Thumb:
    """The figure a card shows: the Jacobian for a Jacobian example, the matrix for an Eigen one,
    else the autograd graph, else the last tensor the program made as a heatmap."""
    if report.error is not None:
        return Thumb("error", message=report.error.message)
    if page == "jacobian" and report.jacobians:
        matrix = np.asarray(report.jacobians[0].matrix, dtype=float)
        return Thumb("matrix", matrix, f"J ({matrix.shape[0]}×{matrix.shape[1]})")
    var = (params or {}).get("var")
    if page == "eigen" and var in report.variables:
        matrix = _as_matrix(getattr(report.variables[var], "value", None))
        if matrix is not None:
            return Thumb("matrix", matrix, var)
    if report.graph is not None and report.graph.nodes:
        return Thumb("graph", label=report.graph.output_label or report.graph.output or "")
    last = _last_tensor(report)
    if last is not None:
        return Thumb("matrix", last[1], last[0])
    return Thumb("none")


def _colour(value: float, scale: float) -> str:
    """Blue for negative, white for zero, orange for positive (readable on a projector)."""
    t = 0.0 if scale == 0 else max(-1.0, min(1.0, value / scale))
    low, high = (255, 255, 255), ((230, 120, 30) if t >= 0 else (40, 100, 200))
    r, g, b = (round(a + (z - a) * abs(t)) for a, z in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() and abs(value) < 1e5 else f"{value:.2g}"


def heatmap_svg(matrix: np.ndarray, *, cell: int = CELL_PX) -> str:
    """A matrix as coloured cells (numbers written in when it is small), at most MAX_CELLS a side."""
    values = np.asarray(matrix, dtype=float)[:MAX_CELLS, :MAX_CELLS]
    rows, cols = values.shape
    finite = values[np.isfinite(values)]
    scale = float(np.abs(finite).max()) if finite.size else 0.0
    write = rows <= NUMBERS_UP_TO and cols <= NUMBERS_UP_TO
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{cols * cell}" height="{rows * cell}" '
             f'viewBox="0 0 {cols * cell} {rows * cell}" role="img">']
    for i in range(rows):
        for j in range(cols):
            value = values[i, j]
            fill = _colour(value, scale) if np.isfinite(value) else "#bbbbbb"
            parts.append(f'<rect x="{j * cell}" y="{i * cell}" width="{cell}" height="{cell}" '
                         f'fill="{fill}" stroke="#ffffff" stroke-width="1"/>')
            if write:
                parts.append(f'<text x="{j * cell + cell / 2}" y="{i * cell + cell * 0.68}" font-size="9" '
                             f'text-anchor="middle" font-family="sans-serif" fill="#222">'
                             f'{html.escape(_number(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
