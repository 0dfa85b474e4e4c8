"""The Steps page's leaf picker (tangent mode): the leaves a direction can be given to, as the graph
labels them (`w`, or `layers[0].w` for a leaf a list, dict or object holds); picking one writes its
first element's direction (e₁, `layers[0].w=[1,0,0]`) into the direction field, so the link carries it.

A leaf whose e₁ would not fit in a link's parameter (links.MAX_PARAM_CHARS) is not offered: its
direction can still be typed, and the empty field's default direction may still be its e₁.
"""

from __future__ import annotations

import math

import streamlit as st

from autogradlab import links as core
from autogradlab.leaf_paths import seedable
from autogradlab.report import Report
from components import state
from components.i18n import t


def e1_text(name: str, shape: tuple[int, ...]) -> str | None:
    """`name=VALUES` with a 1 in the leaf's first element and 0 elsewhere; None for an empty leaf or
    one whose text would be longer than a link parameter may be (each element takes two characters
    or more: refused before the list is built)."""
    n = math.prod(shape)
    if n == 0 or 2 * n + len(name) > core.MAX_PARAM_CHARS:
        return None
    flat: list = [1] + [0] * (n - 1)
    for size in reversed(shape[1:]):
        flat = [flat[i:i + size] for i in range(0, len(flat), size)]
    text = core.format_direction(name, flat if shape else 1)
    return text if len(text) <= core.MAX_PARAM_CHARS else None


def _picked(texts: dict[str, str]) -> None:
    name = st.session_state.get(state.STEPS_DIRECTION_LEAF)
    if name in texts:
        st.session_state[state.STEPS_DIRECTION] = texts[name]


def leaf_picker(report: Report, mode: str) -> None:
    """Tangent mode: pills of the leaves a direction can be given to; the one given now is selected."""
    if mode != "tangent" or report.graph is None or report.steps is None:
        return
    texts = {name: text for name, shape in seedable(report.graph.nodes)
             if (text := e1_text(name, shape)) is not None}
    if not texts:
        return
    tangent = report.steps.tangent
    given = tangent.direction[0][0] if tangent is not None and tangent.direction else None
    st.session_state[state.STEPS_DIRECTION_LEAF] = given if given in texts else None
    st.pills(t("steps.direction_leaves"), list(texts), key=state.STEPS_DIRECTION_LEAF,
             on_change=_picked, args=(texts,), help=t("steps.direction_leaves_help"))
