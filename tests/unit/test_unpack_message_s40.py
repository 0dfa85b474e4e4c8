"""Unpacking a number or None says what CPython says ("cannot unpack non-iterable int object"), not
"'int' object is not iterable" (the words of a `for` over it), with and without a starred target, in
loops and functions, and in Chinese (errors_lang.cannot_unpack)."""

from __future__ import annotations

import re

import pytest

from autogradlab import messages
from autogradlab.engine import run_program

CJK = re.compile(r"[\u4e00-\u9fff]")
CASES = ["a, b = 5\n", "a, b = None\n", "[a, b] = True\n", "a, *b = 3.5\n", "a, b = 2j\n",
         "for i, j in [1, 2]:\n    pass\n", "def f():\n    a, b = 2.5\n\nf()\n",
         "xs = [(1, 2), 3]\nfor a, b in xs:\n    print(a, b)\n"]


def _python(source: str) -> tuple[str, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<lesson>", "exec"), {})
        except TypeError as exc:
            return str(exc), out.getvalue()
    raise AssertionError("CPython ran it")


@pytest.mark.parametrize("source", CASES)
def test_the_message_is_cpythons_and_says_itself_in_chinese(source):
    message, printed = _python(source)
    report = run_program(source, torchviz=False)
    error = report.error
    assert error is not None and error.kind == "type"
    assert error.message == message and report.printed == printed
    assert error.key == "errors_lang.cannot_unpack", error.key
    params = dict(error.params)
    assert messages.text("en", error.key, **params) == message
    assert CJK.search(messages.text("zh", error.key, **params))


def test_a_for_over_a_number_keeps_its_own_words():
    error = run_program("for i in 5:\n    pass\n", torchviz=False).error
    assert error.message == "'int' object is not iterable" and error.key == "errors_lang.not_iterable"


def test_unpacking_what_can_be_unpacked_still_runs():
    report = run_program("a, b = (1, 2)\nc, *d = [3, 4, 5]\nprint(a, b, c, d)\n", torchviz=False)
    assert report.error is None and report.printed == "1 2 3 [4, 5]\n"
