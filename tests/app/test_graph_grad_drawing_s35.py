"""The Graph page's drawing of a program that only calls torch.autograd.grad agrees with its caption
(AppTest, real sandbox; session 35, browser review). Before: the caption said grad() returned the gradients
while every drawn node read "grad: not computed yet"; now x's node shows the gradient grad() returned
(PyTorch's values) and the other nodes say grad() did not return theirs, in English and Chinese."""

from __future__ import annotations

import html

import pytest
from test_graph_page import graph_svg  # (tests/app is on sys.path: conftest.py)
from test_lang import open_app, texts

from autogradlab import links

PROGRAM = ("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\ny = (x**2).sum()\n"
           "g, = torch.autograd.grad(y, x)\n")


def torch_grad() -> str:
    torch = pytest.importorskip("torch")
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return "[" + ", ".join(f"{v:g}." for v in torch.autograd.grad((x ** 2).sum(), x)[0].tolist()) + "]"


def drawn(at) -> str:
    svg = graph_svg(at)
    assert svg is not None, "no graph drawn"
    return html.unescape(svg)


def test_the_drawing_shows_the_returned_gradient_as_the_caption_says():
    at = open_app(code=links.encode_code(PROGRAM))
    assert not at.exception
    assert "returned by torch.autograd.grad() (line 4)" in texts(at)
    svg = drawn(at)
    assert f"grad() returned {torch_grad()}" in svg
    assert svg.count("grad: not returned by grad()") == 3      # pow, sum -> y, the output y
    assert "not computed yet" not in svg


def test_the_drawing_says_it_in_chinese_and_in_presentation_mode():
    at = open_app(code=links.encode_code(PROGRAM), lang="zh", present="1")
    assert not at.exception
    svg = drawn(at)
    assert f"grad() 返回 {torch_grad()}" in svg and "梯度：grad() 未返回" in svg
    assert "尚未计算" not in svg


def test_a_program_with_backward_draws_its_gradients_as_before():
    program = PROGRAM.replace("g, = torch.autograd.grad(y, x)\n", "y.backward()\n")
    at = open_app(code=links.encode_code(program))
    svg = drawn(at)
    assert f"grad {torch_grad()}" in svg and "grad()" not in svg
