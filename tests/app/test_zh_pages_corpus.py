"""The two corners an AppTest survey of every tests/programs program on the Graph, Steps (reverse,
tangent) and Jacobian pages in 简体中文 found still English (7 of 164 page runs; 0 after): the
Jacobian page's "'d' does not depend on 'a': every entry is 0" beside dY/dX, and the hint of a
refused torch.nn layer. The pure corpus over all programs is tests/unit/test_zh_notes_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from autogradlab import links
from components import state
from tests.app.test_lang import open_app, texts
from tests.app.test_zh_no_english import english

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"


@pytest.mark.parametrize("page, program, said, wrt", [
    # X picked by hand: since session 23 the page starts at a leaf the output depends on
    ("jacobian.py", "tutorial_d2l_en_autograd.py", "每个元素都是 0", "x"),
    ("graph.py", "tutorial_mrdbourke_linear.py", "模型和层；Autograd Lab 显示的是张量代码的自动求导图", None),
])
def test_page_says_the_corner_in_chinese(page, program, said, wrt):
    at = open_app(page, code=links.encode_code((PROGRAMS / program).read_text()), lang="zh")
    assert not at.exception
    if wrt is not None:
        at.selectbox(key=state.JACOBIAN_WRT).set_value(wrt).run()
        assert not at.exception
    shown = texts(at)
    assert said in shown, shown
    assert not english(shown, ("Autograd Lab",)), english(shown, ("Autograd Lab",))
