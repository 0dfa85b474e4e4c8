"""Session 36 (corpus): what lesson code no earlier session had tried needed (Deep Learning with PyTorch
ch. 3 and 5, Alfredo Canziani's NYU notebooks, the Python Data Science Handbook's NumPy chapter, the
udlbook notebooks, two Chinese PyTorch books (zergtant/pytorch-handbook, L1aoXingyu's
code-of-learn-deep-learning-with-pytorch), datawhale's thorough-pytorch, and the docstring examples of
torch.distributions and NumPy's stride tricks, NaN functions, type checks, index tricks and set
operations), each compared with plain PyTorch / NumPy on the same text, with the limits just below and
above.

- a dtype dict whose names and formats are tuples (the Handbook's structured data), (np.str_, 10) as 'U10'
- np.zeros_like / ones_like / full_like / empty_like of a list (udlbook's convolution notebook)
- np.broadcast_to / broadcast_arrays / broadcast_shapes, np.nan_to_num, np.nanprod / nancumsum /
  nancumprod, np.ediff1d, np.fill_diagonal, np.diag_indices_from, np.unstack, a.real / a.imag
  (lang/numpy_lessons_s36.py)
- 21 more torch.distributions (Beta, Gamma, Dirichlet, StudentT, OneHotCategorical, ...:
  lang/distributions_more.py) and the cdf / icdf methods
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused, sized

N = "import numpy as np\n"
T = "import torch\n"


# -- structured dtypes as the Handbook writes them ---------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "data = np.zeros(4, dtype={'names': ('name', 'age', 'weight'), 'formats': ('U10', 'i4', 'f8')})\n"
    "data['name'] = ['Alice', 'Bob', 'Cathy', 'Doug']\ndata['age'] = [25, 45, 37, 19]\n"
    "print(data.dtype)\nprint(data[data['age'] < 30]['name'])\n",
    "print(np.dtype({'names': ('name', 'age', 'weight'), 'formats': ((np.str_, 10), int, np.float32)}))\n",
    "print(np.dtype([('a', ('U', 4)), ('b', ('S', 3)), ('c', ('f8', 2))]))\n"
    "print(np.zeros(2, dtype=[('a', (np.str_, 3)), ('b', 'i4')]))\n",
    "print(np.dtype({'names': ('a', 'b'), 'formats': ('i4', 'f8'), 'offsets': (0, 8),\n"
    "                'titles': ('x', 'y')}))\n",
])
def test_dtype_dicts_of_tuples_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("spec, words", [
    ("{'names': 'ab', 'formats': ['i4']}", "lists or tuples"),
    ("{'names': ('a',), 'formats': ('i4',), 'offsets': 0}", "list or a tuple"),
    ("(np.str_, 10**9)", "limit is 1,000,000"),
    ("('U', 300000)", "limit is 1,000,000"),
])
def test_dtype_forms_keep_their_checks(spec: str, words: str) -> None:
    error = refused(N + f"d = np.dtype({spec})\n")
    assert words in error.message and error.line == 2


# -- *_like of a list --------------------------------------------------------------------------------------
def test_like_makers_take_lists_as_numpy() -> None:
    compare(N + "x = [5.2, 5.3, 5.4]\nprint(np.zeros_like(x), np.ones_like([1, 2]), "
                "np.full_like([1.0, 2.0], 7), np.empty_like([1, 2]).shape)\n"
                "print(np.zeros_like([[1, 2], [3, 4]], dtype=float))\n")


@pytest.mark.parametrize("n, ok", [(100_000, True), (100_001, False)])
def test_like_makers_size_the_list_first(n: int, ok: bool) -> None:
    sized(N + f"x = np.zeros_like([0.0] * {n})\n", ok)


# -- NumPy functions of the lessons ------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = np.array([1, 2, 3])\nb = np.broadcast_to(x, (3, 3))\nprint(b, b.shape, b.sum())\n"
    "print(np.broadcast_to(5, (2,)))\n",
    "x = np.array([[1, 2, 3]])\ny = np.array([[4], [5]])\nprint(np.broadcast_arrays(x, y))\n"
    "print([np.array(a) for a in np.broadcast_arrays(x, y)])\n",
    "print(np.broadcast_shapes((1, 2), (3, 1), (3, 2)))\n"
    "print(np.broadcast_shapes((6, 7), (5, 6, 1), (7,), (5, 1, 7)))\n",
    "print(np.nan_to_num(np.inf), np.nan_to_num(-np.inf), np.nan_to_num(np.nan))\n"
    "x = np.array([np.inf, -np.inf, np.nan, -128, 128])\nprint(np.nan_to_num(x))\n"
    "print(np.nan_to_num(x, nan=-9999, posinf=33333333, neginf=33333333))\n"
    "print(np.nan_to_num(x, nan=np.array([11, 12, -9999, 13, 14])))\n"
    "y = np.array([complex(np.inf, np.nan), np.nan, complex(np.nan, np.inf)])\n"
    "print(np.nan_to_num(y), np.nan_to_num(y, nan=111111, posinf=222222))\n"
    "z = np.array([np.nan, 1.0])\nw = np.nan_to_num(z, copy=False)\nprint(w is z, z)\n",
    "a = np.array([[1, 2], [3, np.nan]])\nprint(np.nanprod(a), np.nanprod(a, axis=0), np.nanprod(1))\n"
    "print(np.nancumsum(a), np.nancumsum(a, axis=1), np.nancumsum([1, np.nan]))\n"
    "print(np.nancumprod(a), np.nancumprod(a, axis=0), np.nancumprod(1))\n",
    "x = np.array([1, 2, 4, 7, 0])\n"
    "print(np.ediff1d(x), np.ediff1d(x, to_begin=-99, to_end=np.array([88, 99])))\n"
    "print(np.ediff1d([[1, 2, 4], [1, 6, 24]]))\n",
    "a = np.zeros((3, 3), int)\nnp.fill_diagonal(a, 5)\nprint(a)\n"
    "b = np.zeros((5, 3), int)\nnp.fill_diagonal(b, 4, wrap=True)\nprint(b)\n"
    "c = np.zeros((3, 3, 3, 3), int)\nnp.fill_diagonal(c, 4)\nprint(c[1, 1, 1, 1])\n"
    "d = np.zeros((3, 3))\nnp.fill_diagonal(np.fliplr(d), [1, 2, 3])\nprint(d)\n",
    "di = np.diag_indices(4)\na = np.arange(16).reshape(4, 4)\na[di] = 100\nprint(di, a)\n"
    "print(np.diag_indices(2, 3), np.diag_indices_from(np.ones((3, 3))))\n",
    "a = np.array([1+2j, 3+4j, 5+6j])\nprint(a.real, a.imag)\nb = np.array([1.0, 2.0])\n"
    "print(b.real, b.imag, b.imag.dtype, np.array([1, 2]).imag)\n",
])
def test_numpy_lesson_functions_as_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("snippet, words", [
    ("np.broadcast_to(np.arange(3), (2, -3))", "non-negative"),
    ("np.broadcast_to(np.arange(3), (3, 2))", "broadcast"),
    ("np.broadcast_to(np.arange(3), (3, 3), subok=True)", "np.broadcast_to(array, shape)"),
    ("np.fill_diagonal(np.broadcast_to(np.arange(3), (3, 3)), 1)", "read-only"),
    ("np.fill_diagonal(np.ones(3), 1)", "at least 2-d"),
    ("np.fill_diagonal([[1, 2], [3, 4]], 1)", "numpy array"),
    ("np.nan_to_num(np.ones(2), copy=1)", "True or False"),
])
def test_numpy_lesson_functions_fail_with_a_message(snippet: str, words: str) -> None:
    error = refused(N + snippet + "\n")
    assert words in error.message and error.line == 2, error.message


@pytest.mark.parametrize("call, ok", [
    ("np.broadcast_to(np.arange(3.0), (5_000_000 // 3, 3))", True),
    ("np.broadcast_to(np.arange(3.0), (5_000_000 // 3 + 1, 3))", False),
    ("np.broadcast_to(np.arange(3.0), (10**6, 10**6))", False),     # the later .sum() would walk 10**12
    ("np.broadcast_arrays(np.ones((2500, 1)), np.ones((1, 1000)))", True),
    ("np.broadcast_arrays(np.ones((2501, 1)), np.ones((1, 1000)))", False),
    ("np.diag_indices(2_500_000)", True), ("np.diag_indices(2_500_001)", False),
    ("np.ediff1d(np.ones(10), to_end=np.ones(4_999_991))", True),
    ("np.ediff1d(np.ones(10), to_end=np.ones(4_999_992))", False),
    ("np.nan_to_num(np.ones(5_000_000))", True),
])
def test_numpy_lesson_functions_are_sized_before_numpy_makes_them(call: str, ok: bool) -> None:
    sized(N + f"x = {call}\n", ok)


def test_imag_of_real_numbers_is_counted_as_made() -> None:
    sized(N + "x = np.zeros(5_000_000)\ny = x.imag\n", True)
    report = run_program(N + "xs = [np.zeros(4_000_000).imag for _ in range(40)]\n")
    assert not report.ok and report.error.kind == "limit"


def test_real_and_imag_stay_refused_on_records() -> None:
    error = refused(N + "a = np.zeros(2, dtype=[('x', 'f8')])\nb = a.real\n")
    assert ".real" in error.message


# -- torch.distributions -----------------------------------------------------------------------------------
DISTRIBUTIONS = T + "torch.manual_seed(0)\n"


@pytest.mark.parametrize("snippet", [
    "from torch.distributions import Beta\nm = Beta(torch.tensor([0.5]), torch.tensor([0.5]))\n"
    "print(m.sample(), m.concentration1, m.mean, m.log_prob(torch.tensor([0.25])))\n",
    "from torch.distributions import Gamma\nm = Gamma(torch.tensor([1.0]), torch.tensor([1.0]))\n"
    "print(m.sample((2,)), m.log_prob(torch.tensor([0.5, 2.0])), m.entropy(), m.concentration)\n",
    "from torch.distributions import Dirichlet\nd = Dirichlet(torch.tensor([0.5, 0.5]))\n"
    "print(d.sample(), d.event_shape, d.sample((3,)).shape)\n",
    "from torch.distributions.studentT import StudentT\n"
    "s = StudentT(torch.tensor([2.0]))\nprint(s.sample(), s.df)\n",
    "from torch.distributions import OneHotCategorical\n"
    "print(OneHotCategorical(torch.tensor([0.25, 0.25, 0.25, 0.25])).sample())\n",
    "from torch.distributions import Cauchy, Chi2, HalfCauchy, HalfNormal, LogNormal, Gumbel\n"
    "print(Cauchy(torch.tensor([0.0]), torch.tensor([1.0])).sample(), Chi2(torch.tensor([1.0])).sample())\n"
    "print(HalfCauchy(torch.tensor([1.0])).sample(), HalfNormal(torch.tensor([1.0])).sample())\n"
    "print(LogNormal(torch.tensor([0.0]), torch.tensor([1.0])).sample(), Gumbel(1.0, 2.0).sample())\n"
    "c = Cauchy(0.0, 1.0)\nprint(c.cdf(torch.tensor([0.0, 1.0])), c.icdf(torch.tensor(0.75)))\n",
    "import torch.distributions as D\n"
    "print(D.Pareto(torch.tensor([1.0]), torch.tensor([1.0])).sample(), D.Weibull(1.0, 1.0).sample())\n"
    "print(D.Kumaraswamy(torch.tensor([1.0]), torch.tensor([1.0])).sample())\n"
    "print(D.FisherSnedecor(torch.tensor([1.0]), torch.tensor([2.0])).sample())\n"
    "print(D.InverseGamma(torch.tensor([2.0]), torch.tensor([3.0])).sample())\n"
    "print(D.GeneralizedPareto(torch.tensor([0.1]), torch.tensor([2.0]), torch.tensor([0.4])).sample())\n"
    "print(D.ContinuousBernoulli(torch.tensor([0.3])).sample())\n"
    "print(D.RelaxedBernoulli(torch.tensor([2.2]), torch.tensor([0.1, 0.2, 0.3, 0.99])).sample())\n"
    "print(D.RelaxedOneHotCategorical(torch.tensor([2.2]), torch.tensor([0.1, 0.2, 0.3, 0.4])).sample())\n"
    "print(D.LogisticNormal(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 1.0])).sample())\n",
    "from torch.distributions import Gamma\nx = torch.tensor([2.0], requires_grad=True)\n"
    "y = Gamma(x, torch.tensor([1.0])).rsample()\ny.backward()\nprint(y, x.grad)\n",
])
def test_more_distributions_sample_as_pytorch(snippet: str) -> None:
    compare(DISTRIBUTIONS + snippet)


@pytest.mark.parametrize("call, ok", [
    ("Gamma(torch.ones(1000), torch.ones(1000)).sample((5000,))", True),
    ("Gamma(torch.ones(1000), torch.ones(1000)).sample((5001,))", False),
    ("Dirichlet(torch.ones(1000)).sample((5000,))", True),
    ("Dirichlet(torch.ones(1000)).sample((5001,))", False),
    ("Beta(torch.ones(5), torch.ones(5)).log_prob(torch.rand(1_000_000, 1))", True),
    ("Beta(torch.ones(5), torch.ones(5)).log_prob(torch.rand(1_000_001, 1))", False),
    ("Gamma(torch.ones(5), torch.ones(5)).cdf(torch.rand(1_000_001, 1))", False),
])
def test_more_distributions_are_sized_before_they_draw(call: str, ok: bool) -> None:
    sized(T + "from torch.distributions import Gamma, Dirichlet, Beta\n" + f"x = {call}\n", ok)


@pytest.mark.parametrize("name", ["VonMises", "Independent", "MixtureSameFamily", "Wishart", "LKJCholesky",
                                  "LowRankMultivariateNormal", "TransformedDistribution"])
def test_distributions_left_out_stay_refused(name: str) -> None:
    error = refused(T + f"from torch.distributions import {name}\n")
    assert name in error.message


def test_cdf_takes_one_tensor() -> None:
    error = refused(T + "from torch.distributions import Gamma\nm = Gamma(1.0, 1.0)\nm.cdf(1.0)\n")
    assert error.message == "cdf() takes one tensor, the value"


def test_distribution_names_match_the_import_table() -> None:
    from autogradlab.lang.allowed_imports import _DISTRIBUTIONS
    from autogradlab.lang.distributions import CLASSES
    assert {module: cls.__name__ for cls, (module, _) in CLASSES.items()} == _DISTRIBUTIONS


def test_cdf_of_a_distribution_without_one_is_refused_by_name() -> None:
    error = refused(T + "from torch.distributions import Dirichlet\n"
                        "Dirichlet(torch.ones(2)).cdf(torch.ones(2))\n")
    assert "`.cdf()`" in error.message and error.kind == "unsupported"


# -- torch.fft ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "t = torch.arange(4)\nprint(torch.fft.fft(t))\n"
    "print(torch.fft.fft(torch.tensor([0.+1.j, 2.+3.j, 4.+5.j, 6.+7.j])))\n",
    "x = torch.linspace(0, 1, 8, requires_grad=True)\nX = torch.fft.fft(x)\nloss = X.abs().pow(2).sum()\n"
    "loss.backward()\nprint(X, loss, x.grad)\n",
    "from torch.fft import rfft, irfft\nx = torch.rand(10)\n"
    "print(irfft(rfft(x), n=10), rfft(x, n=4, norm='ortho'))\n",
    "print(torch.fft.fftshift(torch.fft.fftfreq(6, d=0.5)), torch.fft.rfftfreq(5))\n"
    "x = torch.fft.fftfreq(5, d=1/5) + 0.1 * torch.fft.fftfreq(5, d=1/5).unsqueeze(1)\n"
    "print(torch.fft.fftshift(x, dim=(1,)), torch.fft.ifftshift(torch.arange(-5, 5)))\n",
    "x = torch.rand(4, 6, dtype=torch.complex64)\nprint(torch.fft.fft2(x), torch.fft.ifftn(x, s=(2, 3)))\n"
    "print(torch.fft.rfft2(torch.rand(4, 4)).shape, torch.fft.hfft(torch.rand(3, dtype=torch.complex64)))\n",
])
def test_fft_as_pytorch(snippet: str) -> None:
    compare(T + snippet)


@pytest.mark.parametrize("call, ok", [
    ("torch.fft.fft(torch.ones(8), n=5_000_000)", True),
    ("torch.fft.fft(torch.ones(8), n=5_000_001)", False),
    ("torch.fft.fftfreq(5_000_001)", False),
    ("torch.fft.fftfreq(10**10)", False),
    ("torch.fft.fft2(torch.ones(2, 2), s=(2237, 2237))", False),
])
def test_fft_is_sized_before_it_pads(call: str, ok: bool) -> None:
    sized(T + f"x = {call}\n", ok)


def test_fft_namespace_is_its_table() -> None:
    import torch

    from autogradlab.lang.fft_names import FFT_FUNCTIONS
    from autogradlab.lang.namespaces import modules
    assert set(modules()["torch.fft"].members) == set(FFT_FUNCTIONS)
    assert all(callable(getattr(torch.fft, name)) for name in FFT_FUNCTIONS)
    assert "out" not in {k for spec in FFT_FUNCTIONS.values() for k in spec.kwargs}


def test_atleast_of_several_arrays_and_unstack_as_numpy() -> None:
    compare(N + "x = np.arange(9.0).reshape(3, 3)\nprint(np.atleast_1d(x) is x, np.atleast_1d(1, [3, 4]))\n"
                "print(np.atleast_2d(3.0, np.arange(2)), np.atleast_3d([1, 2], 5))\n"
                "arr = np.arange(24).reshape((2, 3, 4))\nprint(np.unstack(arr), np.unstack(arr, axis=1)[0])\n"
                "print(np.all(np.stack(np.unstack(arr, axis=1), axis=1) == arr))\n")


@pytest.mark.parametrize("chars, ok", [(4_000, True), (4_001, False)])
def test_a_pasted_colormap_line_fits(chars: int, ok: bool) -> None:
    # udlbook's notebooks paste a 2,584-character list of colours on one line
    line = "c = '" + "f" * (chars - 6) + "'"
    assert len(line) == chars
    report = run_program(line + "\n")
    assert report.ok == ok, report.error
    if not ok:
        assert "max_line_chars = 4,000" in report.error.message


def test_real_and_imag_assignment_and_functions_as_numpy() -> None:
    compare(N + "a = np.array([1+2j, 3+4j, 5+6j])\na.imag = np.array([8, 10, 12])\na.real = 9\nprint(a)\n"
                "a.real = [9, 8, 7]\n"
                "print(a, np.imag(1 + 1j), np.real(1 + 1j), np.real(a), np.imag([1, 2]))\n"
                "b = np.array([1.0, 2.0])\nb.real = 5\nprint(b, np.real(np.float64(2.5)))\n")


@pytest.mark.parametrize("snippet, words", [
    ("b = np.array([1.0, 2.0])\nb.imag = 1", "imaginary part"),
    ("a = np.zeros(3, complex)\na.real = np.ones(4)", "broadcast"),
    ("a = np.zeros(2, dtype=[('x', 'f8')])\na.real = 1", ".real"),
])
def test_real_and_imag_assignment_fails_as_numpy(snippet: str, words: str) -> None:
    error = refused(N + snippet + "\n")
    assert words in error.message and error.line == 3, error.message


def test_index_expressions_as_numpy() -> None:
    compare(N + "print(np.s_[2::2], np.index_exp[2::2], np.s_[..., 1:3], np.s_[0], np.index_exp[1, :])\n"
                "a = np.arange(12).reshape(3, 4)\nprint(a[np.s_[:, 1:3]], np.arange(5)[np.s_[2::2]])\n")


def test_median_overwrite_input_as_numpy() -> None:
    # NumPy's nanmedian docstring: the array itself is partitioned (its order changes, as in NumPy)
    compare(N + "a = np.array([[10.0, 7, 4], [3, 2, 1]])\na[0, 1] = np.nan\nb = a.copy()\n"
                "print(np.nanmedian(b, axis=1, overwrite_input=True), b)\n"
                "d = np.array([[10, 7, 4], [3, 2, 1]])\n"
                "print(np.median(d, axis=None, overwrite_input=True), d)\n")
