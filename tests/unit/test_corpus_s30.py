"""Session 30 (corpus): what the new lesson corpora needed (Deep Learning with PyTorch's p1ch3/p1ch5,
hunkim's PyTorchZeroToAll, Jovian's "PyTorch Basics", PyTorch's "Understanding requires_grad, retain_grad,
Leaf, and Non-leaf Tensors", zergtant's pytorch-handbook ch. 2, d2l-en's distributions / random variables /
integral calculus appendix, numpy-100), each compared with plain PyTorch / NumPy / CPython on the same
text, with the limits just below and above where a result allocates.

- `from math import factorial` (and comb, perm, gcd, lcm, isqrt), math.pow / gamma / lgamma / fsum / dist
- `import pdb` binds (a lesson imports it unused); `pdb.set_trace()` stops with the debugger's message
- open / input / breakpoint / torch.load / np.loadtxt are refused with a hint that fits
  (lang/outside_world.py)
- np.negative(A, out=A) and the other one-argument ufuncs with out=
- torch.distributions.Poisson / Exponential / Geometric / Laplace, sampled through the run's generator
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

T = "import torch\n"
N = "import numpy as np\n"
ENGLISH = re.compile(r"[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}")


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def fails_like_python(source: str) -> None:
    """The error at the same line, with the library's words (the box frames an OverflowError as "number
    too large: ..." and keeps a message's first line; `except ... as e` gets the words whole), and the
    same class where the program catches it."""
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and not report.ok, (report.error, oracle.error)
    assert report.error.line == oracle.error_line
    first = str(oracle.error).split("\n")[0].split(" (/")[0]   # ImportError: without the module's path
    whole = report.error.message == str(oracle.error)   # torch.distributions' "found invalid values:" (s37)
    assert whole or report.error.message.endswith(first.rstrip(":")), (report.error, str(oracle.error))
    caught = source.replace("\n", "\n    ").rstrip() + "\n"
    caught = (f"try:\n    {caught}except Exception as e:\n"
              "    print(type(e).__name__, str(e).split(chr(10))[0].split(' (/')[0])\n")
    report, oracle = run_program(caught), run_trusted(caught)
    assert report.printed == oracle.printed


def refused(source: str, says: str, hint_says: str):  # noqa: ANN201
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert says in report.error.message, report.error.message
    assert hint_says in (report.error.hint or ""), report.error.hint
    zh = error_text.box("zh", report.error)
    assert not ENGLISH.findall(re.sub(r"`[^`]*`", "", zh)), zh   # said whole in Chinese
    return report


# -- math ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "from math import factorial\nprint(factorial(5), factorial(0))\n",   # d2l-en distributions.md
    "from math import comb, perm, gcd, lcm, isqrt\nprint(comb(5, 2), perm(5, 2), gcd(12, 18), lcm(4, 6), "
    "isqrt(17))\n",
    "import math\nprint(math.pow(2, 3), math.gamma(4.5), math.lgamma(3.0), math.fsum([0.1] * 10), "
    "math.dist([0, 0], [3, 4]))\n",
    "from math import pow, gamma, lgamma, fsum, dist\nprint(pow(2.5, 2), gamma(5), lgamma(0.5), "
    "fsum(x / 10 for x in range(10)), dist((1, 2, 3), (4, 5, 6)))\n",
    T + "import math\nprint(math.pow(2, torch.tensor(3.)), math.gamma(torch.tensor(4.)))\n",
])
def test_math_imports_and_functions_like_python(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize("line", ["math.pow(10.0, 400)", "math.gamma(-1)", "math.dist([1], [1, 2])",
                                  "math.pow('a', 2)"])
def test_math_errors_like_python(line: str) -> None:
    fails_like_python(f"import math\nx = 1\nr = {line}\n")


def test_from_math_import_factorial_keeps_the_size_limit() -> None:
    source = "from math import factorial\nn = factorial({n})\n"   # 300!: 2,041 bits; 400!: 2,886 bits
    ok = run_program(source.format(n=300), limits=limits(max_int_bits=2100))
    assert ok.ok and ok.variables["n"].value == run_trusted(source.format(n=300)).variables["n"]
    too_big = run_program(source.format(n=400), limits=limits(max_int_bits=2100))
    assert not too_big.ok and too_big.error.kind == "limit"


def test_a_name_math_lacks_is_pythons_import_error() -> None:
    fails_like_python("from math import factorials\n")


# -- pdb, files, keyboard --------------------------------------------------------------------------------
def test_an_unused_import_pdb_runs() -> None:
    compare(T + "import pdb\nw = torch.tensor([1.0], requires_grad=True)\nl = (3 * w - 6) ** 2\n"
            "l.backward()\nprint(w.grad.item())\n")


@pytest.mark.parametrize("source", ["import pdb\nx = 1\npdb.set_trace()\n",
                                    "import pdb as debugger\nx = 1\ndebugger.set_trace()\n"])
def test_pdb_use_stops_with_the_debuggers_message(source: str) -> None:
    report = refused(source, "`pdb.set_trace`: the debugger is not available in Autograd Lab", "Steps page")
    assert report.error.line == 3 and report.variables["x"].value == 1   # the lines before it ran


@pytest.mark.parametrize(("source", "says", "hint_says"), [
    ("f = open('ourpoints.t', 'rb')\n", "`open`", "reads and writes no files"),
    (T + "with open('../data/p1ch3/ourpoints.t', 'rb') as f:\n    points = torch.load(f)\n", "`open`",
     "reads and writes no files"),
    (T + "points = torch.load('ourpoints.t')\n", "`torch.load`", "reads and writes no files"),
    (T + "torch.save(torch.ones(2), 'ourpoints.t')\n", "`torch.save`", "reads and writes no files"),
    (N + "a = np.loadtxt('data.csv', delimiter=',')\n", "`numpy.loadtxt`", "reads and writes no files"),
    ("n = int(input('n? '))\n", "`input`", "without a keyboard"),
    ("breakpoint()\n", "`breakpoint`", "Steps page"),
])
def test_the_outside_world_is_refused_with_a_hint_that_fits(source: str, says: str, hint_says: str) -> None:
    refused(source, says, hint_says)


# -- NumPy one-argument ufuncs with out= -------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # numpy-100, exercise 35
    "A = np.ones(3)*1\nB = np.ones(3)*2\nnp.add(A,B,out=B)\nnp.divide(A,2,out=A)\nnp.negative(A,out=A)\n"
    "np.multiply(A,B,out=A)\n",
    # exercise 71
    "Z = np.array([0, 1, 1, 0, 1])\nr = np.logical_not(Z, out=Z)\nprint(Z, r is Z)\n"
    "W = np.linspace(-1.0, 1.0, 5)\nnp.negative(W, out=W)\nnp.sqrt(np.abs(W), out=W)\nprint(W)\n",
])
def test_one_argument_ufuncs_write_into_out_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", ["np.negative(A, out=np.ones(2))",
                                  "np.sqrt(np.arange(3), out=np.arange(3))"])
def test_one_argument_ufuncs_refuse_a_bad_out_like_numpy(line: str) -> None:
    fails_like_python(N + f"A = np.ones(3)\nr = {line}\n")


# -- torch.distributions --------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # d2l-en, chapter_appendix-mathematics-for-deep-learning/distributions.md
    "lam = 5.0\nm = torch.distributions.poisson.Poisson(lam)\nx = m.sample((10, 10))\n"
    "print(m.mean, m.variance, m.rate, m.mode)\n",
    "from torch.distributions import Exponential, Geometric, Laplace\n"
    "for d in [Exponential(torch.tensor([1., 2.])), Geometric(probs=torch.tensor(0.3)), Laplace(0., 1.)]:\n"
    "    s = d.sample((3,))\n    print(s, d.mean, d.log_prob(s), d.entropy())\n",
    "from torch.distributions.poisson import Poisson\np = Poisson(torch.tensor([1.0, 4.0]))\n"
    "print(p.log_prob(torch.tensor([0., 2.])), p.sample())\n",
])
def test_more_distributions_sample_like_pytorch(snippet: str) -> None:
    compare(T + snippet)


def test_distribution_samples_are_counted_first() -> None:
    source = T + "m = torch.distributions.Poisson(torch.ones(100))\ns = m.sample(({n},))\n"
    assert run_program(source.format(n=100), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(source.format(n=101), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit"


def test_a_bad_rate_fails_like_pytorch() -> None:
    fails_like_python(T + "m = torch.distributions.Poisson(-1.)\n")


# -- NumPy counting functions (lang/numpy_counting.py) -------------------------------------------------------
COUNTING = [
    # numpy-100, exercises 65, 16, 20, 30, 74, 83, 89 as written, then the other forms
    "Z = np.ones(10)\nI = np.random.randint(0,len(Z),20)\nZ += np.bincount(I, minlength=len(Z))\nprint(Z)\n"
    "X = [1,2,3,4,5,6]\nI = [1,3,9,3,4,1]\nF = np.bincount(I,X)\nprint(F)\n",
    "print(np.bincount(np.array([0, 1, 1, 3, 2, 1, 7])), np.bincount([], minlength=3), "
    "np.bincount(np.array([True, False, True])))\nC = np.bincount([1,1,2,3,4,4,6])\n"
    "A = np.repeat(np.arange(len(C)), C)\nprint(A)\n",
    "Z = np.ones((5,5))\nZ = np.pad(Z, pad_width=1, mode='constant', constant_values=0)\nprint(Z)\n"
    "print(np.pad(np.arange(5), (2, 3), 'edge'), np.pad(np.arange(6).reshape(2, 3), ((1, 0), (0, 2)), "
    "mode='reflect'), np.pad([1, 2, 3], 2, 'maximum'), np.pad(np.ones(2), np.array([1, 2])))\n",
    "print(np.unravel_index(99,(6,7,8)))\nZ = np.random.random((10,10))\nprint(np.unravel_index(Z.argmax(), "
    "Z.shape))\nprint(np.unravel_index([22, 41, 37], (7, 6)), np.unravel_index(np.array([1, 5]), (2, 3), "
    "order='F'))\n",
    "Z1 = np.random.randint(0,10,10)\nZ2 = np.random.randint(0,10,10)\nprint(np.intersect1d(Z1,Z2))\n"
    "print(np.union1d(Z1, Z2), np.setdiff1d(Z1, Z2), np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]), "
    "np.setdiff1d([5, 1], [1], assume_unique=True))\n",
    "Z = np.arange(10000)\nnp.random.shuffle(Z)\nn = 5\nprint(Z[np.argpartition(-Z,n)[:n]])\n"
    "print(np.argpartition(np.array([3, 4, 2, 1]), 3), np.argpartition(np.array([3, 4, 2, 1]), (1, 3)))\n",
    "Z = np.random.randint(0,10,(10,10))\nprint(np.diff(Z), np.diff(Z, axis=0), np.diff(Z, n=3), "
    "np.diff(Z, n=50).shape)\nx = np.array([1, 2, 4, 7, 0])\nprint(np.diff(x, prepend=0), "
    "np.diff(x, append=[9, 9]), np.diff(x, 2, prepend=x[:1]), np.diff([1.5, 4.0]))\n",
    "print(np.indices((2, 3)), np.indices((2, 3), sparse=True), np.indices((2,), dtype=np.float32))\n"
    "row, col = np.indices((2, 3))\nprint(row, col)\n",
]


@pytest.mark.parametrize("snippet", COUNTING)
def test_counting_functions_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.bincount(np.array([-1, 2]))", "np.bincount(np.array([1.5, 2]))", "np.bincount(np.array([[1, 2]]))",
    "np.diff(np.ones(3), n=-1)", "np.diff(np.float64(3))", "np.diff(np.ones(3), axis=2)",
    "np.unravel_index(100, (6, 7))", "np.unravel_index(1.5, (6, 7))", "np.pad(np.ones(3), -1)",
    "np.pad(np.ones(3), ((1, 2), (3, 4)))", "np.pad(np.ones(3), 1, mode='nope')",
    "np.argpartition(np.ones(3), 5)", "np.indices((2, -1))", "np.union1d([1], [2], assume_unique=True)",
    "np.bincount([1], minlen=3)",
])
def test_counting_functions_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


@pytest.mark.parametrize(("line", "elements"), [
    ("np.bincount(np.array([{n} - 1]))", None),
    ("np.bincount([0], minlength={n})", None),
    ("np.pad(np.ones(({n} // 100 - 2, 98)), 1)", None),    # (n/100) x 100 once padded
    ("np.indices((2, {n} // 4))", None),                   # two arrays of n/2 elements
    ("np.unravel_index(np.zeros({n} // 2, dtype=int), (3, 3))", None),
])
def test_counting_results_are_sized_first(line: str, elements: None) -> None:
    n = 20_000
    source = N + "r = " + line + "\n"
    assert run_program(source.format(n=n), limits=limits(max_tensor_elements=n)).ok
    report = run_program(source.format(n=n + 200), limits=limits(max_tensor_elements=n))
    assert not report.ok and report.error.kind == "limit", report.error


def test_diff_passes_are_bounded_and_an_over_long_n_gives_numpys_result() -> None:
    # NumPy itself would loop 10**12 times: the engine asks for 8 passes (the same empty result)
    huge = run_program(N + "x = np.arange(6) ** 2\nprint(np.diff(x, n=10**12), np.diff(x, n=10**12, "
                       "prepend=[1, 2]), np.diff(x.reshape(2, 3), n=10**12, axis=0).shape)\n")
    plain = run_trusted(N + "x = np.arange(6) ** 2\nprint(np.diff(x, n=6), np.diff(x, n=8, prepend=[1, 2]), "
                        "np.diff(x.reshape(2, 3), n=2, axis=0).shape)\n")
    assert huge.printed == plain.printed
    source = N + "r = np.diff(np.ones(1000), n={n})\n"   # passes x (1,000 + 100 steps)
    assert run_program(source.format(n=900), limits=limits(max_call_work=1_000_000)).ok
    report = run_program(source.format(n=1000), limits=limits(max_call_work=1_000_000))
    assert not report.ok and report.error.kind == "limit" and "np.diff" in report.error.message


@pytest.mark.parametrize(("line", "says"), [
    ("np.pad(np.ones(3), 1.5)", "whole-number pad widths"),
    ("np.pad(np.ones(3), 1, mode=3)", "a mode named by a string"),
    ("np.pad(np.ones(3), 1, stat_lengthh=2)", "the keywords constant_values"),
])
def test_pad_refusals_are_said_in_both_languages(line: str, says: str) -> None:
    report = run_program(N + f"r = {line}\n")
    assert not report.ok and says in report.error.message
    zh = error_text.box("zh", report.error)
    assert not ENGLISH.findall(re.sub(r"`[^`]*`", "", zh)), zh


def test_the_counting_functions_are_numpy_s_members() -> None:
    # (that no other table defines them too: test_numpy_everyday_s29's test over namespaces.numpy_tables)
    from autogradlab.lang import numpy_counting
    from autogradlab.lang.namespaces import numpy_tables
    mine = set(numpy_counting.numpy_counting_members())
    assert mine == {"bincount", "diff", "unravel_index", "indices", "pad", "argpartition", "intersect1d",
                    "union1d", "setdiff1d", "fromiter"}
    assert any(set(table) == mine for table in numpy_tables())


# -- the methods of NumPy's two-argument ufuncs (lang/numpy_ufunc_methods.py) -----------------------------
UFUNC_METHODS = [
    # numpy-100, exercises 41, 47, 64 and 91 as written, then the other forms
    "Z = np.arange(10)\nprint(np.add.reduce(Z))\n",
    "X = np.arange(8)\nY = X + 0.5\nC = 1.0 / np.subtract.outer(X, Y)\nprint(np.linalg.det(C))\n",
    "Z = np.ones(10)\nI = np.random.randint(0,len(Z),20)\nnp.add.at(Z, I, 1)\nprint(Z)\n",
    "Z = np.arange(12).reshape(3, 4)\nprint(np.add.reduce(Z, axis=1), "
    "np.multiply.reduce(Z, 0, keepdims=True), "
    "np.add.accumulate(Z), np.add.accumulate(Z, axis=1), np.maximum.reduce([3, 1, 4]), "
    "np.add.reduce(Z, axis=None), np.add.reduce([], initial=5))\n",
    "print(np.add.reduceat(np.arange(8), [0, 4, 1, 5]), np.multiply.outer([1, 2], [3, 4, 5]), "
    "np.add.outer(np.arange(3), np.arange(2)).shape)\nA = np.zeros(4)\n"
    "np.subtract.at(A, [0, 0, 3], [1, 2, 3])\n",
]


@pytest.mark.parametrize("snippet", UFUNC_METHODS)
def test_ufunc_methods_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", ["np.add.reduce(np.ones(3), axis=2)", "np.add.at([1, 2], [0], 1)",
                                  "np.add.reduce()", "np.add.at(np.ones(3), [5], 1)"])
def test_ufunc_methods_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


@pytest.mark.parametrize("line", ["np.add.outer(np.ones({n} // 100), np.ones(100))",
                                  "np.add.accumulate(np.ones({n}))",
                                  "np.add.reduceat(np.ones((100, 10)), np.zeros({n} // 100, dtype=int), "
                                  "axis=1)"])
def test_ufunc_method_results_are_sized_first(line: str) -> None:
    n = 20_000
    source = N + f"r = {line}\n"
    assert run_program(source.format(n=n), limits=limits(max_tensor_elements=n)).ok
    report = run_program(source.format(n=n + 100), limits=limits(max_tensor_elements=n))
    assert not report.ok and report.error.kind == "limit", report.error


# -- a NumPy array's truth value (a difference found by the corpus: fixed first) ---------------------------
# numpy-100's exercise 29 writes `Z<Z>Z`: plain NumPy raises "The truth value of an array with more than
# one element is ambiguous"; the engine used to answer with an array (the wrapper was always true).
@pytest.mark.parametrize("body", [
    "r = Z<Z>Z\n", "r = 0 < Z < 2\n", "if Z:\n    pass\n", "r = Z and Z\n", "r = Z or 1\n", "r = not Z\n",
    "while Z:\n    break\n", "assert Z\n", "r = [1 for i in range(3) if Z]\n", "r = bool(Z)\n",
    "r = 1 if Z else 0\n", "r = all([Z, Z])\n", "r = any([Z])\n", "r = any(np.ones((2, 2)))\n",
    "r = float(Z)\n", "r = int(Z)\n",
])
def test_an_arrays_truth_fails_as_in_numpy(body: str) -> None:
    fails_like_python(N + "Z = np.arange(3)\n" + body)


def test_one_element_arrays_have_numpys_truth_and_numbers() -> None:
    compare(N + "Z = np.arange(1)\nr = not Z\nprint(r, bool(Z), bool(np.ones(1)), bool(np.zeros((1, 1))), "
            "bool(np.float64(0.5)))\nw = 1 if np.ones(1) else 0\nx = np.array(2.5)\n"
            "print(int(x), float(x), complex(np.array(1.0)), int(np.array(1e30)), np.zeros(0).size)\n"
            "print(0 < np.array(1) < 2, np.array([3]) > 2 > 1)\nprint(any(np.array([0, 1])), "
            "all(np.array([0, 1])), any(np.zeros(0)), all([np.ones(1), 1]), any([np.zeros(1), 0]))\n")


# -- NumPy values in Python's own idioms (probed beside the corpus) ------------------------------------------
@pytest.mark.parametrize("snippet", [
    # printf-style formatting of NumPy scalars and arrays
    "print('%d' % Z[1], '%.3f' % Z.mean(), '%s' % Z, '%5.2f' % np.float64(2.5), '%r' % np.float64(2.5), "
    "'%d%%' % np.int64(5), 'loss %.4f' % np.float32(0.25))\n",
    # a list or tuple beside an array is the array NumPy makes of it
    "print(Z == [0, 1, 5], Z + [1, 1, 1], [1, 2, 3] * Z, (1, 2, 3) - Z, Z < (1, 1, 1), [1] + Z, "
    "Z + [[1], [2]])\n",
    # lists assigned into an array's slices
    "a = np.zeros((2, 3))\na[:, 1] = [7, 8]\na[0] = (1, 2, 3)\na[[0, 1], [2, 2]] = [5, 6]\nprint(a)\n"
    "b = np.zeros(3, dtype=int)\nb[:2] = [1.7, 2.2]\nc = np.zeros((2, 3))\nc[:] = [[1, 2, 3]]\n"
    "d = np.zeros(3)\nd[:] = [True, 2, 3.5]\n",
    # sorted() of NumPy scalars
    "print(sorted(-Z), sorted(Z, reverse=True), sorted([np.float64(2.5), 1, np.float32(0.5)]), "
    "max(np.float64(1), 2), min(list(Z)), sorted(np.array([3., np.nan, 1.])))\n",
])
def test_numpy_values_in_python_idioms_like_numpy(snippet: str) -> None:
    compare(N + "Z = np.arange(3)\n" + snippet)


@pytest.mark.parametrize("body", [
    "r = '%d' % Z\n", "r = Z + [1, 2]\n", "a = np.zeros(3)\na[0] = [1, 2]\n",
    "a = np.zeros(3)\na[:] = [[1, 2, 3]]\n", "a = np.zeros((2, 2))\na[a == 0] = [1, 2]\n",
])
def test_numpy_values_in_python_idioms_fail_like_numpy(body: str) -> None:
    fails_like_python(N + "Z = np.arange(3)\n" + body)


def test_percent_widths_and_list_operands_keep_the_limits() -> None:
    wide = run_program(N + "r = '%999999999d' % np.int64(1)\n")
    assert not wide.ok and wide.error.kind == "limit"
    long = run_program(N + "Z = np.arange(3)\nr = Z + [1] * 10**7\n")
    assert not long.ok and long.error.kind == "limit"
    source = N + "a = np.zeros({n})\na[:] = [1.0] * {n}\n"
    assert run_program(source.format(n=1000), limits=limits(max_tensor_elements=1000)).ok
    report = run_program(source.format(n=1001), limits=limits(max_tensor_elements=1000))
    assert not report.ok and report.error.kind == "limit"


# -- np.fromiter (numpy-100, exercise 38) ---------------------------------------------------------------
def test_fromiter_like_numpy() -> None:
    compare(N + "import itertools\ndef generate():\n    for x in range(10):\n        yield x\n"
            "Z = np.fromiter(generate(),dtype=float,count=-1)\nprint(Z)\n"
            "print(np.fromiter(itertools.count(), int, 5), np.fromiter([1.7, 2.2], dtype=int), "
            "np.fromiter(range(4), np.float32), "
            "np.fromiter((x * x for x in range(5)), dtype=np.int64, count=3))\n")


@pytest.mark.parametrize("line", ["np.fromiter(range(3), int, 5)", "np.fromiter([1, 'a'], float)",
                                  "np.fromiter(range(3))"])
def test_fromiter_fails_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


def test_fromiter_reads_an_endless_generator_under_the_limits() -> None:
    source = N + "import itertools\nr = np.fromiter(itertools.count(), float{count})\n"
    assert run_program(source.format(count=", 1000"), limits=limits(max_sequence_len=1000)).ok
    report = run_program(source.format(count=""), limits=limits(max_sequence_len=1000))
    assert not report.ok and report.error.kind == "limit"
