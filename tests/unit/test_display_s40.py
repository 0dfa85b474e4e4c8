"""`display(x)` (a Jupyter notebook's builtin, lang/display_calls.py): shown as a bare expression statement is
shown, at the call's line, also inside loops and functions (as IPython's display does); keyword arguments
and more than MAX_DISPLAYS values refused with messages in both languages. Oracles: the engine's own bare
expression display, and IPython 8's display() (its texts below, taken from IPython's run of the program)."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine.run import run_program
from autogradlab.lang.display_calls import MAX_DISPLAYS
from autogradlab.limits import Limits

VALUES = ["torch.ones(2, 3)", "[1, 2.5, 'a']", "np.arange(4.0)", "{'k': torch.tensor(2.0)}", "3", "'text'",
          "A()", "(torch.zeros(1), None)", "f", "torch.ones(100, 100)"]
HEAD = "import torch\nimport numpy as np\n\n\nclass A:\n    pass\n\n\ndef f(v):\n    return v\n\n\n"


@pytest.mark.parametrize("value", VALUES)
def test_display_shows_what_a_bare_expression_shows(value):
    bare = run_program(HEAD + f"{value}\n")
    shown = run_program(HEAD + f"display({value})\n")
    assert bare.error is None and shown.error is None, (bare.error, shown.error)
    assert [(d.line, d.text) for d in shown.displayed] == [(d.line, d.text) for d in bare.displayed]
    assert len(shown.displayed) == 1


NOTEBOOK = """import torch
x = torch.ones(2)
display(x)
display(None)
display("a", 3)
display()
r = display(x)
print(r)
for i in range(2):
    display(i)
def g():
    display([1, 2])
g()
"""
# what IPython 8.12's display() shows for NOTEBOOK, in order (and the printed None)
IPYTHON = ["tensor([1., 1.])", "None", "'a'", "3", "tensor([1., 1.])", "0", "1", "[1, 2]"]


def test_display_anywhere_as_ipython_shows():
    report = run_program(NOTEBOOK)
    assert report.error is None, report.error
    assert [d.text for d in report.displayed] == IPYTHON
    assert [d.line for d in report.displayed] == [3, 4, 5, 5, 7, 10, 10, 12]
    assert report.printed == "None\n"


def test_a_program_of_its_own_display_keeps_it():
    report = run_program("def display(v):\n    print('mine', v)\n\n\ndisplay(2)\n")
    assert report.error is None and report.printed == "mine 2\n" and not report.displayed


def test_keyword_arguments_are_refused_by_name_in_both_languages():
    report = run_program("x = 1\ndisplay(x, raw=True)\n")
    assert report.error is not None and report.error.kind == "unsupported" and report.error.line == 2
    assert "`raw=` was given" in report.error.message
    assert report.error.key == "errors_s40.display_keywords"
    zh = error_text.message("zh", report.error)
    assert "raw=" in zh and "关键字" in zh, zh


@pytest.mark.parametrize(("count", "fails"), [(MAX_DISPLAYS - 1, False), (MAX_DISPLAYS, False),
                                              (MAX_DISPLAYS + 1, True)])
def test_values_shown_below_at_and_above_the_limit(count, fails):
    report = run_program(f"for i in range({count}):\n    display(i)\n", limits=Limits())
    assert (report.error is not None) == fails, report.error
    assert len(report.displayed) == min(count, MAX_DISPLAYS)
    if fails:
        assert report.error.kind == "limit" and report.error.line == 2
        assert report.error.key == "errors_s40.display_limit" and report.error.hint_key is not None
        assert f"{MAX_DISPLAYS}" in error_text.message("zh", report.error)
        assert "print" in error_text.hint("zh", report.error)
