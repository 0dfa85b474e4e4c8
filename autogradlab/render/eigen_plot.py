"""Plotly figures for the Eigen page, built as plain dicts from plain arrays (no Streamlit, no torch).

Plain dicts (not go.Figure) keep building fast; coordinates are rounded to 4 decimals so a rerun
that only moves the probe sends a few kilobytes. Every 2-D figure has equal axis scales
(scaleanchor), so a rotation looks like a rotation.
"""

from __future__ import annotations

import math

import numpy as np

from autogradlab.engine.eigen import EigenAnalysis, PowerIteration
from autogradlab.engine.eigen_words import fmt

GRID = 2                       # grid lines at -2..2 in the domain
GREEN, RED, BLUE, GREY = "#2ca02c", "#d62728", "#1f77b4", "#b0b0b0"
ORANGE, PURPLE = "#ff7f0e", "#9467bd"
PROBE_TOL_DEG = 0.5            # the probe is "on" an eigen-direction within half a slider step
FRAMES = 24
SLIDE = {"width": 1920, "height": 1080}   # 16:9 for a slide
CIRCLE = np.linspace(0.0, 2 * math.pi, 97)


def _r(values: np.ndarray) -> list:
    return [None if v is None or not math.isfinite(v) else round(float(v), 4) for v in values]


def _segments(pairs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for p, q in pairs:
        xs += [p[0], q[0], None]
        ys += [p[1], q[1], None]
    return _r(xs), _r(ys)


def _grid_pairs(m: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    ks = range(-GRID, GRID + 1)
    lines = [(np.array([k, -GRID]), np.array([k, GRID])) for k in ks]
    lines += [(np.array([-GRID, k]), np.array([GRID, k])) for k in ks]
    return [(m @ p, m @ q) for p, q in lines]


def _line(x: list, y: list, color: str, name: str, *, width: float = 1.5, dash: str = "solid",
          group: str | None = None, show: bool = True, hover: str = "skip") -> dict:
    return {"type": "scatter", "mode": "lines", "x": x, "y": y, "name": name, "showlegend": show,
            "line": {"color": color, "width": width, "dash": dash}, "hoverinfo": hover,
            "legendgroup": group or name}


def _arrow(v: np.ndarray, color: str, name: str, *, width: float = 3, text: str = "",
           show: bool = True, place: str = "top right") -> dict:
    """An arrow from the origin (marker 'arrow' pointing along the segment); `place`: its label's
    side of the tip (Ae₁ below right, Ae₂ above left: with Av all "top right", the three labels
    of the lesson's matrix at the default probe overlapped, session 23's look)."""
    return {"type": "scatter", "mode": "lines+markers+text" if text else "lines+markers",
            "x": _r([0.0, v[0]]), "y": _r([0.0, v[1]]), "name": name, "showlegend": show,
            "text": ["", text], "textposition": place, "textfont": {"color": color, "size": 14},
            "line": {"color": color, "width": width},
            "marker": {"symbol": "arrow", "size": [0, 13], "angleref": "previous", "color": color},
            "hovertemplate": f"{name}: (%{{x}}, %{{y}})<extra></extra>"}


def probe_state(an: EigenAnalysis, v: np.ndarray) -> tuple[bool, float | None]:
    """(on an eigen-direction, λ there): v and Av on one line, within PROBE_TOL_DEG."""
    v = v / np.linalg.norm(v)
    for lam, e in an.real_directions:
        cos = abs(float(np.dot(v, e)))
        if math.degrees(math.acos(min(1.0, cos))) <= PROBE_TOL_DEG:
            return True, lam
    return False, None


def view_range(an: EigenAnalysis) -> float:
    corners = np.array([[GRID, GRID], [GRID, -GRID], [-GRID, GRID], [-GRID, -GRID]], dtype=float)
    reach = max(float(np.max(np.abs(corners @ an.matrix.T))), float(GRID))
    return 1.1 * reach


def _layout(an: EigenAnalysis, title: str) -> dict:
    r = view_range(an)
    axis = {"range": [-r, r], "zeroline": True, "zerolinecolor": "#888", "gridcolor": "#eee"}
    return {"title": {"text": title}, "xaxis": {**axis, "constrain": "domain"},
            "yaxis": {**axis, "scaleanchor": "x", "scaleratio": 1, "constrain": "domain"},
            "legend": {"orientation": "h", "y": -0.08}, "margin": {"l": 40, "r": 20, "t": 50, "b": 40},
            "height": 620, "plot_bgcolor": "white", "uirevision": "eigen"}


def _static_traces(an: EigenAnalysis, m: np.ndarray) -> list[dict]:
    """Everything that depends on the matrix m (the identity for the first animation frame)."""
    grid_x, grid_y = _segments(_grid_pairs(m))
    ellipse = m @ np.vstack([np.cos(CIRCLE), np.sin(CIRCLE)])
    return [
        _line(grid_x, grid_y, "#9ecae1", "grid under A", width=1),
        _line(_r(ellipse[0]), _r(ellipse[1]), BLUE, "unit circle under A", width=2.5),
        _arrow(m[:, 0], ORANGE, "A·e₁", text="Ae₁", place="bottom right"),
        _arrow(m[:, 1], PURPLE, "A·e₂", text="Ae₂", place="top left"),
    ]


def _background(an: EigenAnalysis) -> list[dict]:
    gx, gy = _segments(_grid_pairs(np.eye(2)))
    traces = [_line(gx, gy, "#dddddd", "grid", width=1, show=False),
              _line(_r(np.cos(CIRCLE)), _r(np.sin(CIRCLE)), GREY, "unit circle", dash="dot"),
              _arrow(np.array([1.0, 0.0]), "#bbbbbb", "e₁", width=2, show=False),
              _arrow(np.array([0.0, 1.0]), "#bbbbbb", "e₂", width=2, show=False)]
    r = view_range(an) * 1.5
    for i, (lam, e) in enumerate(an.real_directions):
        x, y = _r([-r * e[0], r * e[0]]), _r([-r * e[1], r * e[1]])
        traces.append(_line(x, y, GREEN, f"eigen-direction λ = {fmt(lam)}", width=1.5, dash="dash",
                            group=f"eig{i}"))
    return traces


def _probe(an: EigenAnalysis, v: np.ndarray, m: np.ndarray) -> list[dict]:
    on, lam = probe_state(an, v)
    color = GREEN if on else RED
    av = m @ v
    label = f"Av = {fmt(lam)}·v" if on else "Av"
    return [_arrow(v, color, "v", width=3, text="v"), _arrow(av, color, label, width=5, text=label)]


def _power(power: PowerIteration, an: EigenAnalysis) -> list[dict]:
    """The normalised iterates A^k v/‖A^k v‖ as numbered arrows, in one trace (one validation)."""
    r = view_range(an) * 0.8
    xs: list = []
    ys: list = []
    sizes: list = []
    texts: list = []
    for k, v in enumerate(power.path):
        if not np.any(v):
            break
        xs += [0.0, v[0] * r, None]
        ys += [0.0, v[1] * r, None]
        sizes += [0, 11, 0]
        texts += ["", str(k), ""]
    return [{"type": "scatter", "mode": "lines+markers+text", "x": _r(xs), "y": _r(ys), "text": texts,
             "textposition": "top center", "name": "power iteration Aᵏv/‖Aᵏv‖",
             "line": {"color": "rgba(60,60,60,0.55)", "width": 1.5},
             "marker": {"symbol": "arrow", "size": sizes, "angleref": "previous",
                        "color": "rgba(60,60,60,0.8)"}, "hoverinfo": "skip"}]


def plane_figure(an: EigenAnalysis, v: np.ndarray, power: PowerIteration | None = None,
                 title: str = "") -> dict:
    """The lesson's picture: grid, circle → ellipse, basis, eigen-lines, probe v and Av (red/green)."""
    v = np.asarray(v, dtype=float)
    v = v / np.linalg.norm(v)
    data = _background(an) + _static_traces(an, an.matrix) + _probe(an, v, an.matrix)
    if power is not None:
        data += _power(power, an)
    return {"data": data, "layout": _layout(an, title)}


def animation_figure(an: EigenAnalysis, v: np.ndarray, title: str = "") -> dict:
    """Identity → A in FRAMES steps ((1−t)·I + t·A), with play/pause buttons."""
    v = np.asarray(v, dtype=float)
    v = v / np.linalg.norm(v)
    background = _background(an)
    first = len(background)
    steps = [(1 - t) * np.eye(2) + t * an.matrix for t in np.linspace(0.0, 1.0, FRAMES + 1)]
    frames = [{"name": str(i), "data": _static_traces(an, m) + _probe(an, v, m),
               "traces": list(range(first, first + 6))} for i, m in enumerate(steps)]
    layout = _layout(an, title)
    play = {"label": "▶ Play", "method": "animate",
            "args": [None, {"frame": {"duration": 60, "redraw": False}, "fromcurrent": True,
                            "transition": {"duration": 0}}]}
    pause = {"label": "❚❚ Pause", "method": "animate",
             "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}]}
    layout["updatemenus"] = [{"type": "buttons", "direction": "left", "x": 1.0, "y": 1.02,
                              "xanchor": "right", "yanchor": "bottom", "buttons": [play, pause],
                              "showactive": False}]
    layout["margin"]["b"] = 130
    layout["height"] += 60
    layout["sliders"] = [{"active": 0, "y": -0.16, "yanchor": "top", "currentvalue": {"prefix": "t = "},
                          "steps": [{"label": f"{i / FRAMES:.2f}", "method": "animate",
                                     "args": [[str(i)], {"mode": "immediate", "frame": {"duration": 0}}]}
                                    for i in range(FRAMES + 1)]}]
    return {"data": background + frames[0]["data"], "layout": layout, "frames": frames}


def space_figure(an: EigenAnalysis, title: str = "") -> dict:
    """3×3: the unit sphere (faint) and its image, an ellipsoid, with the real eigen-directions."""
    u, w = np.meshgrid(np.linspace(0, 2 * math.pi, 25), np.linspace(0, math.pi, 13))
    sphere = np.stack([np.cos(u) * np.sin(w), np.sin(u) * np.sin(w), np.cos(w)])
    image = np.tensordot(an.matrix, sphere, axes=1)

    def surface(p: np.ndarray, name: str, color: str, opacity: float) -> dict:
        return {"type": "surface", "x": np.round(p[0], 4).tolist(), "y": np.round(p[1], 4).tolist(),
                "z": np.round(p[2], 4).tolist(), "name": name, "showscale": False, "opacity": opacity,
                "colorscale": [[0, color], [1, color]], "hoverinfo": "skip", "showlegend": True}

    data = [surface(sphere, "unit sphere", GREY, 0.15), surface(image, "unit sphere under A", BLUE, 0.45)]
    r = max(1.0, float(np.max(np.abs(image)))) * 1.2
    for lam, e in an.real_directions:
        data.append({"type": "scatter3d", "mode": "lines", "x": _r([-r * e[0], r * e[0]]),
                     "y": _r([-r * e[1], r * e[1]]), "z": _r([-r * e[2], r * e[2]]),
                     "name": f"eigen-direction λ = {fmt(lam)}", "line": {"color": GREEN, "width": 6}})
    for j, color in enumerate((ORANGE, PURPLE, RED)):
        c = an.matrix[:, j]
        data.append({"type": "scatter3d", "mode": "lines+text", "x": _r([0, c[0]]), "y": _r([0, c[1]]),
                     "z": _r([0, c[2]]), "text": ["", f"Ae{'₁₂₃'[j]}"], "name": f"A·e{'₁₂₃'[j]}",
                     "line": {"color": color, "width": 5}})
    axis = {"range": [-r, r]}
    layout = {"title": {"text": title}, "height": 620, "margin": {"l": 0, "r": 0, "t": 50, "b": 0},
              "scene": {"xaxis": axis, "yaxis": axis, "zaxis": axis, "aspectmode": "cube"},
              "legend": {"orientation": "h"}, "uirevision": "eigen3d"}
    return {"data": data, "layout": layout}


def figure_for(an: EigenAnalysis, power: PowerIteration | None, v: np.ndarray | None = None) -> dict:
    if an.n == 3:
        return space_figure(an)
    return plane_figure(an, np.array([1.0, 0.0]) if v is None else v, power)


def export_figure(an: EigenAnalysis, power: PowerIteration, fmt_: str, lang: str = "en") -> bytes:
    """The figure as a 16:9 file: html always; png/svg through kaleido and a Chromium. The legend is
    in `lang` (render/eigen_legend.py)."""
    import plotly.graph_objects as go

    from autogradlab.render.eigen_legend import localize

    fig = go.Figure(localize(figure_for(an, power), lang))
    fig.update_layout(width=SLIDE["width"], height=SLIDE["height"])
    if fmt_ == "html":
        return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise RuntimeError(f"writing .{fmt_} needs the optional kaleido package (pip install kaleido); "
                           "use .html, or the camera button in the app") from None
    try:
        from autogradlab.render import kaleido_browser

        return kaleido_browser.to_image(fig, fmt_, SLIDE["width"], SLIDE["height"])
    except Exception as exc:  # kaleido drives a Chromium; none here (scripts/setup.sh test installs it)
        raise RuntimeError(f"writing .{fmt_} failed ({type(exc).__name__}: {str(exc)[:120]}); kaleido needs "
                           "a Chromium (apt-get install chromium); use .html meanwhile") from None
