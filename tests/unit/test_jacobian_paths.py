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


TUPLE_CASES = {
    "tuple_outputs": OWN["tuple_outputs"],
    "tuple_both": ("a = torch.tensor([1.0, -2.0])\nb = torch.tensor([0.5, 3.0, -1.0])\n"
                   "J = jacobian(lambda u, w: (torch.sin(u) * w.sum(), torch.outer(u, w).exp()), (a, b))\n"),
    "tuple_float64_mix": ("x = torch.tensor([0.3, -0.7], dtype=torch.float64)\n"
                          "J = jacobian(lambda v: (v.exp(), (v * v).sum().reshape(1, 1)), x)\n"),
}


@pytest.mark.parametrize("name", sorted(TUPLE_CASES))
def test_tuple_outputs_have_paths_that_sum_to_each_entry(name: str) -> None:
    report = run_program(HEAD + TUPLE_CASES[name])
    assert report.ok, report.error
    record = report.jacobians[0]
    assert record.output_is_tuple and record.paths, record.notes
    total = sum(path.contribution for path in record.paths)
    np.testing.assert_allclose(total, record.matrix, rtol=1e-5, atol=1e-6)
    assert all(path.nodes[-1] == record.graph.output_node for path in record.paths)


def test_tuple_output_paths_match_torch_entry_by_entry() -> None:
    """The oracle: torch.autograd.functional.jacobian's nested blocks, laid out as J's rows."""
    import torch
    from torch.autograd.functional import jacobian

    a, b = torch.tensor([1.0, -2.0]), torch.tensor([0.5, 3.0, -1.0])
    (ja, jb), (ka, kb) = jacobian(lambda u, w: (torch.sin(u) * w.sum(), torch.outer(u, w).exp()), (a, b))
    expected = torch.cat([torch.cat([ja, jb], dim=1),
                          torch.cat([ka.reshape(6, 2), kb.reshape(6, 3)], dim=1)])
    record = run_program(HEAD + TUPLE_CASES["tuple_both"]).jacobians[0]
    shares = sum(path.contribution for path in record.paths)
    np.testing.assert_allclose(shares, expected.numpy(), rtol=1e-5, atol=1e-6)


BIG = HEAD + ("torch.manual_seed(0)\nW = torch.randn(80, 60)\nx = torch.randn(60)\n"
              "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)) + v.sum(), x)\n")


def test_big_jacobian_paths_follow_the_clicked_row_only() -> None:
    plain = run_program(BIG).jacobians[0]
    assert plain.shape == (80, 60) and plain.paths == () and plain.paths_on_click
    for row in (0, 37, 79):
        record = run_program(BIG, jacobian_cell=(0, row)).jacobians[0]
        assert record.paths and all(p.row == row and p.contribution.shape == (1, 60) for p in record.paths)
        np.testing.assert_allclose(sum(p.contribution for p in record.paths)[0], plain.matrix[row],
                                   rtol=1e-5, atol=1e-6)
        for j in (0, 59):
            total = sum(p.share(row, j) for p in record.paths if p.reaches(j))
            assert total == pytest.approx(float(plain.matrix[row, j]), rel=1e-5, abs=1e-6)
        assert all(p.share(row + 1 if row < 79 else 0, 0) is None for p in record.paths)


def test_a_clicked_row_of_another_call_or_outside_the_matrix_follows_nothing() -> None:
    two = BIG + "K = jacobian(lambda v: torch.sin(W @ v), x)\n"
    records = run_program(two, jacobian_cell=(1, 5)).jacobians
    assert records[0].paths == () and records[1].paths and records[1].paths[0].row == 5
    outside = run_program(BIG, jacobian_cell=(0, 80)).jacobians[0]
    assert outside.paths == () and "outside" in outside.notes[0]


def test_tuple_outputs_of_a_big_jacobian_follow_the_clicked_row() -> None:
    src = HEAD + ("x = torch.linspace(-1, 1, 70)\n"
                  "J = jacobian(lambda v: (torch.sin(v) * v, v.cumsum(0)), x)\n")
    plain = run_program(src).jacobians[0]
    assert plain.shape == (140, 70) and plain.paths_on_click
    record = run_program(src, jacobian_cell=(0, 100)).jacobians[0]
    np.testing.assert_allclose(sum(p.contribution for p in record.paths)[0], plain.matrix[100],
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(("outputs", "lazy"), [(64, False), (65, True)])
def test_every_row_is_followed_up_to_4096_entries(outputs: int, lazy: bool) -> None:
    src = HEAD + (f"x = torch.linspace(0, 1, 64)\n"
                  f"J = jacobian(lambda v: torch.ones({outputs}, 64) @ v.sin(), x)\n")
    record = run_program(src).jacobians[0]
    assert record.shape == (outputs, 64) and record.paths_on_click is lazy
    assert bool(record.paths) is not lazy
