"""Every program page in 简体中文 (`?lang=zh`) says no English sentence, including the corners
issue 10 found still English: a retold PyTorch error and its hint (Graph), PyTorch's own text inside
a Chinese sentence, a typed tangent direction's complaint (Steps: not "in the link"), the Jacobian
heatmap's title and axes, and the Eigen page. Code (`inline`, blocks) and PyTorch's own words are
allowed; four English words in a row elsewhere are a sentence left untranslated."""

from __future__ import annotations

import json
import re

from autogradlab import links
from components import state
from components.heatmap import EXAMPLE as JACOBIAN_PROGRAM
from tests.app.test_lang import open_app, texts

SENTENCE = re.compile(r"[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}")
MM = "import torch\na = torch.ones(2, 3)\nb = a @ a\n"
STACK = "import torch\ns = torch.stack([torch.ones(2), torch.ones(3)])\n"


def english(shown: str, allowed: tuple[str, ...] = ()) -> list[str]:
    for words in allowed:
        shown = shown.replace(words, "")
    shown = re.sub(r"```.*?```", "", shown, flags=re.DOTALL)
    shown = re.sub(r"`[^`]*`", "", shown)
    return SENTENCE.findall(shown)


def test_graph_page_pytorch_error_and_hint_in_chinese():
    at = open_app(code=links.encode_code(MM), lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "无法相乘形状" in shown or "无法把" in shown, shown
    assert "第一个的最后一维大小" in shown or "第一个矩阵的列数" in shown, shown
    assert not english(shown), english(shown)


def test_pytorchs_own_text_sits_in_a_chinese_sentence():
    at = open_app(code=links.encode_code(STACK), lang="zh")
    assert not at.exception
    shown = texts(at)
    own = re.search(r"PyTorch 报告（原文）：(.+?)(?:\n|$)", shown)
    assert own, shown
    assert not english(shown, (own.group(1),)), english(shown, (own.group(1),))


def test_steps_page_typed_direction_complaint_in_chinese():
    at = open_app("steps.py", lang="zh")
    at.text_input(key=state.STEPS_DIRECTION).set_value("x").run()
    assert not at.exception
    shown = texts(at)
    assert "输入的值必须写成 NAME=VALUES" in shown, shown
    assert "链接" not in "\n".join(w.value for w in at.warning)
    assert not english(shown), english(shown)


def test_jacobian_page_heatmap_in_chinese():
    at = open_app("jacobian.py", code=links.encode_code(JACOBIAN_PROGRAM), lang="zh")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    layout = spec["layout"]
    assert "J 的形状为 2 × 3" in layout["title"]["text"] and " is " not in layout["title"]["text"]
    assert layout["xaxis"]["title"]["text"].startswith("输入：")
    assert layout["yaxis"]["title"]["text"].startswith("输出：")
    assert not english(texts(at)), english(texts(at))


def test_eigen_page_in_chinese():
    at = open_app("eigen.py", lang="zh")
    assert not at.exception
    assert not english(texts(at)), english(texts(at))


def test_the_check_finds_english_on_the_english_page():
    at = open_app(code=links.encode_code(MM), lang="en")
    found = english(texts(at))
    assert any("the first matrix needs as many columns" in s for s in found), found


def test_a_refusal_names_the_construct_in_chinese():
    source = "import torch\ntorch.foo = 1\n"   # (a tensor's own `x.foo = 1` runs since session 25)
    at = open_app(code=links.encode_code(source), lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "Autograd Lab 不支持：给属性 `.foo` 赋值" in shown, shown
    assert not english(shown, ("Autograd Lab",)), english(shown, ("Autograd Lab",))


def test_a_refusal_with_a_reason_and_a_size_limit_in_chinese():
    for source, said in (("import torch\nx = torch.ones(2, pin_memory=True)\n", "内存位置是固定的"),
                         ("x = [0] * 10**6\n", "重复得到的序列将有 1,000,000 项"),
                         ("d = {'a': 1}\ny = d['b']\n", "字典中没有键 'b'")):
        at = open_app(code=links.encode_code(source), lang="zh")
        assert not at.exception
        shown = texts(at)
        assert said in shown, shown
        assert re.search(r"第 \d+ 行第 \d+ 列", shown), shown   # the place, in Chinese
        assert not english(shown, ("Autograd Lab",)), english(shown, ("Autograd Lab",))


def test_steps_page_leaf_rule_in_chinese():
    """A leaf's reverse step: the rule stays code, its "(leaf: accumulate)" is said in Chinese."""
    at = open_app("steps.py", lang="zh", mode="reverse", step="2")
    assert not at.exception
    shown = texts(at)
    assert "`x.grad += ḡ`（叶子张量：梯度累加到 .grad 上）" in shown, shown
    assert "leaf: accumulate" not in shown, shown
    at_en = open_app("steps.py", lang="en", mode="reverse", step="2")
    assert "`x.grad += ḡ` (a leaf: its .grad accumulates)" in texts(at_en), texts(at_en)


def help_texts(at) -> list[str]:
    """Every widget's tooltip (`help=`) on the page."""
    found = []
    for kind in ("button", "toggle", "selectbox", "radio", "text_input", "number_input", "segmented_control",
                 "slider", "text_area", "checkbox", "multiselect"):
        found += [e.help for e in at.get(kind) if getattr(e, "help", None)]
    return found


def test_every_tooltip_in_chinese_on_every_page():
    for page, params in ((None, {}), ("steps.py", {"mode": "reverse"}), ("steps.py", {"mode": "tangent"}),
                         ("jacobian.py", {"code": links.encode_code(JACOBIAN_PROGRAM)}), ("eigen.py", {}),
                         ("gallery.py", {}), ("about.py", {})):
        at = open_app(page, lang="zh", **params)
        assert not at.exception, page
        helps = help_texts(at)
        assert page in ("gallery.py", "about.py") or helps, page
        left = [h for h in helps if english(h)]
        assert not left, (page, left)


def test_graph_pages_no_graph_help_keeps_the_technical_name_as_code_in_chinese():
    """Issue 10: technical names stay as code; the zh help said "**requires grad**" as an English word."""
    at = open_app(code=links.encode_code("x = 3\nprint(x)\n"), lang="zh")
    shown = texts(at)
    assert "**需要梯度**（`requires_grad=True`）" in shown, shown
    assert "requires grad" not in shown, shown
