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


def test_structured_arrays_are_numpy_s() -> None:
    # they made an array of strings before: a wrong value; refused in session 33; NumPy's since session 35
    # (lang/numpy_records.py; tests/unit/test_records_s35.py), object fields still refused by name
    source = N + ("arr = np.array([('Rex', 9, 81.0), ('Fido', 3, 27.0)],\n"
                  "               dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])\n"
                  "print(repr(arr))\n")
    oracle, report = run_trusted(source), run_program(source)
    assert report.ok and report.printed == oracle.printed, report.error
    report = run_program(N + "arr = np.zeros(2, dtype=[('name', 'U10'), ('pet', 'O')])\n")
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert "object fields ('O')" in report.error.message


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
    # NumPy 2 refuses a Python int past int64 with its own OverflowError (session 41: it was the engine's
    # refusal; never an object array shifted with Python's unbounded integers)
    source = N + "x = np.left_shift(2 ** 70, 10 ** 9)\n"
    report = run_program(source)
    assert not report.ok and report.error.kind == "value", report.error
    assert "Python int too large to convert to C long" in report.error.message
    caught = run_program(N + "try:\n    np.left_shift(2 ** 70, 10 ** 9)\n"
                         "except OverflowError as e:\n    print(e)\n")
    assert caught.ok and caught.printed == "Python int too large to convert to C long\n"
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


# -- numpy scalars as dict keys ------------------------------------------------------------------------
def test_numpy_scalars_are_dictionary_keys_and_set_items() -> None:
    # `dict(zip(values, counts))` of np.unique's arrays (powerful-numpy ch. 5): np.int64 keys were refused
    compare(N + "values, counts = np.unique(np.array([3, 1, 3, 2, 3]), return_counts=True)\n"
                "d = dict(zip(values, counts))\nprint(d, d[3], d[np.int64(1)], 2 in d)\n"
                "s = {np.float64(1.5), 1.5, np.int32(2)}\nprint(len(s), sorted(s))\ndel s\n"
                "e = {np.bool_(True): 'yes', (np.int64(1), 2): 'a'}\nprint(e[True], e[(1, 2)])\n")


# -- sequences: gradient, unwrap, convolve / correlate, interp, trim_zeros, histogram_bin_edges -----------
@pytest.mark.parametrize("snippet", [
    "arr = np.array([[1, 2, 6], [3, 4, 5]], dtype=float)\n"
    "print(np.gradient(arr), np.gradient(arr, axis=0), np.gradient(arr, [3, 5], [1, 2, 3]))\n"
    "print(np.gradient(arr, [1, 2, 3], axis=1), np.gradient(np.array([1., 4, 9, 16]), 0.5))\n"
    "x = np.array([0., 1, 3, 6])\ny = x ** 2\ng = np.gradient(y, x)\nh = np.gradient(y, x, edge_order=2)\n",
    "print(np.unwrap([0, 1, 2, -1, 0], period=4), np.unwrap(np.array([0., 3.5, 7.0])))\n",
    "print(np.convolve([1, 2, 3], [0, 1, 0.5]), np.convolve([1, 2, 3], [0, 1, 0.5], 'same'))\n"
    "print(np.convolve([0, 0, 1, 2, 3, 0, 0], [0, 1, 0.5], 'valid'))\n"
    "a = np.array([1., 2, 3])\nb = np.array([0, 1, 0.5])\n"
    "print(np.correlate(a, b), np.correlate(a, b, 'full'), np.correlate(a, b, mode='same'))\n",
    "xp = [1, 2, 3]\nfp = [3, 2, 0]\n"
    "print(np.interp(2.5, xp, fp), np.interp([0, 1, 1.5, 2.72, 3.14], xp, fp, left=1, right=60))\n",
    "t = np.trim_zeros(np.array([0, 0, 1, 2, 0]))\nl = np.trim_zeros([0, 1, 0], 'b')\n"
    "print(t, l, np.trim_zeros(np.array([0, 3, 0]), trim='f'))\n",
    "d = np.array([0, 0, 0, 1, 2, 3, 3, 4, 5, 9.5])\n"
    "for rule in ['auto', 'fd', 'doane', 'rice', 'scott', 'sqrt', 'sturges']:\n"
    "    print(rule, np.histogram_bin_edges(d, bins=rule))\n"
    "print(np.histogram_bin_edges(d, 3), np.histogram_bin_edges(d, [0, 5, 10]))\n"
    "print(np.histogram_bin_edges(d, bins=4, range=(0, 8)))\n"
    "print(np.histogram_bin_edges(np.arange(10), 'auto', (2, 6)))\n",
])
def test_sequence_functions_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_convolve_work_is_checked_before_numpy_runs() -> None:
    # every pair of the two inputs: n * m steps against max_call_work
    source = N + "a = np.ones(1000)\nv = np.ones({m})\nc = np.convolve(a, v)\n"
    assert run_program(source.format(m=1000), limits=limits(max_call_work=1_000_000)).ok
    report = run_program(source.format(m=1001), limits=limits(max_call_work=1_000_000))
    assert not report.ok and report.error.kind == "limit", report.error


def test_a_bin_rule_that_makes_too_many_edges_is_refused_first() -> None:
    # 'fd' of data with a tiny spread and one far value: NumPy would make about 10**12 edges
    source = N + "d = np.array([0.0] * 50 + [1e-9] * 50 + [1000.0])\ne = np.histogram_bin_edges(d, 'fd')\n"
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit", report.error
    # sqrt(n) = 100 bins: the data (10,000), NumPy's flat copy (10,000) and 101 edges (+ 1, rounding)
    fine = N + "e = np.histogram_bin_edges(np.arange({n}.0), 'sqrt')\n"
    assert run_program(fine.format(n=10_000), limits=limits(max_total_elements=20_102)).ok
    report = run_program(fine.format(n=10_000), limits=limits(max_total_elements=20_101))
    assert not report.ok and report.error.kind == "limit", report.error


# -- sets, bits, two results, resize, N-D dot --------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "print(np.isin([1, 2, 3, 4], np.array([2, 4])), np.isin([[1, 2], [3, 4]], [1, 4], invert=True))\n"
    "print(np.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5]), np.lexsort(([1, 5, 1, 4, 3], [9, 4, 0, 4, 0])))\n",
    "print(np.sort_complex([1 + 2j, 1 + 1j, 2 - 1j, 3 - 2j]), np.sort_complex([5, 3, 6, 2, 1]))\n"
    "print(np.array_equiv([1, 2], [[1, 2], [1, 2]]), np.array_equiv([1, 2], [1, 3]))\n"
    "print(np.array_equiv([1, 2], [[1, 2, 1, 2]]))\n",
    "m = np.array([[0, 1], [2, 3]])\n"
    "print(np.resize(m, (2, 3)), np.resize(m, (1, 4)), np.resize(m, 5), np.resize(m, new_shape=(0,)))\n",
    "print(np.modf([0, 3.5, -2.25]), np.modf(-1), np.divmod([-3, -2, -1, 1, 2, 3], 2), np.divmod(7.5, 2))\n"
    "q, r = np.divmod(np.arange(6), 4)\n",
    "bits = np.array([[1, 0, 1], [0, 1, 0]], dtype=np.uint8)\np = np.packbits(bits)\n"
    "print(p, np.packbits(bits, axis=0), np.packbits(bits, axis=-1, bitorder='little'))\n"
    "print(np.unpackbits(p), np.unpackbits(np.array([[2], [7]], dtype=np.uint8), axis=1))\n"
    "print(np.unpackbits(p, count=3))\n",
    "w = np.ones((2, 3, 4))\nv = np.arange(40.).reshape(5, 4, 2)\nd = np.dot(w, v)\n"
    "print(d.shape, np.dot(w, np.arange(4.)), np.dot(np.arange(3.), np.ones((2, 3, 4))).shape)\n",
])
def test_sets_bits_and_nd_dot_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_resize_unpackbits_and_nd_dot_are_counted_first() -> None:
    resize = N + "r = np.resize(np.arange(4), ({n}, 1000))\n"
    assert run_program(resize.format(n=9), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(resize.format(n=11), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error
    unpack = N + "u = np.unpackbits(np.zeros({n}, dtype=np.uint8))\n"   # eight values of each byte
    assert run_program(unpack.format(n=1250), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(unpack.format(n=1251), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error
    dot = N + "d = np.dot(np.ones((10, 10, {k})), np.ones((10, {k}, 10)))\n"   # 10,000 outputs x k
    assert run_program(dot.format(k=100), limits=limits(max_call_work=1_000_000)).ok
    report = run_program(dot.format(k=101), limits=limits(max_call_work=1_000_000))
    assert not report.ok and report.error.kind == "limit", report.error


# -- np.random.RandomState ------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # rasbt's deeplearning-models: shuffle an index with a seeded RandomState, then split and normalise
    "shuffle_rng = np.random.RandomState(123)\nidx = np.arange(10)\nshuffle_rng.shuffle(idx)\n"
    "X = np.random.RandomState(0).randn(10, 2)\nX_train = X[idx[:7]]\nmu = X_train.mean(axis=0)\n"
    "print(shuffle_rng, type(shuffle_rng).__name__, isinstance(shuffle_rng, np.random.RandomState))\n"
    "del shuffle_rng\n",
    "rng = np.random.RandomState(1)\n"
    "print(rng.rand(2, 3), rng.randn(3), rng.randint(0, 10, size=5), rng.normal(0, 1, (2, 2)))\n"
    "print(rng.uniform(-1, 1, 3), rng.choice(5, 3, replace=False), rng.permutation(6))\n"
    "print(rng.random_sample(2), rng.binomial(10, 0.5, 4), rng.poisson(3, 3), rng.standard_normal((1, 2)))\n"
    "print(rng.normal([0, 10], 1))\n"
    "l = [1, 2, 3, 4]\nrng.shuffle(l)\nrng.seed(7)\na = rng.rand(3)\n"
    "b = np.random.RandomState(seed=7).rand(3)\n"
    "np.random.seed(0)\nc = np.random.rand(2)\ndel rng\n",
])
def test_random_state_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_random_state_draws_are_sized_first_and_its_state_is_closed() -> None:
    source = N + "rng = np.random.RandomState(0)\nx = rng.rand({n}, 1000)\n"
    assert run_program(source.format(n=10), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(source.format(n=11), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "rng = np.random.RandomState(0)\ns = rng.get_state()\n")
    assert not report.ok and "`RandomState.get_state` is not supported" in report.error.message
    bad = N + "rng = np.random.RandomState(2 ** 32)\n"   # NumPy: Seed must be between 0 and 2**32 - 1
    assert run_trusted(bad).error is not None
    report = run_program(bad)
    assert not report.ok and "2**32 - 1" in report.error.message


# -- np.char -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "a = np.array(['ab', 'cd '])\none = np.array(['1'], dtype=np.str_)\n"
    "print(np.char.add(a, ['x', 'yz']), np.char.multiply(one, 3), np.char.multiply(one, -3))\n"
    "print(np.char.capitalize('ab b c'), np.char.title('ab b c'))\ndel a, one\n",
    "(np.char.center('ab', 5, '~'), np.char.ljust('a', 5, '~'), np.char.rjust('a', 5, '~'))\n"
    "np.char.zfill('a', 6)\n"
    "np.char.lower(np.array(['A'], dtype=np.str_)), np.char.upper('a'), np.char.swapcase('aBc')\n"
    "np.char.strip('abc '), np.char.strip('abc', 'c'), np.char.replace('aaabc', 'a', 'A', count=2)\n"
    "np.char.upper(['abc', 'de'])\n",
    "x1, x2 = ['abc', 'ab'], ['abd', 'ab']\n"
    "print(np.char.equal(x1, x2), np.char.not_equal(x1, x2), np.char.greater_equal(x1, x2))\n"
    "print(np.char.greater(x1, x2), np.char.less_equal(x1, x2), np.char.less(x1, x2))\n",
    "np.char.count('abcab', 'a', start=0, end=None), np.char.str_len(['abcab', 'a'])\n"
    "np.char.find('abcab', 'a', start=0, end=None), np.char.rfind('abcab', 'a')\n"
    "np.char.find('abcab', 'd', 2)\n"
    "np.char.index('abcab', 'a', start=0), np.char.rindex('abcab', 'a', start=0)\n"
    "np.char.endswith(['a', 'ba'], 'a', start=0, end=1)\n"
    "np.char.startswith(['a', 'ba'], 'a', start=1, end=3)\n"
    "try:\n    np.char.index('abcab', 'd', start=2)\nexcept ValueError as e:\n    print(e)\n",
    "lst = ['1', 'a1', '\\u00b2', '1.5', '   ', 'Ab', 'AB', 'ab']\n"
    "for f in [np.char.isalpha, np.char.isalnum, np.char.isdecimal, np.char.isdigit, np.char.isnumeric,\n"
    "          np.char.isspace, np.char.islower, np.char.isupper, np.char.istitle]:\n"
    "    print(f(lst))\n",
])
def test_np_char_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize(("source", "fits", "too_many"), [
    # each result of strings is bounded before NumPy makes it (MAX_STRING_CHARS: 1,000,000 characters)
    ("s = np.char.multiply(np.array(['a'] * 1000), {n})\n", 1000, 1001),   # 1000 strings of n
    ("s = np.char.center(np.array(['ab'] * 1000), {n})\n", 1000, 1001),
    ("s = np.char.replace(np.array(['a' * 100] * 100), 'a', 'b' * {n})\n", 100, 101),   # 100 x 100 x n
])
def test_np_char_results_are_bounded_before_numpy(source: str, fits: int, too_many: int) -> None:
    assert run_program(N + source.format(n=fits)).ok
    report = run_program(N + source.format(n=too_many))
    assert not report.ok and report.error.kind == "limit" and "string array" in report.error.message


def test_np_str_is_the_string_dtype_and_calling_it_is_refused() -> None:
    compare(N + "a = np.array([1, 2], dtype=np.str_)\nprint(a, a.dtype, np.str_)\ndel a\n")
    report = run_program(N + "s = np.str_('a')\n")
    assert not report.ok and report.error.kind == "unsupported", report.error


# -- np.block, flatten(order), flatnonzero, searchsorted(sorter=), intersect1d(return_indices=), bits ----
@pytest.mark.parametrize("snippet", [
    "A = np.eye(2) * 2\nB = np.eye(3) * 3\nM = np.block([[A, np.zeros((2, 3))], [np.ones((3, 2)), B]])\n"
    "print(np.block([1, 2, np.array([3, 4])]))\n",
    "a = np.arange(10).reshape(2, 5)\n"
    "print(a.flatten('F'), a.flatten(order='A'), np.flatnonzero(a > 2))\n"
    "print(np.isfortran(a), np.isfortran(a.T))\n",
    "b = np.array([5, 3, 1, 2, 4])\n"
    "print(np.searchsorted(b, 2, sorter=[2, 3, 1, 4, 0]), np.searchsorted([1, 1, 1, 1, 1], 1, 'right'))\n"
    "print(np.searchsorted(b, [1, 6], 'left', np.argsort(b)))\n",
    "v, i, j = np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1], return_indices=True)\n"
    "print(np.intersect1d(np.array([1, 2]), [2], assume_unique=True))\n",
    "m, e = np.frexp(np.arange(2, 5))\n"
    "print(np.fix([2.1, -2.9, 3]), np.invert(np.array([1, 2], dtype=np.uint8)))\n"
    "print(np.invert(True), np.bitwise_not(5))\n"
    "print(np.bitwise_and(12, 10), np.bitwise_or([1, 2], 4), np.bitwise_xor(np.arange(4), 1))\n",
    "x = np.linspace(0, 1, 5)\nnp.testing.assert_array_max_ulp(1, 1)\n"
    "u = np.testing.assert_array_max_ulp(x, np.arcsin(np.sin(x)), maxulp=4)\n"
    "np.testing.assert_array_almost_equal_nulp(x, x * 1.0, nulp=2)\n"
    "try:\n    np.testing.assert_array_almost_equal_nulp(np.array([1.0]), np.array([1.0 + 1e-10]))\n"
    "except AssertionError as e:\n    print(e)\n",
])
def test_joins_orders_and_bits_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_block_is_counted_and_bounded() -> None:
    source = N + "M = np.block([[np.ones((10, {n})), np.ones((10, {n}))]])\n"   # 20 * n elements
    assert run_program(source.format(n=500), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(source.format(n=501), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error
    deep = N + "x = 1\n" + "for _ in range(40):\n    x = [x]\nM = np.block(x)\n"
    report = run_program(deep)
    assert not report.ok and "nested at most 32 deep" in report.error.message, report.error


# -- np.vectorize, np.shape / size / ndim / take / choose ---------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # jrjohansson's Lecture 2: a scalar Heaviside function made to take arrays
    "def Theta(x):\n    if x >= 0:\n        return 1\n    else:\n        return 0\n"
    "Theta_vec = np.vectorize(Theta)\nr = Theta_vec(np.array([-3, -2, -1, 0, 1, 2, 3]))\n",
    # NumPy calls the function on the first elements once more first (to learn the output type)
    "@np.vectorize\ndef half(x, y):\n    print('call', x, y)\n    return x / 2 + y\n"
    "print(half(np.array([1, 2, 3]), 10), half(3, 1))\n",
    "f = np.vectorize(lambda a: a * 2, otypes=[float])\nprint(f([1, 2]), np.vectorize(abs)([-1.5, 2]))\n"
    "g = np.vectorize(lambda a: a > 1)\n"
    "print(g(np.arange(3)), np.vectorize(lambda a: 0.5 if a else 1)([0, 1, 2]))\n",
    "a = np.arange(6).reshape(2, 3)\n"
    "print(np.shape(a), np.size(a), np.size(a, 1), np.ndim(a), np.shape([[1, 2]]), np.take(a, [0, 4]))\n"
    "print(np.take([-3, -2, -1, 0, 1, 2], [1, 3, 5]), np.take(a, [1], axis=1))\n"
    "print(np.choose([1, 0, 1, 0], [[-2, -2, -2, -2], [5, 5, 5, 5]]))\n"
    "print(np.choose(np.array([[0, 1], [1, 0]]), [0, np.arange(4).reshape(2, 2)]))\n",
])
def test_vectorize_and_shape_functions_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_vectorize_calls_are_counted_and_limited() -> None:
    # the engine runs NumPy's loop: the result is charged first, each call counts its steps
    source = N + "f = np.vectorize(lambda x: x + 1)\ny = f(np.zeros(({n}, 1000)))\n"
    assert run_program(source.format(n=2), limits=limits(max_tensor_elements=2_000)).ok
    report = run_program(source.format(n=3), limits=limits(max_tensor_elements=2_000))
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "f = np.vectorize(lambda x: x + 1)\ny = f(np.zeros(2000))\n",
                         limits=limits(max_steps=1_000))
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "f = np.vectorize(lambda x: [x])\ny = f(np.zeros(2))\n")
    assert not report.ok and "returns one number" in report.error.message


# -- a dunder the program's class defines, called on its object; hasattr -------------------------------------
DUAL = ("class DualNumber(object):\n"   # ageron/handson-ml3 extra_autodiff (Apache-2.0): forward mode
        "    def __init__(self, value=0.0, eps=0.0):\n        self.value = value\n        self.eps = eps\n"
        "    def __add__(self, b):\n"
        "        return DualNumber(self.value + self.to_dual(b).value, self.eps + self.to_dual(b).eps)\n"
        "    def __radd__(self, a):\n        return self.to_dual(a).__add__(self)\n"
        "    def __mul__(self, b):\n        return DualNumber(self.value * self.to_dual(b).value,\n"
        "                          self.eps * self.to_dual(b).value + self.value * self.to_dual(b).eps)\n"
        "    def __rmul__(self, a):\n        return self.to_dual(a).__mul__(self)\n"
        "    def __str__(self):\n        if self.eps:\n"
        "            return '{:.1f} + {:.1f}\\u03b5'.format(self.value, self.eps)\n"
        "        else:\n            return '{:.1f}'.format(self.value)\n"
        "    def __repr__(self):\n        return str(self)\n"
        "    @classmethod\n    def to_dual(cls, n):\n        if hasattr(n, 'value'):\n            return n\n"
        "        else:\n            return cls(n)\n")


def test_dual_numbers_call_their_own_dunders_like_python() -> None:
    compare(DUAL + "a = 3 + DualNumber(3, 4)\nb = DualNumber(3, 4) * DualNumber(5, 7)\n"
                   "print(a, b, 2 * DualNumber(1, 1), DualNumber(2).__add__(DualNumber(1, 1)))\n"
                   "3 + DualNumber(3, 4)\ndel a, b\n")


@pytest.mark.parametrize(("source", "says"), [
    ("import torch\nclass A:\n    pass\nt = torch.ones(2)\nprint(t.__add__(t))\n", "`__add__`"),
    ("class A:\n    pass\na = A()\nprint(a.__repr__())\n", "`__repr__`"),   # not defined: object's own
    ("class A:\n    def __init__(self):\n        self.x = 1\na = A()\nprint(a.__class__)\n", "`__class__`"),
    ("class A:\n    pass\nprint(hasattr(A(), '__class__'))\n", "`__class__`"),
])
def test_other_dunders_stay_refused(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported" and says in report.error.message, report.error


def test_hasattr_like_python() -> None:
    compare("import torch\nimport numpy as np\n"
            "class P:\n    k = 1\n    def __init__(self):\n        self.v = 2\n"
            "    def m(self):\n        return 3\n"
            "p = P()\n"
            "print(hasattr(p, 'v'), hasattr(p, 'k'), hasattr(p, 'm'), hasattr(p, 'w'), hasattr(P, 'k'))\n"
            "print(hasattr(P, 'v'), hasattr(3, 'value'), hasattr(3.0, 'real'), hasattr([1], 'append'))\n"
            "print(hasattr('s', 'upper'), hasattr(None, 'x'), hasattr(torch.ones(2), 'grad'))\n"
            "print(hasattr(torch.ones(2), 'shape'), hasattr(np.ones(2), 'shape'))\n"
            "print(hasattr(np.ones(2), 'foo'))\n"
            "try:\n    hasattr(p, 1)\nexcept TypeError as e:\n    print(e)\ndel p\n")


# -- `from numpy import *` then a numpy name Autograd Lab does not offer -------------------------------------
@pytest.mark.parametrize(("line", "says"), [
    ("savetxt('m.csv', ones(2))", "`numpy.savetxt` is not supported"),   # with the no-files hint
    ("m = matrix([[1, 2]])", "`numpy.matrix` is not supported"),
])
def test_star_imported_numpy_names_are_refused_by_name(line: str, says: str) -> None:
    # jrjohansson's Lecture 2 starts with `from numpy import *`: NumPy's name, not a NameError Python would
    # not raise (nor torch's function of the same bare name)
    report = run_program("from numpy import *\n" + line + "\n")
    assert not report.ok and report.error.kind == "unsupported" and says in report.error.message, report.error


def test_star_imported_numpy_names_shadow_bare_torch_names() -> None:
    source = "from numpy import *\nprint(take([-3, -2, -1, 0, 1, 2], [1, 3, 5]), dot([1, 2], [3, 4]))\n"
    report, oracle = run_program(source), run_trusted(source)   # (Python binds more names: printed text only)
    assert report.ok and oracle.error is None, report.error
    assert report.printed == oracle.printed
    report = run_program("from math import *\nx = foo\n")   # not a name of math's: Python's NameError
    assert not report.ok and report.error.kind == "name", report.error
