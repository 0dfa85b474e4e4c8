"""Operators of the program's classes (lang/object_operators.py), sum/min/max/sorted with key= over
objects, and a micrograd-style program (tests/programs/tutorial_micrograd_style.py): what they print
and the variables they leave equal real Python (tests/oracle.py run_trusted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted, without_address
from tests.unit.test_stored_objects import compare

VALUE = '''class V:
    def __init__(self, d):
        self.d = d
    def __add__(self, o):
        return V(self.d + (o.d if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.d)
    def __mul__(self, o):
        return V(self.d * (o.d if isinstance(o, V) else o))
    def __rmul__(self, o):
        return V(o * self.d)
    def __sub__(self, o):
        return self + (-o)
    def __rsub__(self, o):
        return o + (-self)
    def __neg__(self):
        return self * -1
    def __pos__(self):
        return self
    def __truediv__(self, o):
        return self * o ** -1
    def __rtruediv__(self, o):
        return V(o) * self ** -1
    def __pow__(self, k):
        return V(self.d ** k)
    def __lt__(self, o):
        return self.d < o.d
    def __repr__(self):
        return f"V({self.d})"
'''


@pytest.mark.parametrize("tail", [
    "a, b = V(2.0), V(3.0)\nprint(a + b, a + 1, 1 + a, a * b, 2 * a, a - b, 1 - a, -a, +a, a / b, 1 / a,\n"
    "      a ** 2)\n",
    "a = V(1)\na += 2\na *= V(3)\na -= 1\nprint(a)\n",
    "print(sum([V(1), V(2), V(3)]), sum((V(k) for k in range(4)), V(10)))\n",
    "print(V(1) < V(2), V(3) > V(2), V(2) < V(1))\n",
    "xs = [V(3), V(1), V(2)]\nprint(sorted(xs, key=lambda v: -v.d), max(xs, key=lambda v: v.d), "
    "min(V(5), V(4), key=lambda v: v.d))\nxs.sort(key=lambda v: v.d)\nprint(xs)\n",
    "print(max([], key=lambda v: v.d, default=V(0)),\n"
    "      sorted([V(2), V(1)], key=lambda v: v.d, reverse=True))\n",
    "import torch\nw = V(torch.tensor(2.0, requires_grad=True))\ny = (w * w + 3 * w).d\ny.backward()\n"
    "print(y, w.d.grad)\n",
])
def test_operators_equal_python(tail):
    compare(VALUE + tail)


@pytest.mark.parametrize("source", [
    "class A:\n    pass\nA() + 1\n",
    "class A:\n    pass\n1 + A()\n",
    "class A:\n    def __radd__(self, o):\n        return 1\nA() + A()\n",   # same type: no reflected call
    "class A:\n    pass\n[] + A()\n",
    "class A:\n    pass\n[1] * A()\n",
    "class A:\n    pass\n-A()\n",
    "class A:\n    pass\nA() < A()\n",
    "class A:\n    pass\nsum([A()])\n",
    "class A:\n    def __add__(self, o):\n        return 'x'\nprint(A() + 1)\nsum([A(), A()])\n",
    "class A:\n    pass\nx = A()\nx //= 2\n",
    "class A:\n    def __lt__(self, o):\n        return True\nA() >= A()\n",
])
def test_operator_errors_equal_python(source):
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.message == str(oracle.error).split(": ", 1)[-1] or \
        report.error.message in str(oracle.error), (report.error.message, oracle.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize("tail", ["print(sorted([V(2), V(1), V(3)]))", "print(min([V(2), V(1)]))",
                                  "print(max(V(2), V(1)))", "xs = [V(1), V(0)]\nxs.sort()\nprint(xs)",
                                  "print(sorted([V(2), V(1)], reverse=True), max([V(2), V(5)]))"])
def test_sorting_objects_without_key_uses_their_own_lt(tail):
    """Session 22: each comparison is the interpreter's (V.__lt__, or Python's TypeError for the `>` that
    max() asks of a class without __gt__), under the run's limits (lang/sorting.py _Ordered)."""
    compare(VALUE + tail + "\n")


def test_reflected_method_of_a_subclass_goes_first():
    compare("class A:\n    def __add__(self, o):\n        return 'A.add'\n    def __radd__(self, o):\n"
            "        return 'A.radd'\nclass B(A):\n    def __radd__(self, o):\n        return 'B.radd'\n"
            "print(A() + B(), B() + A(), A() + A())\n")


def test_a_str_formats_with_percent_before_any_rmod():
    compare("class A:\n    def __rmod__(self, o):\n        return 'rmod'\n    def __mod__(self, o):\n"
            "        return 'mod'\n    def __repr__(self):\n        return 'A'\n"
            "print('%s' % A(), '%r' % (A(),), 5 % A(), A() % 5, [1] % A() if False else 0)\n")


def test_comparisons_fall_back_to_the_mirrored_method():
    compare("class A:\n    def __init__(self, n):\n        self.n = n\n    def __gt__(self, o):\n"
            "        return self.n > o.n\nprint(A(1) < A(2), A(3) < A(2))\n")


MICRO = Path(__file__).resolve().parents[1] / "programs" / "tutorial_micrograd_style.py"
_FLOAT = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


def _close_texts(ours: str, real: str) -> bool:
    """The same text up to the last digits of its floats (a set's order decides how gradients add up)."""
    if _FLOAT.sub("#", ours) != _FLOAT.sub("#", real):
        return False
    return all(abs(float(x) - float(y)) <= 1e-9 * max(1.0, abs(float(y)))
               for x, y in zip(_FLOAT.findall(ours), _FLOAT.findall(real), strict=True))


def test_micrograd_style_program_equals_python():
    source = MICRO.read_text()
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, report.error
    assert report.printed == oracle.printed
    assert "24.7041\n138.8338\n645.5773\nTrue True True\n" in report.printed   # micrograd's README numbers
    assert list(report.variables) == list(oracle.variables)
    for name, real in oracle.variables.items():
        ours = report.variables[name]
        text = getattr(ours, "text", None)
        if text is not None and type(real).__module__ == "__main__" or isinstance(real, list) and text:
            assert _close_texts(text, without_address(repr(real))), name


def test_micrograd_style_program_gives_the_same_report_every_run():
    """A set of objects iterates in the order the run made them (CPython: by address)."""
    source = MICRO.read_text().replace("range(10)", "range(2)")
    first, second = run_program(source), run_program(source)
    assert first.ok and second.ok
    shown = [{k: repr(v) for k, v in report.variables.items()} for report in (first, second)]
    assert shown[0] == shown[1]
