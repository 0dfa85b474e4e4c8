"""Session 38 (breadth, issue 9 part 2): operator.attrgetter (a known leftover: refused before), compared with
plain CPython; a name given as text reaches only what `obj.name` in the program's source reaches."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused

OP = "import operator\nfrom operator import attrgetter\nfrom collections import namedtuple\n" \
     "P = namedtuple('P', 'x y')\nps = [P(2, 1), P(1, 3), P(0, 2)]\n"


@pytest.mark.parametrize("snippet", [
    "print(sorted(ps, key=operator.attrgetter('x')))\nprint(max(ps, key=attrgetter('y')))\n",
    "g = attrgetter('x', 'y')\nprint(g, g(ps[0]))\ng\nh = operator.attrgetter('y')\n",
    "g = operator.itemgetter(1, 0)\ng\nprint(g((5, 6)))\n",
    "class A:\n    def __init__(self, b):\n        self.b = b\n\na = A(A(5))\n"
    "print(attrgetter('b.b')(a), attrgetter('b')(a).b, operator.attrgetter('real', 'imag')(3.5))\n",
    "import torch\nt = torch.arange(6.).reshape(2, 3)\n"
    "print(attrgetter('shape')(t), attrgetter('dtype', 'ndim')(t))\n"
    "print(attrgetter('T.shape')(t), attrgetter('grad')(t))\n",
    "import numpy as np\na = np.ones((2, 3))\nprint(attrgetter('shape', 'size')(a))\n",
    "print(list(map(attrgetter('x'), ps)), sorted(ps, key=attrgetter('y', 'x'), reverse=True))\n",
    "try:\n    attrgetter('z')(ps[0])\nexcept AttributeError as e:\n    print(e)\n"
    "try:\n    attrgetter(1)\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    attrgetter()\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    attrgetter('x')(ps[0], ps[1])\nexcept TypeError as e:\n    print(e)\n",
])
def test_attrgetter_runs_like_python(snippet: str) -> None:
    compare(OP + snippet + "del ps\n")   # a list of namedtuples: the oracle cannot compare it


@pytest.mark.parametrize("snippet, words", [
    ("operator.attrgetter('__class__')\n", "private"),
    ("attrgetter('x.__class__')\n", "private"),
    ("def f():\n    pass\n\nattrgetter('__globals__')(f)\n", "private"),
    ("attrgetter('_x')(3)\n", "private"),
    ("attrgetter('__dict__')(ps[0])\n", "private"),
    ("import torch\nattrgetter('grad_fn.__class__')(torch.ones(2, requires_grad=True) * 2)\n", "private"),
    ("import torch\nattrgetter('os')(torch)\n", "torch.os"),
    ("import torch\nattrgetter('load')(torch)\n", "torch.load"),
    ("import torch\nattrgetter('utils.data')(torch)\n", "torch.utils"),
    ("import torch\nattrgetter('nn.Linear')(torch)(2, 3)\n", "torch.nn.Linear"),
    ("import torch\nattrgetter('data_ptr')(torch.ones(2))\n", "data_ptr"),
    ("import torch\nattrgetter('untyped_storage')(torch.ones(2))()\n", "untyped_storage"),
    ("import numpy as np\nattrgetter('tofile')(np.ones(2))\n", "tofile"),
])
def test_attrgetter_reaches_only_what_source_reaches(snippet: str, words: str) -> None:
    assert words in refused(OP + snippet).message


def test_attrgetter_names_are_counted() -> None:
    """The names are counted as the items of itemgetter are, just below and above the sequence limit."""
    assert run_program(OP + "names = ['x'] * 99_000\ng = attrgetter(*names)\n").ok
    assert not run_program(OP + "g = attrgetter(*(['x'] * 100_001))\n").ok
