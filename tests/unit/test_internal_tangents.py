"""Tangent entries of the nodes PyTorch makes inside one call (unsqueeze and mm inside `vec @ mat`,
reciprocal inside `1 / x`), against torch.func.jvp of the same inside computation."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from autogradlab.engine.run import run_program  # noqa: E402
from autogradlab.step_records import StepOptions  # noqa: E402

VEC_MAT = ("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\n"
           "W = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\ny = x @ W\nz = y.sum()\n"
           "z.backward()\n")
RECIPROCAL = "import torch\nx = torch.tensor([1., 2.], requires_grad=True)\nz = (1 / x).sum()\nz.backward()\n"


def tangents(source: str, direction: tuple) -> dict[str, object]:
    report = run_program(source, steps=StepOptions(direction=direction))
    assert report.error is None, report.error
    by_id = {n.id: n for n in report.graph.nodes}
    return {by_id[e.node].grad_fn: e.tangent.value for e in report.steps.tangent.entries}


@pytest.mark.parametrize("direction", [
    (("x", [1.0, 0.0]),),
    (("x", [0.5, -2.0]), ("W", [[1, 0, 0], [0, 1, 2]])),
])
def test_vec_mat_inside_nodes_have_the_jvp_of_their_computation(direction):
    x = torch.tensor([1.0, 2.0])
    w = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    given = dict(direction)
    vx = torch.tensor(given["x"], dtype=torch.float32)
    vw = torch.tensor(given.get("W", [[0.0] * 3] * 2), dtype=torch.float32)
    found = tangents(VEC_MAT, direction)
    _, t_unsq = torch.func.jvp(lambda a: a.unsqueeze(0), (x,), (vx,))
    _, t_mm = torch.func.jvp(lambda a, b: a.unsqueeze(0) @ b, (x, w), (vx, vw))
    _, t_out = torch.func.jvp(lambda a, b: a @ b, (x, w), (vx, vw))
    assert torch.allclose(torch.as_tensor(found["UnsqueezeBackward0"]), t_unsq)
    assert torch.allclose(torch.as_tensor(found["MmBackward0"]), t_mm)
    assert torch.allclose(torch.as_tensor(found["SqueezeBackward4"]), t_out)


def test_reciprocal_inside_division_has_the_jvp_of_reciprocal():
    x = torch.tensor([1.0, 2.0])
    v = torch.tensor([0.5, 3.0])
    found = tangents(RECIPROCAL, (("x", v.tolist()),))
    _, expected = torch.func.jvp(torch.reciprocal, (x,), (v,))
    assert torch.allclose(torch.as_tensor(found["ReciprocalBackward0"]), expected)
    _, total = torch.func.jvp(lambda a: (1 / a).sum(), (x,), (v,))
    assert torch.allclose(torch.as_tensor(found["SumBackward0"]), total)
