"""A lesson pasted from a notebook with its set-up lines runs on the Graph and Steps pages, and the Graph
page's note names the skipped lines, in English and Chinese (lang/notebook_lines.py)."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app, texts

NOTEBOOK = ("%matplotlib inline\nimport torch\n!pip install d2l==1.0.3\n"
            "x = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\ny.backward()\n"
            "print(x.grad)\n")


def test_the_graph_page_runs_the_lesson_and_names_the_skipped_lines():
    at = open_app(code=links.encode_code(NOTEBOOK))
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert any("tensor([ 0.,  4.,  8., 12.])" in c.value for c in at.code), [c.value for c in at.code]
    assert "line 1: `%matplotlib inline` was skipped: it sets up a notebook and changes nothing here" in shown
    assert "line 3: `!pip install d2l==1.0.3` was skipped" in shown


def test_the_graph_page_in_chinese_and_the_steps_page_steps_through_it():
    at = open_app(code=links.encode_code(NOTEBOOK), lang="zh")
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert "第 1 行：已跳过 `%matplotlib inline`：它只用于设置笔记本，在这里不改变任何结果" in shown, shown
    assert "was skipped" not in shown
    at = open_app("steps.py", code=links.encode_code(NOTEBOOK), lang="zh")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "**前向计算**：`dot` 计算它的值" in texts(at)
