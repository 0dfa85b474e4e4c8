"""Red team, session 31: the surface added in sessions 29-30 (NumPy counting functions, ufunc methods,
percent formatting, math's integer functions, nn.functional, slices), tried as a hostile student would
(5386460, measured through the sandbox CLI, `python3 -m autogradlab run --json`, on this loaded 2-core
machine; the sandbox's hard stop ends a worker a few seconds past the 5 s limit).

Findings, each fixed (the figures are 5386460's):
1. np.pad(a, 2000, mode='empty') printed the padding NumPy leaves uninitialised (4.68655532e-310 and other
   leftovers, pointers among them): refused by name;
2. np.add.at(a, indices, 1) writes one sub-array per index: 2,000,000 zero indices into a (1, 5,000,000)
   array (1e13 writes) ran past the hard stop (7.0 s); now counted (AT_WRITE_WORK units a write) against
   max_call_work first;
3. np.add.reduceat(a, indices) reduces from each index to the next: indices alternating 0 and 4,999,999
   over 5,000,000 values (1e13 additions) ran past the hard stop; the slices' lengths are now summed first;
4. np.argpartition(a, kth) with many kth rescans past NumPy's 50 pivots: 5,000,000 values at every index
   ran past the hard stop (100,000 at every index: 7.2 s in plain NumPy); counted as np.quantile's is;
5. '%((a)x)0999999999d' % {'(a)x': 1}: the width hid behind a mapping key with nested parentheses (CPython
   reads the key to its matching parenthesis, the regex stopped at the first): CPython built the 1 GB
   text (0.4 s) before its length was checked, and a width of 2,000,000,000 ended the worker out of
   memory; the directives are now read as CPython reads them;
6. cosine_similarity / pairwise_distance (F.* and torch.*) of (1000, 1, 100) and (1, 1000, 100) made
   1e8-element broadcast intermediates for a 1e6-element result (2.5 s, ~1.4 GB at the peak; (5000, 1,
   100) asked for 2 GB): now counted as dist's and mse_loss's intermediates are;
7. `slice(a) == slice(b)` of two tensors: CPython compares the slices' parts, Tensor.__eq__ unsized:
   (3,000,000, 1) against (1, 3,000,000) reached torch's allocator (9e12 bytes); now sized as `[a] == [b]`;
8. math.comb / math.perm of a huge n: the bit estimate subtracted two lgammas of ~n log n and lost every
   bit to rounding (comb(2**100, 2**22) came out as -86,223,597 bits), so CPython computed the 330-million
   bit result and ran past the hard stop (9.5 s; perm alike); comb(n, k) is now bounded by n**m / m!;
9. itertools.tee(it, 99999) a hundred times: 804 MB peak before the time limit (each iterator is three
   objects): each now counts 32 items of the run's total;
10. Binomial / Multinomial entropy() enumerates total_count + 1 values per count (4,000,000 over a batch
    of 12 ran past the hard stop), log_prob(value) broadcasts the value against the batch (6.4 GB asked):
    both sized first;
11. `[t] == [a]` of a tensor and a numpy array in a container: torch read the array, unsized (9M bools;
    25e12 bytes asked of the allocator);
12. matrix products of slow dtypes (torch: int64 3.5 s per 1e9 multiply-adds, float16 1.67, complex128
    0.66; NumPy's ints ~1 s, float16 7.75) at the element limits ran past the hard stop (@, mm, matmul,
    einsum, tensordot, np.dot, np.inner...): counted against max_call_work by dtype; float32 / float64
    products stay with the element limits.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from autogradlab import error_text
from autogradlab.lang.math_ints import _bits
from autogradlab.lang.numpy_ufunc_methods import AT_WRITE_WORK, REDUCEAT_INDEX_WORK, at_work, reduceat_work
from autogradlab.lang.percent_format import directives
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


def _refused_by_work(program: str, line: int, text: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    _stopped(report, "limit", line, text)
    assert "max_call_work" in (report.error.hint or "")
    assert not LEAKS.findall(report.error.message), report.error.message
    zh = error_text.message("zh", report.error)
    assert "would take" not in zh and "arithmetic" not in zh, zh


# -- 1. np.pad(mode='empty') -----------------------------------------------------------------------------
def test_pad_empty_is_refused_by_name_and_says_so_in_both_languages():
    report, _ = _run("import numpy as np\na = np.pad(np.zeros(3), 2, mode='empty')\nprint(a)\n")
    _stopped(report, "unsupported", 2, "`np.pad(mode='empty')` is not supported in Autograd Lab: its padding "
                                       "would be uninitialised memory; use mode='constant'")
    assert report.printed == ""
    zh = error_text.message("zh", report.error)
    assert "未初始化" in zh and "not supported" not in zh, zh


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "wrap"])
def test_pad_other_modes_still_run_as_numpy(mode):
    _runs_as_python(f"import numpy as np\nprint(np.pad(np.arange(4.0), (2, 3), mode='{mode}'))\n")


# -- 2. np.add.at ------------------------------------------------------------------------------------------
def test_at_work_counts_a_sub_array_per_index():
    assert at_work((1, 5_000_000), np.zeros(2_000_000, dtype=int)) == AT_WRITE_WORK * 2_000_000 * 5_000_000
    assert at_work((10,), np.zeros(7, dtype=int)) == AT_WRITE_WORK * 7
    assert at_work((4, 3, 2), np.zeros((2, 5), dtype=int)) == AT_WRITE_WORK * 10 * 6
    assert at_work((), np.zeros(0, dtype=int)) == AT_WRITE_WORK   # (a bound: NumPy refuses it itself)


_AT = ("import numpy as np\na = np.zeros((2, 50))\ni = np.array([0, 1] * {half})\nnp.add.at(a, i, 1.5)\n"
       "print(a.sum(), a[1, :3])\n")


@pytest.mark.parametrize("half, refused", [(10, False), (11, True)])
def test_add_at_just_below_and_above_a_small_work_limit(half, refused):
    """2 * half indices, 50 writes each: 20 indices are 100 * 1,000 = 100,000 units; 22 are 110,000."""
    program = _AT.format(half=half)
    if refused:
        _refused_by_work(program, 4, "np.add.at of shape [2, 50] would take about 110,000 arithmetic steps "
                                     "in one call; the limit is 100,000 per call", max_call_work=100_000)
    else:
        _runs_as_python(program, max_call_work=100_000)


def test_add_at_on_a_1d_array_of_many_indices_stays_within_the_default_limit():
    _runs_as_python("import numpy as np\na = np.zeros(5)\nnp.add.at(a, np.arange(100_000) % 5, 1)\n"
                    "print(a)\n")


# -- 3. np.add.reduceat ------------------------------------------------------------------------------------
def _reduceat_brute(length: int, indices: list[int]) -> int:
    """The elements NumPy's reduceat loop visits, as its documentation says: indices[i]:indices[i + 1] when
    it increases, else the one element; the last index to the end."""
    total = 0
    for k, start in enumerate(indices):
        stop = indices[k + 1] if k + 1 < len(indices) else length
        total += stop - start if stop > start else 1
    return total


@pytest.mark.parametrize("seed", range(5))
def test_reduceat_work_is_the_slices_numpy_reduces(seed):
    rng = random.Random(seed)
    length = rng.randint(1, 60)
    indices = [rng.randrange(length) for _ in range(rng.randint(1, 30))]
    expected = _reduceat_brute(length, indices) + REDUCEAT_INDEX_WORK * len(indices)
    assert reduceat_work((length,), 0, np.array(indices)) == expected
    assert reduceat_work((3, length), 1, np.array(indices)) == 3 * expected
    assert reduceat_work((length, 4), -2, np.array(indices)) == 4 * expected


def test_reduceat_work_of_alternating_ends_is_a_pass_per_pair():
    indices = np.zeros(4_000_000, dtype=int)
    indices[1::2] = 4_999_999
    assert reduceat_work((5_000_000,), 0, indices) > 2_000_000 * 4_999_999


_REDUCEAT = ("import numpy as np\na = np.arange(100.0)\ni = np.array([0, 99] * {pairs})\n"
             "r = np.add.reduceat(a, i)\nprint(r.shape, r[:3])\n")


@pytest.mark.parametrize("pairs, refused", [(5, False), (6, True)])
def test_reduceat_just_below_and_above_a_small_work_limit(pairs, refused):
    """Each (0, 99) pair: 99 elements, then (99, 0): 1; the last 99 alone: 1 to the end; 10 units an index."""
    indices = [0, 99] * pairs
    work = _reduceat_brute(100, indices) + REDUCEAT_INDEX_WORK * len(indices)
    limit = _reduceat_brute(100, [0, 99] * 5) + REDUCEAT_INDEX_WORK * 10
    program = _REDUCEAT.format(pairs=pairs)
    if refused:
        _refused_by_work(program, 4, f"np.add.reduceat of shape [100] would take about {work:,} "
                                     f"arithmetic steps in one call; the limit is {limit:,} per call",
                         max_call_work=limit)
    else:
        _runs_as_python(program, max_call_work=limit)


# -- 4. np.argpartition ------------------------------------------------------------------------------------
_PARTITION = ("import numpy as np\na = np.arange(200.0)[::-1] % 37\np = np.argpartition(a, np.arange({k}))\n"
              "print(a[p][:{k}].tolist() == sorted(a.tolist())[:{k}], p.shape)\n")


@pytest.mark.parametrize("k, refused", [(150, False), (151, True)])
def test_argpartition_just_below_and_above_a_small_work_limit(k, refused):
    """200 values at 150 kth: 200 * 100 = 20,000 units; at 151: 20,200."""
    program = _PARTITION.format(k=k)
    if refused:
        _refused_by_work(program, 3, "np.argpartition at 151 kth's of 200 values would take about 20,200 "
                                     "arithmetic steps in one call; the limit is 20,000 per call",
                         max_call_work=20_000)
    else:
        _runs_as_python(program, max_call_work=20_000)


def test_argpartition_along_an_axis_counts_each_lane():
    program = ("import numpy as np\na = np.arange(600.0).reshape(3, 200)\n"
               "p = np.argpartition(a, np.arange(151), axis=1)\n")
    _refused_by_work(program, 3, "np.argpartition at 151 kth's of 600 values would take about 60,600 "
                                 "arithmetic steps", max_call_work=60_599)


# -- 5. percent formatting ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, args", [
    ("%((a)x)05d|", {"(a)x": 7}), ("%(a)s %(a)r %%", {"a": "q"}), ("%-*.*f|%%", (8, 2, 3.14159)),
    ("%((()))10s", {"(())": "z"}), ("%#x %+d % d %ld %hd", (255, 3, 4, 5, 6)), ("%.3s%3c", ("abcdef", "y")),
])
def test_directives_are_read_as_cpython_reads_them(fmt, args):
    """Each directive's text ends at its conversion; the widths found bound CPython's own text."""
    found = directives(fmt)
    rebuilt = [fmt[d.start:d.end] for d in found]
    assert all(piece.startswith("%") and piece.endswith(d.conversion)
               for piece, d in zip(rebuilt, found, strict=True))
    text = fmt % args
    widths = sum(int(part) for d in found for part in (d.width, d.precision) if part.isdigit())
    stars = sum(abs(a) for a in (args if isinstance(args, tuple) else ()) if type(a) is int)
    assert len(text) <= len(fmt) + widths + stars + sum(len(str(a)) for a in (
        args.values() if isinstance(args, dict) else args))


def test_a_nested_mapping_key_hides_no_width():
    found = directives("%((a)x)0999999999d")
    assert [(d.key, d.width, d.conversion) for d in found] == [("(a)x", "999999999", "d")]


_NESTED = "s = '%((a)x)0200d' % {'(a)x': 1}\nprint(len(s), s[-3:])\n"


@pytest.mark.parametrize("limit, refused", [(213, True), (214, False)])
def test_nested_key_width_is_refused_before_formatting(limit, refused):
    """12 characters of format + a width of 200 + 2 for the int: 214, the upper bound checked first (on
    5386460 this ran at 213, the width unseen: only the 200-character result was checked, once made)."""
    if refused:
        report, _ = _run(_NESTED, max_sequence_len=limit)
        _stopped(report, "limit", 1, f"the %-formatted string would have 214 items; the limit is {limit}")
    else:
        _runs_as_python(_NESTED, max_sequence_len=limit)


def test_objects_behind_nested_keys_format_as_python_does():
    _runs_as_python("class A:\n    def __repr__(self):\n        return 'A!'\n"
                    "print('%((k))8r|%(j)s' % {'(k)': A(), 'j': 3})\n")


# -- 6. cosine_similarity / pairwise_distance --------------------------------------------------------------
_PAIRWISE = ("import torch\nimport torch.nn.functional as F\nx = torch.arange(200.0).reshape(20, 1, 10)\n"
             "y = torch.arange(200.0).reshape(1, 20, 10) / 7\nprint({call}.sum().item())\n")


@pytest.mark.parametrize("call", ["F.cosine_similarity(x, y, dim=-1)",
                                  "torch.cosine_similarity(x, y, dim=-1)", "F.pairwise_distance(x, y)"])
def test_pairwise_broadcast_just_below_and_above_a_small_work_limit(call):
    """The (20, 20, 10) intermediate: 4,000 elements at 200 units each = 800,000."""
    program = _PAIRWISE.format(call=call)
    _runs_as_python(program, max_call_work=800_000)
    name = call.split("(")[0].replace("F.", "nn.functional.").replace("torch.", "")
    _refused_by_work(program, 5, f"{name} of shape [20, 1, 10], [1, 20, 10] would take about 800,000 "
                                 "arithmetic steps in one call; the limit is 799,999 per call",
                     max_call_work=799_999)


def test_cosine_similarity_of_equal_shapes_is_not_counted():
    _runs_as_python("import torch\nimport torch.nn.functional as F\nx = torch.arange(12.0).reshape(3, 4)\n"
                    "print(F.cosine_similarity(x, x + 1).tolist())\n", max_call_work=1)


# -- 7. slice comparisons ----------------------------------------------------------------------------------
_SLICES = "import torch\na = torch.ones(30, 1)\nb = torch.ones(1, 30)\nprint(slice(a) == slice(b))\n"


def test_slice_comparison_of_tensors_is_sized_first():
    report, _ = _run(_SLICES, max_tensor_elements=899)
    _stopped(report, "limit", 4, "result of eq would have 900 elements; the limit is 899")


def test_slice_comparison_within_the_limit_is_pytorchs_own_error():
    report, _ = _run(_SLICES, max_tensor_elements=900)
    assert report.error is not None and report.error.kind != "limit", report.error
    assert "ambiguous" in report.error.message


def test_slices_of_numbers_compare_as_python_does():
    _runs_as_python("print(slice(1, 3) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(None) != slice(0))\n")


# -- 8. math.comb / math.perm of a huge n ------------------------------------------------------------------
@pytest.mark.parametrize("n, k", [(2**45, 90), (2**45, 2**45 - 90), (2**80, 3), (2**100, 2**100 - 40),
                                  (10**15, 250), (500, 250), (2**41, 2**20)])
def test_comb_and_perm_bits_bound_the_exact_length_closely(n, k):
    m = min(k, n - k)
    if m <= 300:
        exact = math.comb(n, k).bit_length()
        assert exact <= _bits("comb", (n, k)) <= exact + 4
    if k <= 300:
        exact = math.perm(n, k).bit_length()
        assert exact <= _bits("perm", (n, k)) <= exact + 4
    assert _bits("comb", (n, k)) >= 0 and _bits("perm", (n, k)) >= 0


@pytest.mark.parametrize("args", [(2**100, 2**22), (2**100, 2**20), (2**60, 2**24), (2**2000, 2**1000),
                                  (2**4000, 5)])
def test_huge_comb_and_perm_are_over_the_limit_without_computing(args):
    """5386460 estimated comb(2**100, 2**22) at -86,223,597 bits (a difference of two lgammas of ~7e31)."""
    assert _bits("comb", args) > 5000 and _bits("perm", args) > 5000


def test_huge_comb_is_a_limit_naming_the_function():
    report, _ = _run("import math\ntry:\n    x = math.comb(2**2000, 2**1000)\nexcept Exception:\n    x = 0\n")
    _stopped(report, "limit", 3, "math.comb() would be an integer of about")


def test_small_comb_and_perm_still_run_as_python():
    _runs_as_python("import math\nprint(math.comb(2**45, 90) % 1000003, math.perm(2**80, 3), "
                    "math.comb(50, 25))\n")


# -- 9. itertools.tee's iterators --------------------------------------------------------------------------
_TEE = "import itertools\nprint([list(t) for t in itertools.tee(iter([1, 2]), {n})][-3:])\n"


@pytest.mark.parametrize("n, refused", [(11, False), (16, True)])
def test_tee_counts_its_iterators_in_the_runs_total(n, refused):
    """5386460: tee([1], 99999) a hundred times held ~550 MB (804 MB peak) before the time limit stopped it;
    each iterator now counts TEE_ITEM_WEIGHT (32) items: 11 are 352 (+ the lists and the text), 16 are 512."""
    if refused:
        report, _ = _run(_TEE.format(n=n), max_total_sequence_items=500)
        _stopped(report, "limit", 2, "the program built more than 500 list and string items in all (the "
                                     "tuple of itertools.tee())")
    else:
        _runs_as_python(_TEE.format(n=n), max_total_sequence_items=500)


# -- 10. Binomial / Multinomial entropy --------------------------------------------------------------------
_ENTROPY = ("import torch\nd = torch.distributions.{kind}\nprint(d.entropy())\n")


@pytest.mark.parametrize("kind, elements", [
    ("Binomial(total_count=99, probs=torch.full((7,), 0.3))", 700),
    ("Binomial(total_count=torch.tensor([49.0, 49.0]), probs=torch.tensor([0.2, 0.6]))", 100),
    ("Multinomial(total_count=39, probs=torch.tensor([0.2, 0.3, 0.5]))", 120),
])
def test_entropy_support_just_below_and_above_the_element_limit(kind, elements):
    """5386460: Binomial(total_count=4_000_000, probs over a batch of 12).entropy() ran past the hard stop
    (10 s; a batch of 100 asked for 1.6 GB): it enumerates total_count + 1 values per count."""
    program = _ENTROPY.format(kind=kind)
    _runs_as_python(program, max_tensor_elements=elements)
    report, _ = _run(program, max_tensor_elements=elements - 1)
    _stopped(report, "limit", 3, f"entropy would have {elements:,} elements; the limit is {elements - 1:,}")


def test_closed_form_entropies_are_not_counted_by_support():
    _runs_as_python("import torch\nimport torch.distributions as D\n"
                    "print(D.Geometric(probs=torch.tensor([0.3, 0.5])).entropy(), "
                    "D.Bernoulli(probs=torch.tensor(0.25)).entropy())\n", max_tensor_elements=3)


# -- 11. log_prob's broadcast ------------------------------------------------------------------------------
@pytest.mark.parametrize("dist, value, elements", [
    ("Normal(torch.zeros(1, 30), 1.0)", "torch.linspace(-1, 1, 30).reshape(30, 1)", 900),
    ("Laplace(torch.zeros(40, 1), 2.0)", "torch.linspace(-1, 1, 20)", 800),
    ("Poisson(torch.full((1, 25), 3.0))", "torch.arange(25.0).reshape(25, 1)", 625),
])
def test_log_prob_broadcast_just_below_and_above_the_element_limit(dist, value, elements):
    """5386460: Normal over (1, 40000) at a (40000, 1) value asked torch's allocator for 6.4 GB; over
    (1, 3000) at (3000, 1) it made 9,000,000 elements (the limit 5,000,000)."""
    program = f"import torch\nd = torch.distributions.{dist}\nprint(d.log_prob({value}))\n"
    _runs_as_python(program, max_tensor_elements=elements)
    report, _ = _run(program, max_tensor_elements=elements - 1)
    _stopped(report, "limit", 3, f"log_prob would have {elements:,} elements; the limit is {elements - 1:,}")


@pytest.mark.parametrize("dist, value", [
    ("Multinomial(10, probs=torch.tensor([0.2, 0.3, 0.5]))", "torch.tensor([[2.0, 3.0, 5.0]] * 5)"),
    ("Categorical(probs=torch.tensor([[0.2, 0.3, 0.5]] * 2))", "torch.tensor([[0], [2], [1]])"),
    ("Binomial(5, probs=torch.tensor([0.2, 0.7]))", "torch.tensor([[1.0], [4.0]])"),
])
def test_log_prob_of_event_and_categorical_shapes_runs_as_pytorch(dist, value):
    _runs_as_python(f"import torch\nd = torch.distributions.{dist}\nprint(d.log_prob({value}))\n")


# -- 12. a tensor compared with a numpy array inside a container -------------------------------------------
@pytest.mark.parametrize("compare", ["[a] == [b]", "[b] == [a]", "a in [b]", "[b].count(a)"])
def test_tensor_against_array_in_containers_is_sized_first(compare):
    """5386460: `[t] == [a]` of a (3000, 1) tensor and a (1, 3000) array made 9,000,000 bools unchecked
    (torch reads the array: the guard sized tensor pairs only); (5,000,000, 1) against (1, 5,000,000) asked
    torch's allocator for 25e12 bytes."""
    program = (f"import torch\nimport numpy as np\na = torch.zeros(30, 1)\nb = np.zeros((1, 30))\n"
               f"print({compare})\n")
    report, _ = _run(program, max_tensor_elements=899)
    _stopped(report, "limit", 5, "result of eq would have 900 elements; the limit is 899")
    report, _ = _run(program, max_tensor_elements=900)   # within it: PyTorch's own "ambiguous" error
    assert report.error is not None and report.error.kind != "limit", report.error
    assert "ambiguous" in report.error.message


def test_one_element_tensor_and_array_in_a_list_compare_as_python_does():
    _runs_as_python("import torch\nimport numpy as np\nprint([torch.tensor([2.0])] == [np.array([2.0])], "
                    "torch.tensor(1.0) in [np.array(0.0), np.array(1.0)])\n")


# -- 13. float16 / bfloat16 products ----------------------------------------------------------------------
_HALF = ("import torch\nimport torch.nn.functional as F\n"
         "a = (torch.arange(200.0).reshape(10, 20) / 50).to({dtype})\n"
         "b = (torch.arange(600.0).reshape(20, 30) / 300).to({dtype})\nprint({call})\n")


@pytest.mark.parametrize("dtype", ["torch.float16", "torch.bfloat16"])
@pytest.mark.parametrize("call", ["a @ b", "torch.matmul(a, b)", "a.mm(b)", "torch.mm(a, b)",
                                  "F.linear(a, b.T)", "torch.inner(a, b.T)",
                                  "torch.addmm(torch.zeros(10, 30, dtype=a.dtype), a, b)"])
def test_half_products_just_below_and_above_a_small_work_limit(call, dtype):
    """5386460: 2236 x 2236 @ 2236 x 2236 in float16 ran past the hard stop (one CPU: 1.67 s per 1e9
    multiply-adds, float32 0.085 s); now 300 results x 20 multiply-adds x HALF_WEIGHT (20) / 16 = 7,500."""
    program = _HALF.format(dtype=dtype, call=call)
    _runs_as_python(program, max_call_work=7_500)
    report, _ = _run(program, max_call_work=7_499)
    _stopped(report, "limit", 5, "would take about 7,500 arithmetic steps in one call; the limit is 7,499")


def test_float32_products_are_left_to_the_element_limits():
    _runs_as_python(_HALF.format(dtype="torch.float32", call="(a @ b).sum().item()"), max_call_work=1)


def test_half_matmul_in_place_is_checked_too():
    """100 results x 10 multiply-adds x 20 / 16 = 1,250."""
    program = ("import torch\na = torch.ones(10, 10, dtype=torch.float16)\n"
               "b = torch.ones(10, 10, dtype=torch.float16)\nb @= a\nprint(b[0, :3])\n")
    _runs_as_python(program, max_call_work=1_250)
    report, _ = _run(program, max_call_work=1_249)
    _stopped(report, "limit", 4, "matmul of shape [10, 10], [10, 10] would take about 1,250 arithmetic steps")


@pytest.mark.parametrize("call", ["torch.einsum('ij,jk->ik', a, b)", "torch.tensordot(a, b, 1)",
                                  "F.conv1d(a[None], torch.ones(4, 10, 3, dtype=a.dtype))"])
def test_half_contractions_and_convolutions_count_their_dtype(call):
    program = _HALF.format(dtype="torch.float16", call=call)
    _runs_as_python(program)
    report, _ = _run(program, max_call_work=100)
    _stopped(report, "limit", 5, "arithmetic steps in one call; the limit is 100 per call")


@pytest.mark.parametrize("dtype, work", [("torch.int64", 18_000), ("torch.complex128", 3_000),
                                         ("torch.complex64", 1_500), ("torch.int32", 1_500)])
@pytest.mark.parametrize("call", ["a @ b", "torch.mm(a, b)", "torch.einsum('ij,jk->ik', a, b)",
                                  "torch.tensordot(a, b, dims=([1], [0]))"])
def test_slow_dtype_products_just_below_and_above_a_small_work_limit(dtype, work, call):
    """5386460: torch.arange(2236 * 2236).reshape(2236, 2236) @ itself (int64: 3.5 s per 1e9 multiply-adds
    on one CPU) ran past the hard stop, complex128 5.0 s; 6,000 multiply-adds here, x 48 / 8 / 4 / 4 over
    16 (PRODUCT_SPEEDUP)."""
    program = _HALF.format(dtype=dtype, call=call).replace(" / 50)", " // 7)").replace(" / 300)", " // 11)")
    if "complex" in dtype:
        program = _HALF.format(dtype=dtype, call=call)
    _runs_as_python(program, max_call_work=work)
    report, _ = _run(program, max_call_work=work - 1)
    _stopped(report, "limit", 5, f"would take about {work:,} arithmetic steps in one call; the limit is "
                                 f"{work - 1:,}")


def test_float64_products_stay_with_the_element_limits():
    _runs_as_python(_HALF.format(dtype="torch.float64", call="(a @ b).sum().item()"), max_call_work=1)


# -- 14. NumPy products of slow dtypes ---------------------------------------------------------------------
_NP = ("import numpy as np\na = (np.arange(200).reshape(10, 20) % 7).astype(np.{dtype})\n"
       "b = (np.arange(600).reshape(20, 30) % 5).astype(np.{dtype})\nprint({call})\n")


@pytest.mark.parametrize("dtype, work", [("int64", 6_000), ("int32", 6_000), ("uint8", 6_000),
                                         ("complex128", 3_000), ("float16", 48_000)])
@pytest.mark.parametrize("call", ["a @ b", "np.matmul(a, b)", "np.dot(a, b)", "a.dot(b)", "np.inner(a, b.T)",
                                  "np.tensordot(a, b, 1)"])
def test_numpy_slow_dtype_products_just_below_and_above_a_small_work_limit(dtype, work, call):
    """5386460: np.ones((2236, 2236), dtype=np.int64) @ itself (NumPy's int loops: ~0.9-1.2 s per 1e9
    multiply-adds, float16 7.75 s; BLAS float64 0.19) ran past the hard stop, as np.dot, np.matmul,
    np.inner and np.tensordot did; 6,000 multiply-adds x 16 (ints) / 8 (complex) / 128 (float16) over 16."""
    program = _NP.format(dtype=dtype, call=call)
    _runs_as_python(program, max_call_work=work)
    report, _ = _run(program, max_call_work=work - 1)
    _stopped(report, "limit", 4, f"would take about {work:,} arithmetic steps in one call; the limit is "
                                 f"{work - 1:,}")


def test_numpy_float64_products_stay_with_the_element_limits():
    call = "(a @ b).sum(), np.dot(a, b)[0, 0], np.inner(a, b.T)[1, 1]"
    _runs_as_python(_NP.format(dtype="float64", call=call), max_call_work=1)
