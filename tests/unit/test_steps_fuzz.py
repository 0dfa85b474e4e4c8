"""Hypothesis: random differentiable programs (fan-out, broadcasting, reductions, indexing, matrix
products) through the steps engine. Contributions sum to adjoints, the leaves' adjoints are their
.grad, every op has a tangent, and forward mode's J·v equals reverse mode's (uᵀJ)·v."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from autogradlab.engine import run_program
from autogradlab.step_records import StepOptions

PRELUDE = ("import torch\nx = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)\n"
           "A = torch.tensor([[1.0, 0.5, 0.0], [0.0, -1.0, 2.0], [0.3, 0.2, 0.1]], dtype=torch.float64, "
           "requires_grad=True)\n")
VECTOR_OPS = ["{v} * {w}", "{v} + {w}", "{v} - {w}", "torch.sin({v})", "torch.tanh({v})", "{v} * 2",
              "torch.mv(A, {v})", "{v} / (1 + {w} * {w})", "torch.sigmoid({v}) * {w}", "{v} ** 2",
              "torch.cat(({v}[:2], {w}[2:]))", "A[1] * {v}", "(A * {v}).sum(0)", "{v}.exp() * 0.1",
              "torch.relu({v}) + {w}", "A.t() @ {v}", "torch.dot({v}, {w}) * {w}"]
SCALAR_ENDS = ["{v}.sum()", "torch.dot({v}, {w})", "{v}.mean()", "({v} * {w}).sum()", "{v}[0] * {w}[1]",
               "{v}.norm()"]


@st.composite
def programs(draw) -> str:
    names = ["x"]
    lines = []
    for i in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(VECTOR_OPS))
        v, w = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        lines.append(f"v{i} = {op.format(v=v, w=w)}")
        names.append(f"v{i}")
    end = draw(st.sampled_from(SCALAR_ENDS)).format(v=names[-1], w=draw(st.sampled_from(names)))
    return PRELUDE + "\n".join(lines) + f"\ns = {end}\ns.backward()\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 2))
def test_random_programs_step_consistently(source, element):
    direction = [0.0, 0.0, 0.0]
    direction[element] = 1.0
    report = run_program(source, steps=StepOptions(direction=(("x", direction),)))
    assert report.ok, (source, report.error)
    # a program whose values overflow (exp of a large value, s = inf) has no finite J·v to compare:
    # there forward mode's 0·inf is nan where reverse mode's gradient is 0, in PyTorch itself
    assume(np.isfinite(report.variables["s"].value).all() and np.isfinite(report.variables["x"].grad).all())
    steps = report.steps
    assert steps.reverse and not steps.direction_error, (source, steps.notes)
    for step in steps.reverse:
        total = sum(np.asarray(c.value.value, dtype=np.float64) for c in step.contributions)
        np.testing.assert_allclose(total, step.adjoint.value, rtol=1e-10, atol=1e-12, err_msg=source)
        if step.grad_fn == "AccumulateGrad":
            np.testing.assert_allclose(step.grad_after.value, report.variables[step.var].grad, err_msg=source)
    ops = [n for n in report.graph.nodes if n.kind == "op" and n.op_index is not None]
    assert len(steps.tangent.entries) == len(ops), (source, steps.notes)
    np.testing.assert_allclose(steps.tangent.output_tangent.value, steps.tangent.vjp.value, rtol=1e-9,
                               atol=1e-12, err_msg=source)
    np.testing.assert_allclose(steps.tangent.vjp.value, report.variables["x"].grad[element], rtol=1e-9,
                               atol=1e-12, err_msg=source)
