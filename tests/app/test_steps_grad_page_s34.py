"""The Steps page on a program that uses torch.autograd.grad instead of backward() (AppTest, real sandbox;
session 34, engine/grad_logs.py). Before, reverse mode said "no backward() reached this output: add
`y.backward()`"; now it plays the grad() call's pass, and the last step says the gradient is returned
(not accumulated into .grad). The numbers are PyTorch's."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from test_steps_page import open_link, slider  # (tests/app is on sys.path: conftest.py)

from autogradlab import links

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x ** 2).sum()\n"
           "g, = torch.autograd.grad(y, x)\nprint(g)\n")


def texts(at: AppTest) -> str:
    return " ".join(str(m.value) for kind in ("markdown", "caption", "info") for m in at.get(kind)
                    if isinstance(m.value, str))


def torch_grad() -> list[float]:
    torch = pytest.importorskip("torch")
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    return torch.autograd.grad((x ** 2).sum(), x)[0].tolist()


def test_reverse_mode_plays_the_autograd_grad_call_and_ends_at_its_returned_gradient():
    at = open_link(code=links.encode_code(PROGRAM), mode="reverse")
    assert not at.exception
    shown = texts(at)
    assert "no backward() reached" not in shown
    assert int(slider(at).max) == 3                          # SumBackward0, PowBackward0, x
    at = at.button(key="steps_last").click().run()
    shown = texts(at)
    assert "torch.autograd.grad returns it; .grad is left as it was" in shown
    expected = "[" + ", ".join(f"{v:g}." for v in torch_grad()) + "]"   # [2., 4., 6.]
    assert f"grad(x) = {expected}" in shown
    assert at.query_params["step"] == "2"


def test_the_returned_gradient_is_said_in_chinese():
    at = open_link(code=links.encode_code(PROGRAM), mode="reverse", step="2", lang="zh")
    assert not at.exception
    assert "由 torch.autograd.grad 返回；.grad 保持不变" in texts(at)
