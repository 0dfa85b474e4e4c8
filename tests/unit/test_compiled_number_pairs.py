"""Issue 9, session 12: compiled_number_pairs' closures (`n ** 2`, `n % 10 == 0`, `1 / n ** 2`) turn
_raw_binary's int bound around once, with the constant known. Each one must answer exactly what
compiled_numbers' general _raw_binary answers: the same value, or the same exception (Slow: the
per-node closures run; ZeroDivisionError, OverflowError) for every operator, every kind of operand
and ints on both sides of the bound, under bounds down to zero and below. (The programs that run
these closures end to end, against the generic walk, are test_compiled_numbers.py's.)
"""

from __future__ import annotations

import ast
import itertools

import pytest
import torch

from autogradlab.lang import compiled_number_pairs, compiled_numbers
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits

OPERATORS = ["+", "-", "*", "**", "%", "//", "/", "==", "<"]
CONSTANTS = ["0", "1", "2", "3", "7", "0.5", "2.0", str(2 ** 20), str(2 ** 40)]   # (`-1` is a tree)
VALUES = [0, 1, -1, 2, -2, 3, 5, 255, 256, -257, 2 ** 20 - 1, 2 ** 20, 2 ** 40, -(2 ** 40) - 1, 2 ** 100,
          0.25, -3.5, 1e200, True, False, None, "s"]
BITS = [5, 8, 9, 10, 12, 16, 30, 48, 72, 200]   # bound = max_int_bits - 8: -3, 0, 1, 2 ... 192
FORMS = {"name_constant": "a {op} {c}", "tree_constant": "(0 + a) {op} {c}",
         "constant_tree": "{c} {op} (0 + a)"}   # (0 + a): a tree the pairs do not specialise
for inner in ("a + 3", "a - 255", "a * 7", "a ** 2", "a % 10", "a // 2.0", "a / 4"):   # read inline
    FORMS[f"pair_constant {inner}"] = f"({inner}) {{op}} {{c}}"
    FORMS[f"constant_pair {inner}"] = f"{{c}} {{op}} ({inner})"


def _raw(bits: int, text: str, general: bool, monkeypatch) -> tuple:
    """(interpreter, raw closure of `text`), the pair closures switched off when `general`."""
    limits = Limits(max_int_bits=bits)
    interp = Interpreter(parse_program("a = 0\n", limits), "a = 0\n", limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=NullHooks())
    with monkeypatch.context() as patch:
        if general:
            patch.setattr(compiled_number_pairs, "pair", lambda *args: None)
        found = compiled_numbers.raw_tree(interp, ast.parse(text, mode="eval").body)
    assert found is not None, text
    return interp, found[0]


def _answer(interp: Interpreter, raw, value) -> tuple:
    interp.scope.vars["a"] = value
    try:
        result = raw()
    except Exception as exc:  # noqa: BLE001 - the exception is the answer compared
        return "raised", type(exc).__name__, str(exc)
    return "value", type(result).__name__, repr(result)


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("op", OPERATORS)
def test_pair_closures_answer_what_the_general_closure_answers(form, op, monkeypatch):
    checked = 0
    for bits, constant in itertools.product(BITS, CONSTANTS):
        text = FORMS[form].format(op=op, c=constant)
        mine, special = _raw(bits, text, False, monkeypatch)
        theirs, general = _raw(bits, text, True, monkeypatch)
        assert special.__name__ == form.split()[0] and general.__name__ == "run", (text, special, general)
        for value in VALUES:
            assert _answer(mine, special, value) == _answer(theirs, general, value), (bits, text, value)
            checked += 1
    assert checked == len(BITS) * len(CONSTANTS) * len(VALUES)


def test_both_sides_of_the_bound_are_reached():
    """The grid above is not all one answer: for `a ** 3` under max_int_bits 72 (bound 64), 2**20
    (21 bits: 63 < 64) is computed at once, 2**21 is handed back."""
    limits = Limits(max_int_bits=72)
    interp = Interpreter(parse_program("a = 0\n", limits), "a = 0\n", limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=NullHooks())
    raw, _ = compiled_numbers.raw_tree(interp, ast.parse("a ** 3", mode="eval").body)
    assert _answer(interp, raw, 2 ** 20) == ("value", "int", repr((2 ** 20) ** 3))
    assert _answer(interp, raw, 2 ** 21)[:2] == ("raised", "Slow")
