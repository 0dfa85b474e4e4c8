"""Every seed program can be stepped in all three modes: forward, reverse (backward on the output
when the program has none) and tangent (a direction on every named leaf of the output's graph)."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.programs.manifest import PROGRAMS, ProgramSpec, spec_id


@functools.cache
def stepped(spec: ProgramSpec):
    """The plain run and the stepped run; long loop programs get their manifest time limit (as in
    test_seed_programs), since steps add hooks and a forward-mode rerun to every op."""
    limits = Limits(timeout_s=spec.timeout_s) if spec.timeout_s is not None else Limits()
    plain = run_program(spec.source, seed=spec.seed, limits=limits)
    leaves = [n for n in (plain.graph.nodes if plain.graph else ()) if n.kind == "leaf" and n.var]
    direction = tuple((n.var, np.ones(n.shape).tolist()) for n in leaves)
    options = StepOptions(direction=direction, backward_if_missing=True)
    return plain, run_program(spec.source, seed=spec.seed, steps=options, limits=limits), direction


@pytest.mark.parametrize("spec", PROGRAMS, ids=spec_id)
def test_seed_program_steps_in_all_three_modes(spec):
    plain, report, direction = stepped(spec)
    assert report.ok == plain.ok and (report.error is None or report.error.kind != "internal")
    assert not any("could not be built" in note for note in report.notes), report.notes
    if plain.graph is None:
        assert report.steps is None
        return
    steps = report.steps
    ops = [n for n in report.graph.nodes if n.kind == "op"]
    assert len(steps.forward) == len(ops)
    assert steps.direction_error is None
    if ops:
        assert steps.reverse, steps.notes
        if not direction:   # no leaf of the output's graph has a name (Newton rebinds x): no tangent
            assert steps.tangent is None
            assert any("no forward-mode steps" in note for note in steps.notes), steps.notes
            return
        assert steps.tangent is not None, steps.notes
        if len(steps.tangent.entries) != len(ops):   # a long loop: the rerun's time ran out, and it says so
            assert spec.file.startswith("loop_"), steps.notes
            assert any("forward mode stopped" in note for note in steps.notes), steps.notes
    for step in steps.reverse:
        total = sum(np.asarray(c.value.value, dtype=np.float64) for c in step.contributions)
        np.testing.assert_allclose(total, step.adjoint.value, rtol=1e-5, atol=1e-5)
        node = report.graph.node(step.node)
        if node.grad is not None and node.grad.value is not None:
            np.testing.assert_allclose(step.adjoint.value, node.grad.value, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("spec", [s for s in PROGRAMS if s.ok], ids=spec_id)
def test_seed_program_forward_and_reverse_mode_agree(spec):
    """Σ u·(J·v) from the tangent steps equals (uᵀJ)·v from the reverse steps."""
    _, report, _ = stepped(spec)
    trace = report.steps.tangent if report.steps else None
    if trace is None or trace.vjp is None or trace.output_tangent is None:
        pytest.skip("no tensor output with a reverse pass of its own")
    seed = report.steps.reverse[0].contributions[0].value.value if report.steps.reverse else 1.0
    jv = float(np.sum(np.asarray(seed, dtype=np.float64) * trace.output_tangent.value))
    np.testing.assert_allclose(jv, trace.vjp.value, rtol=1e-4, atol=1e-4)
