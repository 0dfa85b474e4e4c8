"""Session 43 (issue 9, session 42's leftovers), decided: `frozenset`, `fractions.Fraction` and
`decimal.Decimal` stay refused (none of the 102 lesson programs of corpus-s41/s42 uses them; each would be
a new kind of value through every operator, method, size charge and view), now with a hint that says what
to write instead, in English and 简体中文; `class X(dict)`, `x = yield 1` / `g.send(v)` and NumPy's
`ScalarType` / `sctypeDict` stay refused naming the construct at its line."""

from __future__ import annotations

import re

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("source, line, says, hint_says", [
    ("s = frozenset([1, 2])\n", 1, "`frozenset` is not supported", "use a set (`set(...)`)"),
    ("xs = [1]\nkey = frozenset(xs)\n", 2, "`frozenset` is not supported", "use a set"),
    ("from fractions import Fraction\nprint(Fraction(1, 3))\n", 1, "`from fractions import Fraction`",
     "fractions and decimal are not available"),
    ("import decimal\n", 1, "`import decimal`", "write the value as a float"),
    ("from decimal import Decimal as D\n", 1, "`from decimal import Decimal`", "write the value as a float"),
])
def test_refused_with_a_hint_in_both_languages(source: str, line: int, says: str, hint_says: str) -> None:
    report = run_program(source)
    assert report.error.kind == "unsupported" and report.error.line == line, report.error
    assert says in report.error.message and hint_says in report.error.hint, report.error
    zh_hint = error_text.box("zh", report.error).split("提示", 1)[1]
    assert HAN.search(zh_hint) and "available" not in zh_hint and "write the value" not in zh_hint, zh_hint


@pytest.mark.parametrize("source, line, says", [
    ("class X(dict):\n    pass\n", 1, "`class X(dict)`"),
    ("def g():\n    x = yield 1\n    yield x\n", 2, "`yield` anywhere but as a statement of its own"),
    ("def g():\n    yield 1\nit = g()\nnext(it)\nit.send(2)\n", 5, "the method `.send()` of generator"),
    ("from numpy import *\nprint(ScalarType)\n", 2, "`numpy.ScalarType` is not supported"),
    ("import numpy as np\nnp.sctypeDict\n", 2, "`numpy.sctypeDict` is not supported"),
])
def test_still_refused_naming_the_construct(source: str, line: int, says: str) -> None:
    report = run_program(source)
    assert report.error.kind == "unsupported" and report.error.line == line, report.error
    assert says in report.error.message, report.error
