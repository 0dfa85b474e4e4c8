"""The Steps card of an output that also receives another output's share in one torch.autograd.grad call
(AppTest, real sandbox; session 35). Before: `grad([y1, y2], x)` with y1 = y2 * 3, on y2's page, y2's step
said "Used more than once", though y2 is used once: it is an output (its seed) and y1 sends it a share.
A node used twice keeps "Used more than once". The numbers are PyTorch's."""

from __future__ import annotations

import pytest
from test_steps_grad_page_s34 import texts  # (tests/app is on sys.path: conftest.py)
from test_steps_page import open_link

from autogradlab import links

CHAINED = ("import torch\nx = torch.tensor([0.5, -1.0], requires_grad=True)\nh = x.exp()\n"
           "y2 = (h * x).sum()\ny1 = y2 * 3\ng, = torch.autograd.grad([y1, y2], [x])\n")


@pytest.mark.parametrize("lang, said, wrong", [
    ("en", "An output of the call, and another output sends it a share too", "Used more than once"),
    ("zh", "它是这次调用的一个输出，另一个输出也传给它一部分", "该节点被使用了不止一次")])
def test_the_root_step_is_not_said_to_be_used_more_than_once(lang: str, said: str, wrong: str) -> None:
    torch = pytest.importorskip("torch")
    x = torch.tensor([0.5, -1.0], requires_grad=True)
    y2 = (x.exp() * x).sum()
    total = torch.autograd.grad([y2 * 3, y2], y2)[0].item()   # 1 (its seed) + 3 (from y1)
    at = open_link(code=links.encode_code(CHAINED), output="y2", mode="reverse", step="0", lang=lang)
    assert not at.exception
    shown = texts(at)
    assert said in shown and wrong not in shown, shown
    assert f"{total:g}." in shown


def test_a_node_used_twice_is_still_said_to_be_used_more_than_once() -> None:
    at = open_link(code=links.encode_code(CHAINED), output="y2", mode="reverse", step="3")
    assert not at.exception
    shown = texts(at)
    assert "Used more than once" in shown and "another output sends it a share" not in shown, shown
