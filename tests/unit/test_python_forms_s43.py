"""Session 43's compiled Python forms (lang/compiled_python_forms.py): `a if c else b`, `and`/`or`,
comparisons beyond one plain operator (`in`, `not in`, `is`, chains) and single-underscore names read or
called (`v._prev`, `out._backward()`), which the generic eval walked node by node (micrograd's Value).

Oracles: the same program with each switch off and all off (test_compiled_blocks.outcome: error kind,
message, line and column, the step count, the variables, the printed text and the op records), real Python
for the printed text, every step cut alike, the time check alike, the call depth below and at the limit,
and the private-name refusals where they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from autogradlab.lang import compiled, compiled_python_forms  # noqa: F401 - compiled first (import cycle)
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_method_calls_s41 import same_both_ways

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")
SWITCHES = ("IF_EXPRESSIONS", "BOOL_OPERATORS", "COMPARE_CHAINS", "PRIVATE_NAMES")
MICROGRAD = (Path(__file__).parent.parent / "programs" / "loop_micrograd.py").read_text() \
    .replace("for k in range(8):", "for k in range(1):")


@pytest.fixture(params=[[name] for name in SWITCHES] + [list(SWITCHES)], ids=[*SWITCHES, "all"])
def off(request, monkeypatch):
    def run() -> None:
        for name in request.param:
            monkeypatch.setattr(compiled_python_forms, name, False)
    return run


PROGRAMS = {
    "forms": """import numpy as np
import torch


class Node:
    def __init__(self, v, kids=()):
        self.v = v
        self._prev = set(kids)
        self._op = '' if not kids else '+'
        self._back = lambda: None

    def __contains__(self, x):
        return x == self.v

    def __bool__(self):
        return self.v != 0

    def _double(self, k=2):
        return self.v * k


a, b = Node(1), Node(0)
c = Node(3, (a, b))
print(len(c._prev), c._op, a._op == '', c._double(), c._double(k=3), c._back())
print((a if a else b).v, (b or a).v, (a and b).v, (b and a).v, 0 or [] or 'x', 1 and 2 and 0)
print(3 in c, 4 in c, 3 not in c, a in c._prev, b not in c._prev, c is c, c is not a, None is None)
x, xs, s = 0.5, [1, 2, 3], {1, 2}
print(0 < x < 1, 1 < x < 2, 0 < x > 1, 1 < 2 < 3 < 4, 2 in xs, 5 not in s, 'a' in 'abc', 1 == 1.0 < 2)
t = torch.tensor([1.0, 2.0])
print(t if x > 0 else -t, t.sum() if t is not None else 0, (x > 0) and t.sum())
n = np.float64(2.5)
print(n if n > 2 else -n, n is n, n > 1 > 0, 'big' if n > 2 and x < 1 else 'small', -1 if n < 0 else 1)
print([v for v in range(6) if v % 2 == 0 or v == 5], [('e' if v % 2 == 0 else 'o') for v in range(4)])
""",
    "micrograd_one_step": MICROGRAD,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_alike_and_as_python(name, off):
    source = PROGRAMS[name]
    error, _, _, printed, _ = same_both_ways(source, Limits(timeout_s=60), off)
    assert error is None, error
    if name == "forms":
        assert printed == python_prints(source)
    else:   # micrograd's losses: the last digits follow a set's order (test_micrograd_program_s43)
        assert printed.splitlines()[:2] == python_prints(source).splitlines()[:2]


ERRORS = {   # (error kind, line): a Python error (the next test: the same class and text) or a refusal
    "tensor_truth": ("import torch\nt = torch.tensor([1.0, -2.0])\ny = t if t > 0 else 0\n", ("value", 3)),
    "in_function": ("y = 1 in print\n", ("type", 1)),
    "bool_function": ("y = print or 1\n", ("unsupported", 1)),
    "list_private": ("xs = [1]\ny = xs._private\n", ("unsupported", 2)),
    "tensor_private": ("import torch\nt = torch.ones(2)\ny = t._version\n", ("unsupported", 3)),
    "numpy_private_call": ("import numpy as np\nn = np.float64(1)\ny = n._x()\n", ("unsupported", 3)),
    "object_private_missing": ("class A:\n    pass\ny = A()._nothing\n", ("value", 3)),
    "object_private_missing_call": ("class A:\n    pass\ny = A()._nothing(print('x'))\n",
                                    ("value", 3)),
    "class_private": ("class A:\n    _count = 2\n    def _m(self):\n        return self._count\n"
                      "y = A._count + A()._m()\nprint(y, A()._m.__name__)\n", None),
    "chain_short": ("def f(v):\n    print('f', v)\n    return v\ny = f(1) < f(0) < f(print)\nprint(y)\n",
                    None),
    "dunder_stays": ("class A:\n    pass\ny = A().__dict__\n", ("unsupported", 3)),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_and_refusals_alike(name, off):
    source, expected = ERRORS[name]
    error, _, _, printed, _ = same_both_ways(source, Limits(), off)
    assert (error[0], error[2]) == expected if expected is not None else error is None, error
    assert "x" not in printed   # `A()._nothing(print('x'))`: the method looked up before its argument ran


def test_python_errors_caught_as_cpython():
    source = """import torch
t = torch.tensor([1.0, -2.0])
for f in (lambda: t if t > 0 else 0, lambda: 1 in print, lambda: A()._nothing, lambda: A()._nothing(1)):
    try:
        print(f())
    except (RuntimeError, TypeError, AttributeError) as e:
        print('caught', type(e).__name__, e)
"""
    source = "class A:\n    pass\n\n\n" + source
    error, _, _, printed, _ = same_both_ways(source, Limits(), lambda: None)
    assert error is None, error
    assert printed == python_prints(source)


def test_every_step_cut_alike(off):
    source = """class V:
    def __init__(self, d, kids=()):
        self.d = d
        self._prev = set(kids)
    def _up(self, k):
        return V(self.d + k, (self,)) if k > 0 else self
seen = set()
v = V(1)
for k in range(3):
    w = v._up(k)
    if w not in seen and (k > 0 or w is v):
        seen.add(w)
    v = w if 0 <= k < 2 else v
print(len(seen), v.d, len(v._prev))
"""
    assert_every_step_cut_alike(source, off)


def test_time_check_alike(off, monkeypatch):
    source = "xs = set()\nk = 0\nwhile k < 100:\n    k = k + 1 if k not in xs and (k >= 0 or k) else k\n"
    assert_time_check_alike(source, off, monkeypatch)


RECURSE = """class R:
    def _down(self, n):
        return 0 if n == 0 or n is None else 1 + self._down(n - 1)


print(R()._down({n}))
"""


@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_and_above(n, fails, off):
    error, *_ = same_both_ways(RECURSE.format(n=n), Limits(max_call_depth=20), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]


def test_the_forms_are_compiled():
    """The short ways are taken: no generic eval of these nodes with the switches on."""
    import ast

    from autogradlab.lang.interpreter import Interpreter
    from tests.unit.test_compiled_blocks import outcome
    seen = []
    real = Interpreter.eval

    def spy(self, node):  # noqa: ANN001, ANN202
        seen.append(type(node))
        return real(self, node)
    Interpreter.eval = spy
    try:
        outcome(PROGRAMS["forms"], Limits())
    finally:
        Interpreter.eval = real
    assert not {ast.IfExp, ast.BoolOp, ast.Compare} & set(seen), seen
    assert seen.count(ast.Attribute) == 0, seen
