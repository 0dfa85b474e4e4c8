"""The Steps card of a torch.autograd.grad program says what PyTorch did (session 34, steps2; AppTest, real
sandbox). Before, an input's step was titled "Reverse: AccumulateGrad at x" though grad() runs no
AccumulateGrad (x.grad stays None), and with `grad([y1, y2], ...)` on y2's page, y1's share was said to come
from y2's own node. The numbers are PyTorch's."""

from __future__ import annotations

import pytest
from test_steps_grad_page_s34 import texts  # (tests/app is on sys.path: conftest.py)
from test_steps_page import open_link

from autogradlab import links

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x ** 2).sum()\n"
           "g, = torch.autograd.grad(y, x)\n")
TWO = ("import torch\nx1 = torch.tensor(1.0, requires_grad=True)\n"
       "x2 = torch.tensor(2.0, requires_grad=True)\ny1 = x1 * x2\ny2 = x1 + x2\n"
       "g1, g2 = torch.autograd.grad(outputs=[y1, y2], inputs=[x1, x2])\n")


def test_the_returned_step_is_not_titled_accumulate_grad():
    at = open_link(code=links.encode_code(PROGRAM), mode="reverse", step="2")
    assert not at.exception
    shown = texts(at)
    assert "at `x`, torch.autograd.grad returns the gradient (its `AccumulateGrad` does not run)" in shown
    assert "**Reverse**: `AccumulateGrad`" not in shown
    at = open_link(code=links.encode_code(PROGRAM), mode="reverse", step="2", lang="zh")
    assert "torch.autograd.grad 返回梯度" in texts(at)


# (session 35: the names are code, the words prose; the whole line was one code span)
@pytest.mark.parametrize("lang, said", [
    ("en", "`y1`, another output of the same `torch.autograd.grad()` call"),
    ("zh", "`y1`（同一次 `torch.autograd.grad()` 调用的另一个输出）")])
def test_another_outputs_share_is_named(lang, said):
    torch = pytest.importorskip("torch")
    x1, x2 = torch.tensor(1.0, requires_grad=True), torch.tensor(2.0, requires_grad=True)
    from_y1 = torch.autograd.grad(x1 * x2, x1)[0].item()   # 2.
    at = open_link(code=links.encode_code(TWO), output="y2", mode="reverse", step="1", lang=lang)
    assert not at.exception
    shown = texts(at)
    assert said in shown and f"{from_y1:g}." in shown, shown
