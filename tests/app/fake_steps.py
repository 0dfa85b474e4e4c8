"""A hand-made StepTrace for the lesson example (fake_core.lesson_graph: x -> dot -> mul -> y), for
renderer and component tests that must not depend on the steps engine. The numbers are plain
PyTorch's for x = arange(4.0), y = 2 * dot(x, x), y.backward(), and the tangent direction
x = [0, 1, 0, 0] (checked against torch in tests/unit/test_render_steps.py)."""

from __future__ import annotations

import numpy as np

from autogradlab.report import TensorSnapshot
from autogradlab.step_records import (
    Contribution,
    ForwardStep,
    ModeCost,
    ReverseStep,
    StepTrace,
    TangentStep,
    TangentTrace,
)

LINE4 = 4


def snap(tid: int, value, summary: str) -> TensorSnapshot:
    value = np.asarray(value, dtype=np.float32)
    return TensorSnapshot(id=tid, shape=tuple(value.shape), dtype="float32", value=value, summary=summary)


X = np.arange(4.0)
DIRECTION = np.array([0.0, 1.0, 0.0, 0.0])


def lesson_trace(*, backward: bool = True, tangent: bool = True) -> StepTrace:
    forward = (
        ForwardStep(0, "n1", "dot", None, LINE4, ("n0", "n0"), snap(1, 14.0, "14."), "d = x · x"),
        ForwardStep(1, "n2", "mul", "y", LINE4, ("n1",), snap(2, 28.0, "28."), "y = 2 · d"),
    )
    one, two, grad = snap(9, 1.0, "1."), snap(10, 2.0, "2."), snap(11, 4 * X, "[0., 4., 8., 12.]")
    reverse = (
        ReverseStep(0, "n2", "MulBackward0", "y", LINE4, one, (Contribution(None, one),),
                    (("n1", two),), "∂/∂a = ḡ·b", "1 · 2 = 2"),
        ReverseStep(1, "n1", "DotBackward0", None, LINE4, two, (Contribution("n2", two),),
                    (("n0", snap(12, 2 * X, "[0., 2., 4., 6.]")),) * 2,
                    "∂/∂a = ḡ·b,  ∂/∂b = ḡ·a", "2 · x"),
        ReverseStep(2, "n0", "AccumulateGrad", "x", 2, grad,
                    (Contribution("n1", snap(12, 2 * X, "[0., 2., 4., 6.]")),
                     Contribution("n1", snap(12, 2 * X, "[0., 2., 4., 6.]"))),
                    (), "x.grad += ḡ", "None + [0., 4., 8., 12.]", None, grad),
    ) if backward else ()
    trace = TangentTrace(
        direction=(("x", snap(20, DIRECTION, "[0., 1., 0., 0.]")),),
        entries=(TangentStep(0, "n1", None, LINE4, snap(21, 2.0, "2."), "ḋ = ẋ·x + x·ẋ", "2 · (x · ẋ) = 2"),
                 TangentStep(1, "n2", "y", LINE4, snap(22, 4.0, "4."), "ẏ = 2 · ḋ", "2 · 2 = 4")),
        output_tangent=snap(22, 4.0, "4."), vjp=snap(23, 4.0, "4."),
    ) if tangent else None
    cost = ModeCost(n_inputs=4, m_outputs=1, forward_passes=4, reverse_passes=1, forward_pass_ms=0.2,
                    reverse_pass_ms=0.3, saved_bytes=16, tangent_extra_bytes=32)
    return StepTrace(backward_line=5 if backward else None, backward_var="y" if backward else None,
                     forward=forward, reverse=reverse, tangent=trace, cost=cost)
