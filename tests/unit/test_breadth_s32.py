"""Session 32 (breadth): np.poly1d and np.roots (lang/numpy_poly1d.py), np.nditer's own API (flags
multi_index / c_index / f_index, it.multi_index, it.index, it.finished, it.iternext(), it[0];
lang/numpy_flat.py) and `'%d' % (a 0-d array, ...)`, each against CPython / NumPy run on the same trusted
text; limits just below and above."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    # np.poly1d as NumPy's reference and lessons use it: build, call, print, differentiate, integrate
    "poly1d_basics": """import numpy as np
p = np.poly1d([1, 2, 3])
print(p)
print(p(0.5), p(2), p([1, 2, 3]), p(np.array([[1.0], [2.0]])))
print(p.coeffs, p.c, p.coef, p.coefficients, p.order, p.o, p.variable)
print(p.r, p.roots, np.roots([1, -3, 2]), np.roots(p))
print(p.deriv(), p.deriv(2), p.deriv(0), sep='\\n')
print(p.integ(), p.integ(2, k=[1, 2]), p.integ(k=5), sep='\\n')
print(p[0], p[2], p[7], len(p), repr(p), str(p), f"{p!r}", [p])
print(np.poly1d([1, 2], True), np.poly1d([3, 4], variable='z'), np.poly1d(np.poly1d([1, 0, -2])))
print(np.poly1d([1.5, -2.25, 0, 1e-3]), np.poly1d([0, 0, 5]), np.poly1d([]), np.poly1d(7))
print(np.poly1d([1j, 2 - 1j]))
print(np.polyval(p, 3), np.polyval(p, [1, 2]))
print(type(p), isinstance(p.coeffs, np.ndarray))
for c in np.poly1d([3, 4]):
    print(c)
c = np.poly1d([5])
print(list(p), sum(np.poly1d([1.5, 2])), [k * 2 for k in p], max(p), bool(c), not p, {'p': p})
if c:
    print('constant')
r = p
""",
    "poly1d_arithmetic": """import numpy as np
p, q = np.poly1d([1, 2, 3]), np.poly1d([1, -1])
print(p + q, p - q, p * q, q * q * q, sep='\\n')
print(repr(p / q), repr(p / 2), repr(-p), repr(+p), p ** 0, p ** 3, sep='\\n')
print(repr(2 * p), repr(p * 2.5), repr(p + 1), repr(1 - p), repr(p + [1, 1]), repr(p * np.array([1, 0])))
print(repr(np.arange(3) * p), repr(np.float64(2) * p), repr(np.arange(3) + p))
print(p == q, p != q, p == np.poly1d([1, 2, 3]), p == [1, 2, 3])
print(p(q), q(p), repr(p(q)))
p[5] = 2
print(p, p.order)
p += q
print(p)
for exp in (-1, 1.5):
    try:
        p ** exp
    except ValueError as e:
        print(e)
try:
    np.poly1d([[1, 2], [3, 4]])
except ValueError as e:
    print(e)
try:
    p.deriv(-1)
except ValueError as e:
    print(e)
try:
    p[-1] = 3
except ValueError as e:
    print(e)
try:
    p // 2
except TypeError as e:
    print(e)
""",
    # a least-squares fit printed as a polynomial (lesson pattern)
    "poly1d_fit": """import numpy as np
x = np.linspace(0, 1, 11)
y = 3 * x ** 2 - x + 0.5
f = np.poly1d(np.polyfit(x, y, 2))
print(np.round(f.coeffs, 6), f.order, np.round(f(0.25), 6))
print(np.poly1d(np.round(f.coeffs, 3)))
""",
    # NumPy's "Iterating over arrays" tutorial, as written
    "nditer_multi_index": """import numpy as np
a = np.arange(6).reshape(2, 3)
it = np.nditer(a, flags=['f_index'])
while not it.finished:
    print("%d <%d>" % (it[0], it.index), end=' ')
    is_not_finished = it.iternext()
print()
it = np.nditer(a, flags=['multi_index'])
while not it.finished:
    print("%d <%s>" % (it[0], it.multi_index), end=' ')
    is_not_finished = it.iternext()
print(is_not_finished, it.finished)
it = np.nditer(a, flags=['c_index'])
for x in it:
    print(x, it.index, it.iterindex, end=' ')
print(it.ndim, it.shape, it.itersize)
""",
    "nditer_multi_index_write": """import numpy as np
a = np.zeros((2, 3), dtype=int)
it = np.nditer(a, flags=['multi_index'], op_flags=['writeonly'])
with it:
    while not it.finished:
        it[0] = it.multi_index[1] - it.multi_index[0]
        is_not_finished = it.iternext()
print(a)
it = np.nditer([np.arange(3), np.arange(2).reshape(2, 1)], flags=['multi_index'])
for x, y in it:
    print(it.multi_index, x + y)
""",
    "nditer_errors": """import numpy as np
a = np.arange(4)
it = np.nditer(a)
try:
    it.multi_index
except ValueError as e:
    print(e)
try:
    it.index
except ValueError as e:
    print(e)
it = np.nditer(a, flags=['multi_index'])
for x in it:
    pass
try:
    it.multi_index
except ValueError as e:
    print(e)
try:
    np.nditer(a, flags=['multi_index', 'external_loop'])
except ValueError as e:
    print(e)
""",
    "percent_zero_d": """import numpy as np
a, b = np.array(3), np.array(2.5)
print("%d %s %r %.2f %x" % (a, a, b, b, a))
print("%d|%5.1f" % (b, a), "%s" % (np.arange(3),))
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_as_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


def test_nditer_iternext_loop_stops_at_the_loop_budget() -> None:
    budget = DEFAULT_LIMITS.max_loop_iterations
    source = ("import numpy as np\nit = np.nditer(np.zeros({n}), flags=['multi_index'])\n"
              "ok = it.iternext()\nprint(ok)\n")
    same_as_python(source.format(n=3))
    big = ("import numpy as np\nit = np.nditer(np.zeros((1000, 1000)))\nok = True\n"
           "while ok:\n    ok = it.iternext()\n")
    assert budget < 10**6
    refused(big, "limit", "loop iterations", line=4)


def test_nditer_other_attributes_refused_by_name() -> None:
    source = "import numpy as np\nit = np.nditer(np.arange(3))\nprint(it.{name})\n"
    refused(source.format(name="operands"), "unsupported", "`.operands` of np.nditer", line=3)
    refused(source.format(name="remove_axis(0)"), "unsupported", "`.remove_axis()` of np.nditer", line=3)
    refused(source.format(name="itviews"), "unsupported", "multi_index", line=3)
    refused(source.format(name="__class__"), "unsupported", "double-underscore attributes", line=3)
    refused(source.format(name="f_index"), "unsupported", "`.f_index`", line=3)


def test_nditer_item_takes_an_int_only() -> None:
    refused("import numpy as np\nit = np.nditer(np.arange(3))\nprint(it['x'])\n", "unsupported",
            "`it[i]` takes an int", line=3)
    same_as_python("import numpy as np\nit = np.nditer(np.arange(3))\ntry:\n    print(it[5])\n"
                   "except IndexError as e:\n    print(e)\n")


def test_nditer_refusals_have_chinese_texts() -> None:
    report = run_program("import numpy as np\nit = np.nditer(np.arange(3))\nprint(it.operands)\n")
    assert report.error.key == "errors_breadth.nditer_attribute", report.error


def test_nditer_write_takes_numbers_and_arrays_only() -> None:
    refused("import numpy as np\nit = np.nditer(np.arange(3), op_flags=['readwrite'])\nit[0] = 'x'\n",
            "unsupported", "`it[i] = value` takes a number or an array", line=3)
    same_as_python("import numpy as np\nit = np.nditer(np.arange(3))\ntry:\n    it[0] = 5\n"
                   "except ValueError as e:\n    print(e)\n")


def test_poly1d_terms_just_below_and_above_the_limit() -> None:
    from autogradlab.lang.numpy_poly1d import MAX_TERMS
    same_as_python(f"import numpy as np\np = np.poly1d(np.ones({MAX_TERMS}))\nprint(p.order)\n")
    refused(f"import numpy as np\np = np.poly1d(np.ones({MAX_TERMS + 1}))\n", "limit",
            f"polynomial of {MAX_TERMS + 1:,} coefficients")
    half = MAX_TERMS // 2
    head = f"import numpy as np\np = np.poly1d(np.ones({half}))\n"
    same_as_python(head + f"print((p * np.poly1d(np.ones({half + 1}))).order)\n")
    refused(head + f"q = p * np.poly1d(np.ones({half + 2}))\n", "limit",
            f"polynomial of {MAX_TERMS + 1:,} coefficients", line=3)


def test_poly1d_power_and_composition_terms_just_below_and_above_the_limit() -> None:
    from autogradlab.lang.numpy_poly1d import MAX_TERMS
    source = "import numpy as np\np = np.poly1d(np.ones(101))\nq = p ** {n}\nprint(q.order)\n"
    same_as_python(source.format(n=MAX_TERMS // 100 - 1))   # 99 * 100 + 1 coefficients
    refused(source.format(n=MAX_TERMS // 100), "limit", f"{MAX_TERMS + 1:,} coefficients", line=3)
    refused(source.format(n=10**18), "limit", "coefficients", line=3)
    refused("import numpy as np\np = np.poly1d(np.ones(1001))\nq = p(np.poly1d(np.ones(11)))\n", "limit",
            "10,001 coefficients", line=3)
    refused("import numpy as np\np = np.poly1d([1.0])\nq = p ** (10**9)\n", "limit", "coefficients",
            line=3)


@pytest.mark.parametrize(("call", "steps", "m"), [("p ** {n}", "n", 2), ("p(q)", "n", 3)])
def test_poly1d_loop_work_just_below_and_above_the_limit(call: str, steps: str, m: int) -> None:
    from autogradlab.lang.numpy_poly1d import loop_work
    n = 50
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=loop_work(n, m))
    source = ("import numpy as np\np = np.poly1d(np.ones({p}))\nq = np.poly1d(np.ones(3))\n"
              f"r = {call}\nprint(r.order)\n")
    size = {"p ** {n}": lambda k: (m, k), "p(q)": lambda k: (k, k)}[call]
    p_len, n_below = size(n)
    ok = run_program(source.format(p=p_len, n=n_below), limits=limits)
    assert ok.ok, ok.error
    p_len, n_above = size(n + 1)
    refused(source.format(p=p_len, n=n_above), "limit", "arithmetic steps in one call", limits=limits,
            line=4)


def test_poly1d_hostile_loops_refused_before_numpy_runs() -> None:
    refused("import numpy as np\np = np.poly1d(np.ones(10000))\nr = p(np.poly1d([1.0, 1.0]))\n", "limit",
            "p(q) would take about", line=3)
    refused("import numpy as np\nq = np.poly1d([1.0, 1.0]) ** 9999\n", "limit", "p ** n would take about")


def test_poly1d_roots_work_just_below_and_above_the_limit() -> None:
    from autogradlab.lang.numpy_poly1d import ROOTS_WEIGHT
    n = 100   # a degree-99 polynomial: ROOTS_WEIGHT * 100**3 units
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=ROOTS_WEIGHT * n ** 3)
    source = "import numpy as np\np = np.poly1d(np.ones({n}))\nr = {call}\nprint(len(r))\n"
    for call in ("p.roots", "np.roots(p)", "np.roots(np.ones({n}))"):
        ok = run_program(source.format(n=n, call=call.format(n=n)), limits=limits)
        assert ok.ok and ok.printed == f"{n - 1}\n", ok.error
        refused(source.format(n=n + 1, call=call.format(n=n + 1)), "limit", "the roots of a polynomial of "
                f"degree {n:,}", limits=limits, line=3)
    refused("import numpy as np\nr = np.roots(np.ones(501))\n", "limit", "degree 500")


def test_poly1d_call_work_checked_first() -> None:
    from autogradlab.lang.numpy_poly1d import EVAL_UNITS
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=EVAL_UNITS * 1000)
    source = "import numpy as np\np = np.poly1d(np.ones(10))\ny = p(np.zeros({n}))\nprint(y.shape)\n"
    assert run_program(source.format(n=100), limits=limits).ok
    refused(source.format(n=101), "limit", f"p(x) would take about {EVAL_UNITS * 1010:,} arithmetic steps",
            limits=limits, line=3)


def test_poly1d_refusals_name_the_construct() -> None:
    head = "import numpy as np\np = np.poly1d([1, 2])\n"
    refused(head + "print(p.integ(1, 2, 3))\n", "unsupported", "`p.integ(m, k)`", line=3)
    refused(head + "print(p.weights)\n", "unsupported", "`.weights` of np.poly1d", line=3)
    refused(head + "print(p.fit(1))\n", "unsupported", "`.fit()` of np.poly1d", line=3)
    refused(head + "print(p + 'a')\n", "unsupported", "arithmetic of np.poly1d with str values", line=3)
    refused(head + "print(p['a'])\n", "unsupported", "`p[k]` takes an int", line=3)
    refused(head + "q = np.poly1d([1], variable='x' * 21)\n", "unsupported", "at most 20 characters", line=3)
    refused(head + "p[10**6] = 1\n", "limit", "1,000,001 coefficients", line=3)


@pytest.mark.parametrize(("source", "key", "hint_key"), [
    ("import numpy as np\nr = np.roots(np.ones(501))\n", "errors_breadth.poly_work",
     "errors_breadth.poly_work_hint"),
    ("import numpy as np\np = np.poly1d(np.ones(10001))\n", "errors_breadth.poly_terms",
     "errors_breadth.poly_terms_hint"),
    ("import numpy as np\np = np.poly1d([1])\nprint(p.weights)\n", "errors_breadth.poly_attribute", None),
])
def test_poly1d_refusals_have_catalogue_keys(source: str, key: str, hint_key: str | None) -> None:
    from autogradlab.messages import text
    error = run_program(source).error
    assert error.key == key and error.hint_key == hint_key, error
    assert text("zh", key, **dict(error.params)) != text("en", key, **dict(error.params))


HOSTILE = [   # (the line after p, q and it are made, the refusal's words): nothing of NumPy's object reached
    ("print(p.poly)", "the attribute `.poly` of np.poly1d"),
    ("print(q.poly)", "the attribute `.poly` of np.polynomial.Polynomial"),
    ("print(p.__class__)", "double-underscore attributes such as `__class__`"),
    ("print(type(p)([1, 2]))", "calling <class 'numpy.poly1d'> is not supported"),
    ("print(type(q)([1]))", "calling <class 'numpy.polynomial.polynomial.Polynomial'> is not supported"),
    ("print(p.deriv.__self__)", "double-underscore attributes such as `__self__`"),
    ("print(it._it)", "private attributes such as `._it`"),
    ("print(it.operands)", "the attribute `.operands` of np.nditer"),
    ("print(dataclasses.fields.__module__)", "double-underscore attributes such as `__module__`"),
    ("print(p.coeffs.__array_interface__)", "double-underscore attributes such as `__array_interface__`"),
]


@pytest.mark.parametrize(("line", "words"), HOSTILE)
def test_new_objects_expose_nothing_else(line: str, words: str) -> None:
    head = ("import numpy as np\nimport dataclasses\nfrom numpy.polynomial import Polynomial\n"
            "p = np.poly1d([1, 2])\nq = Polynomial([1, 2])\nit = np.nditer(np.arange(3))\n")
    refused(head + line + "\n", "unsupported", words, line=7)
