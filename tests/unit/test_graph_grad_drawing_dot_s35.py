"""The Graph page's drawing of a program that only calls torch.autograd.grad (session 35, browser review).

Before: the caption said grad() returned the gradients, but every node of the drawing read "grad: not
computed yet" (the DOT renderer never saw the report). Now an input's node shows the gradient grad()
returned for it (PyTorch's values) and the other nodes say grad() did not return theirs, in English and
Chinese; a program with backward() draws exactly as before. PyTorch is the oracle for the values."""

from __future__ import annotations

import torch

from autogradlab.engine.run import run_program
from autogradlab.grad_returned import returned_by_node
from autogradlab.render.dot import annotated_dot
from autogradlab.render.words import say_summary

PROGRAM = ("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\ny = (x**2).sum()\n"
           "g, = torch.autograd.grad(y, x)\n")


def _pytorch_grad() -> str:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    g, = torch.autograd.grad((x ** 2).sum(), x)
    return "[" + ", ".join(f"{v:g}." for v in g.tolist()) + "]"


def _report(program: str = PROGRAM):
    report = run_program(program, output="y", torchviz=False)
    assert report.ok, report.error
    return report


def _labels(dot: str) -> dict[str, str]:
    nodes = [line for line in dot.splitlines() if line.startswith('  "n') and "->" not in line]
    return {line.split()[0].strip('"'): line for line in nodes}


def test_the_input_shows_the_gradient_grad_returned_and_the_others_say_it_returned_none() -> None:
    report = _report()
    grads = returned_by_node(report)
    x = next(n for n in report.graph.nodes if n.var == "x" and n.kind == "leaf")
    assert set(grads) == {x.id}
    assert say_summary("en", grads[x.id].summary) == _pytorch_grad()
    dot = annotated_dot(report.graph, returned=grads)
    assert "not computed yet" not in dot
    labels = _labels(dot)
    assert f"grad() returned {_pytorch_grad()}" in labels[x.id]
    for node in report.graph.nodes:
        if node.id != x.id:
            assert "grad: not returned by grad()" in labels[node.id], labels[node.id]
    zh = annotated_dot(report.graph, returned=grads, lang="zh")
    assert f"grad() 返回 {_pytorch_grad()}" in zh and "梯度：grad() 未返回" in zh and "尚未计算" not in zh


def test_the_folded_drawing_says_it_too() -> None:
    report = _report()
    dot = annotated_dot(report.graph, returned=returned_by_node(report), fold=True)
    assert f"grad() returned {_pytorch_grad()}" in dot and "not computed yet" not in dot


def test_a_program_with_backward_or_no_grad_call_draws_as_before() -> None:
    backward = _report(PROGRAM.replace("g, = torch.autograd.grad(y, x)\n", "y.backward()\n"))
    assert returned_by_node(backward) is None
    assert annotated_dot(backward.graph, returned=returned_by_node(backward)) == annotated_dot(backward.graph)
    plain = _report(PROGRAM.replace("g, = torch.autograd.grad(y, x)\n", ""))
    assert returned_by_node(plain) is None
    assert "grad: not computed yet" in annotated_dot(plain.graph, returned=returned_by_node(plain))
