"""The frame index gives every frame exactly the view step_frames.frame_view gives (it only does
the walking once), on lesson-sized and folded loop programs, in all three modes, with a group open."""

from __future__ import annotations

import pytest

from autogradlab.render.frame_index import FrameIndex
from autogradlab.render.step_frames import MODES, frame_view, frames, mode_steps
from autogradlab.render.steps import step_layout

FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")
MLP = ("import torch\nW = torch.randn(3, 4, requires_grad=True)\nx = torch.randn(4)\nh = torch.tanh(W @ x)\n"
       "loss = (h * h).sum()\nloss.backward()\n")
LOOP = ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(40):\n"
        "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n")


@pytest.mark.parametrize(("source", "fold", "opened"), [
    (FAN_OUT, False, ()), (MLP, False, ()), (LOOP, True, ()), (LOOP, True, ("fold1",)), (LOOP, False, ()),
])
def test_every_frame_view_equals_frame_views(source, fold, opened):
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    report = run_program(source, steps=StepOptions())
    assert report.error is None, report.error
    layout = step_layout(report.graph, fold=fold, expanded=opened)
    for mode in MODES:
        steps = mode_steps(report.steps, mode)
        if not steps:
            continue
        all_frames = frames(steps, layout.owner, layout.counts)
        index = FrameIndex(report.graph, report.steps, mode, layout.owner, all_frames)
        for k in range(len(all_frames)):
            expected = frame_view(report.graph, report.steps, mode, layout.owner, all_frames, k)
            assert index.view(k) == expected, (mode, k)
