"""Session 43's short way for `obj.name = value` (lang/object_attributes.py, compiled_targets.NEW_ATTRIBUTES):
micrograd's Value.__init__ sets five attributes on every new Value. Oracles: the same program with the
switch off (test_compiled_blocks.outcome: error, steps, variables, printed text, ops), CPython's printed
text, every step cut alike, MAX_ATTRIBUTES at and above the limit, the attribute charge at and one below
the need, and the refusals (frozen dataclass, property without setter, `__slots__`, an unstorable value).
"""

from __future__ import annotations

import pytest

from autogradlab.lang import (
    compiled,  # noqa: F401 - first (the compiled modules alone meet an import cycle)
    compiled_targets,
)
from autogradlab.lang.plain_classes import MAX_ATTRIBUTES
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, python_prints
from tests.unit.test_compiled_blocks import outcome
from tests.unit.test_method_calls_s41 import same_both_ways


@pytest.fixture
def off(monkeypatch):
    return lambda: monkeypatch.setattr(compiled_targets, "NEW_ATTRIBUTES", False)


PROGRAM = """from dataclasses import dataclass
import numpy as np
import torch


class Value:
    def __init__(self, data, _children=()):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._prev = set(_children)
        self.name = None


class Base:
    kind = 'base'

    def __init__(self):
        self.w = [1, 2]


class Child(Base):
    def __init__(self):
        super().__init__()
        self.kind = 'own'
        self.t = torch.ones(2)


class Temp:
    def __init__(self):
        self._c = 0.0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        self._c = v * 2


class Fixed:
    @property
    def f(self):
        return 1


class Slotted:
    __slots__ = ('a',)


@dataclass
class Point:
    x: float
    y: float = 0.0


@dataclass(frozen=True)
class Frozen:
    x: float


class Sub(Frozen):
    pass


a = Value(np.float64(1.5))
b = Value(2.0, (a,))
b.data = b.data * 3
b._backward = print
b.name = {'k': [a]}
print(a.data, b.data, len(b._prev), a.grad, b.name['k'][0] is a, Value.__name__)
c = Child()
print(c.kind, Base.kind, c.w, c.t)
t = Temp()
t.c = 4
print(t.c, t._c)
p = Point(1.0)
p.y = 5
p.z = 'new'
print(p, p.z)
s = Slotted()
s.a = 3
print(s.a)
sub = Sub(1.0)
sub.extra = 2
print(sub.extra)
for make in (setattr_fixed, setattr_slot, setattr_frozen, setattr_sub):
    try:
        make()
    except (AttributeError, Exception) as e:
        print('caught', type(e).__name__, e)
"""
CASES = """

def setattr_fixed():
    Fixed().f = 2


def setattr_slot():
    Slotted().b = 2


def setattr_frozen():
    Frozen(1.0).x = 2


def setattr_sub():
    Sub(1.0).x = 2
"""


def _program() -> str:
    head, loop = PROGRAM.split("for make in")
    return head + CASES + "for make in" + loop


def test_program_alike_and_as_python(off):
    source = _program()
    error, _, _, printed, _ = same_both_ways(source, Limits(), off)
    assert error is None, error
    assert printed == python_prints(source)


REFUSED = {
    "module": "import numpy as np\nclass A:\n    def __init__(self):\n        self.m = np\nA()\n",
    "library_function": "import torch\nclass A:\n    pass\na = A()\na.f = torch.sin\n"
                        "print(a.f(torch.zeros(1)))\n",
    "generator": "def g():\n    yield 1\nclass A:\n    pass\na = A()\na.g = g()\nprint(next(a.g))\n",
    "exception_args": "class E(Exception):\n    pass\ne = E(1)\ne.args = (2, 3)\ne.note = 'x'\n"
                      "print(e.args, e.note)\n",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_other_values_alike(name, off):
    error, _, _, printed, _ = same_both_ways(REFUSED[name], Limits(), off)
    if error is None:
        assert printed == python_prints(REFUSED[name])


@pytest.mark.parametrize("extra", [MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES, MAX_ATTRIBUTES + 1])
def test_attribute_limit_below_at_and_above(extra, off):
    """MAX_ATTRIBUTES own attributes: the one past it stops the run, at the same line both ways."""
    setters = "\n".join(f"        self.a{k} = {k}" for k in range(extra))
    source = f"class A:\n    def __init__(self):\n{setters}\n\n\na = A()\nprint(a.a0)\n"
    error, *_ = same_both_ways(source, Limits(), off)
    assert (error is not None) == (extra > MAX_ATTRIBUTES), error
    if error is not None:
        assert error[0] == "limit" and error[2] == 3 + MAX_ATTRIBUTES, error


CHARGED = """class V:
    def __init__(self, d):
        self.d = d
        self.g = 0
        self.e = None


vs = [V(k) for k in range(5)]
print(len(vs))
"""


def _sequence_items(source: str) -> int:
    from tests.unit.test_object_paths_s42 import ran
    return ran(source).sizes.total_sequence_items


@pytest.mark.parametrize("margin", [0, -1])
def test_attribute_charge_at_and_below_the_need(margin, off):
    need = _sequence_items(CHARGED)
    error, *_ = same_both_ways(CHARGED, Limits(max_total_sequence_items=need + margin), off)
    assert (error is not None) == (margin < 0), error
    if error is not None:
        assert error[0] == "limit", error


def test_every_step_cut_alike(off):
    source = """class V:
    def __init__(self, d, kids=()):
        self.d = d
        self.k = set(kids)
        self.f = lambda: None
a = V(1.0)
b = V(a.d * 2, (a,))
b.d = b.d + 1
b.k = None
print(b.d)
"""
    assert_every_step_cut_alike(source, off)


def test_the_short_way_is_taken(monkeypatch):
    from autogradlab.lang import plain_classes
    calls = []
    real = plain_classes.set_attribute
    monkeypatch.setattr(compiled_targets, "set_object_attribute",
                        lambda *args: calls.append(args[2]) or real(*args))
    error, *_ = outcome("class V:\n    def __init__(self):\n        self.a = [1]\n        self.b = 2\nV()\n",
                        Limits())
    assert error is None and calls == [], calls
