"""Session 41 (corpus-s41, Norvig's Probability notebook: `def P(event: Event, cases: Space) -> Fraction`):
a def's bare-name annotations are read when the def runs, as Python 3.11 reads them, so an undefined one is
Python's NameError at the def line (the engine ran on); defined ones, string annotations, typing forms and
`from __future__ import annotations` behave as in Python (lang/annotation_names.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python


@pytest.mark.parametrize("source", [
    "def P(event: Event, cases: Space) -> int:\n    return 1\n",
    "def f(x) -> Fraction:\n    return x\n",
    "def balls(name: str, n) -> List[str]:\n    return [name]\n",   # Norvig's cell 14: List not imported
    "import torch\ndef f(x: torch.Tensor, y: np.ndarray):\n    return x\n",
    "from typing import Dict\ndef f(x: Dict[str, Missing]):\n    return x\n",
    "def f(*args: Missing):\n    return 1\n",
    "def f(*, k: Missing = 1):\n    return k\n",
    "def f(a, /, b: Missing):\n    return a\n",
    "def f(**kw: Missing):\n    return kw\n",
    "x = 1\nfor i in range(3):\n    def g(y: Later):\n        return y\n",
])
def test_an_undefined_annotation_fails_like_python(source: str) -> None:
    fails_like_python(source)


@pytest.mark.parametrize("source", [
    "def f(x: int, y: float = 2.0) -> str:\n    return str(x + y)\nprint(f(1))\n",
    "import torch\ndef f(x: torch.Tensor) -> torch.Tensor:\n    return x * 2\nprint(f(torch.ones(2)))\n",
    "from typing import List\ndef f(xs: List[int]) -> int:\n    return sum(xs)\nprint(f([1, 2]))\n",
    "def f(x: 'Later') -> 'Later':\n    return x\nprint(f(3))\n",
    "from __future__ import annotations\ndef f(x: Later) -> Later:\n    return x\nprint(f(3))\n",
    "class Value:\n    def __add__(self, other: 'Value') -> 'Value':\n        return self\n"
    "print(type(Value() + Value()).__name__)\n",
    "def f(x: frozenset, y: property) -> memoryview:\n    return 1\nprint(f(1, 2))\n",
    "Event = set\ndef P(event: Event) -> int:\n    return len(event)\nprint(P({1, 2}))\n",
    "try:\n    def f(x: Nope):\n        return x\nexcept NameError as e:\n    print(e)\n",
])
def test_defined_or_lazy_annotations_run_like_python(source: str) -> None:
    compare(source)


def test_a_method_annotated_with_its_own_class_fails_inside_the_class_body() -> None:
    # Python: NameError: name 'Value' is not defined (the class body's frame, at the def line)
    report = run_program("class Value:\n    def __add__(self, other: Value) -> Value:\n        return self\n")
    assert not report.ok and report.error.line == 2 and report.error.message == "name 'Value' is not defined"


def test_the_error_names_the_def_line() -> None:
    report = run_program("x = 1\n\ndef f(a: int,\n      b: Missing):\n    return a\n")
    assert not report.ok and report.error.line == 4 and "Missing" in report.error.message
