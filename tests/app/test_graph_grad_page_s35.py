"""The Graph page of a program that only calls torch.autograd.grad (AppTest, real sandbox; session 35).

Before: the caption said "gradients: not computed yet (call .backward())" and every node's gradient
"not computed yet (run `.backward()` to fill in gradients)", although grad() had computed and returned
them. Now the caption names the grad() call (it fills no .grad), an input's node shows what grad()
returned for it (PyTorch's values), and other nodes say grad() returns its inputs' gradients only.
"""

from __future__ import annotations

import pytest
from test_lang import open_app, texts  # (tests/app is on sys.path: conftest.py)

from autogradlab import links

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x ** 2).sum()\n"
           "g, = torch.autograd.grad(y, x)\nprint(g)\n")


def torch_grad() -> str:
    torch = pytest.importorskip("torch")
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    return "[" + ", ".join(f"{v:g}." for v in torch.autograd.grad((x ** 2).sum(), x)[0].tolist()) + "]"


def _details(at, label: str, option: str) -> str:
    picker = next(s for s in at.selectbox if s.label == label)
    at = picker.select_index(picker.options.index(option)).run()
    assert not at.exception
    return texts(at)


def test_the_caption_names_the_grad_call_instead_of_asking_for_backward():
    at = open_app(code=links.encode_code(PROGRAM))
    assert not at.exception
    shown = texts(at)
    assert "returned by torch.autograd.grad() (line 4), which fills no .grad" in shown, shown
    assert "not computed yet (call .backward())" not in shown


def test_the_input_node_shows_the_gradient_grad_returned_and_other_nodes_say_why_they_have_none():
    at = open_app(code=links.encode_code(PROGRAM))
    picker = next(s for s in at.selectbox if s.label == "Node details")
    leaf = next(o for o in picker.options if o.startswith("x"))
    shown = _details(at, "Node details", leaf)
    assert f"`{torch_grad()}`, returned by torch.autograd.grad() on line 4; .grad is left as it was" in shown
    other = next(o for o in picker.options if o.startswith("pow"))
    shown = _details(at, "Node details", other)
    assert "not stored: torch.autograd.grad() (line 4) returns the gradients of its inputs only" in shown
    assert "run `.backward()` to fill in gradients" not in shown


def test_the_grad_call_is_said_in_chinese():
    at = open_app(code=links.encode_code(PROGRAM), lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "梯度：由 torch.autograd.grad()（第 4 行）直接返回，不写入 .grad" in shown, shown
    assert "请调用 .backward()" not in shown
    picker = next(s for s in at.selectbox if s.label == "节点详情")
    shown = _details(at, "节点详情", next(o for o in picker.options if o.startswith("x")))
    assert f"`{torch_grad()}`，由第 4 行的 torch.autograd.grad() 返回；.grad 保持不变" in shown


def test_a_program_with_backward_keeps_its_caption():
    program = PROGRAM.replace("g, = torch.autograd.grad(y, x)\nprint(g)\n", "y.backward()\n")
    shown = texts(open_app(code=links.encode_code(program)))
    assert "after backward: every node shows its value and gradient" in shown
    assert "torch.autograd.grad()" not in shown
