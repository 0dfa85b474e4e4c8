"""Session 35: the interpreter's short ways for a lesson's objects (issue 9: dataflowr's backprop lesson,
5,000 SGD steps through layer objects' forward/backward/step methods, ran 3.1-4.4 s CPU against 0.03 s
plain and hit the time limit under load).

Each short way answers as the general way did: `obj.m(...)` of a method the class defines, `obj.x` of
an instance value, a user function called with its parameters by position, `xs.append(v)` and the
other list methods, a short list of objects checked as storable, an object bound to a name, an atom
returned. These tests compare the printed text with CPython (tests/oracle.run_trusted) where the cases
differ only in which way they take, and check that what the general way refused is still refused with
its words.
"""

from __future__ import annotations

import re

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from tests.oracle import run_trusted


def _same_as_python(source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    report = run_program(source, torchviz=False, limits=limits)
    oracle = run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.error is None, report.error
    assert report.printed == oracle.printed


@pytest.mark.parametrize("source", [
    "class A:\n    def __init__(self, b):\n        self.b = b\n"
    "    def f(self, x):\n        return x + self.b\n"
    "a = A(2.0)\ns = 0.0\nfor i in range(50):\n    s = a.f(s)\nprint(s)\n",
    # an instance value holding a function is called, not the class's method of the same name
    "class A:\n    def f(self):\n        return 'method'\n"
    "a = A()\na.f = lambda: 'own'\nprint(a.f())\nb = A()\nprint(b.f())\n",
    # a method found on a base class; super() inside it sees the right owner
    "class B:\n    def f(self, x):\n        return x * 2\nclass C(B):\n    def f(self, x):\n"
    "        return super().f(x) + 1\nc = C()\nprint([c.f(i) for i in range(3)])\n",
    # keyword arguments, defaults, *args: the general binding
    "class A:\n    def f(self, x, y=3, *rest, z=4):\n        return (x, y, rest, z)\n"
    "a = A()\nprint(a.f(1), a.f(1, 2), a.f(1, 2, 5, 6), a.f(x=1, z=9), a.f(1, y=7))\n",
    # a static method and a class method called on an instance
    "class A:\n    n = 5\n    @staticmethod\n    def s(x):\n        return x + 1\n    @classmethod\n"
    "    def c(cls, x):\n        return cls.n + x\na = A()\nprint(a.s(1), a.c(2))\n",
    # a property shadows nothing in the instance's values (a setter writes another name)
    "class A:\n    def __init__(self):\n        self._v = 1\n    @property\n    def v(self):\n"
    "        return self._v * 10\na = A()\nprint(a.v)\na._v = 3\nprint(a.v)\n",
    # objects bound to loop variables, in short lists, indexed and iterated again and again
    "class L:\n    def __init__(self, w):\n        self.w = w\n"
    "    def forward(self, x):\n        return self.w * x\n"
    "layers = [L(1.5), L(2.0), L(-1.0)]\nx = 1.0\nfor i in range(20):\n    for layer in layers:\n"
    "        x = layer.forward(x) / 2\n    x = x + layers[i % 3].w\nprint(x, layers[0].w)\n",
    # returns of every kind: a number, a tuple, None, an object, a function
    "class P:\n    pass\ndef f(k):\n    if k == 0:\n"
    "        return 1.5\n    if k == 1:\n        return (1, 'a')\n"
    "    if k == 2:\n        return None\n    if k == 3:\n        return P()\n    return f\n"
    "print([type(f(k)).__name__ for k in range(5)])\n",
    # list methods: the short way's and the others (sort, extend with an iterator) as Python
    "xs = []\nfor i in range(300):\n"
    "    xs.append(i * 0.5)\nprint(len(xs), xs.pop(), xs.index(2.0), xs.count(1.0))\n"
    "xs.extend(iter([7, 8]))\nxs.sort(key=lambda v: -v)\nprint(xs[:3], xs.pop(0))\n"
    "ys = [1, 2]\nys.insert(0, 5)\nys.remove(2)\nys.reverse()\nprint(ys)\n",
    # a list of objects grown past the containers' memory (256 items) and read back
    "class O:\n    def __init__(self, i):\n        self.i = i\n"
    "os_ = []\nfor i in range(400):\n    os_.append(O(i))\n"
    "    os_.append(i)\nprint(len(os_), os_[-2].i, sum(o.i for o in os_ if type(o) is O))\n",
])
def test_the_short_ways_answer_as_python(source: str) -> None:
    _same_as_python(source)


@pytest.mark.parametrize("source, words", [
    ("import torch\nxs = []\nxs.append(torch)\n", r"cannot be used in `.append\(\)`"),
    ("import torch\nxs = []\nfor i in range(300):\n    xs.append(i)\nxs.append(torch.nn)\n",
     r"cannot be used in `.append\(\)`"),
    ("xs = []\nxs.append(1, 2)\n", r"append\(\) takes exactly one argument"),
    ("xs = []\nxs.append(x=1)\n", r"takes no keyword arguments"),
    ("xs = []\nxs.pop()\n", r"pop from empty list"),
    ("xs = [1]\nxs.frobnicate()\n", r"'list' object has no attribute 'frobnicate'"),   # Python's (s41)
    ("import math\ndef f(g):\n    return g\nf(math)\n", r"as an argument of f"),
    ("import math\nclass A:\n    def f(self, g):\n        return g\nA().f(math)\n",
     r"as an argument of A\.f"),
    ("import math\nclass A:\n    pass\nfor a in [A(), math]:\n    pass\n", r"math"),
    ("class A:\n    def __init__(self):\n        self.x = 1\nprint(A().__dict__)\n", r"__dict__"),
    ("class A:\n    def f(self):\n        return 1\nA().__f()\n", r"__f"),
])
def test_what_the_general_way_refused_is_refused_with_its_words(source: str, words: str) -> None:
    error = run_program(source, torchviz=False).error
    assert error is not None
    assert re.search(words, error.message), error.message
    assert error.line is not None


def test_the_lessons_layer_objects_run_within_their_budget() -> None:
    """The dataflowr lesson's loop (tests/programs/loop_layer_objects.py) prints CPython's numbers."""
    from tests.programs.manifest import PROGRAMS_DIR
    _same_as_python((PROGRAMS_DIR / "loop_layer_objects.py").read_text(encoding="utf-8"),
                    Limits(timeout_s=60))   # (a loaded CI machine: the values, not the time)
