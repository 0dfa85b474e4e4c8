"""The Eigen page's matrix: typed numbers and presets, a link's `matrix`/`v`, or the user's program
(a 2×2/3×3 tensor variable, or the Jacobian of a 2→2 function at a point, run in the sandbox).

Returns rows (a tuple of tuples of floats) or None with a plain message; the page then keeps the last
good matrix. Nothing here imports torch.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import streamlit as st

from autogradlab import links as core
from autogradlab.engine import eigen_presets as presets
from autogradlab.engine.eigen import EigenInputError, to_matrix
from components import links, state
from components.i18n import t, worded

Rows = tuple[tuple[float, ...], ...]
PROBE_GRID_TOLERANCE_DEG = 0.005   # a link's `v` this close to a 0.5° step is that step (4 decimals: ±0.003°)
SLIDER_LIMIT = 3            # entry sliders span -3..3 (wider when an entry is larger)


@dataclass(frozen=True)
class Chosen:
    rows: Rows | None                 # None: nothing usable, `problem` says why
    problem: str | None = None
    source: str | None = None         # program text when the matrix came from a program
    seed: int | None = None
    var: str | None = None            # link parameters of the program sources
    fn: str | None = None
    at: str | None = None


def set_matrix(rows: Rows) -> None:
    """Write the entries into both widget sets (number inputs and sliders have their own keys)."""
    st.session_state[state.EIGEN_SIZE] = len(rows)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            st.session_state[state.EIGEN_CELL.format(i, j)] = float(value)
            st.session_state[state.EIGEN_SLIDER_CELL.format(i, j)] = float(value)


def _on_sliders() -> None:
    """Carry the entries over to the widgets being shown now."""
    to_sliders = bool(st.session_state.get(state.EIGEN_SLIDERS))
    source, target = ((state.EIGEN_CELL, state.EIGEN_SLIDER_CELL) if to_sliders
                      else (state.EIGEN_SLIDER_CELL, state.EIGEN_CELL))
    for i in range(3):
        for j in range(3):
            if source.format(i, j) in st.session_state:
                st.session_state[target.format(i, j)] = float(st.session_state[source.format(i, j)])


def init() -> None:
    if state.EIGEN_SIZE not in st.session_state:
        set_matrix(presets.DEFAULT.rows)
    st.session_state.setdefault(state.EIGEN_ANGLE, 30.0)
    st.session_state.setdefault(state.EIGEN_SOURCE, state.EIGEN_SOURCES[0])


def _signature() -> str:
    return "\0".join(str(st.query_params.get(k)) for k in ("matrix", "v", "var", "fn"))


def remember_link() -> None:
    """The URL now shows the inputs (written by links.sync): not a new link to load next run."""
    st.session_state[state.EIGEN_LINK] = _signature()


def apply_link() -> None:
    """A link's `matrix` and `v` go into the inputs once (when the URL brings new ones)."""
    matrix, v = st.query_params.get("matrix"), st.query_params.get("v")
    signature = _signature()
    if st.session_state.get(state.EIGEN_LINK) == signature:
        return
    st.session_state[state.EIGEN_LINK] = signature
    if "var" in st.query_params or "fn" in st.query_params:
        st.session_state[state.EIGEN_SOURCE] = state.EIGEN_SOURCES[2 if "fn" in st.query_params else 1]
    if matrix is not None:
        try:
            set_matrix(core.parse_matrix(matrix))
            st.session_state[state.EIGEN_SOURCE] = state.EIGEN_SOURCES[0]
        except core.LinkError as exc:
            links.warn(str(exc))
    if v is not None:
        try:
            values = core.parse_numbers("v", v)
            if len(values) not in (2, 3):
                raise core.LinkError(f"the link's `v` must have 2 numbers x,y, not {len(values)}")
            x, y = values[:2]
            if x == 0 and y == 0:
                raise core.LinkError("the link's `v` must not be the zero vector")
            angle = math.degrees(math.atan2(y, x)) % 360
            st.session_state[state.EIGEN_ANGLE] = round(angle * 2) / 2
            # Between the slider's 0.5° steps (v=1,0.3 is at 16.70°): drawn exactly (eigen_view.probe).
            # On a step (the app's own links, 4 decimals): the slider's vector, as before.
            off_grid = abs(angle * 2 - round(angle * 2)) / 2 > PROBE_GRID_TOLERANCE_DEG
            st.session_state[state.EIGEN_PROBE_LINK] = v.strip() if off_grid else None
        except core.LinkError as exc:
            links.warn(str(exc))


def _on_preset() -> None:
    preset = presets.BY_LABEL.get(st.session_state.get(state.EIGEN_PRESET) or "")
    if preset is not None:
        set_matrix(preset.rows)
        st.session_state[state.EIGEN_SOURCE] = state.EIGEN_SOURCES[0]


SOURCE_KEYS = ("eigen.source_numbers", "eigen.source_variable", "eigen.source_jacobian")


def _preset_name(label: str) -> str:
    preset = presets.BY_LABEL.get(label)
    return t(f"eigen.preset.{presets.PRESETS.index(preset)}") if preset is not None else label


def _numbers() -> Chosen:
    st.selectbox(t("eigen.preset"), [p.label for p in presets.PRESETS], index=None,
                 key=worded(state.EIGEN_PRESET), placeholder=t("eigen.preset_placeholder"),
                 on_change=_on_preset, format_func=_preset_name)
    n = st.segmented_control(t("eigen.size"), (2, 3), key=state.EIGEN_SIZE, format_func=lambda k: f"{k}×{k}",
                             persist_state=state.PERSIST)
    n = n or 2
    sliders = st.toggle(t("eigen.sliders"), key=state.EIGEN_SLIDERS, on_change=_on_sliders,
                        persist_state=state.PERSIST, help=t("eigen.sliders_help"))
    rows = []
    for i in range(n):
        cols = st.columns(n)
        row = []
        for j in range(n):
            key = (state.EIGEN_SLIDER_CELL if sliders else state.EIGEN_CELL).format(i, j)
            value = float(st.session_state.setdefault(key, 1.0 if i == j else 0.0))
            label = f"a{i + 1}{j + 1}"
            if sliders:
                limit = float(max(SLIDER_LIMIT, math.ceil(abs(value))))
                row.append(cols[j].slider(label, -limit, limit, step=0.05, key=key,
                                          persist_state=state.PERSIST))
            else:
                row.append(cols[j].number_input(label, key=key, step=0.1, format="%.4f",
                                                label_visibility="collapsed", persist_state=state.PERSIST))
        rows.append(tuple(float(x) for x in row))
    match = presets.matching(rows)
    if match is not None:
        st.caption(t(f"eigen.preset_line.{presets.PRESETS.index(match)}"))
    return _checked(tuple(rows))


def _checked(rows: object) -> Chosen:
    try:
        return Chosen(tuple(tuple(r) for r in to_matrix(rows).tolist()))
    except EigenInputError as exc:
        return Chosen(None, str(exc))


def show() -> Chosen:
    """Draw the matrix inputs; return the chosen matrix (or why there is none)."""
    source = st.radio(t("eigen.matrix_from"), state.EIGEN_SOURCES, key=worded(state.EIGEN_SOURCE),
                      horizontal=True, persist_state=state.PERSIST,
                      format_func=lambda s: t(SOURCE_KEYS[state.EIGEN_SOURCES.index(s)]))
    if source == state.EIGEN_SOURCES[0]:
        return _numbers()
    from components import eigen_program

    return eigen_program.show(source == state.EIGEN_SOURCES[2])


def as_json(rows: Rows) -> str:
    def num(x: float) -> float | int:
        return int(x) if float(x).is_integer() and abs(x) < 1e15 else float(x)

    return json.dumps([[num(x) for x in r] for r in rows], separators=(",", ":"))
