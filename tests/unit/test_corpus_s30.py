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
    assert report.error.message.endswith(first.rstrip(":")), (report.error.message, str(oracle.error))
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
