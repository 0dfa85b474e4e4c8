"""Session 45's short ways for the program's own objects: a call site takes a def given some of its
defaults (positional_sites.DEFAULTS), `Name(...)` runs __init__ through its call's site
(compiled_expressions.NEW_OBJECTS), an operator's method runs through its node's site (object_operators.SITES)
and is reached from the operator's own site at once (tensor_sites.OBJECT_OPERANDS), `isinstance(x, C)` of a
class of the program answers at once (class_dispatch.QUICK_ISINSTANCE), `obj.x op= v` on an object at once
(compiled_targets.OBJECT_AUGMENT), a `def` statement's handler called at once (compiled.DEFS).

Oracles: the same program with each switch off and all off (test_compiled_blocks.outcome: error kind,
message, line and column, the step count, the variables, the printed text and the op records), real Python
for the printed text, every step cut alike, the call depth below, at and above the limit through __init__
and through an operator's method.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autogradlab.lang import (
    class_dispatch,
    compiled,  # noqa: F401 - first (an import cycle)
    compiled_expressions,
    compiled_targets,
    object_operators,
    positional_sites,
    tensor_sites,
)
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, python_prints
from tests.unit.test_compiled_blocks import outcome
from tests.unit.test_method_calls_s41 import same_both_ways

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")
SWITCHES = ((positional_sites, "DEFAULTS"), (compiled_expressions, "NEW_OBJECTS"),
            (object_operators, "SITES"),
            (tensor_sites, "OBJECT_OPERANDS"), (class_dispatch, "QUICK_ISINSTANCE"),
            (compiled_targets, "OBJECT_AUGMENT"), (compiled, "DEFS"))
PROGRAMS_DIR = Path(__file__).parent.parent / "programs"
_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


@pytest.fixture(params=[[switch] for switch in SWITCHES] + [list(SWITCHES)],
                ids=["DEFAULTS", "NEW_OBJECTS", "SITES", "OBJECT_OPERANDS", "QUICK_ISINSTANCE",
                     "OBJECT_AUGMENT", "DEFS", "all"])
def off(request, monkeypatch):
    def run() -> None:
        for module, name in request.param:
            monkeypatch.setattr(module, name, False)
    return run


def _loop_program(name: str, *changes: tuple[str, str]) -> str:
    source = (PROGRAMS_DIR / f"loop_{name}.py").read_text()
    for old, new in changes:
        assert old in source
        source = source.replace(old, new)
    return source


MIXED = """import torch


class V:
    def __init__(self, data, children=(), op='', scale=1.0):
        self.data = data * scale
        self.children = set(children)
        self.op = op
        self.grad = 0.0

    def __add__(self, other):
        other = other if isinstance(other, V) else V(other)
        return V(self.data + other.data, (self, other), '+')

    def __radd__(self, other):
        return self + other

    def __mul__(self, other):
        other = other if isinstance(other, V) else V(other)
        return V(self.data * other.data, (self, other), '*')

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __lt__(self, other):
        return self.data < (other.data if isinstance(other, V) else other)

    def __repr__(self):
        return f"V({self.data})"


class W(V):
    def __radd__(self, other):   # a subclass's reflected method goes first (Python's rule)
        return V(100.0) + other

    def __init__(self, data):
        super().__init__(data, (), 'w', scale=2.0)


class Only:
    def __radd__(self, other):
        return 'radd of ' + str(other)


a, b = V(2.0), V(3.0, op='b')
t = torch.tensor([1.0, 2.0], requires_grad=True)
out = []
for k in range(3):
    c = a * b + k
    d = k + c - a
    e = 2 * d + W(k)
    f = V(k) + W(1.0)
    g = V(t) * a + V(t, scale=0.5)
    out.append((c, d, e, f, len(c.children), c < d, isinstance(e, V), isinstance(e, W), isinstance(k, V),
                isinstance(W(1.0), (int, V)), -a))
    c.grad += 1.5
    c.grad -= k * 0.5
    c.grad *= 2
    c.data /= 4
    a.grad += c.data
    print(g.data, 5 + Only(), [1, 2] + [Only()] if k > 5 else k)
s = sum([V(1.0), V(2.0), W(3.0)], V(0.0))
(g.data.sum() * s.data).backward()
print(out, s, t.grad, a.grad, b.op)
for k in range(2):
    if k == 1:
        class U:   # the same sites meet another class's methods
            def __add__(self, other):
                return 'redefined'
    print((V(1.0) if k == 0 else U()) + a, a + 1, 1 + a)
"""

DEFAULTS = """def f(x, y=2, z=None):
    return (x, y, z)


def g(xs=[]):   # one list for every call, as in Python
    xs.append(len(xs))
    return xs


class P:
    def __init__(self, x, y=10):
        self.x, self.y = x, y

    def m(self, k=3):
        return self.x * k + self.y


out = []
for k in range(4):
    out.append(f(k))
    out.append(f(k, k + 1))
    out.append(f(k, z=k))
    out.append(f(k, k, k))
    out.append(len(g()))
    p = P(k) if k % 2 else P(k, -1)
    out.append((p.m(), p.m(k), p.x, p.y))
print(out, g())
"""

DEFS = """import functools


def counter(start):
    count = [start]

    def bump(by=1):
        count[0] += by
        return count[0]

    def doubled(f):
        @functools.wraps(f)
        def inner(*args):
            return 2 * f(*args)
        return inner
    return bump, doubled(bump)


out = []
for k in range(3):
    bump, twice = counter(k)

    def scaled(x, s=k):   # the default read when the def runs, each pass
        return x * s
    out.append((bump(), bump(k), twice(), scaled(2), scaled(2, 5), scaled.__name__, twice.__name__))
print(out)
"""
_REDEFINED = "for k in range(2):\n    if k == 1"
PROGRAMS = {
    "layer_objects": _loop_program("layer_objects", ("range(5000)", "range(40)")),
    "micrograd": _loop_program("micrograd", ("range(8)", "range(2)")),
    "mixed": MIXED,
    "defaults": DEFAULTS,
    "defs": DEFS,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_alike_and_as_python(name, off):
    source = PROGRAMS[name]
    error, steps, _, printed, _ = same_both_ways(source, Limits(timeout_s=120), off)
    assert error is None, error
    assert steps > 0
    if name != "micrograd":
        assert printed == python_prints(source)
        return
    # micrograd's losses: their last digits follow the order of a set of Values, which CPython takes from
    # the Values' addresses (test_micrograd_program_s43)
    got, want = printed.splitlines(), python_prints(source).splitlines()
    assert len(got) == len(want) == 5 and got[:2] == want[:2]
    for mine, real in zip(got[2:], want[2:], strict=True):
        assert _NUMBER.sub("#", mine) == _NUMBER.sub("#", real)
        for x, y in zip(_NUMBER.findall(mine), _NUMBER.findall(real), strict=True):
            assert float(x) == pytest.approx(float(y), rel=1e-9, abs=1e-12)


ERRORS = {   # (error kind, line, a part of the message); each the same both ways
    "init_returns": ("class A:\n    def __init__(self, x):\n        self.x = x\n        return x\n"
                     "for k in range(3):\n    a = A(k) if k < 2 else A(k)\n", None),
    "init_too_few": ("class A:\n    def __init__(self, x, y=1):\n        self.x = x\nfor k in range(3):\n"
                     "    a = A(k) if k < 2 else A()\n",
                     ("type", 5, "missing 1 required positional argument: 'x'")),
    "init_too_many": ("class A:\n    def __init__(self, x, y=1):\n        self.x = x\nfor k in range(3):\n"
                      "    a = A(k) if k < 2 else A(k, 1, 2)\n",
                      ("type", 5, "takes from 2 to 3 positional arguments but 4 were given")),
    "default_too_many": ("def f(x, y=1):\n    return x\nfor k in range(3):\n"
                         "    f(k) if k < 2 else f(k, 1, 2)\n",
                         ("type", 4, "takes from 1 to 2 positional arguments but 3 were given")),
    "no_init_arguments": ("class A:\n    pass\nfor k in range(3):\n    a = A() if k < 2 else A(k)\n",
                          ("type", 4, "A() takes no arguments")),
    "unsupported_operand": ("class A:\n    def __add__(self, o):\n        return 1\nfor k in range(3):\n"
                            "    y = A() + k if k < 2 else k - A()\n",
                            ("type", 5, "unsupported operand type(s) for -")),
    "error_in_dunder": ("class A:\n    def __mul__(self, o):\n        return o / 0\nfor k in range(3):\n"
                        "    y = A() * k\n", ("value", 3, "division by zero")),
    "augment_error": ("class A:\n    def __init__(self):\n        self.w = 1.0\na = A()\nfor k in range(3):\n"
                      "    a.w /= 1.0 if k < 2 else 0.0\n", ("value", 6, "float division by zero")),
    "augment_missing": ("class A:\n    pass\na = A()\na.w = 1.0\nfor k in range(3):\n"
                        "    a.w -= 0.5\n    a.v -= 1\n", ("value", 7, "'A' object has no attribute 'v'")),
    "not_implemented": ("class A:\n    def __add__(self, o):\n        return NotImplemented\n"
                        "class B:\n    def __radd__(self, o):\n        return 2\ny = A() + B()\n", None),
    "def_default_error": ("for k in range(3):\n    def f(x=1 / (2 - k)):\n        return x\n    y = f()\n",
                          ("value", 2, "division by zero")),
    "def_undefined_default": ("def g():\n    def f(x=nothing):\n        return x\n    return f\ng()\n",
                              ("name", 2, "name 'nothing' is not defined")),
    "unstorable_argument": ("import numpy as np\nclass A:\n    def __init__(self, m, k=0):\n"
                            "        self.m = m\n"
                            "for k in range(3):\n    a = A(k if k < 2 else np)\n", ("unsupported", 6, None)),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_and_refusals_alike(name, off):
    source, expected = ERRORS[name]
    error, *_ = same_both_ways(source, Limits(), off)
    assert error is not None
    if expected is not None:
        kind, line, text = expected
        assert (error[0], error[2]) == (kind, line), error
        assert text is None or text in error[1], error


def test_errors_caught_as_cpython():
    source = """class A:
    def __init__(self, x, y=2):
        self.x = x
        self.w = 1.0

    def __add__(self, o):
        return self.x / o


for g in (lambda: A(1) + 0, lambda: A(), lambda: A(1, 2, 3), lambda: A(1) - 1, lambda: 1 + A(1)):
    try:
        print(g())
    except (ZeroDivisionError, TypeError) as e:
        print('caught', type(e).__name__, e)
a = A(1)
try:
    a.w /= 0.0
except ZeroDivisionError as e:
    print('caught', e, a.w)
"""
    error, _, _, printed, _ = same_both_ways(source, Limits(), lambda: None)
    assert error is None, error
    assert printed == python_prints(source)


def test_every_step_cut_alike(off):
    source = """class V:
    def __init__(self, d, c=()):
        self.d = d
        self.c = c
    def __add__(self, o):
        o = o if isinstance(o, V) else V(o)
        return V(self.d + o.d, (self, o))
    def __radd__(self, o):
        return self + o
a = V(1.0)
for k in range(2):
    b = a + k
    b = k + b
    b.d -= 0.5
print(b.d)
"""
    assert_every_step_cut_alike(source, off)


INIT_RECURSION = ("class N:\n    def __init__(self, n, k=0):\n"
                  "        self.c = N(n - 1) if n > 0 else None\n\n\n"
                  "x = N({n})\nprint('made')\n")
DUNDER_RECURSION = ("class R:\n    def __init__(self, n):\n        self.n = n\n"
                    "    def __add__(self, o):\n"
                    "        return 0 if self.n == 0 else 1 + (R(self.n - 1) + o)\n\n\n"
                    "print(R({n}) + 1)\n")


@pytest.mark.parametrize("source", [INIT_RECURSION, DUNDER_RECURSION], ids=["init", "dunder"])
@pytest.mark.parametrize("n", [17, 18, 19, 20, 25])
def test_call_depth_below_at_and_above(source, n, off):
    error, _, _, printed, _ = same_both_ways(source.format(n=n), Limits(max_call_depth=20), off)
    if error is None:
        assert printed == python_prints(source.format(n=n))
    else:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]
    assert (error is not None) == (n >= 20), (n, error)   # (n + 1 levels of calls at the deepest)


def test_the_short_ways_are_taken(monkeypatch):
    """With the switches on, __init__ and the operators' methods reach call_function only from calls with
    keywords and the unpacking of `a, b = V(2.0), V(3.0, op='b')` (else the tests above compare a path with
    itself): 2 + 3 here."""
    from autogradlab.lang import instances, plain_classes
    counts = {"call_function": 0}
    real = plain_classes.call_function

    def counted(*args):  # noqa: ANN002, ANN202
        counts["call_function"] += 1
        return real(*args)
    monkeypatch.setattr(instances, "call_function", counted)
    monkeypatch.setattr(object_operators, "call_function", counted)
    error, *_ = outcome(PROGRAMS["mixed"].split(_REDEFINED)[0], Limits())
    assert error is None and counts["call_function"] == 5, (error, counts)
    monkeypatch.setattr(compiled_expressions, "NEW_OBJECTS", False)
    monkeypatch.setattr(object_operators, "SITES", False)
    outcome(PROGRAMS["mixed"].split(_REDEFINED)[0], Limits())
    assert counts["call_function"] > 50, counts
