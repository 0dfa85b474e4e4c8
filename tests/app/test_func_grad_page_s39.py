"""The Jacobian page draws torch.func's grad(f)(x) (session 39, real sandbox): the gradient as its 1 × n
Jacobian with the checks and their words ("1 column" when finite differences compared one), in English
and Chinese; the call's time leaves out functorch's one-time set-up."""

from __future__ import annotations

from tests.app.test_func_jacobian_page_s38 import open_page

GRAD = ("import torch\nfrom torch.func import grad\n"
        "def f(x):\n    return (x ** 2).sum() + torch.sin(x).prod()\n"
        "def g(b):\n    return (b * 3.0) ** 2\n"
        "x = torch.tensor([0.5, 1.0, 2.0])\nG = grad(f)(x)\nD = grad(g)(torch.tensor(0.5))\nprint(G, D)\n")


def test_a_gradient_is_a_one_row_heatmap_with_checks_that_agree():
    at = open_page(GRAD)
    assert not at.exception
    (picker,) = at.selectbox
    options = list(picker.options)
    assert len(options) == 2 and "line 8: G = grad(f)(x)" in options[0] and "(1×3)" in options[0], options
    assert "(1×1)" in options[1], options
    assert len(at.get("plotly_chart")) == 1
    text = " ".join(m.value for m in at.markdown)
    assert "the program called grad(f): PyTorch computed it in reverse mode, vectorized" in text
    (agree,) = [s.value for s in at.success if "checks agree" in s.value]
    assert "finite differences (float64, 3 columns)" in agree, agree
    assert "calls no `jacobian(...)`" not in " ".join(i.value for i in at.info)


def test_one_compared_column_is_one_column_in_both_languages():
    for lang, words in (("en", "finite differences (float64, 1 column)"),
                        ("zh", "有限差分（float64，1 列）")):
        at = open_page(GRAD, lang=lang, call="1")
        assert not at.exception
        (agree,) = [s.value for s in at.success if "1 column" in s.value or "1 列" in s.value]
        assert words in agree and "1 columns" not in agree, agree
