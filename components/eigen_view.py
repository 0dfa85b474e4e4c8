"""The Eigen page's figure, words and table for one analysed matrix.

The 2-D picture lives in a fragment: moving the probe or switching the view reruns only the fragment
(the matrix inputs and the analysis are not touched) and resends one small figure (~10 kB).
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from autogradlab.engine.eigen import EigenAnalysis, analyse, power_iteration
from autogradlab.engine.eigen_words import KIND_TITLES, describe, fmt, polar, vec
from autogradlab.render import eigen_plot
from components import eigen_input, links, present, state

VIEWS = ("Picture", "Power iteration", "Animation I → A")
FIGURE_KEY = "eigen_figure"


def _config() -> dict:
    fmt_ = st.session_state.get(state.EIGEN_EXPORT) or "png"
    return {"displaylogo": False, "toImageButtonOptions": {"format": fmt_, "filename": _file_name(),
                                                           **eigen_plot.SLIDE, "scale": 1}}


def _file_name() -> str:
    """`matrix-2-1-2-3-eigen` for typed numbers; the program's name for a matrix from the program."""
    from autogradlab.render.figure_names import slugify

    if st.session_state.get(state.EIGEN_SOURCE, state.EIGEN_SOURCES[0]) != state.EIGEN_SOURCES[0]:
        return f"{present.slug()}-eigen"
    last = st.session_state.get(state.EIGEN_LAST_GOOD) or ""
    return f"{slugify('matrix ' + last.replace('-', ' minus '), 60) or 'matrix'}-eigen"


def _probe_words(an: EigenAnalysis, v: np.ndarray) -> str:
    on, lam = eigen_plot.probe_state(an, v)
    av = an.matrix @ v
    if on:
        return f":green[**v is on an eigen-direction: Av = {fmt(lam)}·v**] — A only stretches it."
    if not np.any(np.abs(av) > 1e-12):
        return ":green[**Av = 0 = 0·v**]: v lies in the direction A collapses."
    turn = math.degrees(math.atan2(v[0] * av[1] - v[1] * av[0], float(v @ av)))
    return (f":red[**Av leaves v's line**]: A turns v by {fmt(turn)}° and scales it by "
            f"{fmt(float(np.linalg.norm(av)))}.")


def _snap_buttons(an: EigenAnalysis) -> None:
    directions = an.real_directions[:4]
    if not directions:
        return
    cols = st.columns(len(directions))
    for col, (i, (lam, e)) in zip(cols, enumerate(directions), strict=True):
        angle = math.degrees(math.atan2(e[1], e[0])) % 360
        col.button(f"v → eigen-direction λ = {fmt(lam)}", key=f"eigen_snap_{i}",
                   on_click=_set_angle, args=(round(angle * 2) / 2,))


def _set_angle(angle: float) -> None:
    st.session_state[state.EIGEN_ANGLE] = angle


@st.fragment
def plane(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    view = st.radio("View", VIEWS, key=state.EIGEN_VIEW, horizontal=True, label_visibility="collapsed")
    angle = st.slider("Probe v: angle (degrees)", 0.0, 360.0, step=0.5, key=state.EIGEN_ANGLE)
    _snap_buttons(an)
    v = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    v = np.where(np.abs(v) < 1e-12, 0.0, v)
    links.sync(None, None, v=f"{fmt(v[0], 4)},{fmt(v[1], 4)}".replace("−", "-"))
    eigen_input.remember_link()
    title = f"A = {rows_text(rows)}"
    if view == VIEWS[2]:
        fig = eigen_plot.animation_figure(an, v, title)
    else:
        power = power_iteration(an, start=v) if view == VIEWS[1] else None
        fig = eigen_plot.plane_figure(an, v, power, title)
    st.plotly_chart(present.figure(fig), key=FIGURE_KEY, config=_config(), width="stretch")
    st.markdown(_probe_words(an, v))
    if view == VIEWS[1]:
        _power_words(an, v)


def _power_words(an: EigenAnalysis, start: np.ndarray | None = None) -> None:
    power = power_iteration(an, start=start)
    verdict = "converges" if power.converges else "does not converge"
    st.markdown(f"**Power iteration {verdict}** ({power.iterations} steps from v): {power.why}.")


def rows_text(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt(x, 4) for x in r) + "]" for r in rows) + "]"


def space(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    fig = eigen_plot.space_figure(an, f"A = {rows_text(rows)}")
    st.plotly_chart(present.figure(fig), key=FIGURE_KEY, config=_config(), width="stretch")
    _power_words(an)


def words(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    flags = [f for f, on in (("symmetric", an.symmetric), ("singular", an.singular)) if on]
    st.subheader(KIND_TITLES[an.kind] + (f" · {', '.join(flags)}" if flags else ""))
    with st.container(key="eigen_words"):
        for line in describe(an):
            st.markdown("- " + line)
    table = []
    for s in an.spaces:
        r, deg = polar(s.value)
        for k, e in enumerate(s.vectors or (None,)):
            table.append({"λ": fmt(s.value, 4), "|λ|": fmt(r, 4),
                          "angle": f"±{fmt(deg)}°" if not s.is_real else "",
                          "multiplicity": f"{s.multiplicity} ({len(s.vectors)} dir.)" if k == 0 else "",
                          "eigenvector": vec(e, 4) if e is not None else "—"})
    with st.container(key="eigen_table"):
        st.table(table)
    st.radio("Camera button saves", ("png", "svg"), key=state.EIGEN_EXPORT, horizontal=True,
             format_func=lambda f: f"{f.upper()} (1920×1080, 16:9)")
