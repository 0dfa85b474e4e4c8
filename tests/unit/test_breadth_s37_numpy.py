"""Session 37 (breadth, issue 9): NumPy functions session 36's corpus left refused or showing differently,
each compared with plain NumPy on the same text (printed text, displays, variables, NumPy's own error
texts), with the limits checked before NumPy builds anything (lang/numpy_breadth_s37.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import same_as_python

N = "import numpy as np\n"
_QUANTILES = (("percentile", "50"), ("quantile", "0.5"), ("nanpercentile", "50"), ("nanquantile", "0.5"))
_OUTS = ("[0., 0, 0]", "5", "()", "np.zeros(2)", "np.zeros(3, dtype=int)", "np.zeros((1, 3))",
         "np.zeros(3, dtype=np.float32)", "np.zeros(3, dtype=complex)", "np.zeros(6)[::2]")


def _quantile_out(name: str, q: str) -> str:
    lines = ["a = np.array([[10., 7, 4], [3, 2, 1]])\n"]
    for out in _OUTS:
        lines.append(f"o = {out}\ntry:\n    r = np.{name}(a, {q}, axis=0, out=o)\n    print(r, r is o, o)\n"
                     "except (TypeError, ValueError) as e:\n    print(type(e).__name__, e)\n")
    lines.append(f"o = np.zeros(())\nr = np.{name}(a, {q}, out=o)\nr\nprint(o, r is o)\n"
                 f"o = np.zeros(2)\nprint(np.{name}(a, [{q}, {q}], None, o), o)\n"
                 f"o = np.zeros((2, 3))\nprint(np.{name}(a, [{q}, {q}], axis=0, out=o, method='lower'), o)\n"
                 f"b = a.copy()\nprint(np.{name}(b, {q}, overwrite_input=True), np.{name}(b, {q}, 1, None, "
                 "False, 'linear', True))\n")
    return "".join(lines)


@pytest.mark.parametrize(("name", "q"), _QUANTILES)
def test_quantiles_write_into_out_as_numpy(name: str, q: str) -> None:
    same_as_python(N + _quantile_out(name, q))


def test_quantile_out_of_another_kind_is_refused_by_name() -> None:
    report = run_program(N + "a = np.arange(3.)\nd = {}\nnp.nanpercentile(a, 50, out=d)\n")
    assert not report.ok and report.error.message == "np.nanpercentile: out= must be a numpy array"


def test_quantile_with_out_is_still_sized() -> None:
    source = N + "a = np.zeros(200_000)\nq = np.linspace(0, 1, 200_000)\no = np.zeros(200_000)\n" \
                 "np.quantile(a, q, out=o)\n"
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit" and "arithmetic steps" in report.error.message


# -- np.unique's NumPy 2 forms, np.unique of strings, np.isin with a set ------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.array([1, 2, 3, 1])\nr = np.unique_all(x)\nr\n"
    "print(r, type(r), r.values, r.indices, r.inverse_indices, r.counts, r[0], len(r))\n"
    "v, i, inv, c = r\nprint(v, i, inv, c)\nc2 = np.unique_counts(x)\nc2\nprint(c2.values, c2.counts)\n"
    "iv = np.unique_inverse(x)\niv\n"
    "print(np.unique_values(x), np.unique_values(np.array([[3, 1], [1, np.nan]])))\n"
    "try:\n    np.unique_values()\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    np.unique_all(x, return_counts=True)\nexcept TypeError as e:\n    print(e)\n",
    "s = np.array(['b', 'a', 'b', 'cc'])\nprint(np.unique(s))\n"
    "u, ix, inv2, cnt = np.unique(s, return_index=True, return_inverse=True, return_counts=True)\n"
    "print(u, ix, inv2, cnt, u[0])\nnp.unique(s, return_counts=True)\nnp.unique_counts(s)\nnp.unique_all(s)\n"
    "print(np.unique_values(s), np.unique(np.array([['a', 'b'], ['a', 'b']]), axis=0))\n"
    "print(dict(zip(*np.unique(s, return_counts=True))))\ndel s, u\n",
    "x = np.array([1, 2, 3, 1])\n"
    "print(np.isin(x, {1, 2}), np.isin(x, {1, 2}, invert=True), np.isin(5, {5}), np.isin([1, 2], {1}))\n"
    "print(np.isin(np.zeros((2, 0)), {1}).shape, np.isin(x, set()), np.isin(x, {1}, assume_unique=True))\n"
    "print(np.isin(np.array(['a', 'b']), ['a']) if False else '')\n",
])
def test_unique_and_isin_run_as_numpy(snippet: str) -> None:
    same_as_python(N + snippet)


def test_the_unique_forms_are_sized_before_numpy_runs() -> None:
    for name, ok in (("unique_values", True), ("unique_counts", True), ("unique_all", False)):
        report = run_program(N + f"r = np.{name}(np.zeros(1_200_000))\n")
        assert report.ok == ok, (name, report.error)
        if not ok:
            assert report.error.kind == "limit" and "np.unique_all" in report.error.message


# -- np.common_type, np.mintypecode, np.real_if_close, np.typename; classes are not variables -------------
TYPE_HELPERS = """a = np.array([1, 2]); b = np.array([1.5], dtype=np.float32); c = np.array([1+2j])
print(np.common_type(a), np.common_type(b), np.common_type(a, b), np.common_type(b, c))
print(np.common_type(np.array([1], dtype=np.float16)))
t = np.common_type(a)
t
print(t is np.float64, np.common_type(), np.common_type(np.float32(1)))
try:
    np.common_type(np.array(['a']))
except TypeError as e:
    print(e)
try:
    np.common_type([1, 2])
except AttributeError as e:
    print(e)
try:
    np.common_type(1)
except AttributeError as e:
    print(e)
print(np.mintypecode(['d', 'f', 'S']), np.mintypecode('efFD'), np.mintypecode('abc', default='x'))
print(np.mintypecode([np.float32, 'f']), np.mintypecode('dF'), np.mintypecode('', 'GDFgdf', 'd'))
print(np.real_if_close([2.1 + 4e-14j, 5.2 + 3e-15j]), np.real_if_close([2.1 + 4e-13j], tol=1000))
print(np.real_if_close(np.array([1.0])), np.real_if_close(3+0j))
x = np.array([2.1 + 1e-15j, 5.2 + 3e-16j])
y = np.real_if_close(x)
y
y[0] = 7
print(x, y)
z = np.array([1.0, 2.0])
print(np.real_if_close(z) is z)
np.real_if_close(3+0j)
np.real_if_close([1+1j])
print(np.typename('d'), np.typename('S1'), [np.typename(c) for c in '?bhilqBHILQfdgFDGO'])
for bad in ['zz', 5, None]:
    try:
        print(np.typename(bad))
    except KeyError as e:
        print(repr(e))
"""


def test_type_helpers_run_as_numpy() -> None:
    same_as_python(N + TYPE_HELPERS)


def test_classes_held_in_names_are_not_variables() -> None:
    same_as_python(N + "import torch\nt = int\nu = torch.Tensor\nv = np.float32\nw = np.ndarray\n"
                   "x = torch.float32\ny = np.dtype('float32')\nz = type(x)\nq = ValueError\n"
                   "r = np.array([1.]).dtype\nl = [int]\n")


def test_type_helpers_take_only_what_numpy_reads() -> None:
    for line, words in (("np.mintypecode({'d': 1})", "np.mintypecode(typechars"),
                        ("np.typename([1])", "np.typename(char)"),
                        ("np.real_if_close(np.zeros(3_000_000))", "limit")):
        report = run_program(N + line + "\n")
        assert not report.ok and words in report.error.message, (line, report.error)


# -- np.r_'s string directives, np.ravel_multi_index, np.histogram's bin rules -----------------------------
DIRECTIVES = """a = np.array([1, 2, 3])
print(np.r_['0,2', a, a])
print(np.r_['-1', [[1, 2]], [[3, 4]]])
print(np.r_['0,2,0', [1, 2, 3], [4, 5, 6]])
print(np.r_['1,2,0', [1, 2, 3], [4, 5, 6]])
print(np.r_['0,3,1', a, a].shape)
print(np.c_['0', a, a])
print(np.r_['0,2', a, a].shape)
a = np.array([1, 2, 3])
print(np.r_['0,40', a].shape)
b = np.r_['0,64', a]
print(b.ndim)
for d in ['x', '0,x', ' 1', '1_0', '+0', '0,2,5', '0,2,0,1']:
    try:
        print(repr(d), np.r_[d, a, a].shape)
    except ValueError as e:
        print(repr(d), e)
try:
    np.r_[a, '0']
except ValueError as e:
    print(e)
try:
    np.r_['0,65', a]
except ValueError as e:
    print(e)
"""
RAVEL = """arr = np.array([[3, 6, 6], [4, 5, 1]])
print(np.ravel_multi_index(arr, (7, 6)), np.ravel_multi_index(arr, (7, 6), order='F'))
print(np.ravel_multi_index(arr, (4, 6), mode='clip'), np.ravel_multi_index(arr, (4, 4), ('clip', 'wrap')))
print(np.ravel_multi_index((3, 1, 4, 1), (6, 7, 8, 9)))
r = np.ravel_multi_index((3, 1), (6, 7))
r
print(np.ravel_multi_index(([1, 2], [3, 4]), [5, 5]))
print(np.ravel_multi_index([np.array([[1], [2]]), np.array([0, 1])], (3, 3)))
for f in [lambda: np.ravel_multi_index((10**6, 10**6), (10**10, 10**10)),
          lambda: np.ravel_multi_index((1,), (7, 6)), lambda: np.ravel_multi_index(([1], [9]), (7, 6)),
          lambda: np.ravel_multi_index((1, 2), (7, 6), 'x'),
          lambda: np.ravel_multi_index(([1, 2], [1, 2, 3]), (7, 6)),
          lambda: np.ravel_multi_index((1, 2), (7, 6), 'raise', 'Q'),
          lambda: np.ravel_multi_index((1.5, 2), (7, 6))]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
"""
BIN_RULES = """a = np.array([1., 2, 2, 3, 5, 8, 13])
for b in ['auto', 'fd', 'doane', 'scott', 'rice', 'sturges', 'sqrt']:
    c, e = np.histogram(a, bins=b)
    print(b, c, e.round(3))
print(np.histogram(a, 'auto', range=(0, 20)), np.histogram(np.arange(10), bins='auto', density=True))
for f in [lambda: np.histogram(a, bins='foo'), lambda: np.histogram(a, bins='auto', weights=np.ones(7)),
          lambda: np.histogram(np.array([1.0, np.nan]), bins='auto')]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
"""


@pytest.mark.parametrize("snippet", [DIRECTIVES, RAVEL, BIN_RULES])
def test_directives_ravel_and_bin_rules_run_as_numpy(snippet: str) -> None:
    same_as_python(N + snippet)


def test_matrix_directives_are_refused_by_name() -> None:
    for line in ("np.r_['r', [1], [2]]", "np.c_['c', [1], [2]]"):
        report = run_program(N + f"m = {line}\n")
        assert not report.ok and "makes a numpy.matrix" in report.error.message, report.error
        assert "np.r_['0,2', ...]" in report.error.hint


def test_a_bin_rule_is_counted_before_numpy_makes_the_bins() -> None:
    # 'fd' of 1,000 values within 1e-6 and one at {far}: about 2e13 bins (NumPy would try to make them)
    source = N + "a = np.append(np.linspace(0, 1e-6, 1000), [{far}])\nc, e = np.histogram(a, bins='fd')\n"
    report = run_program(source.format(far="1e6"))
    assert not report.ok and report.error.kind == "limit" and "np.histogram" in report.error.message
    assert run_program(source.format(far="0.05")).ok   # 499,667 bins
    stone = run_program(N + "np.histogram([1, 2], bins='stone')\n")
    assert not stone.ok and "'auto'" in stone.error.message


def test_ravel_multi_index_is_sized() -> None:
    index = "(np.zeros((3000, 1), int), np.zeros(3000, int))"   # broadcast: 9,000,000 flat indices
    report = run_program(N + f"i = np.ravel_multi_index({index}, (9, 9))\n")
    assert not report.ok and report.error.kind == "limit", report.error
