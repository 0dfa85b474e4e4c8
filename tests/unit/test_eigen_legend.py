"""The Eigen plot's legend in Chinese (render/eigen_legend.py, issue 10): every trace name made of
words is said in the reader's language; math labels (A·e₁, v, Av = 4·v) and English stay as built."""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest

from autogradlab.engine.eigen import analyse, power_iteration
from autogradlab.render import eigen_legend, eigen_plot

WORD = re.compile(r"[A-Za-z]{3,}")   # 'grid', 'unit', 'eigen', 'power': a word, not a math label


def figures() -> list[tuple[str, dict]]:
    real = analyse([[2, 1], [2, 3]])
    rotation = analyse([[0.866, -0.5], [0.5, 0.866]])
    space = analyse([[2, 1, 0], [1, 2, 0], [0, 0, 3]])
    v = np.array([1.0, 2.0]) / 5**0.5
    return [("plane", eigen_plot.plane_figure(real, v)),
            ("power", eigen_plot.plane_figure(real, v, power_iteration(real, start=v))),
            ("rotation", eigen_plot.plane_figure(rotation, np.array([1.0, 0.0]))),
            ("animation", eigen_plot.animation_figure(real, v)),
            ("space", eigen_plot.space_figure(space))]


def names(fig: dict) -> list[str]:
    traces = list(fig["data"]) + [t for frame in fig.get("frames", []) for t in frame["data"]]
    return [t["name"] for t in traces if isinstance(t.get("name"), str)]


@pytest.mark.parametrize(("kind", "fig"), figures(), ids=[k for k, _ in figures()])
def test_every_worded_legend_entry_is_chinese_in_zh(kind, fig):
    english = names(fig)
    assert any(WORD.search(n) for n in english), english   # the figure has worded entries to say
    chinese = names(eigen_legend.localize(copy.deepcopy(fig), "zh"))
    assert len(chinese) == len(english)
    for en, zh in zip(english, chinese, strict=True):
        if WORD.search(en):
            assert not WORD.search(zh), (en, zh)
        else:
            assert zh == en                      # math labels are the same in every language


def test_the_eigenvalue_is_kept_in_the_direction_entry():
    plane = eigen_plot.plane_figure(analyse([[2, 1], [2, 3]]), np.array([1.0, 0.0]))
    fig = eigen_legend.localize(plane, "zh")
    assert {"特征方向 λ = 4", "特征方向 λ = 1"} <= set(names(fig))


def test_english_is_left_as_built():
    fig = eigen_plot.plane_figure(analyse([[2, 1], [2, 3]]), np.array([1.0, 0.0]))
    assert names(eigen_legend.localize(copy.deepcopy(fig), "en")) == names(fig)
