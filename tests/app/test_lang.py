"""English / 简体中文 in AppTest: `?lang=zh` on every page (the Run button reads 运行, labels and error
boxes are Chinese), the toggle switches the texts and keeps the program, and `lang` stays in the URL
across page switches. AppTest has no browser locale, so without `lang` the pages are English."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state
from components.i18n import TOGGLE

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TIMEOUT = 90
PROGRAM = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\nz.backward()\n"


def open_app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP if page is None else str(ROOT / "views" / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("info", "warning", "error", "success", "title", "subheader", "expander"):
        parts += [getattr(e, "value", None) or getattr(e, "label", "") for e in at.get(kind)]
    for kind in ("button", "toggle", "selectbox", "radio", "text_input", "text_area", "number_input",
                 "segmented_control", "slider"):
        parts += [getattr(e, "label", "") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def run_button(at: AppTest) -> str:
    return at.button(key=state.RUN_BUTTON).label


def test_graph_page_in_chinese_from_the_link():
    at = open_app(code=links.encode_code(PROGRAM), lang="zh")
    assert not at.exception
    assert run_button(at).startswith("运行")
    shown = texts(at)
    assert "#### 计算图" in shown and "#### 变量" in shown and "计算图样式" in shown
    assert "Printed output" not in shown and "Variables" not in shown
    assert at.query_params["lang"] == "zh"
    assert at.segmented_control(key=TOGGLE).value == "zh"


def test_without_lang_the_app_is_english_and_the_url_has_no_lang():
    at = open_app()
    assert run_button(at).startswith("Run")
    assert "#### Graph" in texts(at)
    assert "lang" not in at.query_params


def test_error_box_in_chinese():
    at = open_app(lang="zh")
    at.text_area(key=state.EDITOR).input("import torch\ny = x + 1\n")
    at = at.button(key=state.RUN_BUTTON).click().run()
    box = " ".join(e.value for e in at.error)
    assert "名称错误 NameError（第 2 行" in box and "名称 'x' 未定义" in box
    assert "Name error" not in box


def test_hint_in_chinese():
    at = open_app(lang="zh", code=links.encode_code("import torch\nx = torch.onez(2)\n"))
    hints = " ".join(i.value for i in at.info)
    assert "**提示：** 你是不是想写 `torch.ones`？" in hints


def test_toggle_switches_the_texts_and_keeps_the_program():
    at = open_app()
    at.text_area(key=state.EDITOR).input(PROGRAM)
    at = at.button(key=state.RUN_BUTTON).click().run()
    at = at.segmented_control(key=TOGGLE).set_value("zh").run()
    assert not at.exception
    assert run_button(at).startswith("运行")
    assert "#### 变量" in texts(at)
    assert at.text_area(key=state.EDITOR).value == PROGRAM
    assert links.decode_code(at.query_params["code"]) == PROGRAM
    assert at.query_params["lang"] == "zh"
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]"
    at = at.segmented_control(key=TOGGLE).set_value("en").run()
    assert run_button(at).startswith("Run") and "#### Variables" in texts(at)
    assert at.query_params["lang"] == "en"
    assert at.text_area(key=state.EDITOR).value == PROGRAM


def test_lang_survives_a_page_switch():
    at = open_app(lang="zh", code=links.encode_code(PROGRAM))
    at.query_params.pop("lang", None)   # a page switch starts the new page's URL without it
    at = at.switch_page("views/steps.py").run()
    assert not at.exception
    assert at.query_params["lang"] == "zh"
    assert run_button(at).startswith("运行")
    assert "模式" in texts(at)


@pytest.mark.parametrize("page, chinese, english", [
    ("steps.py", ["模式", "对输出执行 backward"], ["Mode", "Run backward on the output"]),
    ("jacobian.py", ["载入示例"], ["Load an example"]),
    ("eigen.py", ["特征向量：矩阵只拉伸、不旋转的方向", "矩阵来源"], ["Matrix from"]),
    ("about.py", ["关于 Autograd Lab", "单次运行的限制"], ["About Autograd Lab", "Limits of one run"]),
])
def test_every_page_in_chinese(page, chinese, english):
    at = open_app(page, lang="zh", code=links.encode_code(PROGRAM))
    assert not at.exception
    shown = texts(at)
    for words in chinese:
        assert words in shown, words
    for words in english:
        assert words not in shown, words
    if page in ("steps.py", "jacobian.py"):   # the pages with the program editor
        assert run_button(at).startswith("运行")


def test_steps_card_in_chinese():
    at = open_app("steps.py", lang="zh", code=links.encode_code(PROGRAM), mode="reverse", step="0")
    card = " ".join(m.value for m in at.markdown if "反向传播" in m.value)
    assert "**反向传播**" in card and "传入的伴随梯度" in card


def test_eigen_words_in_chinese():
    at = open_app("eigen.py", lang="zh", matrix="[[2,1],[1,2]]")
    shown = texts(at)
    assert "对称（A = Aᵀ）" in shown and "互不相同的实特征值" in shown


def test_about_limits_table_in_chinese():
    at = open_app("about.py", lang="zh")
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["限制", "值"] and "时间" in list(frame["限制"])


@pytest.mark.parametrize("page", ["steps.py", "jacobian.py"])
def test_error_box_in_chinese_on_the_other_program_pages(page):
    source = "import torch\nx = torch.ones(3, requires_grad=True)\ny = (x * z).sum()\n"
    at = open_app(page, lang="zh", code=links.encode_code(source))
    assert not at.exception
    box = " ".join(e.value for e in at.error)
    assert "名称错误 NameError（第 3 行" in box and "名称 'z' 未定义" in box


def test_bad_link_warning_in_chinese():
    at = open_app(lang="zh", code="%%%garbage")
    warnings = " ".join(w.value for w in at.warning)
    assert "此链接无法按原样使用" in warnings and "链接中的 `code` 不是由 Autograd Lab 编码的程序" in warnings


def test_steps_notes_in_chinese():
    at = open_app("steps.py", lang="zh", code=links.encode_code("sin(x) * exp(y)"))
    captions = " ".join(c.value for c in at.caption)
    assert "表达式模式：x, y 成为叶子张量" in captions, captions
    assert "expression mode" not in captions
