"""Session 32: np.polynomial's Polynomial class and np.polynomial.polynomial's functions
(lang/numpy_polynomial_class.py) against NumPy run on the same trusted text (NumPy's own text for
`1.0 + 2.0·x + 3.0·x²`); every bound just below and just above."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.numpy_poly1d import EVAL_UNITS, MAX_TERMS, ROOTS_WEIGHT, loop_work
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    "polynomial_class": """import numpy as np
from numpy.polynomial import Polynomial
p = Polynomial([1, 2, 3])
print(p)
print(repr(p), p(2), p([1, 2]), p(np.array([[0.5], [1.5]])), p.degree(), p.roots())
print(p.deriv(), p.deriv(2), p.integ(), p.integ(2), p.coef, p.domain, p.window, p.symbol, sep='\\n')
print(2 * p, p * p, p ** 2, p ** 2.0, p // Polynomial([1, 1]), p % Polynomial([1, 1]), sep='\\n')
print(p - 1, 1 - p, np.arange(2) * p, p + [1, 1], -p, +p, sep='\\n')
print(p == Polynomial([1, 2, 3]), p != p, len(p), type(p))
print(Polynomial([1, 0, -1]).roots(), Polynomial([1, 2, 0, 0]).trim(), Polynomial([1, 2, 3]).cutdeg(1))
print(Polynomial([1, 2], symbol='t'), Polynomial([1, 2], domain=[0, 1]), np.polynomial.Polynomial([5]))
print(Polynomial([1, 2], domain=[0, 2]).convert(), p.copy() == p)
for bad in (lambda: p ** 101, lambda: p ** -1, lambda: p ** 1.5):
    try:
        bad()
    except ValueError as e:
        print(e)
""",
    "polynomial_fit": """import numpy as np
from numpy.polynomial import Polynomial
x = np.linspace(0, 1, 11)
y = 3 * x ** 2 - x + 0.5
f = Polynomial.fit(x, y, 2)
print(np.round(f.convert().coef, 6), np.round(f(0.25), 6), f.domain)
g = np.polynomial.Polynomial.fit(x, y, [0, 2])
print(np.round(g.convert().coef, 6))
""",
    "polynomial_module": """import numpy as np
import numpy.polynomial.polynomial as P
from numpy.polynomial import polynomial as poly
c = P.polyfit([0, 1, 2], [1, 3, 7], 2)
print(np.round(c, 6), P.polyval(2, [1, 2, 3]), P.polyval([1, 2], [1, 2, 3]))
print(poly.polyval(0.5, [[1, 2], [3, 4]]))
print(P.polyder([1, 2, 3]), P.polyder([1, 2, 3], 2), P.polyint([1, 2, 3]), P.polyint([1, 2, 3], 2))
print(P.polymul([1, 1], [1, -1]), P.polyadd([1], [0, 1]), P.polysub([1, 2], [1]))
print(P.polydiv([1, 2, 1], [1, 1]))
print(P.polyroots([2, -3, 1]), P.Polynomial([1, 2]))
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_as_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


H = "import numpy as np\nfrom numpy.polynomial import Polynomial\nimport numpy.polynomial.polynomial as P\n"


def _limited(work: int):  # noqa: ANN202
    return dataclasses.replace(DEFAULT_LIMITS, max_call_work=work)


def test_terms_just_below_and_above_the_limit() -> None:
    same_as_python(H + f"p = Polynomial(np.ones({MAX_TERMS}))\nprint(p.degree())\n")
    refused(H + f"p = Polynomial(np.ones({MAX_TERMS + 1}))\n", "limit",
            f"{MAX_TERMS + 1:,} coefficients", line=4)
    half = MAX_TERMS // 2
    same_as_python(H + f"p = Polynomial(np.ones({half})) * np.ones({half + 1})\nprint(p.degree())\n")
    refused(H + f"p = Polynomial(np.ones({half})) * np.ones({half + 2})\n", "limit",
            f"{MAX_TERMS + 1:,} coefficients", line=4)
    refused(H + f"p = Polynomial(np.ones({MAX_TERMS}))\nq = p.integ(1)\n", "limit",
            f"{MAX_TERMS + 1:,} coefficients", line=5)
    refused(H + f"c = P.polyint(np.ones({MAX_TERMS}), 1)\n", "limit", f"{MAX_TERMS + 1:,} coefficients",
            line=4)
    refused(H + f"c = P.polymul(np.ones({half}), np.ones({half + 2}))\n", "limit",
            f"{MAX_TERMS + 1:,} coefficients", line=4)


@pytest.mark.parametrize("power", [2, 2.0])
def test_power_work_just_below_and_above_the_limit(power: float) -> None:
    n = 30   # (n + 1) coefficients ** 2: loop_work(2, n + 1) at the limit
    limits = _limited(loop_work(2, n + 1))
    ok = run_program(H + f"p = Polynomial(np.ones({n + 1})) ** {power}\nprint(p.degree())\n", limits=limits)
    assert ok.ok and ok.printed == f"{2 * n}\n", ok.error
    refused(H + f"p = Polynomial(np.ones({n + 2})) ** {power}\n", "limit", "p ** n would take about",
            limits=limits, line=4)
    refused(H + "p = Polynomial(np.ones(200)) ** 100\n", "limit", "19,901 coefficients", line=4)


@pytest.mark.parametrize("call", ["Polynomial(np.ones({n})).roots()", "P.polyroots(np.ones({n}))"])
def test_roots_work_just_below_and_above_the_limit(call: str) -> None:
    n = 100
    limits = _limited(ROOTS_WEIGHT * n ** 3)
    ok = run_program(H + f"r = {call.format(n=n)}\nprint(len(r))\n", limits=limits)
    assert ok.ok and ok.printed == f"{n - 1}\n", ok.error
    refused(H + f"r = {call.format(n=n + 1)}\n", "limit", f"degree {n:,}", limits=limits, line=4)


@pytest.mark.parametrize("call", ["Polynomial.fit(x, x, {deg})", "P.polyfit(x, x, {deg})"])
def test_fit_work_just_below_and_above_the_limit(call: str) -> None:
    points, deg = 100, 9   # 100 points x 10 terms x (10 + 1)
    limits = _limited(points * (deg + 1) * (deg + 2))
    source = H + f"x = np.linspace(0, 1, {points})\nc = {call}\nprint(1)\n"
    assert run_program(source.format(deg=deg), limits=limits).ok
    refused(source.format(deg=deg + 1), "limit", "arithmetic steps in one call", limits=limits, line=5)


@pytest.mark.parametrize("call", ["Polynomial(np.ones(10))(np.zeros({n}))",
                                  "P.polyval(np.zeros({n}), np.ones(10))"])
def test_evaluation_work_just_below_and_above_the_limit(call: str) -> None:
    limits = _limited(EVAL_UNITS * 1000)
    assert run_program(H + f"y = {call.format(n=100)}\n", limits=limits).ok
    refused(H + f"y = {call.format(n=101)}\n", "limit", f"{EVAL_UNITS * 1010:,} arithmetic steps",
            limits=limits, line=4)


def test_convert_of_a_long_polynomial_is_checked_first() -> None:
    refused(H + f"p = Polynomial(np.ones({MAX_TERMS}), domain=[0, 2])\nq = p.convert()\n", "limit",
            "p.convert() would take about", line=5)


@pytest.mark.parametrize(("line", "words"), [
    ("p.weights", "`.weights` of np.polynomial.Polynomial"),
    ("p.fit(1)", "`.fit()` of np.polynomial.Polynomial"),
    ("p + 'a'", "arithmetic of np.polynomial.Polynomial with str values"),
    ("p + np.poly1d([1])", "arithmetic of np.polynomial.Polynomial with numpy.poly1d values"),
    ("p(p)", "`p(x)` of a Polynomial with one number, list or array"),
    ("Polynomial.basis(3)", "`Polynomial.basis` is not supported"),
    ("Polynomial([1], symbol='x' * 21)", "symbol= takes a name of at most 20 characters"),
    ("Polynomial.fit([1, 2], [1, 2], 1, w=[1, 1])", "Polynomial.fit(x, y, deg)"),
    ("P.polyval(1, p)", "polyval takes coefficients (a list or array) in Autograd Lab, not a Polynomial"),
])
def test_refusals_name_the_construct(line: str, words: str) -> None:
    report = run_program(H + f"p = Polynomial([1, 2])\nprint({line})\n")
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert words in report.error.message, report.error
    assert report.error.key is not None, report.error
