"""The chain rule as a sum over paths: the shares of all paths from the inputs to the output add up
to the Jacobian torch computes, entry by entry."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from autogradlab.engine.run import run_program
from tests.unit.test_jacobian_engine import HEAD, OWN

PROGRAMS = Path(__file__).resolve().parents[2] / "lessons"
CASES = {p.stem: p.read_text() for p in sorted(PROGRAMS.glob("seed00[24]_jacobian_*.py"))}
CASES.update({name: HEAD + OWN[name] for name in ("softmax", "W_at_x", "four_d", "tuple_inputs", "closure",
                                                   "float64", "control_flow")})
CASES["fan_out"] = HEAD + ("x = torch.tensor([0.5, -1.0])\n"
                          "J = jacobian(lambda v: torch.sin(v) * v + v.exp(), x)\n")


@pytest.mark.parametrize("name", sorted(CASES))
def test_sum_over_paths_equals_the_jacobian(name: str) -> None:
    report = run_program(CASES[name])
    assert report.ok, report.error
    record = report.jacobians[0]
    assert record.paths, record.notes
    total = sum(path.contribution for path in record.paths)
    np.testing.assert_allclose(total, record.matrix, rtol=1e-5, atol=1e-6)


def test_paths_run_from_an_input_leaf_to_the_output_node() -> None:
    record = run_program(CASES["fan_out"]).jacobians[0]
    graph = record.graph
    assert len(record.paths) == 3          # sin(v)*v: through sin and directly; exp(v)
    leaf = next(n for n in graph.nodes if n.kind == "leaf")
    assert leaf.label == "x"
    for path in record.paths:
        assert path.nodes[0] == leaf.id and path.nodes[-1] == graph.output_node
        edges = set(graph.edges)
        assert all((a, b) in edges for a, b in zip(path.nodes, path.nodes[1:], strict=False))


def test_big_jacobians_have_no_paths_but_say_why() -> None:
    record = run_program(HEAD + "x = torch.ones(100)\nJ = jacobian(lambda v: v * 2, x)\n").jacobians[0]
    assert record.paths == () and "4,096" in record.notes[0]
