"""A run's autograd graph is freed once its report is built (grads.GradientRecorder.release_all).

Each Node's gradient pre-hook holds the GradientRecorder, which held the Nodes: a cycle through
PyTorch's C++ graph that Python's collector cannot see, so a process running many programs (tests,
benchmarks, the CLI) kept every run's whole graph (a 500-step loop: ~20,000 objects, ~6 MB)."""

from __future__ import annotations

import gc
import operator
import weakref

import torch

from autogradlab.engine import grad_capture, grads, run_program

CHAIN = """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(60):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
"""


def _pre_hooks_alive() -> int:
    """The Node pre-hooks grads.py made: partial(operator.setitem, <the hooks' dict>, token)."""
    return sum(1 for o in gc.get_objects()
               if type(o).__name__ == "partial" and getattr(o, "func", None) is operator.setitem
               and o.args and isinstance(o.args[0], grad_capture.Live))


def test_a_run_leaves_no_gradient_hooks_behind() -> None:
    gc.collect()
    before = _pre_hooks_alive()
    report = run_program(CHAIN)
    assert report.error is None and report.graph is not None
    gc.collect()
    assert _pre_hooks_alive() == before


def test_a_run_leaves_no_autograd_nodes_behind() -> None:
    gc.collect()
    nodes_before = sum(1 for o in gc.get_objects() if isinstance(o, torch.autograd.graph.Node))
    for _ in range(2):
        run_program(CHAIN)
    gc.collect()
    assert sum(1 for o in gc.get_objects() if isinstance(o, torch.autograd.graph.Node)) == nodes_before


def test_the_report_keeps_every_gradient_after_the_release() -> None:
    report = run_program(CHAIN)
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(60):
        y = torch.sin(y) * 1.01 + 0.1 * x
    y.backward()
    leaf = next(n for n in report.graph.nodes if n.kind == "leaf")
    torch.testing.assert_close(torch.tensor(float(leaf.grad.value)), x.grad)
    op_grads = [n.grad for n in report.graph.nodes if n.kind == "op"]
    assert op_grads and all(g is not None for g in op_grads)


def test_release_all_lets_the_recorder_go() -> None:
    recorder = grads.GradientRecorder()
    x = torch.tensor(2.0, requires_grad=True)
    y = torch.sin(x) * 3
    recorder.begin([y])
    y.backward()
    recorder.finish()
    assert recorder.latest_covering(id(y.grad_fn)) is not None
    recorder.release_all()
    ref = weakref.ref(recorder)
    del recorder, x, y   # the hooks die with the graph, and the graph with the program's tensors
    gc.collect()
    assert ref() is None
