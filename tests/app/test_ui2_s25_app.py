"""Printed output is not wrapped (session 25, ui2): PyTorch prints a 2-D tensor's rows 80 characters
wide, and the Graph page's editor column (416 px at 1280 px) broke every row mid-row; the block now
keeps each printed line whole and scrolls sideways (tests/e2e/test_ui2_s25_browser.py measures it).
The same for the values of bare expressions."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app

PRINTS = "import torch\ntorch.manual_seed(0)\nprint(torch.randn(4, 8))\nx = torch.ones(2)\nx * 3\n"


def _blocks(at):
    return [code for code in at.code if "tensor(" in code.value]


def test_printed_tensor_rows_are_not_wrapped():
    at = open_app(code=links.encode_code(PRINTS))
    assert not at.exception
    printed = [code for code in _blocks(at) if code.value.startswith("tensor([[")]
    assert printed and all(not code.proto.wrap_lines for code in printed)
    assert max(len(line) for line in printed[0].value.splitlines()) > 60   # rows wider than the column


def test_expression_values_are_not_wrapped():
    at = open_app(code=links.encode_code(PRINTS))
    shown = [code for code in _blocks(at) if code.value.startswith("tensor([3.")]
    assert shown and all(not code.proto.wrap_lines for code in shown)


TYPO = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dott(x, x)\ny.backward()\n"


def _infos(lang: str) -> list[str]:
    at = open_app(code=links.encode_code(TYPO), lang=lang)
    assert not at.exception
    return [info.value for info in at.info]


def test_no_graph_under_an_error_says_the_error_is_why():
    """A typo before the first op left the generic "no autograd graph yet ... for example:" help and an
    example that repeated the student's own program; the help now points at the error's line."""
    infos = _infos("en")
    assert any("The error at line 3 stopped the program" in info for info in infos), infos
    assert not any("for example" in info for info in infos), infos


def test_no_graph_under_an_error_in_chinese():
    infos = _infos("zh")
    assert any("第 3 行的错误" in info for info in infos), infos


JACOBIAN_TYPO = ("import torch\nfrom torch.autograd.functional import jacobian\n"
                 "def f(x):\n    return x ** 2\nJ = jacobian(f, torch.tensor([1.0, 2.0])\n")


def test_jacobian_page_under_an_error_names_the_error_not_a_missing_call():
    """A syntax error in the jacobian(...) line: the page said "This program calls no jacobian(...)" and
    offered an example and dY/dX pickers with nothing to differentiate."""
    at = open_app("jacobian.py", code=links.encode_code(JACOBIAN_TYPO))
    assert not at.exception
    infos = [info.value for info in at.info]
    assert any("The error at line 5 stopped the program" in info for info in infos), infos
    assert not any("calls no" in info for info in infos), infos
    assert not [b for b in at.button if b.key == "jacobian_example"], "no example offered over the error"


def test_jacobian_page_under_an_error_in_chinese():
    at = open_app("jacobian.py", code=links.encode_code(JACOBIAN_TYPO), lang="zh")
    assert any("第 5 行的错误" in info.value for info in at.info)


def test_the_layout_choice_uses_the_views_presentation_scales():
    from autogradlab.render import layout_choice
    from components import svg_view

    assert layout_choice.READABLE == svg_view.PRESENT_MIN_SCALE
    assert layout_choice.MAX_SCALE == svg_view.PRESENT_MAX_SCALE
