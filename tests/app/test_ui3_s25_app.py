"""Session 25's look (ui3), the structure: the Graph page in normal mode shows a program's error in the
graph's column, above the graph (under the 260-px editor its hint was below a 1280x720 screen; the
browser test tests/e2e/test_ui3_s25_browser.py measures it); the Steps drawing in presentation mode
has larger small lines (the op's PyTorch class)."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app

NOT_SCALAR = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * 2\ny.backward()\n")


def _columns_with_error(at) -> list[int]:
    columns = at.columns[:2]            # the page's editor column and its graph column
    return [k for k, column in enumerate(columns) if len(column.error)]


def test_the_graph_pages_error_and_hint_are_in_the_graphs_column():
    at = open_app("graph.py", code=links.encode_code(NOT_SCALAR))
    assert not at.exception
    assert _columns_with_error(at) == [1]
    right = at.columns[1]
    assert "line 4" in right.error[0].value
    hints = [info.value for info in right.info]
    assert any("Hint" in hint and "ones" in hint for hint in hints), hints


def test_in_chinese_too():
    at = open_app("graph.py", code=links.encode_code(NOT_SCALAR), lang="zh")
    assert _columns_with_error(at) == [1]
    assert "第 4 行" in at.columns[1].error[0].value


def test_presentation_mode_keeps_the_error_full_width_above():
    at = open_app("graph.py", code=links.encode_code(NOT_SCALAR), present="1")
    assert not at.exception
    assert _columns_with_error(at) == []
    assert len(at.error) == 1
