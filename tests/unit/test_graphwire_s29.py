"""Session 29 (issue 9): the graph's repeated strings are shared, so the wire writes each once.

An op node's grad_fn is its Node class's name, a saved node's label its attribute's name without
`_saved_`, a scalar snapshot's grad_fn its tensor's grad_fn class name: graph.py now takes each from
a per-class (per-attribute) table, one string object for all nodes, where it made a new string per
node before. The Report is equal (the slow reference builder of test_graph_build_s27 pins every
field); pickle's memo writes a shared string once, so loop_scalar_chain's way back carries 2,000
fewer `...Backward0` strings (304 -> 275 KB). Checked here against pickle itself (the bytes of the
dump) and against torch (the classes and saved attributes of the real backward graph)."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
import torch

from autogradlab.engine.graph import SAVED_PREFIX
from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from autogradlab.sandbox_wire import dump_report, load_report
from tests.unit.test_sandbox_wire import assert_same

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"


def _run(name: str):
    source = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8")
    report = run_program(source, limits=Limits(timeout_s=120.0))
    assert report.error is None and report.graph is not None
    return report


def _pickled_string(text: str) -> bytes:
    """How pickle (protocol 5) writes a short str: its SHORT_BINUNICODE opcode, length and bytes."""
    data = pickle.dumps(text, protocol=pickle.HIGHEST_PROTOCOL)
    start = data.index(pickle.SHORT_BINUNICODE)
    return data[start:start + 2 + len(text.encode())]


def _backward_classes(root: torch.autograd.graph.Node) -> set[str]:
    """The class names of every Node reachable from `root` (torch's own graph: the oracle)."""
    seen, stack, names = set(), [root], set()
    while stack:
        fn = stack.pop()
        if fn is None or id(fn) in seen:
            continue
        seen.add(id(fn))
        names.add(type(fn).__name__)
        stack.extend(child for child, _ in fn.next_functions)
    return names


def test_the_wire_writes_each_backward_class_name_once() -> None:
    report = _run("loop_scalar_chain")
    payload = dump_report(report)
    ops = [n for n in report.graph.nodes if n.kind == "op"]
    names = {n.grad_fn for n in ops}
    # the same program in plain PyTorch: the classes of its backward graph
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(500):
        y = torch.sin(y) * 1.01 + 0.1 * x
    assert names == _backward_classes(y.grad_fn) - {"AccumulateGrad"}
    assert len(ops) == 2000
    # written once by the graph's columns, and as often as the rest of the report (its variables'
    # texts) writes it when pickled alone
    rest = pickle.dumps(replace(report, graph=None, ops=()), protocol=pickle.HIGHEST_PROTOCOL)
    for name in names:
        assert payload.count(_pickled_string(name)) == 1 + rest.count(_pickled_string(name)), name
    assert_same(load_report(payload), report)


@pytest.mark.parametrize("name", ["loop_scalar_chain", "loop_mlp_manual", "tutorial_autogradqs"])
def test_saved_labels_and_class_names_are_shared_and_right(name: str) -> None:
    report = _run(name)
    nodes = report.graph.nodes
    saved = [n for n in nodes if n.kind == "saved"]
    assert saved
    for node in saved:   # the label is the attribute's name without the prefix torch gives it
        assert node.saved_name.startswith(SAVED_PREFIX)
        assert node.label == node.saved_name[len(SAVED_PREFIX):]
    by_text: dict[tuple[str, str], set[int]] = {}
    for node in nodes:
        if node.kind == "saved":
            by_text.setdefault(("label", node.label), set()).add(id(node.label))
        if node.kind == "op":
            by_text.setdefault(("grad_fn", node.grad_fn), set()).add(id(node.grad_fn))
    assert all(len(objects) == 1 for objects in by_text.values()), by_text
    assert_same(load_report(dump_report(report)), report)   # fields, their order, arrays' bytes
