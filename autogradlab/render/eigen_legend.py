"""The Eigen plot's legend in the reader's language (issue 10).

render/eigen_plot.py names its traces in English (the `export` command and the tests read those
names); the page and its downloads rename them for the reader. Only the legend's words change; the
math labels (A·e₁, v, Av = λ·v) are the same in every language.
"""

from __future__ import annotations

import re

from autogradlab import messages

_FIXED = {
    "grid": "eigen.legend_grid",
    "grid under A": "eigen.legend_grid_under_a",
    "unit circle": "eigen.legend_circle",
    "unit circle under A": "eigen.legend_circle_under_a",
    "unit sphere": "eigen.legend_sphere",
    "unit sphere under A": "eigen.legend_sphere_under_a",
    "power iteration Aᵏv/‖Aᵏv‖": "eigen.legend_power",
}
_DIRECTION = re.compile(r"eigen-direction λ = (?P<lam>.+)")


def _name(name: str, lang: str) -> str:
    key = _FIXED.get(name)
    if key is not None:
        return messages.text(lang, key)
    match = _DIRECTION.fullmatch(name)
    if match:
        return messages.text(lang, "eigen.legend_direction", lam=match["lam"])
    return name


def localize(fig: dict, lang: str) -> dict:
    """`fig` (plain dicts, frames included) with its trace names in `lang`; changed in place."""
    if messages.normalize(lang) == messages.DEFAULT_LANG:
        return fig
    for traces in [fig.get("data", [])] + [frame.get("data", []) for frame in fig.get("frames", [])]:
        for trace in traces:
            if isinstance(trace.get("name"), str):
                trace["name"] = _name(trace["name"], lang)
    return fig
