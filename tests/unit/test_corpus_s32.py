"""Session 32 (corpus): what lesson code no earlier session had tried needed (Deep Learning with PyTorch
(Stevens, Antiga, Viehmann) ch. 3 and 5, zergtant's pytorch-handbook ch. 2, Datawhale's thorough-pytorch
ch. 2, rasbt's LLMs-from-scratch appendix A, fast.ai course22p2 02_meanshift, ritchieng's
deep-learning-wizard, deeplearningzerotoall's PyTorch labs), each compared with plain NumPy / PyTorch /
CPython on the same text, with the limits just below and above.

- `np.float64` prints as numpy's class (`<class 'numpy.float64'>`, it printed `float64`), and numpy's other
  names of its scalar types (`np.double`, `np.single`, `np.intc`, ...) are those same objects;
  `np.dtype('float32')` / `np.dtype(np.float64)` / `np.dtype(int)` (was refused)
- torch.distributions.MultivariateNormal (fast.ai's mean-shift lesson samples its clusters with it), its
  Cholesky factorization checked as torch.linalg.cholesky's, its broadcast batch and batched sample
  product sized first
- a bare `partial` (fast.ai's mean-shift lesson shows it) displays `<class 'functools.partial'>` (it showed
  nothing), and print() of functools', itertools', copy's, random's, np.linalg's and np.random's functions
  writes Python's text (`<built-in function partial>`, `<built-in function norm>` before)
- `import operator` (fast.ai's course22p2 notebooks start with it; it was refused): add, mul, lt, neg, not_,
  ... as the interpreter's own operators (the same size checks and records as `a * b`)
- `t.storage()` (Deep Learning with PyTorch ch. 3 shows a tensor's storage in 7 cells; fast.ai's matmul
  lesson once): printed and displayed as PyTorch's TypedStorage, indexed and written by an int (the tensor
  changes), len(), .size(), .tolist(), .dtype; id() names the memory; its text weighed before it is made
"""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

N = "import numpy as np\nimport torch\n"


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


# -- numpy's scalar types ------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # deep-learning-wizard's "Data types matter": np.ones((2, 2), dtype=np.double) into torch.from_numpy
    "a = np.ones((2, 2), dtype=np.double)\nt = torch.from_numpy(a)\nprint(t.dtype, a.dtype == np.double)\n",
    "print(np.float64, np.double, np.float64 is np.double, [np.int64, np.float32], np.bool, np.bool_)\n",
    "kinds = [np.single, np.half, np.intc, np.short, np.byte, np.ubyte, np.ushort, np.uintc, np.int_,\n"
    "         np.intp, np.uintp, np.csingle, np.cdouble]\nprint(kinds)\n"
    "names = [str(np.zeros(2, dtype=k).dtype) for k in kinds]\ndel kinds\n",
    "np.float32\n",
    "x = np.double(2.5)\ny = np.single(1) + 1\nprint(type(x), type(y), repr(x), repr(y))\n",
])
def test_numpy_scalar_types_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("snippet", [
    "a = np.dtype('float32')\nb = np.dtype(np.float64)\nc = np.dtype(int)\n"
    "print(a, repr(b), c, np.dtype('f4') == np.float32, a.itemsize, a.name, b == np.double)\ndel a, b, c\n",
    "x = np.zeros(3, dtype=np.dtype('int32'))\nprint(x.dtype, x.dtype == np.dtype('int32'))\n"
    "np.dtype(bool)\n",
])
def test_numpy_dtype_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_numpy_dtype_fails_like_numpy() -> None:
    fails_like_python(N + "d = np.dtype('bogus')\n")


def test_numpy_longlong_is_not_an_alias_of_int64() -> None:
    # numpy's own longlong is another class than int64 on this platform: not offered as the same
    report = run_program(N + "k = np.longlong\n")
    assert not report.ok
    assert run_trusted(N + "k = np.longlong\nprint(k is np.int64)\n").printed == "False\n"


# -- MultivariateNormal ---------------------------------------------------------------------------------
D = N + "from torch.distributions.multivariate_normal import MultivariateNormal\nfrom torch import tensor\n"


@pytest.mark.parametrize("snippet", [
    # fast.ai course22p2 02_meanshift: six clusters of 250 points
    "torch.manual_seed(42)\ncentroids = torch.rand(6, 2)*70-35\n"
    "def sample(m): return MultivariateNormal(m, torch.diag(tensor([5.,5.]))).sample((250,))\n"
    "slices = [sample(c) for c in centroids]\ndata = torch.cat(slices)\nprint(data.shape, data[:3])\n",
    "torch.manual_seed(0)\nd = MultivariateNormal(torch.zeros(3), scale_tril=torch.eye(3) * 2)\n"
    "s = d.rsample((4,))\nlp = d.log_prob(s)\nh = d.entropy()\nm, v = d.mean, d.variance\n"
    "L = d.scale_tril\nprint(d.batch_shape, d.event_shape)\n",
    "torch.manual_seed(1)\nd = MultivariateNormal(loc=torch.zeros(2, 3), precision_matrix=torch.eye(3) * 4)\n"
    "s = d.sample()\nsd = d.stddev\nP = d.precision_matrix\n",
    "torch.manual_seed(2)\nd = MultivariateNormal(torch.zeros(2), torch.tensor([[2., 1.], [1., 2.]]))\n"
    "C = d.covariance_matrix\ns = d.sample((3,))\n",
    "from torch.distributions import MultivariateNormal as MVN\nd = MVN(torch.ones(2), torch.eye(2))\n"
    "print(d.mode)\n",
])
def test_multivariate_normal_like_pytorch(snippet: str) -> None:
    compare(D + snippet)


@pytest.mark.parametrize("line", [
    "MultivariateNormal(torch.zeros(2), torch.tensor([[1., 2.], [2., 1.]]))",   # not positive definite
    "MultivariateNormal(torch.zeros(2))",
    "MultivariateNormal(torch.tensor(0.), torch.eye(2))",
    "MultivariateNormal(torch.zeros(2), torch.eye(2), scale_tril=torch.eye(2))",
    "MultivariateNormal(torch.zeros(3, 2), torch.eye(2).expand(2, 2, 2))",
])
def test_multivariate_normal_fails_like_pytorch(line: str) -> None:
    fails_like_python(D + f"d = {line}\n")


def test_multivariate_normal_factorization_is_work_checked() -> None:
    # a Cholesky of n x n (twice: the argument check and the factor) against max_call_work
    source = D + "d = MultivariateNormal(torch.zeros({n}), torch.eye({n}))\n"
    assert run_program(source.format(n=79), limits=limits(max_call_work=1_000_000)).ok   # 2 * 79^3 < 1e6
    report = run_program(source.format(n=80), limits=limits(max_call_work=1_000_000))   # 2 * 80^3 > 1e6
    assert not report.ok and report.error.kind == "limit", report.error
    precision = D + "d = MultivariateNormal(torch.zeros(80), precision_matrix=torch.eye(80))\n"
    report = run_program(precision, limits=limits(max_call_work=1_000_000))
    assert not report.ok and report.error.kind == "limit", report.error


def test_multivariate_normal_broadcast_batch_is_sized_first() -> None:
    # loc's batch against the matrix's: the argument check factors a copy of batch x n x n
    source = D + "d = MultivariateNormal(torch.zeros({n}, 1, 2), torch.eye(2).expand({n}, 2, 2))\n"
    assert run_program(source.format(n=50), limits=limits(max_tensor_elements=10_000)).ok   # 50*50*4
    report = run_program(source.format(n=51), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error


def test_multivariate_normal_batched_sample_is_sized_first() -> None:
    # a factor with a batch of its own is broadcast against the draws: sample x batch x n x n
    source = D + ("d = MultivariateNormal(torch.zeros(10, 2), torch.eye(2).repeat(10, 1, 1))\n"
                  "s = d.sample(({n},))\n")
    assert run_program(source.format(n=250), limits=limits(max_tensor_elements=10_000)).ok   # 250*10*4
    report = run_program(source.format(n=251), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error


def test_multivariate_normal_log_prob_is_work_checked() -> None:
    source = D + ("d = MultivariateNormal(torch.zeros(50), scale_tril=torch.eye(50))\n"
                  "lp = d.log_prob(torch.zeros({k}, 50))\n")
    assert run_program(source.format(k=10), limits=limits(max_call_work=1_000_000)).ok
    report = run_program(source.format(k=400), limits=limits(max_call_work=1_000_000))
    assert not report.ok and report.error.kind == "limit", report.error


# -- functions of the standard modules, shown --------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "from functools import partial, reduce\npartial\nreduce\nprint(partial, repr(reduce), str(partial))\n",
    "import itertools, copy, random\nprint(itertools.chain, copy.deepcopy, random.random, itertools.islice)\n"
    "itertools.product\ncopy.copy\n",
    "print(np.linalg.norm, np.linalg.solve, np.random.rand, np.random.seed)\nnp.linalg.inv\n",
    "import functools\nprint(type(functools.reduce).__name__ == 'builtin_function_or_method')\n",
])
def test_standard_functions_show_like_python(snippet: str) -> None:
    compare(N + snippet)


# -- operator --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "import operator\nfrom functools import reduce\nfrom operator import mul, neg\n"
    "print(reduce(operator.mul, [2, 3, 4]), reduce(mul, (2, 3), 1), operator.add(1.5, 2))\n"
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = operator.mul(x, x).sum()\ny.backward()\n"
    "g = x.grad\nm = operator.lt(x, 1.5)\nn = neg(x)\nk = operator.matmul(x.detach(), x.detach())\n",
    "import operator\nr = [operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3),\n"
    "     operator.pow(2, 10),\n"
    "     operator.eq([1], [1]), operator.add('a', 'b'), operator.or_(5, 3), operator.invert(5),\n"
    "     operator.not_([]), operator.truth(3), operator.ge(2, 3), operator.sub(1, 2), operator.pos(-1)]\n"
    "operator.add\nprint(operator.mul)\n",
    "import operator\na = np.arange(4)\nb = operator.mul(a, 2)\nc = operator.gt(a, 1)\n",
])
def test_operator_functions_like_python(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "operator.add(1, 'a')", "operator.neg(1, 2)", "operator.add(1, 2, x=3)", "operator.not_()",
    "operator.methodcaller('real')",
])
def test_operator_functions_fail_like_python(line: str) -> None:
    if "methodcaller" in line:   # not offered (itemgetter since session 36, attrgetter 38): a plain refusal
        report = run_program(N + "import operator\nr = " + line + "\n")
        assert not report.ok and report.error.line == 4 and "methodcaller" in report.error.message
        return
    fails_like_python(N + "import operator\nr = " + line + "\n")


def test_operator_mul_fails_as_the_operator_does() -> None:
    # the engine's own broadcast message (with its hint), as for `a * b`, at the same line as PyTorch's
    source = N + "import operator\na, b = torch.ones(2), torch.ones(3)\nr = {}\n"
    by_function = run_program(source.format("operator.mul(a, b)"))
    by_operator = run_program(source.format("a * b"))
    assert not by_function.ok and by_function.error.message == by_operator.error.message
    assert by_function.error.line == run_trusted(source.format("operator.mul(a, b)")).error_line == 5


def test_operator_results_are_sized_first() -> None:
    # operator.mul(a, b) is `a * b`: the broadcast result checked before it is made; [0] * n as a list's
    source = N + "import operator\nr = operator.mul(torch.ones({n}, 1), torch.ones(1, {n}))\n"
    assert run_program(source.format(n=100), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(source.format(n=101), limits=limits(max_tensor_elements=10_000))
    assert not report.ok and report.error.kind == "limit", report.error
    report = run_program(N + "import operator\nr = operator.mul([0], 10**9)\n")
    assert not report.ok and report.error.kind == "limit", report.error


# -- t.storage() -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # Deep Learning with PyTorch, p1ch3/1_tensors.ipynb, cells 16-19, 31, 41, 45
    "points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])\npoints.storage()\n"
    "points_storage = points.storage()\npoints_storage[0]\npoints.storage()[1]\n",
    "points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])\npoints_storage = points.storage()\n"
    "points_storage[0] = 2.0\npoints\npoints_t = points.t()\nid(points.storage()) == id(points_t.storage())\n"
    "points_t.storage()\npoints_t_cont = points_t.contiguous()\npoints_t_cont.storage()\n",
    "t = torch.arange(6.)\ns = t.storage()\nprint(len(s), s.size(), s.tolist(), s.dtype, s.device, s[-1])\n"
    "print(s, torch.tensor([True, False]).storage(), torch.arange(3).storage())\n"
    "print(t.storage() is t.storage(), type(s), str(s) == repr(s))\n",
    "t = torch.arange(6.)\ns = t.storage()\ndef f(x):\n    return x.storage()[2]\n"
    "for i in range(3):\n    v = f(t)\n    s[i] = 7.0\n",
    # written through the storage, the leaf's value changes, its graph does not see it (as in PyTorch)
    "w = torch.ones(2, requires_grad=True)\ny = (w * w).sum()\nws = w.storage()\nws[0] = 3.0\ny.backward()\n"
    "g = w.grad\n",
    "p = torch.zeros(2, 3)\nrow = p[1]\nrow.storage()[4] = 1.5\n"
    "print(row.storage_offset(), p, len(row.storage()))\n",
])
def test_storage_like_pytorch(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "torch.arange(3.).storage()[1:2]", "torch.arange(3.).storage()[5]", "torch.arange(3.).storage()[1.5]",
    "torch.arange(3.).storage()[-7]",
])
def test_storage_fails_like_pytorch(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


@pytest.mark.parametrize("line", ["s.resize_(10)", "s[0] = torch.tensor(1.0)", "s.data_ptr()", "s.fill_(0)"])
def test_storage_refuses_the_rest(line: str) -> None:
    report = run_program(N + "s = torch.arange(3.).storage()\n" + line + "\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 4, report.error


def test_storage_text_is_weighed_first() -> None:
    # print() writes a line a number: refused as any text that large, before it is written
    source = N + "s = torch.zeros({n}).storage()\nprint(s)\n"
    assert run_program(source.format(n=1_000)).ok
    report = run_program(source.format(n=3_000_000))
    assert not report.ok and report.error.kind == "limit", report.error
    shown = run_program(N + "s = torch.zeros(3_000_000).storage()\ns\n")   # a display: a short text
    assert shown.ok and len(shown.displayed[0].text) < 1000
