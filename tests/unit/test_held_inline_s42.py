"""`self.grad = grad` for an attribute the object holds, set again to an atom: plain_classes.set_attribute's
HELD_ATOMS way inline in compiled_targets.bind_attribute (HELD_INLINE). Oracles: the same program with
the switch off (test_compiled_blocks.outcome: error, message, line, steps, variables, printed text, op
records) and CPython's printed text; each case the inline way must leave to set_attribute (a property's
setter, a frozen dataclass, a subclass, a new attribute, a value that is no atom) is here.
"""

from __future__ import annotations

import pytest

from autogradlab.lang import (
    compiled,  # noqa: F401 - first (the compiled modules alone meet an import cycle)
    compiled_targets,
    plain_classes,
)
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints
from tests.unit.test_method_calls_s41 import same_both_ways

SOURCE = """import numpy as np
from dataclasses import dataclass


class Plain:
    def __init__(self):
        self.w = 0.0

    def step(self, g):
        self.w = self.w - 0.1 * g
        self.grad = g
        self.grad = np.float64(g) * 2
        self.label = 'w'


class Guarded:
    def __init__(self):
        self._t = 0.0

    @property
    def t(self):
        return self._t

    @t.setter
    def t(self, value):
        self._t = value * 10


class Child(Plain):
    pass


@dataclass(frozen=True)
class Frozen:
    a: float


@dataclass
class Point:
    x: float


p, c, g, pt = Plain(), Child(), Guarded(), Point(1.0)
for k in range(6):
    p.step(k)
    c.step(k + 0.5)
    g.t = k
    pt.x = pt.x + k
    p.w = [p.w] if k == 3 else p.w
    p.w = p.w[0] if k == 3 else p.w
print(p.w, p.grad, p.label, c.w, c.grad, g.t, g._t, pt.x)
f = Frozen(1.0)
try:
    f.a = 2.0
except Exception as exc:
    print(type(exc).__name__, exc)
"""


@pytest.fixture
def off(monkeypatch):
    return lambda: monkeypatch.setattr(compiled_targets, "HELD_INLINE", False)


def test_alike_and_as_python(off):
    error, _, _, printed, _ = same_both_ways(SOURCE, Limits(), off)
    assert error is None, error
    assert printed == python_prints(SOURCE)


def test_the_short_way_is_taken(monkeypatch):
    """With the switch on, the held writes of Plain no longer reach set_attribute."""
    calls = {"on": 0, "off": 0}
    key = ["on"]
    real = compiled_targets.set_object_attribute
    monkeypatch.setattr(compiled_targets, "NEW_ATTRIBUTES", False)   # (test_object_attributes_s43)

    def spied(interp, base, name, value, initializing=False):  # noqa: ANN001, ANN202
        calls[key[0]] += 1
        return real(interp, base, name, value, initializing)
    monkeypatch.setattr(compiled_targets, "set_object_attribute", spied)
    same_both_ways(SOURCE, Limits(), lambda: (key.__setitem__(0, "off"),
                                              monkeypatch.setattr(compiled_targets, "HELD_INLINE", False)))
    assert calls["off"] >= calls["on"] + 20, calls


def test_held_atoms_off_is_kept(monkeypatch):
    """plain_classes.HELD_ATOMS off turns the inline copy off too (the same outcome)."""
    error, *_ = same_both_ways(SOURCE, Limits(),
                               lambda: monkeypatch.setattr(plain_classes, "HELD_ATOMS", False))
    assert error is None


def test_a_module_is_refused_as_before(off):
    """A held attribute set to a value no atom (the module `np`) goes to set_attribute, which refuses it."""
    source = ("import numpy as np\n\n\nclass A:\n    def __init__(self):\n        self.w = 1.0\n\n\n"
              "a = A()\nfor k in range(3):\n    a.w = 2.0 if k < 2 else np\n")
    error, *_ = same_both_ways(source, Limits(), off)
    assert error is not None and error[0] == "unsupported" and error[2] == 11, error
    assert "the module `numpy` cannot be used in an assignment" in error[1], error
