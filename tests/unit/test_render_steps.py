"""The step drawing: one layout per program, recoloured and relabelled per step (render/steps.py),
and which node each step paints (render/step_frames.py). PyTorch is the oracle for the numbers."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

import fake_core  # noqa: E402
import fake_steps  # noqa: E402

from autogradlab.render import step_export  # noqa: E402
from autogradlab.render.export import render_dot, svg_for_web  # noqa: E402
from autogradlab.render.step_frames import Frame, frame_view, frames, mode_steps  # noqa: E402
from autogradlab.render.steps import CURRENT, PENDING, frame_dot, paint, step_layout, svg_template  # noqa: E402

FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")
_POINTS = re.compile(r'points="([^"]+)"')


def drawing(graph):
    layout = step_layout(graph, fold=False)
    return layout, svg_template(svg_for_web(layout.dot), layout.fills)


def painted(graph, trace, mode, k, layout, template) -> str:
    all_frames = frames(mode_steps(trace, mode), layout.owner)
    view = frame_view(graph, trace, mode, layout.owner, all_frames, k)
    return paint(template, view.looks, view.values, view.derivs)


def node_svg(svg: str, node_id: str) -> str:
    start = svg.index(f'<g id="{node_id}" class="node">')
    return svg[start:svg.index("</a>", start)]


def test_fake_trace_numbers_are_pytorchs():
    torch = pytest.importorskip("torch")
    x = torch.arange(4.0, requires_grad=True)
    d = torch.dot(x, x)
    d.retain_grad()
    y = 2 * d
    y.backward()
    assert d.item() == 14.0 and y.item() == 28.0 and float(d.grad) == 2.0
    assert x.grad.tolist() == fake_steps.lesson_trace().reverse[2].grad_after.value.tolist()
    with torch.autograd.forward_ad.dual_level():
        v = torch.tensor(fake_steps.DIRECTION).float()
        xd = torch.autograd.forward_ad.make_dual(torch.arange(4.0), v)
        dd = torch.dot(xd, xd)
        yd = 2 * dd
        assert float(torch.autograd.forward_ad.unpack_dual(dd).tangent) == 2.0
        assert float(torch.autograd.forward_ad.unpack_dual(yd).tangent) == 4.0


def test_every_node_gets_a_shape_and_two_slots():
    graph = fake_core.lesson_graph()
    _, template = drawing(graph)
    assert template.node_ids == tuple(n.id for n in graph.nodes)
    for part in template.parts:
        if not isinstance(part, str):
            assert part.holes == ("shape", "value", "deriv")
            assert part.size is not None and part.fill not in ("", "white", "darkolivegreen1")


@pytest.mark.parametrize("mode", ["forward", "reverse", "tangent"])
def test_layout_never_moves_between_steps(mode):
    graph, trace = fake_core.lesson_graph(), fake_steps.lesson_trace()
    layout, template = drawing(graph)
    base = _POINTS.findall(paint(template, {}, {}, {}))
    n = len(frames(mode_steps(trace, mode), layout.owner))
    for k in range(n):
        assert _POINTS.findall(painted(graph, trace, mode, k, layout, template)) == base


def test_current_node_is_highlighted_and_later_ones_pending():
    graph, trace = fake_core.lesson_graph(), fake_steps.lesson_trace()
    layout, template = drawing(graph)
    svg = painted(graph, trace, "forward", 0, layout, template)
    assert f'stroke="{CURRENT[1]}" stroke-width="{CURRENT[2]}"' in node_svg(svg, "n1")
    assert f'fill="{PENDING[0]}"' in node_svg(svg, "n2")
    assert "= 14." in node_svg(svg, "n1") and "= 28." not in node_svg(svg, "n2")
    svg = painted(graph, trace, "forward", 1, layout, template)
    assert f'stroke="{CURRENT[1]}"' in node_svg(svg, "n2") and "= 28." in node_svg(svg, "n2")
    assert f'stroke="{CURRENT[1]}"' not in node_svg(svg, "n1")


def test_reverse_slots_show_adjoints_and_the_leaf_grad():
    graph, trace = fake_core.lesson_graph(), fake_steps.lesson_trace()
    layout, template = drawing(graph)
    svg = painted(graph, trace, "reverse", 2, layout, template)
    assert "ḡ 2." in node_svg(svg, "n1") and "ḡ 1." in node_svg(svg, "n2")
    assert "grad [0., 4., 8., 12.]" in node_svg(svg, "n0")
    assert "seed 1." in node_svg(svg, "n3")


def test_slot_text_is_escaped_and_cut():
    _, template = drawing(fake_core.lesson_graph())
    svg = paint(template, {}, {"n1": "<script>alert(1)</script>" * 3}, {})
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "…" in svg


def test_reverse_adjoint_at_fan_out_matches_torch():
    torch = pytest.importorskip("torch")
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    report = run_program(FAN_OUT, steps=StepOptions())
    graph, trace = report.graph, report.steps
    x = torch.tensor(2.0, requires_grad=True)
    b = x * x
    d = (b + x) * b
    (grad_b,) = torch.autograd.grad(d, b)
    step = next(s for s in trace.reverse if s.var == "b")
    layout, template = drawing(graph)
    k = next(i for i, f in enumerate(frames(trace.reverse, layout.owner)) if f.first == step.index)
    svg = painted(graph, trace, "reverse", k, layout, template)
    assert f"ḡ {float(grad_b):g}." in node_svg(svg, step.node)
    assert f'stroke="{CURRENT[1]}"' in node_svg(svg, step.node)


def test_folded_steps_inside_one_summary_are_one_frame():
    steps = fake_steps.lesson_trace().forward + fake_steps.lesson_trace().forward
    owner = {"n1": "fold_1", "n2": "fold_1"}
    assert frames(steps, owner) == (Frame(0, 3, "fold_1"),)
    assert frames(steps, owner, {"fold_1": 2}) == (Frame(0, 1, "fold_1"), Frame(2, 3, "fold_1"))
    assert frames(steps, {}) == tuple(Frame(i, i, s.node) for i, s in enumerate(steps))


def test_big_loop_is_drawn_folded_and_steps_in_groups():
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    source = ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(300):\n"
              "    y = torch.sin(y) * 1.01\ny.backward()\n")
    report = run_program(source, steps=StepOptions())
    assert report.error is None, report.error
    layout = step_layout(report.graph, fold=True)
    assert layout.folded and len(set(layout.owner.values())) < 60
    template = svg_template(svg_for_web(layout.dot), layout.fills)
    assert set(template.node_ids) == set(layout.owner.values())
    all_frames = frames(report.steps.forward, layout.owner, layout.counts)
    assert 250 <= len(all_frames) <= 310                      # about one frame per loop iteration
    assert sum(f.count for f in all_frames) == len(report.steps.forward)


def test_frame_dot_keeps_box_sizes_so_frames_line_up():
    graph, trace = fake_core.lesson_graph(), fake_steps.lesson_trace()
    layout, template = drawing(graph)
    all_frames = frames(trace.reverse, layout.owner)
    sizes = set()
    for k in range(len(all_frames)):
        view = frame_view(graph, trace, "reverse", layout.owner, all_frames, k)
        dot = frame_dot(layout, template, view.looks, view.values, view.derivs)
        assert dot.count("fixedsize=true") == len(graph.nodes)
        png = render_dot(dot, "png")
        sizes.add(png[16:24])         # the PNG header's width and height
    assert len(sizes) == 1


def test_gif_export_has_one_frame_per_step():
    pil = pytest.importorskip("PIL.Image")
    graph, trace = fake_core.lesson_graph(), fake_steps.lesson_trace()
    layout, template = drawing(graph)
    all_frames = frames(trace.reverse, layout.owner)

    def dot_of(k: int) -> str:
        view = frame_view(graph, trace, "reverse", layout.owner, all_frames, k)
        return frame_dot(layout, template, view.looks, view.values, view.derivs)

    data = step_export.gif_of_frames(len(all_frames), dot_of)
    assert step_export.is_gif(data)
    assert pil.open(io.BytesIO(data)).n_frames == len(all_frames)


def test_sample_keeps_first_and_last():
    picked = step_export.sample(1000, 40)
    assert picked[0] == 0 and picked[-1] == 999 and len(picked) == 40
    assert step_export.sample(5) == [0, 1, 2, 3, 4]
    assert np.all(np.diff(picked) > 0)
