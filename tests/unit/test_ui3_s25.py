"""Session 25's look (ui3): a small Jacobian's numbers are written in its heatmap cells (up to
CELL_TEXT_MAX × CELL_TEXT_MAX, the size of the exact LaTeX matrix), larger in presentation mode and
in the downloaded files; PyTorch's own jacobian is the oracle of the numbers."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.autograd.functional import jacobian

from autogradlab.engine.run import run_program
from autogradlab.render import heatmap
from autogradlab.render.plotly_export import figure_bytes

LESSON = ("import torch\nfrom torch.autograd.functional import jacobian\n"
          "def f(x):\n    return torch.stack([x[0] ** 2 * x[1], 5 * x[0] + torch.sin(x[1])])\n"
          "x = torch.tensor([1.0, 2.0])\nJ = jacobian(f, x)\n")


def square(n: int) -> str:
    return (f"import torch\nfrom torch.autograd.functional import jacobian\n"
            f"x = torch.linspace(-1.0, 1.0, {n})\nJ = jacobian(lambda v: torch.tanh(v) * v.sum(), x)\n")


def lesson_record():
    return run_program(LESSON).jacobians[0]


def test_a_lessons_2x2_jacobian_has_pytorchs_numbers_in_its_cells():
    fig = heatmap.jacobian_figure(lesson_record())
    heat = fig.data[0]
    expected = jacobian(lambda x: torch.stack([x[0] ** 2 * x[1], 5 * x[0] + torch.sin(x[1])]),
                        torch.tensor([1.0, 2.0]))
    assert heat.texttemplate == "%{text}"
    assert [list(row) for row in heat.text] == [[f"{float(v):.3g}" for v in row] for row in expected]
    assert [list(row) for row in heat.text] == [["4", "1"], ["5", "-0.416"]]
    assert heat.textfont.size == 18


@pytest.mark.parametrize("n,written", [(heatmap.CELL_TEXT_MAX, True), (heatmap.CELL_TEXT_MAX + 1, False)])
def test_numbers_up_to_the_limit_and_none_above(n, written):
    record = run_program(square(n)).jacobians[0]
    heat = heatmap.jacobian_figure(record).data[0]
    assert (heat.text is not None) is written
    if written:
        assert heat.textfont.size == 11 and len(heat.text) == n
        assert heat.text[n - 1][0] == f"{float(np.asarray(record.matrix)[n - 1, 0]) + 0.0:.3g}"


def test_no_negative_zero_and_exponents_stay_short():
    assert heatmap.cell_text(np.array([[-0.0, 1.23456e-5], [1e6, -2.5]])) == [["0", "1.23e-05"],
                                                                             ["1e+06", "-2.5"]]


def test_presentation_mode_enlarges_the_numbers():
    from components import present

    fig = present.enlarge(heatmap.jacobian_figure(lesson_record()))
    assert fig.data[0].textfont.size == round(18 * present.CELL_TEXT_GROWTH)


def test_the_downloaded_svg_has_the_numbers():
    try:
        svg = figure_bytes(heatmap.jacobian_figure(lesson_record()), "svg").decode()
    except RuntimeError as exc:   # no kaleido / Chromium on this machine
        pytest.skip(str(exc))
    for number in ("4", "1", "5", "-0.416"):
        assert f">{number}</text>" in svg.replace("−", "-"), number


STEPS = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\n"
         "w = torch.tensor(3.0, requires_grad=True)\ny = torch.sin(x * w) + x * x\ny.backward()\n")


def _class_name_sizes(svg: str) -> set[str]:
    import re

    return set(re.findall(r'font-size="([\d.]+)"[^>]*>MulBackward0<', svg))


@pytest.mark.parametrize("fold", [False, True])
def test_presentation_modes_steps_drawing_has_larger_class_names(fold):
    from autogradlab.render import export
    from autogradlab.render.legend import PRESENT_SMALL_SIZE, SMALL_SIZE
    from autogradlab.render.steps import step_layout

    graph = run_program(STEPS).graph
    usual = step_layout(graph, fold=fold)
    larger = step_layout(graph, fold=fold, small_size=PRESENT_SMALL_SIZE)
    assert usual == step_layout(graph, fold=fold, small_size=SMALL_SIZE)     # normal mode: unchanged
    assert f'POINT-SIZE="{SMALL_SIZE}" ' not in larger.dot
    back = larger.dot.replace(f'POINT-SIZE="{PRESENT_SMALL_SIZE}" ', f'POINT-SIZE="{SMALL_SIZE}" ')
    assert back == usual.dot
    assert (larger.owner, larger.fills) == (usual.owner, usual.fills)
    assert _class_name_sizes(export.svg_for_web(usual.dot)) == {f"{SMALL_SIZE:.2f}"}
    assert _class_name_sizes(export.svg_for_web(larger.dot)) == {f"{PRESENT_SMALL_SIZE:.2f}"}
