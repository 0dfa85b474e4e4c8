"""Which way a graph is drawn on a projector: bottom-to-top (the usual) or left-to-right.

A 16:9 presentation area is wide and short; a chain of ops drawn bottom-to-top is tall and narrow, so
fitted whole its text shrank to 7-8 px at 1280x720 (a 6-op chain; the seeds' autograd examples in
Chinese, whose labels are taller, to ~9 px). Drawn left-to-right the same graph fills the width. The
choice is made from graphviz's own sizes of both drawings (points), fitted into the smallest
projector's area (1280x720: about 900x506 CSS px for the graph) with the view's size cap: the usual
bottom-to-top layout stays unless it is drawn below the readable scale there and left-to-right draws
the text at least GAIN times larger.
"""

from __future__ import annotations

import re

AREA_PX = (900.0, 506.0)   # the graph's 16:9 area at 1280x720 in presentation mode (measured)
MAX_SCALE = 1.15           # components/svg_view.PRESENT_MAX_SCALE: CSS px per pt never exceeded
GAIN = 1.15                # left-to-right must be this much larger to be worth a different shape
READABLE = 0.85            # components/svg_view.PRESENT_MIN_SCALE: a drawing fitted at this scale or more
                           # keeps its usual shape (the lesson's 5-node graph: at 1920x1080 both shapes
                           # reach MAX_SCALE, and left to right only filled less of the area)
USUAL, ACROSS = "BT", "LR"

_WIDTH = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"')
_HEIGHT = re.compile(r'<svg[^>]*?\sheight="([\d.]+)pt"')


def svg_size_pt(svg: str) -> tuple[float, float] | None:
    """Graphviz's drawing size in points (`width="471pt" height="562pt"`), or None."""
    width, height = _WIDTH.search(svg), _HEIGHT.search(svg)
    if width is None or height is None:
        return None
    return float(width.group(1)), float(height.group(1))


def fitted_scale(size: tuple[float, float], area: tuple[float, float] = AREA_PX,
                 cap: float = MAX_SCALE) -> float:
    """CSS px per pt of a drawing of `size` fitted whole into `area`, never above `cap`."""
    width, height = size
    if width <= 0 or height <= 0:
        return 0.0
    return min(area[0] / width, area[1] / height, cap)


def best_rankdir(usual: tuple[float, float] | None, across: tuple[float, float] | None) -> str:
    """USUAL unless it fits the area below READABLE and the ACROSS drawing at least GAIN times larger."""
    if usual is None or across is None or fitted_scale(usual) >= READABLE:
        return USUAL
    return ACROSS if fitted_scale(across) >= GAIN * fitted_scale(usual) else USUAL
