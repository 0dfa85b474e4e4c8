"""Session 41 (corpus-s41, learn-python3's "functions" lesson): `help(f)` of the program's own def or lambda
prints what CPython's help() prints with its output redirected (lang/user_help.py), compared with plain
Python; the text is charged like print (max_printed_chars just above and below)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s31 import limits

PRINT_SUM = ('def print_sum(val1, val2):\n    """Function which prints the sum of given arguments."""\n'
             '    print(f"sum: {val1 + val2}")\n\n\nprint(help(print_sum))\n')


@pytest.mark.parametrize("source", [
    PRINT_SUM,
    'def calculate_sum(val1, val2):\n    """This is a longer docstring.\n\n    Args:\n'
    '        val1: The first.\n'
    '\n    Returns:\n        The sum.\n\n    """\n    return val1 + val2\n\n\nprint(help(calculate_sum))\n',
    "def nodoc(a, b=2, *rest, k: int = 3, m, **kw) -> int:\n    return a\nhelp(nodoc)\n",
    "def pos(a, /, b, c='x', d=None, e=0.5, f=(1, 'a')):\n    '''One line.'''\nhelp(pos)\n",
    "g = lambda x, y=1: x + y\nhelp(g)\n",
    "def outer():\n    def inner(z):\n        'Inner doc.'\n        return z\n    return inner\n"
    "help(outer())\n",
    "import torch\ndef f(x=torch.ones(2), s: 'str' = 'a', xs=[1, 2]) -> torch.Tensor:\n    '  Indented.\\n\\n"
    "  More.'\n    return x\nhelp(f)\n",
    "def f():\n    x = 1\n    'not a docstring'\nhelp(f)\n",
])
def test_help_of_the_programs_function_prints_like_python(source: str) -> None:
    compare(source)


def test_help_text_is_charged_like_print() -> None:
    size = len("Help on function print_sum in module __main__:\n\nprint_sum(val1, val2)\n"
               "    Function which prints the sum of given arguments.\n\n")
    source = PRINT_SUM.replace("print(help(print_sum))", "help(print_sum)")
    assert run_program(source, limits=limits(max_printed_chars=size)).ok
    report = run_program(source, limits=limits(max_printed_chars=size - 1))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 6, report.error


@pytest.mark.parametrize("source", [
    # (a bound method `help(A().m)`: CPython's text since session 43, tests/unit/test_introspection_s43.py)
    "import contextlib\n@contextlib.contextmanager\ndef c():\n    yield 1\nhelp(c)\n",
    "help(len, 1)\n",
])
def test_other_help_forms_stay_refused(source: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind in ("unsupported", "type"), report.error


@pytest.mark.parametrize("name", ["str.replace", "str.lower", "str.upper", "str.strip", "str.split",
                                  "str.join"])
def test_help_of_a_str_method_prints_like_python(name: str) -> None:
    # learn-python3's strings lesson: `help(str.replace)` (the builtin type's method, its pydoc text)
    compare(f"help({name})\n")
