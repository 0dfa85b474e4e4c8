"""Plotting calls session 39's skipping (lang/plot_calls.py) leaves out, decided in session 40: a call in a
class body (a class here holds definitions only: refused before running, now with a hint that says where the
call can go, instead of the list of what a class may define) and a plotting call inside an expression (a
conditional expression, a comprehension, an assignment: its value is used, so it stops with the plotting
message, which names the call and says the lines before ran). Both languages."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine.run import run_program

PLT = "import matplotlib.pyplot as plt\nshow = True\n"


def test_a_call_in_a_class_body_says_where_it_can_go():
    report = run_program(PLT + "class A:\n    plt.plot([1, 2])\n    x = 1\n\n\nprint(A.x)\n")
    assert report.error is not None and report.error.line == 4 and report.error.kind == "unsupported"
    assert "`plt.plot([1, 2])` in the body of `class A`" in report.error.message
    assert report.error.hint_key == "errors_s40.class_call_hint"
    assert "plt.plot(...)" in report.error.hint and "after the class" in report.error.hint
    assert "plt.plot(...)" in error_text.hint("zh", report.error)
    # the hint's way runs: after the class, the statement is skipped
    moved = run_program(PLT + "class A:\n    x = 1\n\n\nplt.plot([1, 2])\nprint(A.x)\n")
    assert moved.error is None and moved.printed == "1\n"


def test_other_class_body_statements_keep_the_class_hint():
    report = run_program("class A:\n    x = 1\n    x + 1\n")
    assert report.error is not None and report.error.hint_key == "errors_classes.class_hint"


@pytest.mark.parametrize("line", ["plt.plot([1, 2]) if show else None",
                                  "lines = [plt.plot([k]) for k in (1, 2)]", "shown = plt.plot([1, 2])"])
def test_a_plotting_value_used_in_an_expression_stops_with_the_plotting_message(line):
    report = run_program(PLT + "print('before')\n" + line + "\nprint('after')\n")
    assert report.printed == "before\n"
    assert report.error is not None and report.error.line == 4 and report.error.kind == "unsupported"
    assert report.error.message == ("`matplotlib.pyplot.plot`: plotting is not available in Autograd Lab; "
                                    "the lines before this one ran")
    assert "plot" in error_text.message("zh", report.error)
