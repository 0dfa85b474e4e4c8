"""The Jacobian page draws torch.func's jacrev/jacfwd/hessian calls (session 38, real sandbox): the PyTorch
tutorial "Jacobians, Hessians, hvp, vhp, and more" shows its three Jacobians as heatmaps with their checks
and names its two vmap batches; a Hessian is labelled as one, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "jacobian.py")
TUTORIAL = (ROOT / "tests" / "programs" / "tutorial_jacobians_hessians_func.py").read_text()
HESSIAN = ("import torch\nfrom torch.func import hessian, jacrev\n"
           "def f(x):\n    return (torch.sin(x) * x).sum()\n"
           "x = torch.tensor([0.5, -1.0, 2.0])\nH = hessian(f)(x)\nJ = jacrev(f)(x)\n")


def open_page(source: str, lang: str = "en", **params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["code"] = links.encode_code(source)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_the_tutorial_shows_its_jacrev_calls_as_heatmaps_with_checks():
    at = open_page(TUTORIAL)
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    (picker,) = at.selectbox
    options = list(picker.options)   # as the page labels them
    assert len(options) == 3, options
    assert "jacrev(predict, argnums=2)(weight, bias, x)" in options[0] and "(16×16)" in options[0]
    assert "(16×272)" in options[1] and "(33×1984)" in options[2]
    text = " ".join(m.value for m in at.markdown)
    assert "the program called jacrev(predict): PyTorch computed it in reverse mode, vectorized" in text
    assert any("✓ checks agree" in s.value for s in at.success)
    captions = " ".join(c.value for c in at.caption)
    assert "line 108: `jacrev(predict)` under vmap computes a batch of Jacobians" in captions
    assert "line 120: `hessian(predict)` under vmap computes a batch of Hessians" in captions
    assert "calls no `jacobian(...)`" not in " ".join(i.value for i in at.info)


def test_the_third_call_from_a_link_and_its_cell():
    at = open_page(TUTORIAL, call="2", cell="0,5")
    assert not at.exception
    assert at.selectbox[0].index == 2
    assert at.query_params["call"] == "2" and at.query_params["cell"] == "0,5"
    captions = " ".join(c.value for c in at.caption)
    assert ("the chain-rule paths are drawn for jacobian(...) calls, not for "
            "jacrev(predict_with_output_summed)") in captions


def test_a_hessian_is_labelled_as_one_in_english_and_chinese():
    at = open_page(HESSIAN)
    assert not at.exception
    labels = list(at.selectbox[0].options)
    assert labels[0].endswith("(3×3, Hessian)") and "Hessian" not in labels[1], labels
    assert "PyTorch computed this Hessian" in " ".join(m.value for m in at.markdown)
    zh = open_page(HESSIAN, "zh")
    assert not zh.exception
    labels = list(zh.selectbox[0].options)
    assert "黑塞矩阵" in labels[0], labels
    text = " ".join(m.value for m in zh.markdown)
    assert "程序调用了 hessian(f)" in text and "the program called" not in text
    assert "the chain-rule" not in " ".join(c.value for c in zh.caption)



def test_the_tutorials_notes_are_said_in_chinese():
    at = open_page(TUTORIAL, "zh")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "第 108 行：vmap 下的 `jacrev(predict)` 一次算出一批雅可比矩阵" in captions
    assert "第 120 行：vmap 下的 `hessian(predict)` 一次算出一批黑塞矩阵" in captions
    assert "under vmap" not in captions and "chain-rule" not in captions
    assert "程序调用了 jacrev(predict)" in " ".join(m.value for m in at.markdown)
