"""Session 33 (corpus): what lesson code no earlier session had tried needed (Datawhale's powerful-numpy
introduction and skilled ch. 1-5, eat_pytorch_in_20_days 3-1, ageron's handson-ml3 extra_autodiff /
math_differential_calculus / gradient-descent comparison, rasbt's deeplearning-models perceptron and
logistic regression, Datawhale's leedl-tutorial PyTorch warm-up 2, d2l-en's maximum likelihood), each
compared with plain NumPy / CPython on the same text, with the limits just below and above.

- a wrong value fixed: `np.array(['1', '2'], dtype=float)` made an array of strings (NumPy parses the
  numbers), `np.array(records, dtype=[('name', 'U10'), ('age', 'i4')])` made a string array (structured
  arrays are refused by name now), `type(np.int8)` was numpy's dtype class (it is `type`)
- np.isposinf / isneginf / isreal / iscomplex / spacing, np.gcd / lcm / left_shift / right_shift / ldexp
  (Python ints within int64 only), np.isscalar / iscomplexobj / isrealobj, np.rot90, np.nanstd / nanvar /
  nanmedian / nanargmin / nanargmax / nanpercentile / nanquantile
- numpy.testing's assert_equal / assert_array_equal / assert_allclose / assert_almost_equal /
  assert_array_almost_equal / assert_array_less / assert_string_equal, NumPy's AssertionError text
"""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

N = "import numpy as np\n"


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


# -- np.array of text with a number dtype; type() of numpy's scalar types ----------------------------------
@pytest.mark.parametrize("snippet", [
    "a = np.array(['1', '2'], dtype=float)\nprint(a, a.dtype)\n",
    "w = np.array(['1.5', '2'])\nb = np.array(w, dtype=np.float32)\nprint(b, b.dtype, w)\ndel w\n",
    "c = np.array([['1', 2], ['3', 4.5]], dtype=float)\nprint(c)\n",
    "d = np.array(['7', '8'], dtype='int64')\nprint(d, np.array(['1.5', 'x'], dtype=str))\n",
    "print(type(np.int8), type(np.float64), type(np.dtype(np.int8)))\n"
    "type(np.int8), type(np.dtype(np.int8))\nprint(type(np.float32) == type(int))\n",
])
def test_array_from_text_and_scalar_types_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_text_that_is_no_number_fails_at_the_same_line() -> None:
    source = N + "a = 1\nb = np.array(['1', 'x'], dtype=float)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert not report.ok and oracle.error is not None
    assert report.error.line == oracle.error_line == 3
    assert str(oracle.error) in report.error.message


def test_structured_arrays_are_refused_by_name() -> None:
    # they made an array of strings before: a wrong value, not a refusal
    source = N + ("arr = np.array([('Rex', 9, 81.0), ('Fido', 3, 27.0)],\n"
                  "               dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])\n")
    assert run_trusted(source).error is None
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert "structured arrays" in report.error.message
    assert "结构化数组" in error_text.box("zh", report.error)


# -- elementwise functions and predicates ------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "a = np.array([[1., np.nan, 3.], [np.inf, -np.inf, 2.]])\n"
    "print(np.isposinf(a), np.isneginf(a), np.isreal(a), np.iscomplex(a))\n"
    "out = np.zeros((2, 3), dtype=bool)\nnp.isposinf(a, out=out)\nprint(out)\n",
    "print(np.spacing(1.0), np.spacing(np.float32(1)), np.spacing([1e10, 0.0]))\n",
    "print(np.gcd(12, 20), np.gcd(np.arange(0, 30, 5), 20), np.lcm([4, 6], 10))\n",
    "print(np.left_shift(5, [1, 2, 3]), np.right_shift(40, 3), np.left_shift(np.arange(4), 2))\n"
    "print(np.ldexp(1.5, 3), np.ldexp([1.0, 2.0], [2, -1]))\n",
    "a = np.arange(6).reshape(2, 3)\n"
    "print(np.isscalar(3.1), np.isscalar([3.1]), np.isscalar(a), np.isscalar('s'))\n"
    "print(np.isscalar(np.int64(3)))\n"
    "print(np.iscomplexobj(a), np.isrealobj([1, 2]), np.isrealobj(2.5), np.iscomplexobj(1j))\n",
    "m = np.arange(6).reshape(2, 3)\nprint(np.rot90(m), np.rot90(m, 2), np.rot90(m, k=-1, axes=(1, 0)))\n"
    "r = np.rot90(m)\nr[0, 0] = 100\nprint(m)\n",
    "a = np.array([[1., np.nan, 3.], [4., 5., np.nan]])\n"
    "print(np.nanstd(a), np.nanvar(a, axis=0), np.nanvar(a, ddof=1), np.nanmedian(a, axis=1))\n"
    "print(np.nanargmin(a), np.nanargmax(a, axis=1), np.nanmedian(a, keepdims=True))\n"
    "print(np.nanpercentile(a, 50), np.nanquantile(a, [0.25, 0.75], axis=0))\n",
])
def test_more_elementwise_and_nan_statistics_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_integer_functions_take_ints_within_int64_only() -> None:
    # NumPy keeps a larger Python int as an object and shifts it with Python's unbounded integers
    source = N + "x = np.left_shift(2 ** 70, 10 ** 9)\n"
    report = run_program(source)
    assert not report.ok and report.error.kind == "type", report.error
    assert "too large" in report.error.message
    assert run_program(N + "x = np.left_shift(2 ** 62, 1)\nprint(x)\n").ok


def test_rot90_and_nanmedian_are_counted() -> None:
    # each makes an array of its input's size (rot90 a view, nanmedian partitions a copy)
    for name in ("np.rot90(m)", "np.nanmedian(m)"):
        one = N + f"m = np.ones((10, 100))\nr = {name}\n"
        two = one + f"s = {name}\n"
        assert run_program(one, limits=limits(max_total_elements=2_500)).ok
        report = run_program(two, limits=limits(max_total_elements=2_500))
        assert not report.ok and report.error.kind == "limit", report.error


# -- numpy.testing ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "a = np.array([1.0, 2.0, 3.0])\nnp.testing.assert_allclose(a, [1.0, 2.0, 3.0000001])\n"
    "np.testing.assert_equal(a, [1, 2, 3])\nnp.testing.assert_array_equal(a, a)\n"
    "np.testing.assert_almost_equal(1.0, 1.0000001, 5)\nnp.testing.assert_array_less([1, 2], [2, 3])\n"
    "np.testing.assert_string_equal('ab', 'ab')\n"
    "np.testing.assert_array_almost_equal(a, a + 1e-5, decimal=3)\n"
    "print('all equal')\n",
    "from numpy.testing import assert_array_equal, assert_allclose\nimport numpy.testing as npt\n"
    "a = np.arange(4.0)\nassert_array_equal(a, [0, 1, 2, 3])\nassert_allclose(a, a + 1e-9, atol=1e-6)\n"
    "npt.assert_equal({'x': 1}.get('x'), 1)\nprint('ok')\n",
    "a = np.array([1.0, 2.0, 3.0])\n"
    "try:\n    np.testing.assert_allclose(a, a + 1, rtol=1e-3, err_msg='nope')\n"
    "except AssertionError as e:\n    print(e)\n"
    "try:\n    np.testing.assert_array_equal(a, [1, 2])\nexcept AssertionError as e:\n    print(e)\n"
    "try:\n    np.testing.assert_equal(3, 4)\nexcept AssertionError as e:\n    print(e)\n",
])
def test_numpy_testing_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_numpy_testing_mismatch_stops_at_the_same_line() -> None:
    source = N + "a = np.arange(3.0)\nnp.testing.assert_array_almost_equal(a, a + 0.1, decimal=3)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert isinstance(oracle.error, AssertionError)
    assert not report.ok and report.error.line == oracle.error_line == 3
    assert "Arrays are not almost equal to 3 decimals" in report.error.message


@pytest.mark.parametrize(("source", "says"), [
    ("def f():\n    return 1\nnp.testing.assert_equal(f, f)\n", "compares numbers, numpy arrays"),
    ("np.testing.assert_equal(list(range(2000)), list(range(2000)))\n", "at most 1,000 values"),
    ("np.testing.assert_allclose(1.0, 1.0, rtol='big')\n", "takes a number"),
    ("np.testing.assert_raises(ValueError, int, 'x')\n", "numpy.testing.assert_raises"),
])
def test_numpy_testing_refusals(source: str, says: str) -> None:
    report = run_program(N + source)
    assert not report.ok and says in report.error.message, report.error
