"""The Steps card's list of a summed adjoint's contributions: the value and the names are code, what is said
about them is words (AppTest, real sandbox; session 35, browser review). Before, each line was one code
span, so "2. from y1, another output of the same torch.autograd.grad() call" (and its Chinese) was a small
monospace block wrapping over three lines. The numbers are PyTorch's."""

from __future__ import annotations

import pytest
from test_steps_grad_page_s34 import texts  # (tests/app is on sys.path: conftest.py)
from test_steps_page import open_link

from autogradlab import links

TWO = ("import torch\nx1 = torch.tensor(1.0, requires_grad=True)\n"
       "x2 = torch.tensor(2.0, requires_grad=True)\ny1 = x1 * x2\ny2 = x1 + x2\n"
       "g1, g2 = torch.autograd.grad(outputs=[y1, y2], inputs=[x1, x2])\n")
CHAINED = ("import torch\nx = torch.tensor([0.5, -1.0], requires_grad=True)\nh = x.exp()\n"
           "y2 = (h * x).sum()\ny1 = y2 * 3\ng, = torch.autograd.grad([y1, y2], [x])\n")
FAN_OUT = "import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nc.backward()\n"


def _shares() -> tuple[float, float]:
    torch = pytest.importorskip("torch")
    x1, x2 = torch.tensor(1.0, requires_grad=True), torch.tensor(2.0, requires_grad=True)
    return torch.autograd.grad(x1 + x2, x1)[0].item(), torch.autograd.grad(x1 * x2, x1)[0].item()


@pytest.mark.parametrize("lang, line", [
    ("en", "- `{a:g}.` from `add → y2`\n"
           "- `{b:g}.` from `y1`, another output of the same `torch.autograd.grad()` call"),
    ("zh", "- `{a:g}.`，来自 `add → y2`\n"
           "- `{b:g}.`，来自 `y1`（同一次 `torch.autograd.grad()` 调用的另一个输出）")])
def test_another_outputs_share_is_words_around_code(lang: str, line: str) -> None:
    a, b = _shares()
    at = open_link(code=links.encode_code(TWO), output="y2", mode="reverse", step="1", lang=lang)
    assert not at.exception
    assert line.format(a=a, b=b) in texts(at)


def test_the_seed_and_a_fan_out_read_the_same_way() -> None:
    at = open_link(code=links.encode_code(CHAINED), output="y2", mode="reverse", step="0")
    assert "- `1.` from the output's seed\n- `3.` from `y1`, another output" in texts(at)
    torch = pytest.importorskip("torch")
    x = torch.tensor(2.0, requires_grad=True)
    b = x * x
    from_b = torch.autograd.grad(b + x, b)[0].item() * 2 * x.item()     # 4., the share b's op sends x
    at = open_link(code=links.encode_code(FAN_OUT), mode="reverse", step="2")
    shown = texts(at)
    assert f"- `1.` from `add → c`\n- `{from_b:g}.` from `mul → b`" in shown, shown
