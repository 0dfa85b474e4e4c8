"""The Graph page's output box when no option is the drawn output (its variable reassigned after its
backward(): `z = y.sum(); z.backward(); z = ...`): it names what is drawn, in the page's language.
It showed Streamlit's own "Choose an option", in English on the Chinese page (session 22's look)."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app

REASSIGNED = ("import torch\nx = torch.ones(3, requires_grad=True)\nz = (x * 2).sum()\nz.backward()\n"
              "z = torch.zeros(2)\nw = x * 3\n")


def _output_box(lang: str):
    at = open_app(code=links.encode_code(REASSIGNED), lang=lang)
    assert not at.exception
    return next(box for box in at.selectbox if box.label in ("Output", "输出"))


def test_reassigned_output_named_in_chinese():
    box = _output_box("zh")
    assert box.value is None and box.placeholder == "z（已画出）：可选择其他张量"


def test_reassigned_output_named_in_english():
    box = _output_box("en")
    assert box.value is None and box.placeholder == "z (drawn): choose another tensor"
