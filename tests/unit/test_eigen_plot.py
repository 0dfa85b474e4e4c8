"""The Eigen page's figures (plain dicts, valid plotly) and the matrix sources from a program."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from autogradlab.engine import eigen_sources as sources
from autogradlab.engine.eigen import EigenInputError, analyse, power_iteration
from autogradlab.engine.eigen_presets import PRESETS
from autogradlab.render import eigen_plot


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t["name"] == name)


def test_probe_is_green_on_an_eigen_direction_and_red_off_it():
    an = analyse([[2, 1], [2, 3]])
    on = eigen_plot.plane_figure(an, np.array([1.0, 2.0]))
    av = trace(on, "Av = 4·v")
    assert av["line"]["color"] == eigen_plot.GREEN
    assert av["x"][1] == pytest.approx(4 / 5**0.5, abs=1e-4)
    assert av["y"][1] == pytest.approx(8 / 5**0.5, abs=1e-4)
    off = eigen_plot.plane_figure(an, np.array([1.0, 0.0]))
    assert trace(off, "Av")["line"]["color"] == eigen_plot.RED
    assert trace(off, "v")["line"]["color"] == eigen_plot.RED


def test_axes_have_equal_scales_in_every_2d_figure():
    an = analyse([[3, 0], [0, 0.5]])
    v = np.array([1.0, 0.0])
    for fig in (eigen_plot.plane_figure(an, v), eigen_plot.animation_figure(an, v)):
        assert fig["layout"]["yaxis"]["scaleanchor"] == "x" and fig["layout"]["yaxis"]["scaleratio"] == 1
        assert fig["layout"]["xaxis"]["range"] == fig["layout"]["yaxis"]["range"]


def test_ellipse_is_the_image_of_the_unit_circle():
    m = np.array([[2.0, 1.0], [1.0, 2.0]])
    fig = eigen_plot.plane_figure(analyse(m), np.array([1.0, 0.0]))
    ellipse = trace(fig, "unit circle under A")
    points = np.array([ellipse["x"], ellipse["y"]])
    back = np.linalg.solve(m, points)
    assert np.allclose(np.linalg.norm(back, axis=0), 1, atol=1e-3)


def test_eigen_lines_only_for_real_directions():
    def names(m: list) -> list[str]:
        return [t["name"] for t in eigen_plot.plane_figure(analyse(m), np.array([1, 0.0]))["data"]]

    assert not any(n.startswith("eigen-direction") for n in names([[0, -1], [1, 0]]))
    assert sum(n.startswith("eigen-direction") for n in names([[2, 1], [1, 2]])) == 2


def test_animation_goes_from_identity_to_a():
    m = [[1, 1], [0, 1]]
    fig = eigen_plot.animation_figure(analyse(m), np.array([1.0, 0.0]))
    frames = fig["frames"]
    assert len(frames) == eigen_plot.FRAMES + 1
    first, last = frames[0]["data"], frames[-1]["data"]
    assert (first[2]["x"][1], first[2]["y"][1]) == (1, 0) and (first[3]["x"][1], first[3]["y"][1]) == (0, 1)
    assert (last[3]["x"][1], last[3]["y"][1]) == (1, 1)
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == ["▶ Play", "❚❚ Pause"]


def test_power_iteration_arrows_are_numbered():
    an = analyse([[2, 1], [2, 3]])
    fig = eigen_plot.plane_figure(an, np.array([1.0, 0.0]), power_iteration(an, iterations=5))
    power = trace(fig, "power iteration Aᵏv/‖Aᵏv‖")
    assert [t for t in power["text"] if t] == [str(k) for k in range(6)]


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.label)
def test_every_preset_figure_is_valid_plotly_and_small(preset):
    an = analyse(preset.rows)
    if an.n == 2:
        fig = eigen_plot.plane_figure(an, np.array([0.6, 0.8]), power_iteration(an))
        assert len(json.dumps(fig)) < 20_000, "a probe move must not resend a huge figure"
        go.Figure(eigen_plot.animation_figure(an, np.array([0.6, 0.8])))
    else:
        fig = eigen_plot.space_figure(an)
        assert sum(t["type"] == "surface" for t in fig["data"]) == 2
    go.Figure(fig)


def test_jacobian_program_gives_torch_jacobian():
    """The generated program, run in the sandbox, gives what torch's jacobian gives."""
    from autogradlab import sandbox

    source = "import torch\ndef f(p):\n    return torch.stack([p[0] * p[1], p[0] - p[1] ** 2])\n"
    assert sources.functions_in(source) == ["f"]
    report = sandbox.get_pool().run(sources.jacobian_program(source, "f", (1.5, -2.0)))
    ours = sources.matrix_from_report(report, sources.JACOBIAN_VAR)

    def f(p):
        return torch.stack([p[0] * p[1], p[0] - p[1] ** 2])

    expected = torch.autograd.functional.jacobian(f, torch.tensor([1.5, -2.0], dtype=torch.float64))
    assert np.allclose(ours, expected.numpy())


def test_matrix_variables_lists_square_small_tensors():
    from autogradlab import sandbox

    program = "import torch\nW = torch.ones(2, 2)\nB = torch.eye(3)\nx = torch.ones(3)\nR = torch.ones(2, 3)"
    report = sandbox.get_pool().run(program)
    assert sources.matrix_variables(report) == ["W", "B"]
    with pytest.raises(EigenInputError, match="shape"):
        sources.matrix_from_report(report, "R")
    with pytest.raises(EigenInputError, match="no variable"):
        sources.matrix_from_report(report, "Q")


def test_jacobian_program_refuses_bad_names_and_points():
    with pytest.raises(EigenInputError):
        sources.jacobian_program("", "f; import os", (0, 0))
    with pytest.raises(EigenInputError):
        sources.jacobian_program("", "f", (float("nan"), 0))
