"""The Graph page under an error with no earlier good run to show: a program refused before it ran
(syntax error, a construct the static checker refuses) says nothing ran and names the line; a program
that failed while running keeps "computed before the error". The program stays in the editor."""

from __future__ import annotations

import pytest

from autogradlab import links
from components import state
from tests.app.test_lang import open_app

SYNTAX = "import torch\nx = torch.ones(2, requires_grad=True\ny = x * 2\n"
REFUSED = "import torch\nx = torch.ones(2)\nclass A(metaclass=type):\n    pass\n"
RUNTIME = "import torch\nx = torch.ones(2, 2)\nprint('ran')\ntorch.cat((x, x), dim=2)\n"


def headings(at) -> str:
    return "\n".join(m.value for m in at.markdown if m.value.startswith("#### "))


@pytest.mark.parametrize(("program", "line"), [(SYNTAX, 2), (REFUSED, 3)])
def test_a_refused_program_says_nothing_ran_and_names_the_line(program: str, line: int):
    at = open_app(code=links.encode_code(program))
    assert not at.exception, at.exception
    assert f"line {line}" in at.error[0].value
    shown = headings(at)
    assert f"#### Graph · _nothing ran: the program was refused at line {line}_" in shown
    assert "#### Variables" not in shown   # no empty table whose help says "assign a value"
    assert "before the error" not in shown
    helps = [i.value for i in at.info]
    assert any("reads the whole program before it runs any of it" in h for h in helps), helps
    assert not any("requires grad" in h for h in helps), helps   # not the no-graph-yet help
    assert at.text_area(key=state.EDITOR).value == program


def test_a_refused_program_says_nothing_ran_in_chinese():
    at = open_app(code=links.encode_code(REFUSED), lang="zh")
    assert not at.exception, at.exception
    shown = headings(at)
    assert "#### 计算图 · _没有运行任何代码：程序在第 3 行被拒绝_" in shown
    assert "出错前" not in shown
    assert any("先读完整个程序再运行" in i.value for i in at.info)


def test_a_program_that_failed_while_running_keeps_computed_before_the_error():
    at = open_app(code=links.encode_code(RUNTIME))
    assert not at.exception, at.exception
    assert "line 4" in at.error[0].value
    shown = headings(at)
    assert "#### Graph · _computed before the error_" in shown
    assert "#### Variables · _computed before the error_" in shown
    assert "nothing ran" not in shown
    assert "ran" in [c.value for c in at.code]
    assert at.text_area(key=state.EDITOR).value == RUNTIME


def test_after_a_good_run_a_refused_program_still_shows_the_last_good_run():
    at = open_app(code=links.encode_code("import torch\nw = torch.ones(2, requires_grad=True)\n"))
    at.text_area(key=state.EDITOR).input(REFUSED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert "line 3" in at.error[0].value
    shown = headings(at)
    assert "#### Graph · _last good run_" in shown and "nothing ran" not in shown
    assert at.text_area(key=state.EDITOR).value == REFUSED
