"""Session 28 (corpus8): the torch reference page's examples (tests/programs/tutorial_torch_*_docs.py)
needed 41 more torch functions, itertools.product and itertools.combinations(_with_replacement).
Each compared with plain PyTorch / CPython on the same text; the ops whose result the meta device cannot
size (bincount, histogram, repeat_interleave, combinations) and the ops made of many pieces
(tensor_split, hsplit, vsplit, dsplit) are counted before the call, just below and above each limit."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

T = "import torch\nx = torch.tensor([[1., 5., 2.], [4., 3., 6.]])\nv = torch.tensor([1, 1, 2, 2, 3, 1])\n"

SNIPPETS = [
    "torch.quantile(x, 0.5)\nx.quantile(torch.tensor([0.1, 0.9]), dim=1, keepdim=True)\n"
    "torch.nanquantile(torch.tensor([float('nan'), 1., 2.]), 0.5, interpolation='lower')\n",
    "torch.unique_consecutive(v)\ntorch.unique_consecutive(v, return_inverse=True, return_counts=True)\n"
    "v.unique_consecutive(return_counts=True)\n",
    "torch.tensor_split(torch.arange(7), 3)\nx.tensor_split((1,), dim=1)\n"
    "torch.tensor_split(v, torch.tensor(4))\n"
    "torch.hsplit(x, 3)\ntorch.vsplit(x, [1])\ntorch.dsplit(torch.arange(8.).reshape(1, 2, 4), 2)\n",
    "torch.argwhere(v > 1)\ntorch.take_along_dim(x, x.argsort(dim=1), dim=1)\n"
    "torch.unravel_index(v, (2, 2))\n"
    "torch.narrow_copy(x, 1, 1, 2)\nx.adjoint()\nx.is_conj()\ntorch.broadcast_shapes((2,), (3, 1))\n",
    "torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(2), -1)\n"
    "torch.zeros(2, 3).select_scatter(torch.ones(3), 0, 1)\n"
    "torch.slice_scatter(torch.zeros(4, 2), torch.ones(2, 2), start=1, end=4, step=2)\n",
    "torch.bincount(v)\nv.bincount(minlength=7)\ntorch.bincount(v, weights=torch.linspace(0, 1, 6))\n"
    "torch.bincount(torch.tensor([], dtype=torch.int64))\n",
    "torch.histogram(x, bins=3)\ntorch.histogram(x.flatten(), torch.tensor([0., 2., 7.]), density=True)\n"
    "x.histogram(4, range=(0., 8.), weight=torch.ones(2, 3))\n",
    "torch.repeat_interleave(x, 2)\nx.repeat_interleave(torch.tensor([2, 0]), dim=0)\n"
    "torch.repeat_interleave(torch.tensor([2, 0, 1]))\ntorch.repeat_interleave(v, torch.tensor([3]))\n"
    "torch.repeat_interleave(x, torch.tensor([1, 2, 3]), dim=1, output_size=6)\n",
    "torch.combinations(torch.arange(4), r=3)\ntorch.combinations(torch.arange(3), with_replacement=True)\n"
    "torch.combinations(torch.arange(3), r=0)\ntorch.combinations(torch.arange(2), 5)\n",
    "torch.diff(v)\ntorch.diff(x, n=2, dim=1, prepend=x[:, :1])\ntorch.diff(v, n=100)\n"
    "torch.cov(x)\ntorch.cov(x, correction=0, aweights=torch.tensor([1., 2., 3.]))\ntorch.corrcoef(x)\n",
    "torch.gcd(v, torch.tensor(4))\ntorch.lcm(v, v + 1)\ntorch.logaddexp(x, x)\ntorch.logaddexp2(x, -x)\n"
    "torch.ldexp(x, v[:3])\ntorch.frexp(x)\ntorch.bitwise_left_shift(v, 2)\nv.bitwise_right_shift(1)\n"
    "torch.heaviside(x - 3, torch.tensor(0.5))\ntorch.conj_physical(x)\n",
    "torch.addcdiv(x, x, x + 1, value=0.5)\nx.addcmul(x, x)\ntorch.renorm(x, 2, 0, 3)\ntorch.msort(x)\n"
    "torch.ravel(x.T)\ntorch.isin(v, torch.tensor([2, 3]), invert=True)\ntorch.isin(3, v)\n",
    "torch.searchsorted(torch.tensor([1, 3, 5]), v, side='right')\ntorch.bucketize(v, torch.tensor([1, 2]))\n"
    "torch.vander(v[:3], N=4, increasing=True)\ntorch.gradient(x)\ntorch.gradient(x, spacing=2.0, dim=1)\n"
    "torch.cross(torch.eye(3), torch.ones(3, 3), dim=0)\n",
    "w = x.clone().requires_grad_()\ny = torch.quantile(w, 0.3, dim=1).sum() + torch.diff(w).pow(2).sum()\n"
    "y = y + torch.take_along_dim(w, w.argmax(1, keepdim=True), 1).sum() + torch.logaddexp(w, w).sum()\n"
    "y = y + torch.repeat_interleave(w, torch.tensor([1, 2]), dim=0).sum() + torch.cov(w).sum()\n"
    "y.backward()\nw.grad\n",
]

# the torch.Tensor page's index/scatter family, in place and not, as functions and methods, with autograd
INDEXING = [
    "i = torch.tensor([0, 2])\nx.index_add(1, i, torch.ones(2, 2), alpha=2)\n"
    "torch.index_copy(x, 1, i, -x[:, :2])\n"
    "x.index_reduce(0, torch.tensor([1, 1]), x, 'amax', include_self=False)\ny = x.clone()\n"
    "y.index_add_(0, torch.tensor([1]), x[:1])\ny.index_copy_(1, i, torch.zeros(2, 2))\n"
    "y.index_fill_(0, torch.tensor([0]), 7)\ny.index_reduce_(1, i, x[:, 1:], 'mean')\ny\n",
    "m = x > 2\nx.masked_scatter(m, -x)\ny = x.clone()\ny.masked_scatter_(m, torch.arange(6.))\n"
    "y.put_(torch.tensor([0, 5]), torch.tensor([9., 8.]), accumulate=True)\n"
    "x.put(torch.tensor([1]), torch.tensor([0.]))\n"
    "y\n",
    "j = torch.tensor([[0, 1, 0]])\ntorch.scatter(x, 0, j, -1.)\nx.scatter_add(0, j, x[:1])\n"
    "torch.scatter_reduce(x, 1, torch.tensor([[0, 0, 1], [2, 2, 2]]), x, 'prod')\ny = x.clone()\n"
    "y.scatter_(1, torch.tensor([[2], [0]]), 1.5, reduce='multiply')\ny.scatter_add_(0, j, x[1:])\n"
    "y.scatter_reduce_(0, j, x[:1], reduce='amin', include_self=False)\ny\n",
    "w = x.clone().requires_grad_()\nz = w.index_add(0, torch.tensor([1]), w[:1] ** 2)\n"
    "z = z.scatter_reduce(1, torch.tensor([[0, 0, 1], [1, 1, 1]]), w * 3, 'sum').masked_scatter(z > 4, w)\n"
    "z.sum().backward()\nw.grad\n",
]

ITERTOOLS = [
    "import itertools\nfrom itertools import product, combinations\n"
    "print(list(itertools.product([1, 2, 3], [4, 5])), list(product('ab', repeat=2)))\n"
    "print(list(product()), list(product([1], repeat=0)), list(product([], [1])))\n"
    "p = product(range(2), (7, 8))\nprint(next(p), type(p).__name__)\nfor a, b in p:\n    print(a, b)\n"
    "print(list(combinations('abcd', 3)), list(itertools.combinations([1, 2], r=3)))\n"
    "print(list(itertools.combinations_with_replacement([1, 2, 3], r=2)))\n"
    "print(list(combinations(range(3), True)), len(list(combinations(range(10), 4))))\n",
]

ERRORS = ["product([1], x=2)", "product([1], repeat='a')", "product([1], repeat=1.5)",
          "product([1], repeat=-1)", "product(5)", "combinations([1])", "combinations([1], -1)",
          "combinations([1], 1.5)", "combinations(5, 1)", "combinations([1], 1, 2)",
          "combinations([1], r=1, x=2)", "combinations([1], 2, r=2)", "combinations(iterable=[1], r=1, x=2)",
          "itertools.combinations_with_replacement([1], -1)", "combinations_with_replacement(r=1)"]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_like_plain_pytorch(snippet: str) -> None:
    compare(T + snippet)


@pytest.mark.parametrize("snippet", INDEXING)
def test_index_and_scatter_family_like_plain_pytorch(snippet: str) -> None:
    compare(T + snippet)


@pytest.mark.parametrize(("line", "kind"), [
    ("w = x.clone().requires_grad_()\nw.index_add_(0, torch.tensor([0]), x[:1])", "autograd"),   # a leaf
    ("x.index_add_(0, torch.tensor([0]), torch.ones(1, 4))", "value"),   # source of the wrong shape
    ("x.scatter_(0, torch.tensor([[5]]), 1.)", "index"),   # index out of bounds
    ("x.put_(torch.tensor([6]), torch.tensor([1.]))", "index"),
])
def test_index_and_scatter_errors_like_plain_pytorch(line: str, kind: str) -> None:
    source = T + line + "\n"
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and not report.ok, report
    assert report.error.line == oracle.error_line and report.error.kind == kind, report.error
    if kind == "value":   # PyTorch's own text
        assert report.error.message in str(oracle.error), (report.error.message, oracle.error)


@pytest.mark.parametrize("snippet", ITERTOOLS)
def test_itertools_like_cpython(snippet: str) -> None:
    compare(snippet)


def test_itertools_errors_like_cpython() -> None:
    lines = "".join(f"try:\n    {call}\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
                    for call in ERRORS)
    source = ("import itertools\nfrom itertools import product, combinations, combinations_with_replacement\n"
              + lines)
    compare(source)


SMALL = Limits(max_tensor_elements=100, max_total_elements=1_000)


@pytest.mark.parametrize(("template", "n", "what", "made"), [
    # bincount: max + 1 counts, or minlength (plus what weights make)
    ("r = torch.bincount(torch.tensor([{n}]))", 99, "bincount", lambda n: n + 1),
    ("r = torch.tensor([0]).bincount(minlength={n})", 100, "bincount", lambda n: n),
    # histogram: bins counts and bins + 1 edges
    ("r = torch.histogram(torch.ones(3), bins={n})", 49, "histogram", lambda n: 2 * n + 1),
    # repeat_interleave with a tensor of repeats: their sum times a row
    ("r = torch.ones(2, 5).repeat_interleave(torch.tensor([{n}, 0]), dim=0)", 20, "repeat_interleave",
     lambda n: 5 * n),
    ("r = torch.repeat_interleave(torch.tensor([{n}, 0]))", 100, "repeat_interleave", lambda n: n),
    # combinations: PyTorch's mask of n**r elements and r * n**r bound for the rows
    ("r = torch.combinations(torch.arange({n}), r=2)", 5, "combinations", lambda n: 3 * n * n),
    # vander: len(x) * N (its meta run overflows for a huge N: it was allocated and failed for memory)
    ("r = torch.vander(torch.arange(4), N={n})", 25, "vander", lambda n: 4 * n),
    ("r = torch.vander(torch.arange({n}))", 10, "vander", lambda n: n * n),
    # cov / corrcoef of n variables: n x n (the meta device cannot run them)
    ("r = torch.cov(torch.zeros({n}, 1))", 10, "cov", lambda n: n * n),
    ("r = torch.zeros({n}, 2).corrcoef()", 10, "corrcoef", lambda n: n * n),
])
def test_counted_before_the_call(template: str, n: int, what: str, made) -> None:
    head = "import torch\n"
    assert run_program(head + template.format(n=n) + "\n", torchviz=False, limits=SMALL).ok
    report = run_program(head + template.format(n=n + 1) + "\n", torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2, report.error
    assert report.error.message == f"result of {what} would have {made(n + 1)} elements; the limit is 100"


def test_repeat_interleave_output_size_counted_before_the_call() -> None:
    """output_size is what PyTorch allocates: 100 (not the sum of the repeats) is PyTorch's own error,
    101 is above the limit before the call."""
    def source(n: int) -> str:
        return ("import torch\n"
                f"r = torch.repeat_interleave(torch.ones(2), torch.tensor([1, 1]), output_size={n})\n")
    below = run_program(source(100), torchviz=False, limits=SMALL)
    assert run_trusted(source(100)).error is not None
    assert not below.ok and below.error.kind != "limit", below.error
    report = run_program(source(101), torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2, report.error
    assert report.error.message == "result of repeat_interleave would have 101 elements; the limit is 100"


def test_combinations_of_a_huge_r_is_refused_without_the_power() -> None:
    report = run_program("import torch\nr = torch.combinations(torch.arange(3), r=10**9)\n", torchviz=False)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2, report.error


PIECES = Limits(max_sequence_len=50)


@pytest.mark.parametrize("call", [
    "torch.tensor_split(torch.arange(3), {n})", "torch.arange(3).tensor_split({n})",
    "torch.tensor_split(torch.arange(3), sections={n})",
    "torch.tensor_split(torch.arange(3), torch.tensor({n}))",
    "torch.hsplit(torch.zeros(3, 0), {n})", "torch.vsplit(torch.zeros(0, 3), {n})",
    "torch.dsplit(torch.zeros(1, 1, 0), {n})", "torch.tensor_split(torch.arange(3), list(range({m})))",
])
def test_pieces_counted_before_the_split(call: str) -> None:
    """Each makes n pieces (tensor_split of indices one more than it has), even of an empty dimension:
    a list of n tensors, checked against max_sequence_len before the call."""
    def source(n: int) -> str:
        return f"import torch\nr = {call.format(n=n, m=n - 1)}\nk = len(r)\n"
    below = run_program(source(50), torchviz=False, limits=PIECES)
    assert below.ok, below.error
    assert below.variables["k"].value == run_trusted(source(50)).variables["k"] == 50
    report = run_program(source(51), torchviz=False, limits=PIECES)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2, report.error
    assert "would have 51 items; the limit is 50" in report.error.message


@pytest.mark.parametrize(("line", "n"), [
    ("itertools.product([1, 2], repeat={n})", 25),   # 2 * 25 pool items kept: 50
    ("itertools.product(range({n}))", 50),
    ("itertools.product(range({n}), [])", 50),   # CPython keeps the pools even of an empty product
])
def test_product_pools_counted_first(line: str, n: int) -> None:
    def source(k: int) -> str:
        return f"import itertools\nr = {line.format(n=k)}\n"
    assert run_program(source(n), torchviz=False, limits=PIECES).ok
    report = run_program(source(n + 1), torchviz=False, limits=PIECES)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2, report.error
    assert "the pools of itertools.product() would have" in report.error.message


def test_product_items_are_charged_to_the_loop_budget() -> None:
    limits = Limits(max_loop_iterations=1_000)
    source = "import itertools\nn = 0\nfor p in itertools.product(range(20), range(20)):\n    n += 1\n"
    ok = run_program(source, torchviz=False, limits=limits)
    assert ok.ok and ok.variables["n"].value == 400, ok.error
    report = run_program("import itertools\nfor p in itertools.product(range(40), range(40)):\n    pass\n",
                         torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit", report.error


def test_combinations_items_are_charged_to_the_loop_budget() -> None:
    limits = Limits(max_loop_iterations=1_000)
    report = run_program("import itertools\nc = itertools.combinations(range(100), 3)\nn = len(list(c))\n",
                         torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit", report.error


@pytest.mark.parametrize(("made", "pools"), [("itertools.combinations(range(60), 50)", 0),
                                             ("itertools.product(range(2), repeat=50)", 100)])
def test_each_tuple_counts_towards_the_total_of_items(made: str, pools: int) -> None:
    """Each tuple's items are charged to max_total_sequence_items (a combinations of 10**5 items taken
    99,999 at a time makes 10**5 tuples of 99,999): 20 tuples of 50 fit 1,000 items (besides the
    product's 2 x 50 pool items), 21 do not."""
    limits = Limits(max_total_sequence_items=1_000 + pools)
    def source(k: int) -> str:
        return f"import itertools\nit = {made}\nfor i in range({k}):\n    t = next(it)\n"
    ok = run_program(source(20), torchviz=False, limits=limits)
    assert ok.ok, ok.error
    assert run_trusted(source(20)).error is None
    report = run_program(source(21), torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 4, report.error
    assert "a tuple of itertools." in report.error.message
