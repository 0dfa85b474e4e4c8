"""Session 41 (corpus-s41: EngComp4's eigenvectors lesson calls sympy's `A.diagonalize()` on a NumPy array,
Norvig's probability lesson `f.intersection(...)` and `x in f` on a function): a name the value's real class
does not have at all fails with Python's own AttributeError (lang/missing_members.py), `x in f` with
Python's TypeError naming 'function' (not the engine's class), compared with plain Python; a name the class
has that the engine does not offer stays refused, uncaught."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

SETUP = "import numpy as np\nimport math\nA = np.array([[1, 2], [3, 4]])\ns = 'text'\nxs = [1]\n" \
        "d = {1: 2}\nt = (1,)\nn = 3\nz = 0.5\ndef f(x):\n    return x\ng = lambda y: y\nS = {1, 2}\n"


@pytest.mark.parametrize("expr", [
    "A.diagonalize()", "A.eigenvals()", "A.eigenvals", "s.uper()", "s.foo", "xs.push(2)", "d.has_key(1)",
    "t.append(2)", "n.foo", "z.is_int()", "f.intersection(3)", "g.foo()", "S.push(3)", "1 in f", "2 not in g",
    "1 in math", "1 in math.sqrt", "1 in len",
])
def test_python_words_for_a_name_python_lacks(expr: str) -> None:
    fails_like_python(SETUP + f"y = {expr}\n")
    compare(SETUP + f"try:\n    y = {expr}\nexcept (AttributeError, TypeError) as e:\n"
                    "    print(type(e).__name__, e)\n")


def test_a_typo_keeps_its_did_you_mean() -> None:
    report = run_program(SETUP + "y = s.uper()\n")
    assert report.error.hint == "did you mean `.upper`?"


@pytest.mark.parametrize(("expr", "named"), [("A.tofile('x')", "`.tofile()`"), ("A.ctypes", "`.ctypes`"),
                                             ("xs.__class__", "`__class__`")])
def test_names_the_class_has_stay_refused(expr: str, named: str) -> None:
    source = SETUP + f"try:\n    y = {expr}\nexcept Exception as e:\n    print('caught')\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert named in report.error.message and report.printed == ""


@pytest.mark.parametrize("source", ["x = None\nx.foo()\n", "import torch\nx = torch.ones(1)\nx.gard\n"])
def test_other_values_keep_their_messages(source: str) -> None:
    report = run_program(source)
    assert not report.ok
    assert "None" in report.error.message or "'Tensor' object has no attribute 'gard'" in report.error.message
