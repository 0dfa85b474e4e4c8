"""Red team, session 28 (redteam2): what corpus8 added (62 torch names, the data-based size bounds of
meta_copies.counted_bound, itertools.product / combinations / combinations_with_replacement), tried as a
hostile student would, in-process (run_program) and through a worker of the sandbox.

Escapes found and fixed (each case fails on 4f871ee):
- repeat_interleave summed its counts in int64: tensor([2**62] * 4) wrapped to 0, the bound said 0 and
  PyTorch wrote 2**64 elements into an empty result (the worker segfaulted); with output_size= a negative
  count is written before it is checked (tensor([-1, 3]), output_size=2: "free(): invalid pointer").
- itertools.product([], repeat=10**8) allocated CPython's 10**8 pools and indices (2.5 GB, 3.8 s, for an
  empty product), combinations([1, 2], 10**8) 10**8 indices (0.9 GB, for nothing),
  combinations_with_replacement([1], 10**8) built its 10**8-item tuple before it was charged (1.75 GB).
- searchsorted / bucketize / isin / histogram with edges had no work check: searchsorted of 5M values in
  5M with sorter= ran 10.4 s in one call, isin 5M in 5M 4.2 s; diff(x, n=k) ran its meta run k times
  (diff(ones(20000), n=20000): 7.1 s of size check before anything was said).
- counts given as NumPy ints were not read as counts: vander(x, N=np.int64(10**9)) and
  bincount(minlength=np.int64(10**9)) tried 12 / 8 GB, hsplit(zeros(3, 0), np.int64(10**7)) made 10**7
  pieces (21 s, 2.5 GB); tensor_split(x, indices=[...]) was not counted at all.
- a vectorized jacobian counted diff(t, n=1500) as one graph op: 9.2 s (20.9 s with vectorize=True).
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.lookup_work import DIFF_PASS_WORK, SEARCH_WEIGHT, SORTER_WEIGHT
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.sandbox import WorkerPool
from tests.oracle import run_trusted
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.test_breadth import compare


def _run(program: str, **limits: int):
    return run_program(program, limits=dataclasses.replace(DEFAULT_LIMITS, **limits), torchviz=False)


@pytest.fixture(scope="module")
def pool():
    workers = WorkerPool(size=1, limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=30.0))
    workers.warm()
    yield workers
    workers.close()


def _alive(pool) -> None:
    assert pool.run("print(6 * 7)\n").printed == "42\n"


# -- 1. repeat_interleave's counts ----------------------------------------------------------------------
WRAPPED = [   # int64 sums that wrap (2**64, 2**63) or a negative count written before it is checked
    ("torch.repeat_interleave(torch.tensor([2**62] * 4))", "18,446,744,073,709,551,616 elements"),
    ("torch.repeat_interleave(torch.tensor([2**61] * 4), output_size=0)",
     "9,223,372,036,854,775,808 elements"),
    ("torch.repeat_interleave(torch.ones(4), torch.tensor([2**62] * 4), output_size=0)",
     "elements; the limit"),
    ("torch.ones(4).repeat_interleave(torch.tensor([2**62] * 4))", "elements; the limit"),
]


@pytest.mark.parametrize("call, words", WRAPPED)
def test_repeat_counts_whose_int64_sum_wraps_are_refused_before_pytorch(call, words):
    _stopped(_run(f"import torch\ny = {call}\n"), "limit", 2, words)


NEGATIVE = ["torch.repeat_interleave(torch.tensor([-1, 3]), output_size=2)",
            "torch.ones(2).repeat_interleave(torch.tensor([-1, 3]), output_size=2)",
            "torch.repeat_interleave(torch.ones(2), torch.tensor([-1]), output_size=0)",
            "torch.repeat_interleave(torch.tensor([-1, 3]))"]


@pytest.mark.parametrize("call", NEGATIVE)
def test_a_negative_repeat_count_is_refused_with_pytorchs_words(call):
    with pytest.raises(RuntimeError) as real:   # PyTorch's text, where it checks before writing
        torch.repeat_interleave(torch.tensor([-1, 3]))
    report = _run(f"import torch\ntry:\n    y = {call}\nexcept RuntimeError as e:\n    print(e)\n")
    assert report.error is None, report.error
    assert report.printed == f"{real.value}\n"


@pytest.mark.parametrize("counts, refused", [((50, 50), False), ((50, 51), True)])
def test_repeat_counts_just_below_and_above_the_element_limit(counts, refused):
    program = f"import torch\ny = torch.repeat_interleave(torch.tensor({list(counts)}))\n" \
              "print(y.bincount())\n"
    report = _run(program, max_tensor_elements=100)
    if refused:
        _stopped(report, "limit", 2, "101 elements; the limit is 100")
    else:
        assert report.error is None, report.error
        assert report.printed == run_trusted(program).printed


def test_a_wrapped_repeat_sum_leaves_the_worker_alive(pool):
    report = pool.run("import torch\ny = torch.repeat_interleave(torch.tensor([2**62] * 4))\n")
    _stopped(report, "limit", 2, "repeat_interleave")
    report = pool.run("import torch\ny = torch.repeat_interleave(torch.tensor([-1, 3]), output_size=2)\n")
    _stopped(report, "value", 2, "repeats can not be negative")
    _alive(pool)


# -- 2. itertools: what CPython allocates before its first item ------------------------------------------
NOTHING = ["list(itertools.product([], repeat=10**8))", "list(itertools.product([], (), repeat=10**8))",
           "list(itertools.combinations([1, 2], 2 * 10**8))",
           "list(itertools.combinations_with_replacement([], 2 * 10**8))"]


@pytest.mark.parametrize("call", NOTHING)
def test_empty_products_and_combinations_allocate_nothing(call, pool):
    """The same empty result as CPython (checked with a small count), without its 10**8-long arrays
    (1.6-2.5 GB: past the worker's memory limit before the fix)."""
    small = call.replace("10**8", "3")
    assert eval(small, {"itertools": itertools}) == []
    report = pool.run(f"import itertools\nprint({call})\n")
    assert report.error is None, report.error
    assert report.printed == "[]\n"
    _alive(pool)


@pytest.mark.parametrize("r, refused", [(50, False), (51, True)])
def test_a_combination_with_replacement_is_sized_before_it_is_built(r, refused):
    program = f"import itertools\np = itertools.combinations_with_replacement('a', {r})\n" \
              "print(len(next(p)))\n"
    report = _run(program, max_sequence_len=50)
    if refused:
        _stopped(report, "limit", 2,
                 "a tuple of itertools.combinations_with_replacement() would have 51 items")
    else:
        assert report.error is None, report.error
        assert report.printed == run_trusted(program).printed == "50\n"


def test_a_huge_combination_with_replacement_leaves_the_worker_alive(pool):
    report = pool.run("import itertools\np = itertools.combinations_with_replacement([1], 10**8)\n")
    _stopped(report, "limit", 2, "would have 100,000,000 items")
    _alive(pool)


@pytest.mark.parametrize("call", ["itertools.product([], repeat=10**30)",
                                  "itertools.product([1], [2], repeat=2**62)",
                                  "itertools.combinations([1], 10**30)",
                                  "itertools.combinations_with_replacement(iter([]), -10**30)",
                                  "itertools.combinations('ab', -1)"])
def test_out_of_range_counts_raise_as_cpython(call):
    program = f"import itertools\ntry:\n    {call}\nexcept (OverflowError, ValueError) as e:\n" \
              "    print(type(e).__name__, e)\n"
    report = _run(program)
    assert report.error is None, report.error
    assert report.printed == run_trusted(program).printed


def test_products_and_combinations_still_equal_cpython():
    compare("import itertools\na = list(itertools.product([1, 2], 'ab', repeat=2))\n"
            "b = list(itertools.product(repeat=3))\nc = list(itertools.product([], repeat=0))\n"
            "d = list(itertools.combinations('abcd', 3))\ne = list(itertools.combinations('ab', 3))\n"
            "f = list(itertools.combinations_with_replacement('ab', 3))\n"
            "g = list(itertools.combinations_with_replacement('', 0))\n")


# -- 3. the work of searches and diff ---------------------------------------------------------------------
def _searches(values: int, boundaries: int, sorter: bool = False) -> int:
    """lookup_work's count for boundaries below its cache-miss size: a binary search per value."""
    return values * (boundaries + 1).bit_length() * SEARCH_WEIGHT * (SORTER_WEIGHT if sorter else 1)


S = "import torch\ns = torch.tensor([1., 2., 4., 8., 16., 32., 64.])\nv = torch.tensor([0., 3., 9., 70.])\n"
WORK = [   # (call, its work)
    ("torch.searchsorted(s, v)", _searches(4, 7)),
    ("torch.searchsorted(s, v, right=True, sorter=torch.arange(7))", _searches(4, 7, sorter=True)),
    ("torch.bucketize(v, s)", _searches(4, 7)),
    ("torch.histogram(v, bins=s)", _searches(4, 7)),
    ("v.histogram(s, density=True)", _searches(4, 7)),
    ("torch.isin(s, v)", 2 * 7 * 4),   # a small test set: PyTorch compares each pair
    ("torch.isin(torch.arange(7.), torch.arange(30.))", _searches(37, 37)),
    ("torch.diff(s, n=3)", 7 * 3 - 3 * 4 // 2 + 3 * DIFF_PASS_WORK),
    ("s.diff(2, prepend=v)", 11 * 2 - 2 * 3 // 2 + 2 * DIFF_PASS_WORK),
]


@pytest.mark.parametrize("call, work", WORK)
def test_a_search_at_its_work_limit_runs_as_pytorch(call, work):
    program = S + f"y = {call}\nprint(y)\n"
    report = _run(program, max_call_work=work)
    assert report.error is None, report.error
    assert report.printed == run_trusted(program).printed


@pytest.mark.parametrize("call, work", WORK)
def test_a_search_just_above_its_work_limit_is_refused_uncaught(call, work):
    program = S + f"try:\n    y = {call}\nexcept Exception:\n    print('caught')\n"
    _stopped(_run(program, max_call_work=work - 1), "limit", 5, f"about {work:,} arithmetic steps")


BIG = [   # each ran 4-10 s in one call (or in its size check) before the fix
    "x = torch.rand(5000000)\ny = torch.searchsorted(x, x, sorter=torch.arange(5000000))",
    "x = torch.rand(5000000)\ny = torch.bucketize(x, torch.linspace(0, 1, 5000000))",
    "x = torch.rand(5000000)\ny = torch.isin(x, torch.rand(5000000))",
    "x = torch.rand(5000000)\ny = torch.histogram(x, bins=torch.linspace(0, 1, 2000000))",
    "x = torch.ones(50000)\ny = x.diff(50000)",
]


@pytest.mark.parametrize("program", BIG)
def test_a_search_of_millions_ends_with_the_work_limit_not_the_time_limit(program, pool):
    report = pool.run("import torch\n" + program + "\n")
    _stopped(report, "limit", 3, "arithmetic steps in one call")
    _alive(pool)


def test_a_long_diff_is_sized_without_its_meta_loop(pool):
    """diff(ones(20000), n=20000): 4e8 units, allowed; its meta run looped 20,000 times (7 s) first."""
    report = pool.run("import torch\ny = torch.diff(torch.ones(20000), n=20000)\nprint(y.shape)\n",
                      timeout=DEFAULT_LIMITS.timeout_s)
    assert report.error is None, report.error
    assert report.printed == f"{torch.diff(torch.ones(20000), n=20000).shape}\n"


def test_the_diff_bound_counts_prepend_and_append():
    program = "import torch\ny = torch.diff(torch.ones(40), n=1, prepend=torch.ones(30), " \
              "append=torch.ones(31))\n"
    _stopped(_run(program, max_tensor_elements=100), "limit", 2, "101 elements; the limit is 100")
    assert _run(program.replace("31", "30"), max_tensor_elements=100).error is None


# -- 4. attacks that held (PyTorch checks them itself, or a limit already did) ----------------------------
HELD = [   # (statement after `import torch`, kind, words): the same text as PyTorch where PyTorch refuses
    ("x = torch.zeros(3)\nx.put_(torch.tensor([-4]), torch.tensor([1.]))", "index", "out of range"),
    ("y = torch.put(torch.zeros(3), torch.tensor([5]), torch.tensor([1.]))", "index", "out of range"),
    ("y = torch.take_along_dim(torch.zeros(3), torch.tensor([3]))", "index", "out of range"),
    ("y = torch.zeros(3).index_add(0, torch.tensor([3]), torch.ones(1))", "index", "out of range"),
    ("y = torch.zeros(3).index_reduce(0, torch.tensor([7]), torch.ones(1), 'prod')", "index", "out of range"),
    ("y = torch.zeros(3).scatter(0, torch.tensor([-1]), torch.ones(1))", "index", "out of range"),
    ("y = torch.zeros(3).scatter_reduce(0, torch.tensor([7]), torch.ones(1), 'amax')", "index",
     "out of range"),
    ("y = torch.zeros(3).masked_scatter(torch.tensor([True] * 3), torch.ones(2))", "value", "source"),
    ("y = torch.searchsorted(torch.tensor([1., 2]), torch.tensor([1.]), sorter=torch.tensor([0, 7]))",
     "value", "sorter index out of range"),
    ("x = torch.zeros(1).expand(10)\nx.scatter_add_(0, torch.tensor([3]), torch.tensor([1.]))", "value",
     "more than one element of the written-to tensor"),
    ("x = torch.zeros(1).expand(10)\nx.index_copy_(0, torch.tensor([3]), torch.tensor([1.]))", "value",
     "more than one element of the written-to tensor"),
    ("x = torch.zeros(1).expand(10)\nx.put_(torch.tensor([3]), torch.tensor([1.]))", "value",
     "more than one element of the written-to tensor"),
    ("y = torch.bincount(torch.tensor([2**40]))", "limit", "1,099,511,627,777 elements"),
    ("y = torch.bincount(torch.tensor([5, 2]), minlength=torch.tensor(10**7))", "limit",
     "10,000,000 elements"),
    ("y = torch.histogram(torch.ones(2), bins=10, range=(0., float('inf')))", "value", "is not finite"),
    ("y = torch.vander(torch.zeros(2, 2), N=10**9)", "limit", "4,000,000,000 elements"),
    ("y = torch.combinations(torch.zeros(300), r=3)", "limit", "elements; the limit"),
    ("y = torch.hsplit(torch.zeros(3, 0), 10**9)", "limit", "the pieces of hsplit"),
    ("y = torch.tensor_split(torch.zeros(10), torch.tensor(10**9))", "limit", "the pieces of tensor_split"),
    ("y = torch.gradient(torch.zeros(2, 2), dim=[0] * 50000)", "value", "appears multiple times"),
    ("y = torch.select_scatter(torch.zeros(2, 2), torch.ones(2), 0, 10**18)", "index", "out of range"),
]


@pytest.mark.parametrize("statement, kind, words", HELD)
def test_hostile_arguments_are_refused_and_the_worker_lives(statement, kind, words, pool):
    program = "import torch\n" + statement + "\n"
    report = pool.run(program)
    _stopped(report, kind, program.count("\n"), words)
    _alive(pool)


def test_a_limit_of_the_new_ops_is_not_caught():
    program = "import torch\ntry:\n    y = torch.bincount(torch.tensor([2**40]))\n" \
              "except Exception:\n    pass\n"
    _stopped(_run(program), "limit", 3, "bincount")


# -- 5. the pieces of tensor_split's `indices=` overload --------------------------------------------------
@pytest.mark.parametrize("count, refused", [(49, False), (50, True)])
def test_split_indices_given_by_name_count_their_pieces(count, refused):
    """tensor_split(x, indices=[...]) made len + 1 pieces uncounted (only the positional form was)."""
    program = f"import torch\ny = torch.tensor_split(torch.arange(6.), indices=[2] * {count})\n" \
              "print(len(y), y[0], y[-1])\n"
    report = _run(program, max_sequence_len=50)
    if refused:
        _stopped(report, "limit", 2, "the pieces of tensor_split would have 51 items; the limit is 50")
    else:
        assert report.error is None, report.error
        assert report.printed == run_trusted(program).printed


# -- 6. counts given as NumPy ints or 0-d tensors ----------------------------------------------------------
NUMPY_COUNTS = [   # each allocated (or built 10**9 meta tensors) before: the count was not read as one
    ("torch.vander(torch.ones(3), N=np.int64(10**9))", "3,000,000,000 elements"),
    ("torch.bincount(torch.tensor([1]), minlength=np.int64(10**9))", "1,000,000,000 elements"),
    ("torch.combinations(torch.ones(3), r=np.int64(10**9))", "elements; the limit"),
    ("torch.histogram(torch.tensor([1.]), bins=np.int64(10**9))", "2,000,000,001 elements"),
    ("torch.diff(torch.ones(50000), n=torch.tensor(50000))", "arithmetic steps in one call"),
    ("torch.diff(torch.ones(50000), np.int64(50000))", "arithmetic steps in one call"),
]


@pytest.mark.parametrize("call, words", NUMPY_COUNTS)
def test_counts_given_as_numpy_ints_or_tensors_are_read_as_counts(call, words, pool):
    report = pool.run(f"import torch\nimport numpy as np\ny = {call}\n")
    _stopped(report, "limit", 3, words)
    _alive(pool)


@pytest.mark.parametrize("size, refused", [(10, False), (11, True)])
def test_a_numpy_count_just_below_and_above_the_limit(size, refused):
    program = f"import torch\nimport numpy as np\ny = torch.vander(torch.arange(10.), N=np.int64({size}))\n" \
              "print(y.sum())\n"
    report = _run(program, max_tensor_elements=100)
    if refused:
        _stopped(report, "limit", 3, "110 elements; the limit is 100")
    else:
        assert report.error is None, report.error
        assert report.printed == run_trusted(program).printed


@pytest.mark.parametrize("call, words", [
    ("torch.hsplit(torch.zeros(3, 0), np.int64(10**7))", "the pieces of hsplit would have 10,000,000 items"),
    ("torch.tensor_split(torch.zeros(3), np.int64(10**7))", "tensor_split would have 10,000,000"),
    ("torch.zeros(200000).chunk(np.int64(200000))", "the pieces of chunk would have 200,000 items")])
def test_pieces_counted_by_a_numpy_int_are_counted(call, words, pool):
    """hsplit(zeros(3, 0), np.int64(10**7)) made its 10**7 pieces uncounted: 21 s and 2.5 GB in-process."""
    _stopped(pool.run(f"import torch\nimport numpy as np\ny = {call}\n"), "limit", 3, words)
    _alive(pool)


@pytest.mark.parametrize("count, refused", [(50, False), (51, True)])
def test_numpy_sections_just_below_and_above_the_limit(count, refused):
    program = "import torch\nimport numpy as np\n" \
              f"y = torch.tensor_split(torch.arange(60.), np.int64({count}))\nprint(len(y), y[0], y[-1])\n"
    report = _run(program, max_sequence_len=50)
    if refused:
        _stopped(report, "limit", 3, "the pieces of tensor_split would have 51 items; the limit is 50")
    else:
        assert report.error is None, report.error
        assert report.printed == run_trusted(program).printed


# -- 7. a Jacobian through diff(t, n): one op for the engine, n nodes for autograd ----------------------
@pytest.mark.parametrize("options", ["", ", vectorize=True"])
def test_a_vectorized_jacobian_counts_the_work_of_a_long_diff_per_row(options):
    """jacobian(lambda t: diff(t, n=1500), 2,000 inputs): 9.2 s in one vectorized call before (20.9 s with
    vectorize=True; its graph counted as one op of 500 elements, the 1,500 passes not at all); now held
    against max_graph_work."""
    program = "import torch\nx = torch.rand(2000, requires_grad=True)\n" \
              f"J = torch.autograd.functional.jacobian(lambda t: torch.diff(t, n=1500), x{options})\n"
    _stopped(_run(program), "limit", 3, "jacobian would push 500 rows at once")


@pytest.mark.parametrize("options", ["", ", vectorize=True"])
def test_a_small_jacobian_through_diff_equals_pytorch(options):
    program = "import torch\nx = torch.linspace(0, 1, 12).requires_grad_()\n" \
              f"J = torch.autograd.functional.jacobian(lambda t: torch.diff(t.sin(), n=3), x{options})\n" \
              "print(J)\n"
    report = _run(program)
    assert report.error is None, report.error
    assert report.printed == run_trusted(program).printed
