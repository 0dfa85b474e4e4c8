"""The Steps page names the lines of the program that did not run (notebook set-up lines, plotting
calls), as the Graph page does, in English and Chinese; the op list's bookkeeping notes stay on the
Graph page (autogradlab/note_keys.skipped_lines)."""

from __future__ import annotations

from autogradlab import links, note_keys
from autogradlab.engine import run_program
from tests.app.test_lang import open_app, texts

LESSON = ("%matplotlib inline\nimport torch\nimport matplotlib.pyplot as plt\n"
          "x = torch.linspace(-2.0, 2.0, 5, requires_grad=True)\ny = torch.tanh(x).sum()\ny.backward()\n"
          "plt.plot(x.detach(), x.grad)\nplt.show()\nprint(x.grad)\n")
NOTEBOOK = "line 1: `%matplotlib inline` was skipped: it sets up a notebook and changes nothing here"
PLOTS = "the plotting calls on lines 7, 8 were skipped (plots are not drawn here); their arguments ran"


def test_skipped_lines_picks_the_notes_of_lines_that_did_not_run():
    report = run_program(LESSON)
    assert report.error is None
    assert note_keys.skipped_lines(report.notes) == [NOTEBOOK, PLOTS]
    loop = run_program("import torch\nx = torch.ones(2)\nfor i in range(300):\n    x = x * 1.0\n")
    assert loop.error is None and loop.notes and note_keys.skipped_lines(loop.notes) == []


def test_the_steps_page_names_the_skipped_lines():
    at = open_app("steps.py", code=links.encode_code(LESSON))
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert NOTEBOOK in shown and PLOTS in shown, shown
    assert "**Forward**: `tanh` computes its value" in shown, shown


def test_the_steps_page_names_them_in_chinese():
    at = open_app("steps.py", code=links.encode_code(LESSON), lang="zh")
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert "第 1 行：已跳过 `%matplotlib inline`：它只用于设置笔记本，在这里不改变任何结果" in shown, shown
    assert "was skipped" not in shown and "were skipped" not in shown
