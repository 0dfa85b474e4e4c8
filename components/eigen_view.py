"""The Eigen page's figure, words and table for one analysed matrix.

The 2-D picture lives in a fragment: moving the probe or switching the view reruns only the fragment
(the matrix inputs and the analysis are not touched) and resends one small figure (~10 kB).
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from autogradlab import links as core
from autogradlab.engine.eigen import EigenAnalysis, analyse, power_iteration
from autogradlab.engine.eigen_words import describe, fmt, kind_title, polar, vec
from autogradlab.render import eigen_legend, eigen_plot
from components import eigen_input, links, present, state
from components.i18n import current_lang, t, worded

VIEWS = ("Picture", "Power iteration", "Animation I → A")
VIEW_KEYS = ("eigen.view_picture", "eigen.view_power", "eigen.view_animation")
FIGURE_KEY = "eigen_figure"


def _config() -> dict:
    fmt_ = st.session_state.get(state.EIGEN_EXPORT) or "png"
    return {"displaylogo": False, "toImageButtonOptions": {"format": fmt_, "filename": _file_name(),
                                                           **eigen_plot.SLIDE, "scale": 1}}


def _downloads(fig: dict) -> None:
    from components import figure_export

    figure_export.downloads(lambda: fig, _file_name(), key="eigen_downloads")


def _chart(fig: dict) -> None:
    from components import present_fit

    if present.active():    # a wide 16:9 box: the legend beside the (square) plane, not under it
        fig = {**fig, "layout": {**fig["layout"], "legend": {"orientation": "v", "x": 1.02, "y": 1}}}
    with present_fit.box("eigen"):
        st.plotly_chart(present.figure(fig), key=FIGURE_KEY, config=_config(), width="stretch",
                        height=present.plot_height())


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
        return t("eigen.on_direction", lam=fmt(lam))
    if not np.any(np.abs(av) > 1e-12):
        return t("eigen.collapsed")
    turn = math.degrees(math.atan2(v[0] * av[1] - v[1] * av[0], float(v @ av)))
    return t("eigen.leaves_line", turn=fmt(turn), scale=fmt(float(np.linalg.norm(av))))


def _snap_buttons(an: EigenAnalysis) -> None:
    directions = an.real_directions[:4]
    if not directions:
        return
    cols = st.columns(len(directions))
    for col, (i, (lam, e)) in zip(cols, enumerate(directions), strict=True):
        angle = math.degrees(math.atan2(e[1], e[0])) % 360
        col.button(t("eigen.snap", lam=fmt(lam)), key=f"eigen_snap_{i}",
                   on_click=_set_angle, args=(round(angle * 2) / 2,))


def _set_angle(angle: float) -> None:
    st.session_state[state.EIGEN_ANGLE] = angle
    _drop_link_probe()


def _drop_link_probe() -> None:
    st.session_state[state.EIGEN_PROBE_LINK] = None


def probe(angle: float) -> tuple[np.ndarray, str]:
    """The probe vector and its `v` link text: a link's exact vector (`v=1,0.3` is at 16.70°, which
    the slider's 0.5° steps would round to 16.5°) until the slider or a snap button moves it."""
    text = st.session_state.get(state.EIGEN_PROBE_LINK)
    note = st.empty()   # always there: the figure keeps its place (and is not mounted anew) either way
    if text:
        try:
            x, y = core.parse_numbers("v", text)[:2]
            v = np.array([x, y], dtype=float) / math.hypot(x, y)
            note.caption(t("eigen.probe_from_link", x=fmt(x), y=fmt(y),
                         angle=fmt(math.degrees(math.atan2(y, x)) % 360, 4)))
            return v, text
        except (core.LinkError, ValueError, ZeroDivisionError):
            _drop_link_probe()
    v = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    v = np.where(np.abs(v) < 1e-12, 0.0, v)
    return v, f"{fmt(v[0], 4)},{fmt(v[1], 4)}".replace("−", "-")


@st.fragment
def plane(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    view = st.radio(t("eigen.view"), VIEWS, key=worded(state.EIGEN_VIEW), horizontal=True,
                    persist_state=state.PERSIST, label_visibility="collapsed",
                    format_func=lambda v: t(VIEW_KEYS[VIEWS.index(v)]))
    angle = st.slider(t("eigen.probe"), 0.0, 360.0, step=0.5, key=state.EIGEN_ANGLE,
                      persist_state=state.PERSIST, on_change=_drop_link_probe)
    v, v_text = probe(angle)
    _snap_buttons(an)
    links.sync(None, None, v=v_text)
    eigen_input.remember_link()
    title = f"A = {rows_text(rows)}"
    if view == VIEWS[2]:
        fig = eigen_plot.animation_figure(an, v, title)
    else:
        power = power_iteration(an, start=v) if view == VIEWS[1] else None
        fig = eigen_plot.plane_figure(an, v, power, title)
    fig = eigen_legend.localize(fig, current_lang())
    _chart(fig)
    _downloads(fig)
    st.markdown(_probe_words(an, v))
    if view == VIEWS[1]:
        _power_words(an, v)


def _power_words(an: EigenAnalysis, start: np.ndarray | None = None) -> None:
    power = power_iteration(an, start=start, lang=current_lang())
    key = "eigen.power_converges" if power.converges else "eigen.power_diverges"
    st.markdown(t(key, steps=power.iterations, why=power.why))


def rows_text(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt(x, 4) for x in r) + "]" for r in rows) + "]"


def space(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    fig = eigen_legend.localize(eigen_plot.space_figure(an, f"A = {rows_text(rows)}"), current_lang())
    _chart(fig)
    _downloads(fig)
    _power_words(an)


def words(rows: tuple[tuple[float, ...], ...]) -> None:
    an = analyse(rows)
    flags = [t(f) for f, on in (("eigen.symmetric_flag", an.symmetric), ("eigen.singular_flag", an.singular))
             if on]
    st.subheader(kind_title(an.kind, current_lang()) + (f" · {', '.join(flags)}" if flags else ""))
    with st.container(key="eigen_words"):
        for line in describe(an, current_lang()):
            st.markdown("- " + line)
    table = []
    for s in an.spaces:
        r, deg = polar(s.value)
        for k, e in enumerate(s.vectors or (None,)):
            table.append({"λ": fmt(s.value, 4), "|λ|": fmt(r, 4),
                          t("eigen.col_angle"): f"±{fmt(deg)}°" if not s.is_real else "",
                          t("eigen.col_multiplicity"): t("eigen.multiplicity", m=s.multiplicity,
                                                         d=len(s.vectors)) if k == 0 else "",
                          t("eigen.col_eigenvector"): vec(e, 4) if e is not None else "—"})
    with st.container(key="eigen_table"):
        st.table(table)
    st.radio(t("eigen.camera"), ("png", "svg"), key=state.EIGEN_EXPORT, horizontal=True,
             persist_state=state.PERSIST, format_func=lambda f: f"{f.upper()} (1920×1080, 16:9)")
