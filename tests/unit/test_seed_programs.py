"""Every gallery entry (every code example of the seed lessons) runs in Autograd Lab and gives what
plain PyTorch gives; so do the manifest's other programs (extra seeds, loop programs).

The programs live in lessons/ (gallery.toml lists them), their expectations in
tests/programs/manifest.py; plain Python + PyTorch, run on the same text with the same seed, is the
oracle for variables, printed text and displays. A case is named by its gallery id
(`autograd-dot-example`); tests/unit/test_gallery.py checks that gallery and manifest agree.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pytest
import torch

from autogradlab import gallery
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.report import Graph, GraphNode, Report
from tests.oracle import OracleRun, run_trusted, value_mismatches, without_address
from tests.programs.manifest import PROGRAMS, UNCHECKED, ProgramSpec, spec_id


def _cases() -> list[tuple[str, ProgramSpec]]:
    """(pytest id, spec): every gallery entry under its id, then the manifest's other programs."""
    by_key = {(spec.file, spec.seed): spec for spec in PROGRAMS}
    cases = [(entry.id, by_key[entry.file, entry.seed]) for entry in gallery.entries()
             if (entry.file, entry.seed) in by_key]
    shown = {id(spec) for _, spec in cases}
    return cases + [(spec_id(spec), spec) for spec in PROGRAMS if id(spec) not in shown]


CASES = _cases()
ALL_PROGRAMS = [spec for _, spec in CASES]
ORACLE_PROGRAMS = [spec for spec in ALL_PROGRAMS if spec.oracle]
OUTPUT_PROGRAMS = [spec for spec in ALL_PROGRAMS if spec.output != UNCHECKED]
FAILING_PROGRAMS = [spec for spec in ALL_PROGRAMS if not spec.ok]


@functools.cache
def report_for(spec: ProgramSpec) -> Report:
    if spec.timeout_s is not None:
        return run_program(spec.source, seed=spec.seed, limits=Limits(timeout_s=spec.timeout_s))
    return run_program(spec.source, seed=spec.seed)


@functools.cache
def oracle_for(spec: ProgramSpec) -> OracleRun:
    return run_trusted(spec.source, spec.seed)


def by_spec(specs: list[ProgramSpec]):
    return pytest.mark.parametrize("spec", [pytest.param(spec, id=name) for name, spec in CASES
                                            if any(spec is chosen for chosen in specs)])


# --- the manifest and the oracle agree (checks the test data itself) ---------------------------

@by_spec(ORACLE_PROGRAMS)
def test_manifest_matches_plain_python(spec: ProgramSpec) -> None:
    run = oracle_for(spec)
    assert (run.error is None) == spec.ok, run.error
    if not spec.ok:
        assert run.error_line == spec.error_line


# --- ok / error -----------------------------------------------------------------------------------

@by_spec(ALL_PROGRAMS)
def test_seed_program_succeeds_or_fails_as_the_lesson_shows(spec: ProgramSpec) -> None:
    report = report_for(spec)
    assert report.ok == spec.ok, report.error
    assert (report.error is None) == spec.ok


@by_spec(FAILING_PROGRAMS)
def test_seed_program_error_has_kind_line_column_and_plain_message(spec: ProgramSpec) -> None:
    error = report_for(spec).error
    assert error is not None
    assert (error.kind, error.line) == (spec.error_kind, spec.error_line), error
    assert error.column is not None and error.column >= 1
    for words in spec.error_says:
        assert words.lower() in error.message.lower(), error.message
    assert "Traceback" not in error.message


# --- variables ------------------------------------------------------------------------------------

def expected_variables(spec: ProgramSpec) -> dict:
    if spec.oracle:
        return oracle_for(spec).variables
    assert spec.error_line == 1 or spec.ok, "a program that is never exec'd must fail before binding anything"
    return {}   # (or be nothing Python could exec that binds anything: a skipped notebook line)


@by_spec(ALL_PROGRAMS)
def test_seed_program_binds_the_same_variable_names_as_python(spec: ProgramSpec) -> None:
    assert set(report_for(spec).variables) == set(expected_variables(spec))


@by_spec(ALL_PROGRAMS)
def test_seed_program_variables_are_in_first_assignment_order(spec: ProgramSpec) -> None:
    assert list(report_for(spec).variables) == list(expected_variables(spec))


@by_spec(ORACLE_PROGRAMS)
def test_seed_program_variables_equal_plain_pytorch(spec: ProgramSpec) -> None:
    reported = report_for(spec).variables
    problems = []
    for name, real in oracle_for(spec).variables.items():
        if name in spec.nondeterministic_vars or name not in reported:
            continue  # presence is checked by the variable-name test
        problems += value_mismatches(reported[name], real, name)
    assert not problems, "\n".join(problems)


# --- printed text and displays ------------------------------------------------------------------

def same_lines(got: str, want: str, nondeterministic: tuple[str, ...]) -> bool:
    """Equal text, except that a line matching a nondeterministic pattern in both is accepted."""
    got_lines, want_lines = without_address(got).split("\n"), without_address(want).split("\n")
    if len(got_lines) != len(want_lines):
        return False
    for g, w in zip(got_lines, want_lines, strict=True):
        loose = any(re.fullmatch(p, g) and re.fullmatch(p, w) for p in nondeterministic)
        if g != w and not loose:
            return False
    return True


@by_spec(ALL_PROGRAMS)
def test_seed_program_prints_exactly_what_python_prints(spec: ProgramSpec) -> None:
    want = oracle_for(spec).printed if spec.oracle else ""
    got = report_for(spec).printed
    assert same_lines(got, want, spec.nondeterministic_lines), f"{got!r}\n!=\n{want!r}"


@by_spec(ORACLE_PROGRAMS)
def test_seed_program_displays_bare_expressions_like_python(spec: ProgramSpec) -> None:
    got = [(d.line, d.text) for d in report_for(spec).displayed]
    assert got == oracle_for(spec).displayed


def test_seed004_prints_the_lesson_gradient() -> None:
    spec = next(s for s in PROGRAMS if s.file == "seed004_jacobian_funx.py")
    assert "x_grad=tensor([ 5., 18.])\n" in report_for(spec).printed


def memory_id_report() -> Report:
    return report_for(next(s for s in PROGRAMS if s.file == "seed003_memory_id.py"))


def test_id_of_z_is_the_same_before_and_after_slice_assignment() -> None:
    lines = [line for line in memory_id_report().printed.splitlines() if line.startswith("id(Z):")]
    assert len(lines) == 2 and lines[0] == lines[1]


def test_id_is_a_small_identity_number_not_an_address() -> None:
    lines = memory_id_report().printed.splitlines()
    numbers = [int(line.split(":")[1]) for line in lines if line.startswith("id(Z):")]
    assert numbers and all(0 < n < 1000 for n in numbers)


# --- output choice --------------------------------------------------------------------------------

@by_spec(OUTPUT_PROGRAMS)
def test_seed_program_output_is_the_backward_tensor_else_last_grad_fn_tensor(spec: ProgramSpec) -> None:
    assert report_for(spec).output == spec.output


# --- the graph of y = 2*torch.dot(x, x) -----------------------------------------------------------

DOT_SPEC = next(s for s in PROGRAMS if s.file == "seed001_autograd_dot.py")


def dot_program_without_backward() -> str:
    """The lesson's cells up to (not including) `y.backward()`."""
    lines = DOT_SPEC.source.splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.startswith("y.backward()"))
    return "".join(lines[:cut])


def dot_graph() -> Graph:
    graph = report_for(DOT_SPEC).graph
    assert graph is not None
    return graph


def only(nodes: list[GraphNode]) -> GraphNode:
    assert len(nodes) == 1, nodes
    return nodes[0]


def leaf_x(graph: Graph) -> GraphNode:
    return only([n for n in graph.nodes if n.kind == "leaf" and n.var == "x"])


def dot_node(graph: Graph) -> GraphNode:
    return only([n for n in graph.nodes if n.kind == "op" and n.op == "dot"])


def y_node(graph: Graph) -> GraphNode:
    return only([n for n in graph.nodes if n.kind == "op" and n.var == "y"])


def reachable(graph: Graph, start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for a, b in graph.edges:
            if a == node and b not in seen:
                seen.add(b)
                todo.append(b)
    return goal in seen


def test_dot_graph_has_a_leaf_named_x() -> None:
    assert leaf_x(dot_graph()).label == "x"


def test_dot_graph_has_an_op_node_for_dot() -> None:
    assert dot_node(dot_graph()).label == "dot"


def test_dot_graph_binds_y_to_the_mul_node() -> None:
    node = y_node(dot_graph())
    assert node.op == "mul" and node.grad_fn == "MulBackward0"


def test_dot_graph_has_an_output_node_for_y() -> None:
    graph = dot_graph()
    output = only([n for n in graph.nodes if n.kind == "output"])
    assert (graph.output, graph.output_node) == ("y", output.id)


def test_dot_graph_edges_flow_from_x_through_dot_and_y_to_the_output() -> None:
    graph = dot_graph()
    path = [leaf_x(graph).id, dot_node(graph).id, y_node(graph).id, graph.output_node]
    assert all(reachable(graph, a, b) for a, b in zip(path, path[1:], strict=False))
    assert not reachable(graph, graph.output_node, leaf_x(graph).id)


def test_graph_node_ids_are_topological() -> None:
    graph = dot_graph()
    order = {node.id: i for i, node in enumerate(graph.nodes)}
    assert [n.id for n in graph.nodes] == [f"n{i}" for i in range(len(graph.nodes))]
    assert all(order[a] < order[b] for a, b in graph.edges)


def test_same_program_gives_the_same_graph() -> None:
    again = run_program(DOT_SPEC.source, seed=DOT_SPEC.seed).graph
    assert again is not None
    first = dot_graph()
    assert [(n.id, n.kind, n.label, n.var) for n in again.nodes] == \
        [(n.id, n.kind, n.label, n.var) for n in first.nodes]
    assert again.edges == first.edges


def test_dot_graph_records_that_backward_ran() -> None:
    assert dot_graph().backward_done


def test_dot_graph_leaf_gradient_is_4x_after_backward() -> None:
    grad = leaf_x(dot_graph()).grad
    assert grad is not None and grad.value is not None
    x = torch.arange(4.0)
    assert torch.equal(torch.as_tensor(np.array(grad.value)), 4 * x)


def test_dot_graph_dot_node_gradient_is_2_after_backward() -> None:
    grad = dot_node(dot_graph()).grad
    assert grad is not None and grad.value is not None
    assert float(np.array(grad.value)) == 2.0


def test_dot_graph_output_gradient_is_1_after_backward() -> None:
    grad = y_node(dot_graph()).grad
    assert grad is not None and float(np.array(grad.value)) == 1.0


def test_dot_graph_nodes_carry_forward_values() -> None:
    graph = dot_graph()
    assert float(np.array(dot_node(graph).value.value)) == 14.0
    assert float(np.array(y_node(graph).value.value)) == 28.0


def test_dot_graph_op_nodes_carry_their_source_line() -> None:
    assert dot_node(dot_graph()).line == DOT_SPEC.source.splitlines().index("y=2*torch.dot(x,x)") + 1


@functools.cache
def report_before_backward() -> Report:
    return run_program(dot_program_without_backward(), seed=0)


def test_before_backward_every_graph_gradient_is_none() -> None:
    graph = report_before_backward().graph
    assert graph is not None and not graph.backward_done
    assert [n.id for n in graph.nodes if n.grad is not None] == []


def test_before_backward_x_grad_is_none_like_pytorch() -> None:
    report = report_before_backward()
    real = run_trusted(dot_program_without_backward()).variables
    assert report.ok and real["x"].grad is None
    assert not value_mismatches(report.variables["x"], real["x"], "x")


def test_before_backward_output_is_the_last_tensor_with_grad_fn() -> None:
    assert report_before_backward().output == "y"
