"""Session 28 (rng): np.random.default_rng and its Generator (lang/numpy_generators.py), compared with
plain NumPy for the same seed: values, printed text, displays, NumPy's own errors caught by try/except;
every draw sized before NumPy allocates (just below and above the limits, and the same refusals as
np.random.rand / np.zeros for the same huge shapes); the Generator's internals out of reach."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

H = "import numpy as np\nrng = np.random.default_rng(42)\n"

SNIPPETS = [
    # the NumPy quickstart's and the random-sampling page's first lines
    "print(rng)\nrng\nrng.random((2, 3))\nrng.integers(5, size=(2, 4))\nrng.standard_normal(3)\n"
    "print(rng.random())\nx = rng.random(4)\n",
    "print(str(rng), repr(rng), f'{rng}', [rng])\nprint(type(rng), isinstance(rng, np.random.Generator))\n"
    "print(np.random.default_rng(rng) is rng)\n",
    "rng.normal()\nrng.normal(0, 1, size=(2, 3))\nrng.normal([0, 10], [1, 2])\n"
    "rng.normal(loc=0.0, scale=np.array([1, 2]), size=(4, 2))\nrng.uniform(low=np.zeros(3), high=2)\n"
    "rng.uniform(-1, 1, (2, 2))\nrng.normal(size=3)\nrng.normal(np.ones((2, 1)), np.ones((1, 3)))\n",
    "rng.integers(10)\nrng.integers(1, 7, size=10)\nrng.integers(0, 2, (3, 3), endpoint=True)\n"
    "rng.integers(5, dtype=np.int32, size=3)\nrng.integers(np.array([1, 5]), 10)\n"
    "rng.integers(low=2, high=2**40, size=2)\nrng.integers(0, 10, size=np.int64(3))\n",
    "rng.choice(5)\nrng.choice(5, 3)\nrng.choice([10, 20, 30], size=(2, 2))\n"
    "rng.choice(10, 4, replace=False)\n"
    "rng.choice(np.arange(12).reshape(4, 3), 2)\nrng.choice(4, 5, p=[0.1, 0.2, 0.3, 0.4])\n"
    "rng.choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])\n"
    "rng.choice(np.arange(12).reshape(3, 4), 2, axis=1, replace=False)\n"
    "a = rng.choice(20000, 401, replace=False)\nb = rng.choice(20000, 399, replace=False)\n"
    "print(a[:5], b[:5], a.shape, b.shape)\nrng.choice(5, 3, shuffle=False, replace=False)\n",
    "rng.permutation(10)\nrng.permutation(np.arange(9).reshape(3, 3))\n"
    "rng.permutation(np.arange(6).reshape(2, 3), axis=1)\n"
    "x = np.arange(10)\nrng.shuffle(x)\nx\nlst = [1, 2, 3, 4, 5]\nrng.shuffle(lst)\nprint(lst)\n"
    "m = np.arange(12).reshape(3, 4)\nrng.shuffle(m, axis=1)\nm\n"
    "rng.permuted(np.arange(12).reshape(3, 4), axis=1)\n"
    "rng.permuted(m)\n",
    "rng.exponential(2.0, 3)\nrng.binomial(10, 0.5, size=4)\nrng.poisson(3, 4)\nrng.poisson(lam=[1, 100])\n"
    "rng.beta(2, 3, 2)\nrng.gamma(2.0, 1.5, 2)\nrng.lognormal(0, 1, 2)\nrng.laplace(size=2)\n"
    "rng.logistic(size=2)\n"
    "rng.gumbel(size=2)\nrng.geometric(0.3, 3)\nrng.negative_binomial(5, 0.5, 2)\nrng.chisquare(3, 2)\n"
    "rng.standard_t(4, 2)\nrng.rayleigh(size=2)\nrng.weibull(1.5, 2)\nrng.pareto(3, 2)\nrng.power(2, 2)\n"
    "rng.triangular(0, 1, 3, 2)\nrng.f(3, 4, 2)\nrng.vonmises(0, 1, 2)\nrng.wald(1, 2, 2)\n"
    "rng.standard_exponential(2)\nrng.standard_gamma(2, 3)\nrng.standard_cauchy(2)\n",
    "rng.multinomial(20, [1 / 6] * 6, size=2)\nrng.multinomial([5, 10], [0.5, 0.5])\n"
    "rng.multinomial(8, np.array([[0.5, 0.5], [0.1, 0.9]]))\n",
    "rng.random(3, dtype=np.float32)\nrng.standard_normal(2, np.float32)\nrng.random(2, dtype='float32')\n"
    "rng.standard_normal(size=(2, 2), dtype=np.float64)\n",
    "r = np.random.default_rng(2**100)\nr.random(2)\nr = np.random.default_rng([1, 2, 3])\nr.random(2)\n"
    "r = np.random.default_rng(seed=np.int64(5))\nr.random(2)\n"
    "g = np.random.Generator(np.random.PCG64(7))\ng.random(2)\nnp.random.default_rng(7).random(2)\n"
    "print(np.random.PCG64(7))\n",
    "from numpy.random import default_rng\nr = default_rng(12345)\nr.random()\nkids = rng.spawn(2)\n"
    "print([k.random() for k in kids])\nkids\n",
    # a loop's draws of one number (numpy_generators.call_method's direct path) and the sized path agree
    "s = 0.0\nfor i in range(200):\n    s += rng.random() + rng.normal(0, 2) + rng.integers(6)\n"
    "    s -= rng.poisson(2.5)\n"
    "print(s)\nvals = [rng.uniform(1, 2) for _ in range(3)]\nrng.integers(True)\nrng.normal(np.float64(1))\n"
    "rng.binomial(10**18, 0.5)\nrng.exponential()\nrng.random(None)\n",
    # NumPy's legacy functions keep their own stream beside a Generator
    "np.random.seed(0)\na = np.random.rand(2)\nr = np.random.default_rng(0)\nb = r.random(2)\n"
    "c = np.random.rand(2)\n",
    # arrays from the Generator feed torch as any array does
    "import torch\nx = torch.tensor(rng.normal(size=3), requires_grad=True)\ny = (x ** 2).sum()\n"
    "y.backward()\n"
    "print(x.grad)\nt = torch.from_numpy(rng.standard_normal((2, 3)))\nt\n",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_like_plain_numpy(snippet: str) -> None:
    compare(H + snippet)


def test_unseeded_generators_follow_the_run_seed() -> None:
    """default_rng() is default_rng(run seed) first, then default_rng([run seed, k]): NumPy's numbers for
    those seeds, the same on every run of the same seed, and two unseeded generators differ."""
    source = ("import numpy as np\nr1 = np.random.default_rng()\nr2 = np.random.default_rng()\n"
              "g = np.random.Generator(np.random.PCG64())\nprint(r1.random(3), r2.random(3), g.random())\n")
    for seed in (0, 7):
        report = run_program(source, seed=seed)
        expected = (source.replace("default_rng()", f"default_rng({seed})", 1)
                    .replace("default_rng()", f"default_rng([{seed}, 1])")
                    .replace("PCG64()", f"PCG64([{seed}, 2])"))
        oracle = run_trusted(expected)
        assert report.ok and oracle.error is None, report.error
        assert report.printed == oracle.printed
    assert run_program(source, seed=0).printed == run_program(source, seed=0).printed
    assert run_program(source, seed=0).printed != run_program(source, seed=1).printed


ERRORS = [   # NumPy's own exception class and text, caught by the program
    "rng.normal(0, -1)", "rng.integers(5, 2)", "rng.choice(5, 6, replace=False)", "rng.choice([], 1)",
    "rng.poisson(1e300)", "rng.normal(foo=1)", "rng.normal(1, 2, 3, 4)", "rng.integers()",
    "np.random.default_rng(-1)", "np.random.default_rng(1.5)", "rng.random(size=-1)",
    "rng.normal([0, 1], [1, 1], size=3)", "rng.random(dtype=np.int32)", "rng.choice(5, p=[0.5, 0.5])",
    "rng.binomial(-1, 0.5)", "rng.integers(0, 10, size=(2, -3))", "rng.permutation(np.float64(2.5))",
    "rng.choice(np.ones((2, 2)), 1, axis=2)", "rng.spawn(-1)", "np.random.default_rng('abc')",
    "rng.multinomial(5, [0.5, 0.6])", "rng.uniform(0, np.inf)", "rng.integers(0, 10**30)",
    "rng.normal(10**400)", "rng.random(5, 6, 7)", "rng.integers(2.5)",
]


@pytest.mark.parametrize("call", ERRORS)
def test_numpy_errors_are_caught_with_numpys_words(call: str) -> None:
    compare(H + f"try:\n    r = {call}\nexcept Exception as e:\n    print(type(e).__name__, e)\n")


@pytest.mark.parametrize(("line", "says"), [
    ("rng.bit_generator", "`Generator.bit_generator` is not supported"),
    ("rng.bit_generator.state", "`Generator.bit_generator` is not supported"),
    ("rng.gen", "`Generator.gen` is not supported"),   # the engine wrapper's own attribute
    ("rng.text", "`Generator.text` is not supported"),
    ("rng.gen.bit_generator", "`Generator.gen` is not supported"),
    ("rng._bit_generator", "private"), ("rng._state", "private"),
    ("rng.__setstate__(1)", "double-underscore"), ("rng.__reduce__()", "double-underscore"),
    ("rng.__getstate__()", "double-underscore"), ("rng.__class__", "double-underscore"),
    ("rng.normal.__self__", "double-underscore"),
    ("rng.hypergeometric(5, 5, 3)", "`Generator.hypergeometric` is not supported"),
    ("rng.bytes(10)", "`Generator.bytes` is not supported"),
    ("rng.dirichlet([1, 1])", "`Generator.dirichlet`"),   # (multivariate_normal runs: session 31)
    ("rng.normal", "`Generator.normal` is a method: call it"),
    ("rng.random(out=np.zeros(3))", "out="), ("rng.permuted(np.ones(3), out=np.ones(3))", "out="),
    ("getattr(rng, 'bit_generator')", "getattr"), ("vars(rng)", "vars"),
    ("type(rng)(np.random.PCG64(1))", "calling"), ("np.random.Generator(rng)", "np.random.Generator"),
    ("np.random.Generator(np.random.MT19937(1))", "numpy.random.MT19937"),
    ("np.random.PCG64(1).state", "`.state`"), ("np.random.PCG64(1).random_raw()", "random_raw"),
    ("np.random.PCG64(1)._seed_seq", "private"), ("np.random.SeedSequence(1)", "SeedSequence"),
    ("np.random.bit_generator", "numpy.random.bit_generator"),
    ("copy.deepcopy(rng)", "copy.deepcopy"), ("copy.copy(rng)", "copy.copy"),
    ("np.random.default_rng(torch.ones(1))", "an int seed"),
    ("rng.normal(torch.ones(2))", "Generator.normal"), ("rng.normal('a')", "Generator.normal"),
    ("rng.choice(['a', 'b'])", "numbers only"),
    ("rng.shuffle((1, 2, 3))", "Generator.shuffle"), ("rng.integers(0, 5, endpoint='yes')", "True or False"),
    ("np.random.default_rng(lambda: 1)", "an int seed"),
])
def test_internals_are_out_of_reach(line: str, says: str) -> None:
    report = run_program("import numpy as np\nimport torch\nimport copy\nrng = np.random.default_rng(0)\n"
                         f"r = {line}\n", torchviz=False)
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 5, report.error
    assert says in report.error.message, report.error.message


def test_dir_lists_numpys_generator_names_not_the_wrapper() -> None:
    compare(H + "names = [n for n in dir(rng) if not n.startswith('_')]\nprint(names)\n")
    report = run_program(H + "names = dir(rng)\n", torchviz=False)
    names = report.variables["names"].text
    assert "'gen'" not in names and "'bit_generator'" in names


SMALL = Limits(max_tensor_elements=100, max_total_elements=1_000)


@pytest.mark.parametrize(("template", "n", "what", "elements"), [
    ("r = rng.random({n})", 100, "Generator.random", lambda n: n),
    ("r = rng.standard_normal(size=(10, {n}))", 10, "Generator.standard_normal", lambda n: 10 * n),
    ("r = rng.normal(0, 1, (2, {n}))", 50, "Generator.normal", lambda n: 2 * n),
    ("r = rng.integers(0, 5, size={n})", 100, "Generator.integers", lambda n: n),
    ("r = rng.poisson(np.ones((10, 1)), None)\nr = rng.normal(np.ones((10, 1)), np.ones((1, {n})))", 10,
     "Generator.normal", lambda n: 10 * n),   # no size=: the broadcast of the arguments
    ("r = rng.choice(np.ones((10, 10)), {n})", 10, "Generator.choice", lambda n: 10 * n),
    ("r = rng.choice(5, ({n}, 10))", 10, "Generator.choice", lambda n: 10 * n),
    ("r = rng.permutation({n})", 100, "Generator.permutation", lambda n: n),
    ("r = rng.multinomial(10, [0.5, 0.5], size={n})", 50, "Generator.multinomial", lambda n: 2 * n),
    ("r = rng.exponential(size=({n}, 2))", 50, "Generator.exponential", lambda n: 2 * n),
])
def test_draws_are_sized_before_numpy_allocates(template: str, n: int, what: str, elements) -> None:  # noqa: ANN001
    line = template.count("\n") + 3
    assert run_program(H + template.format(n=n) + "\n", torchviz=False, limits=SMALL).ok
    report = run_program(H + template.format(n=n + 1) + "\n", torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit" and report.error.line == line, report.error
    assert report.error.message == f"result of {what} would have {elements(n + 1)} elements; the limit is 100"


def test_choice_without_replacement_counts_numpys_index_of_the_population() -> None:
    """NumPy makes arange(population) when size > population // 50 (else a set of about 2 * size)."""
    below = run_program(H + "r = rng.choice(1000, 20, replace=False)\n", torchviz=False, limits=SMALL)
    assert below.ok, below.error
    above = run_program(H + "r = rng.choice(1000, 21, replace=False)\n", torchviz=False, limits=SMALL)
    assert not above.ok and above.error.kind == "limit"
    assert "index of the population would have 1,000 elements" in above.error.message


def test_choice_without_replacement_by_weights_is_bounded_by_its_work() -> None:
    line = "r = rng.choice(100, 10, replace=False, p=np.ones(100) / 100)\n"
    assert run_program(H + line, torchviz=False, limits=Limits(max_call_work=1_000)).ok
    report = run_program(H + line, torchviz=False, limits=Limits(max_call_work=999))
    assert not report.ok and report.error.kind == "limit" and "1,000 arithmetic steps" in report.error.message


@pytest.mark.parametrize("shape", ["(10**6, 10**6)", "(2**62,)", "(2**31, 2**31, 2**31)", "(1,) * 65",
                                   "(10**6, 0, 10**6)"])   # (33 dimensions run, as in NumPy 2: s44)
def test_huge_shapes_are_refused_as_the_older_paths_refuse_them(shape: str) -> None:
    """A new path refuses what np.zeros / np.random.random of the same shape refuse, with the same kind."""
    outcomes = []
    for call in (f"np.zeros({shape})", f"np.random.random({shape})", f"rng.random({shape})",
                 f"rng.normal(0, 1, {shape})", f"rng.integers(0, 3, {shape})", f"rng.choice(3, {shape})"):
        report = run_program(H + f"r = {call}\n", torchviz=False)
        outcomes.append((report.ok, report.error and report.error.kind))
    assert len(set(outcomes)) == 1, outcomes
    if shape != "(10**6, 0, 10**6)":   # no elements: NumPy makes the empty array
        assert outcomes[0] == (False, "limit" if shape != "(1,) * 65" else "value")


def test_draws_count_towards_the_run_total() -> None:
    limits = Limits(max_tensor_elements=100, max_total_elements=200)
    program = H + "a = rng.random(100)\nb = rng.normal(size=100)\n"
    assert run_program(program, torchviz=False, limits=limits).ok
    report = run_program(program + "c = rng.integers(3, size=1)\n", torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 5, report.error


def test_generators_made_in_one_run_are_bounded() -> None:
    assert run_program(H + "kids = rng.spawn(9_999)\n", torchviz=False).ok   # 10,000 with rng
    report = run_program(H + "kids = rng.spawn(10_000)\n", torchviz=False)
    assert not report.ok and report.error.kind == "limit" and "10,000 NumPy random generators" in \
        report.error.message


def test_limit_refusals_are_not_caught() -> None:
    report = run_program(H + "try:\n    r = rng.random(10**9)\nexcept Exception as e:\n    print('caught')\n",
                         torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.printed == ""


@pytest.mark.parametrize("call", ["jacobian(f, x)", "jacobian(f, x, vectorize=True)", "hessian(g, x)"])
def test_jacobians_extra_passes_leave_numpy_and_python_streams_as_one_call_does(call: str) -> None:
    """PyTorch calls f once; the engine's extra passes (jacobian_passes.muted) restore the NumPy Generator's,
    np.random's and random's states as they restore torch's, so later draws equal PyTorch's."""
    compare("import torch\nimport numpy as np\nimport random\n"
            "from torch.autograd.functional import jacobian, hessian\nrng = np.random.default_rng(0)\n"
            "def f(x):\n    a, b = float(rng.random()), float(np.random.rand()) * random.random()\n"
            "    return x * a + x ** 2 * b\n"
            "def g(x):\n    return (f(x) * x).sum()\n"
            f"x = torch.tensor([1.0, 2.0])\nJ = {call}\nprint(J)\n"
            "print(rng.random(), np.random.rand(), random.random(), rng.spawn(1)[0].random())\n")
