"""Session 29: more of NumPy as lessons use it (lang/numpy_everyday.py, lang/numpy_array_methods.py):
elementwise functions, np.where, closeness tests, statistics, shape functions and the array methods
that go with them, compared with plain NumPy (values, printed text, displays); every result counted
before NumPy makes it (just below and just above the element limit, refused before NumPy runs); only
plain arguments reach NumPy."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

H = "import numpy as np\na = np.array([[1., -2.5, 3.], [4., 5.5, -6.]])\nv = np.array([3, 1, 2, 2, 0])\n"

SNIPPETS = {
    "elementwise": "np.floor(a)\nnp.ceil(a)\nnp.trunc(a)\nnp.rint(a)\nnp.sign(a)\nnp.log1p(np.abs(a))\n"
                   "np.expm1(a)\nnp.log2(v + 1)\nnp.log10([1, 10, 100])\nnp.exp2(v)\nnp.cbrt(a)\n"
                   "np.reciprocal(a)\nnp.arcsin([0, 0.5])\nnp.arccos(0.5)\nnp.arctan(a)\nnp.sinh(a)\n"
                   "np.cosh(a)\nnp.arcsinh(a)\nnp.arctanh(0.5)\nnp.absolute(a)\nnp.fabs(a)\n"
                   "np.isnan(np.log(a))\nnp.isinf(a / 0)\nnp.isfinite(a)\nnp.logical_not(v)\n"
                   "np.deg2rad(180)\nnp.rad2deg(np.pi)\nnp.degrees(a)\nnp.radians([90, 180])\n"
                   "np.signbit(a)\n",
    "binary": "np.arctan2(a, 2)\nnp.hypot(3, [4, 5])\nnp.mod(v, 2)\nnp.remainder(-7, 3)\nnp.fmod(-7, 3)\n"
              "np.floor_divide(v, 2)\nnp.true_divide(v, 4)\nnp.float_power(v, 2)\nnp.greater(a, 0)\n"
              "np.greater_equal(v, 2)\nnp.less(a, 1)\nnp.less_equal(v, 2)\nnp.equal(v, 2)\n"
              "np.not_equal(v, 2)\n"
              "np.logical_and(v > 0, v < 3)\nnp.logical_or(v == 0, v == 3)\nnp.logical_xor(v > 1, v > 2)\n"
              "np.fmax(a, np.nan)\nnp.fmin(a, 0)\nnp.copysign(v, -1)\nnp.heaviside(a, 0.5)\n",
    "round_where": "np.round(a)\nnp.round(a * 1.234, 2)\nnp.around(a, decimals=1)\nnp.round(2.567, 1)\n"
                   "np.where(a > 0, a, 0)\nnp.where(v > 1)\nnp.where([True, False], [1, 2], [3, 4])\n"
                   "np.where(a > 0, 1.0, -1.0)\nidx = np.where(v == 2)[0]\nprint(idx, v[idx])\n",
    "close": "np.isclose(a, a + 1e-9)\nnp.allclose(a, a + 1e-9)\nnp.allclose(a, a + 1)\n"
             "np.allclose([1, np.nan], [1, np.nan], equal_nan=True)\nnp.isclose(1.0, 1.1, rtol=0.2)\n"
             "np.array_equal(v, [3, 1, 2, 2, 0])\nnp.array_equal(a, a[:1])\nprint(np.allclose(a, a), "
             "type(np.allclose(a, a)))\n",
    "statistics": "np.std(a)\nnp.std(a, axis=0)\nnp.var(a, ddof=1)\nnp.var(a, 1, keepdims=True)\n"
    "np.median(a)\n"
                  "np.median(a, axis=1)\nnp.percentile(a, 50)\nnp.percentile(a, [25, 75], axis=0)\n"
                  "np.quantile(v, 0.5)\nnp.quantile(v, [0.1, 0.9], method='nearest')\nnp.average(a)\n"
                  "np.average(v, weights=[1, 2, 3, 4, 5])\nnp.average(a, axis=0)\nnp.any(a > 5)\n"
                  "np.all(a > -10, axis=1)\nnp.ptp(a)\nnp.ptp(a, axis=0)\nnp.count_nonzero(v)\n"
                  "np.count_nonzero(a > 0, axis=1)\nnp.nanmean([1, np.nan, 3])\nnp.nansum([1, np.nan])\n"
                  "np.nanmax([1, np.nan, 3])\nnp.nanmin([[1, np.nan], [0, 2]], axis=0)\n"
                  "np.std([1, 2, 3, 4])\n",
    "shapes": "np.transpose(a)\nnp.transpose(np.zeros((2, 3, 4)), (2, 0, 1)).shape\nnp.swapaxes(a, 0, 1)\n"
              "np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape\nnp.squeeze(np.zeros((1, 3, 1)))\n"
              "np.squeeze(np.zeros((1, 3, 1)), axis=0).shape\nnp.flip(a)\nnp.flip(a, 1)\nnp.fliplr(a)\n"
              "np.flipud(a)\nnp.ravel(a)\nnp.roll(v, 2)\nnp.roll(a, 1, axis=1)\n"
              "np.roll(a, (1, 1), axis=(0, 1))\n"
              "np.argsort(v)\nnp.argsort(a, axis=0)\nnp.argsort(v, stable=True)\nnp.atleast_1d(5)\n"
              "np.atleast_2d([1, 2])\nnp.atleast_3d(a).shape\n",
    "products": "np.outer([1, 2], [3, 4, 5])\nnp.kron(np.eye(2), [[1, 2], [3, 4]])\n"
    "np.inner([1, 2], [3, 4])\n"
                "np.inner(a, a)\nnp.vdot([1, 2], [3, 4])\nnp.vdot(a, a)\nnp.cross([1, 0, 0], [0, 1, 0])\n"
                "np.cross(np.eye(3), [1, 2, 3])\nnp.trace(a[:, :2])\nnp.trace(np.ones((3, 3)), 1)\n"
                "np.trace(np.ones((2, 2, 3)))\n",
    "rearrange": "np.repeat(v, 2)\nnp.repeat(a, 2, axis=0)\nnp.repeat(a, [1, 2, 3], axis=1)\n"
    "np.repeat(7, 3)\n"
                 "np.append(v, [9, 9])\nnp.append(a, a, axis=0)\nnp.unique(v)\n"
                 "np.unique(v, return_counts=True)\nvals, counts = np.unique([3, 3, 1], return_counts=True)\n"
                 "np.unique(v, return_index=True, return_inverse=True)\nnp.argwhere(a > 0)\n"
                 "np.logspace(0, 2, 3)\nnp.logspace(0, 1, num=4, base=2)\nnp.split(np.arange(6), 3)\n"
                 "np.split(np.arange(6), [2, 3])\nnp.array_split(np.arange(7), 3)\n"
                 "np.array_split(a, 2, axis=1)\n",
    "methods": "a.std()\na.std(axis=0)\na.var(ddof=1)\na.any()\n(a > 0).all(axis=1)\na.transpose()\n"
               "np.zeros((2, 3, 4)).transpose(1, 0, 2).shape\n"
               "np.zeros((2, 3, 4)).transpose((2, 1, 0)).shape\n"
               "a.swapaxes(0, 1)\nnp.zeros((1, 3)).squeeze()\na.ravel()\na.clip(0, 2)\na.clip(min=0)\n"
               "v.argsort()\nv.nonzero()\na.diagonal()\na.diagonal(1)\na.trace()\na.conj()\na.repeat(2)\n"
               "a.repeat(2, axis=1)\nv.take([0, 2])\na.take([0, 4])\na.take([1], axis=1)\nb = a.view()\n"
               "b[0, 0] = 100\nprint(a[0, 0])\nc = a.copy()\nc.fill(7)\nc\nv.sort()\nv\nd = a.copy()\n"
               "d.sort(axis=0)\nd\nprint(c.fill(1), v.sort())\nnp.float64(2.5).std()\n"
               "t = np.array([2, 1, 3])\nt.sort()\nprint(t)\n",
    "dtype_types": "np.array([1, 2], dtype=float)\nnp.array([1.7, 2.2], dtype=int)\n"
    "np.array([0, 1], dtype=bool)\n"
                   "np.array([1, 2], dtype=complex)\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_numpy_like_plain_numpy(name: str) -> None:
    compare(H + SNIPPETS[name])


ERRORS = {   # NumPy's own errors, caught by the program as in plain NumPy
    "where_shapes": "np.where(np.ones(2) > 0, np.ones(3), np.ones(4))",
    "axis_out_of_range": "np.std(a, axis=5)",
    "swap_bad_axis": "np.swapaxes(a, 0, 3)",
    "squeeze_not_one": "np.squeeze(a, axis=0)",
    "split_unequal": "np.split(np.arange(5), 2)",
    "cross_bad": "np.cross([1, 2, 3, 4], [1, 2, 3, 4])",
    "take_out_of_range": "a.take([100])",
    "trace_1d": "np.trace(v)",
    "repeat_mismatch": "np.repeat(a, [1, 2], axis=1)",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_numpy_errors_are_numpys_own_and_catchable(name: str) -> None:
    source = H + f"try:\n    {ERRORS[name]}\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    compare(source)
    assert run_trusted(source).printed.split()[0] in ("ValueError", "IndexError", "AxisError", "TypeError")


LIMIT = DEFAULT_LIMITS.max_tensor_elements


@pytest.mark.parametrize("template", [
    "np.outer(np.ones({n}), np.ones(2))", "np.kron(np.ones({n}), np.ones(2))", "np.repeat(np.ones({n}), 2)",
    "np.ones({n}).repeat(2)", "np.repeat(np.ones(({n}, 1)), [2], axis=0)",
    "np.append(np.ones({n}), np.ones({n}))",
    "np.inner(np.ones(({n}, 1)), np.ones((2, 1)))",
    "np.ones((2, 2)).take(np.zeros({n}, dtype=np.int64), axis=0)",
    "np.percentile(np.ones((2, {n})), [1, 2, 3, 4], axis=0)",
])
@pytest.mark.parametrize("ok", [True, False])
def test_results_are_counted_before_numpy_makes_them(template: str, ok: bool) -> None:
    n = LIMIT // 2 if ok else LIMIT // 2 + 1
    if template.startswith("np.percentile"):
        n = LIMIT // 4 if ok else LIMIT // 4 + 1   # 4 results per column
    report = run_program("import numpy as np\nx = " + template.format(n=n) + "\nprint('made')\n")
    if ok:
        assert report.ok, report.error
        assert report.printed == "made\n"
    else:
        assert report.error is not None and report.error.kind == "limit", report.error
        assert report.error.line == 2 and report.printed == ""


@pytest.mark.parametrize("source", [
    "np.repeat(np.ones(3), 10**12)", "np.ones(3).repeat(2**70)",
    "np.repeat(np.ones((2, 2)), [10**15, 1], axis=0)",
    "np.outer(np.ones(10**6), np.ones(10**6))", "np.kron(np.ones((1000, 1000)), np.ones((1000, 1000)))",
    "np.logspace(0, 1, 10**12)", "np.split(np.ones(10), 10**9)", "np.array_split(np.ones(10), 10**9)",
    "np.ones(3).take(np.zeros((3000, 3000), dtype=np.int64), axis=0)",
])
def test_huge_requests_are_refused_at_once(source: str) -> None:
    report = run_program("import numpy as np\n" + source + "\n")
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.line == 2
    assert report.timing_ms < 3000   # refused before NumPy tried (a try would take many seconds or fail)


def test_the_run_total_counts_every_result_held() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=1_000_000)
    report = run_program("import numpy as np\nx = np.ones(1000)\nys = []\nfor i in range(2000):\n"
                         "    ys.append(np.outer(x, [1]))\n", limits=limits)
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 5, report.error


@pytest.mark.parametrize("source, words", [
    ("np.where(np.ones(2) > 0, 'a', 'b')", "numpy arrays combine only with numbers"),
    ("np.std(np.ones(3), axis='0')", "must be an int"),
    ("np.unique(np.ones(3), equal_nan=True)", "Autograd Lab supports `np.unique"),
    ("np.transpose(np.ones(3), axes=print)", "must be an int"),
    ("np.quantile(np.ones(3), 0.5, method='weibull')", "Autograd Lab supports"),
    ("np.ones(3).fill('x')", "numpy arrays combine only with numbers"),
    ("np.float64(2.0).sort()", "numpy scalar"),
    ("np.ones(3).take([0.5])", "indices must be integers"),
    ("np.average(np.ones(3), weights=print)", "numpy arrays combine only with numbers"),
])
def test_only_plain_arguments_reach_numpy(source: str, words: str) -> None:
    report = run_program("import numpy as np\n" + source + "\n")
    assert report.error is not None and words in report.error.message, report.error
    assert report.error.line == 2


@pytest.mark.parametrize("repeats", ["np.array([2**62, 2**62, 2**62, 2**62])", "[2**62, 2**62]",
                                     "np.array([2**40 + 1, 0])", "np.array([5_000_000, 1])"])
def test_repeat_counts_never_wrap(repeats: str) -> None:
    report = run_program(f"import numpy as np\nx = np.repeat(np.ones(2), {repeats})\n")
    assert report.error is not None and report.error.kind in ("limit", "value"), report.error
    assert report.error.line == 2


def test_repeat_with_array_counts_like_numpy() -> None:
    compare("import numpy as np\nnp.repeat(np.arange(3), np.array([1, 0, 2]))\n"
            "np.repeat(np.ones((2, 2)), np.array([3]), axis=0)\n"
            "np.repeat([[1, 2]], np.array([2, 1]), axis=1)\n"
            "try:\n    np.repeat(np.arange(3), np.array([-1, 0, 2]))\nexcept ValueError as e:\n"
            "    print(e)\n")


LEGACY = ("np.random.seed(0)\nnp.random.choice(5, 3)\nnp.random.choice([10, 20, 30], size=2, replace=False)\n"
          "np.random.choice(5, 3, p=[0.1, 0.2, 0.3, 0.2, 0.2])\nnp.random.permutation(5)\n"
          "np.random.permutation(np.arange(6).reshape(2, 3))\nx = np.arange(6)\nnp.random.shuffle(x)\nx\n"
          "lst = [1, 2, 3, 4]\nnp.random.shuffle(lst)\nprint(lst)\nnp.random.binomial(10, 0.5, 3)\n"
          "np.random.poisson(3, size=2)\nnp.random.exponential(2.0)\nnp.random.random_sample(2)\n"
          "np.random.beta(2, 3, 2)\nnp.random.gamma(2.0, size=2)\nnp.random.standard_t(3)\n"
          "idx = np.random.choice(10, 4, replace=False)\nprint(idx, np.arange(100, 110)[idx])\n"
          "try:\n    np.random.choice(5, 3, axis=0)\nexcept TypeError as e:\n    print(e)\n")


def test_legacy_np_random_choice_permutation_shuffle_like_numpy() -> None:
    compare("import numpy as np\n" + LEGACY)


@pytest.mark.parametrize("source", ["np.random.choice(10**9, 3, replace=False)",
                                    "np.random.choice(np.arange(10), 10**9)", "np.random.permutation(10**10)",
                                    "np.random.choice(10**6, 10**5, replace=False,"
                                    " p=np.ones(10**6) / 10**6)"])
def test_legacy_np_random_sizes_are_counted_first(source: str) -> None:
    # RandomState.choice(replace=False) permutes its whole population (8 GB for 10**9) before it takes 3
    report = run_program("import numpy as np\n" + source + "\n")
    assert report.error is not None and report.error.kind == "limit", report.error
    assert "np.random" in report.error.message and report.error.line == 2


def test_histogram_cov_corrcoef_like_numpy() -> None:
    compare(H + "np.histogram([1, 2, 2, 3], bins=3)\nnp.histogram(np.arange(10), bins=[0, 5, 10])\n"
            "np.histogram(np.arange(10), 4, range=(0, 8), density=True)\n"
            "counts, edges = np.histogram(np.arange(10), bins=np.array([0., 2., 9.]), weights=np.ones(10))\n"
            "np.cov(a)\nnp.cov(a, rowvar=False)\nnp.cov(a, bias=True)\nnp.cov([1, 2, 3], [1, 0, 4])\n"
            "np.cov(a, ddof=0)\nnp.corrcoef(a)\nnp.corrcoef(a.T)\nnp.corrcoef([1, 2, 3], [3, 2, 1])\n")


@pytest.mark.parametrize("source, ok", [
    (f"np.histogram(np.ones(3), bins={LIMIT // 2 - 1})", True),
    (f"np.histogram(np.ones(3), bins={LIMIT // 2})", False),
    ("np.cov(np.ones((2236, 3)))", True), ("np.cov(np.ones((2237, 3)))", False),
    ("np.corrcoef(np.ones((3, 2237)), rowvar=False)", False),
    ("np.histogram(np.ones(3), bins='auto')", True), ("np.histogram(np.ones(3), bins='stone')", False),
])
def test_histogram_and_cov_results_are_counted_first(source: str, ok: bool) -> None:
    report = run_program("import numpy as np\nx = " + source + "\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.line == 2 and report.error.kind in ("limit", "unsupported"), report.error


def test_asarray_and_copy_like_numpy() -> None:
    compare(H + "b = np.asarray(a)\nprint(b is a)\nc = np.asarray([1, 2.5])\n"
            "d = np.asarray([[1, 2]], dtype=np.float32)\ne = np.asarray(a, dtype=np.int64)\nprint(e is a)\n"
            "f = np.copy(a)\nf[0, 0] = 9\nprint(a[0, 0], f[0, 0])\n")


def test_einsum_like_numpy() -> None:
    compare(H + "np.einsum('ij,jk->ik', a, a.T)\nnp.einsum('ii', np.eye(3))\n"
            "np.einsum('ii->i', np.eye(3) * 2)\nnp.einsum('i,i', [1, 2], [3, 4])\n"
            "np.einsum('i,j->ij', [1, 2], [3, 4, 5])\nnp.einsum('ij->ji', a)\nnp.einsum('ji', a)\n"
            "np.einsum('ij', a)\nnp.einsum('...ij->...ji', np.ones((2, 3, 4))).shape\n"
            "np.einsum('bij,bjk->bik', np.ones((2, 3, 4)), np.ones((2, 4, 5))).shape\n"
            "np.einsum('ij,jk', a, a.T)\nnp.einsum('i j -> j i', a)\nnp.einsum('ij->', a)\n"
            "np.einsum('ij,ij->i', a, a)\n"
            "try:\n    np.einsum('ij,jk->ik', a, a)\nexcept ValueError as e:\n    print(e)\n")


@pytest.mark.parametrize("n, ok", [(793, True), (794, False)])
def test_einsum_work_is_bounded_before_numpy_runs(n: int, ok: bool) -> None:
    # 'ij,jk->ik' without optimize: n**3 combinations walked once per operand (2 n**3 <= max_call_work 1e9)
    report = run_program(f"import numpy as np\nx = np.ones(({n}, {n}))\ny = np.einsum('ij,jk->ik', x, x)\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 3, report.error
        assert "arithmetic steps" in report.error.message


@pytest.mark.parametrize("n, ok", [(LIMIT // 1000, True), (LIMIT // 1000 + 1, False)])
def test_einsum_result_is_counted_first(n: int, ok: bool) -> None:
    report = run_program(f"import numpy as np\ny = np.einsum('i,j->ij', np.ones({n}), np.ones(1000))\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 2


def test_insert_and_delete_like_numpy() -> None:
    compare(H + "np.insert([1, 2, 3], 1, 9)\nnp.insert(np.arange(6).reshape(2, 3), 1, 0, axis=0)\n"
            "np.insert(np.arange(6).reshape(2, 3), [1, 2], 5, axis=1)\n"
            "np.insert(np.arange(5), 2, [10, 20, 30])\n"
            "np.insert(a, 1, [7, 8, 9], axis=0)\nnp.delete([1, 2, 3], 0)\nnp.delete(a, 1, axis=1)\n"
            "np.delete(np.arange(6), [0, 2])\nnp.delete(np.arange(4), np.array([True, False, True, False]))\n"
            "try:\n    np.delete(np.arange(5), 10)\nexcept IndexError as e:\n    print(e)\n")


@pytest.mark.parametrize("source, ok", [
    (f"np.insert(np.ones({LIMIT - 10}), 0, np.ones(10))", True),
    (f"np.insert(np.ones({LIMIT - 10}), 0, np.ones(11))", False),
    (f"np.insert(np.ones((2, {LIMIT // 4})), [0, 1], 0, axis=0)", True),
    (f"np.insert(np.ones((2, {LIMIT // 4 + 1})), [0, 1], 0, axis=0)", False),
])
def test_insert_results_are_counted_first(source: str, ok: bool) -> None:
    report = run_program("import numpy as np\nx = " + source + "\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 2, report.error


def test_no_numpy_name_is_defined_by_two_modules() -> None:
    # (np.allclose, count_nonzero, fliplr and flipud were written twice in session 29, np.unravel_index in
    # session 30: one copy shadowed); every table the numpy namespace is built from
    from autogradlab.lang.namespaces import numpy_tables
    tables = numpy_tables()
    names = [name for table in tables for name in table]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_split_and_array_split_take_an_axis_like_numpy() -> None:
    compare(H + "np.split(np.arange(6), 3)\nnp.split(np.arange(6), [2, 3])\nnp.array_split(np.arange(7), 3)\n"
            "np.array_split(a, 2, axis=1)\nnp.split(a, 3, 1)\nnp.hsplit(a, 3)\n"
            "try:\n    np.split(np.arange(5), 2)\nexcept ValueError as e:\n    print(e)\n")
