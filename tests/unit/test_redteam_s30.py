"""Red team, session 30: single PyTorch calls whose work the size checks did not see, and the comparisons
CPython makes by itself inside containers, tried as a hostile student would (d86bf28 as noted; measured
through the sandbox CLI, `python3 -m autogradlab run --json`, on this loaded 2-core machine).

Findings, each fixed (the refusals below ran on d86bf28 as noted):
1. torch.bilinear (the torch.* name; F.bilinear was checked) had no work check: bilinear of (10000, 100),
   (10000, 100) and a (500, 100, 100) weight, each within the element limit, ran 9.7 s in one call (the
   sandbox's hard stop at 5 s killed the worker); now refused by max_call_work as F.bilinear is;
2. torch.addbmm / x.addbmm adds one product per matrix of the batch into a result of at most the element
   limit: a batch of 2,236 rank-1 products into 2236 x 2236 (each operand 5M elements) ran past the hard
   stop (~10 s); its work (batch x result elements, plus the multiply-adds) is now checked first;
3. index_fill / index_fill_ write one slice per index, repeats too: x of (1, 5,000,000) filled at
   5,000,000 zeros is 2.5e13 writes in one call (killed at the hard stop; did not end in 60 s with
   --timeout 60); now index count x slice size is checked by max_call_work;
4. `x[idx] = v` on a tensor with an integer tensor or list index was not sized (a read `x[idx]` was): the
   same (1, 5,000,000) tensor at 5,000,000 zeros did not end in 60 s, x[[0] * 100000] = 1 on (1, 2M) ran
   past the hard stop; `x[range(10**12)] = 1` made PyTorch list the range (killed at the hard stop). The
   write is now sized as the read would be ("index assignment", as NumPy's writes already were), and a
   range index is checked first, as in a read;
5. comparisons CPython makes item by item: `[a] == [b]`, `a in [b]`, `[b].count(a)` / index / remove,
   `max(a, b)`, tuple / dict / deque / namedtuple / OrderedDict equality and `a in b` of two tensors called
   Tensor.__eq__ (gt, __contains__) unchecked: a (5,000,000, 1) and a (1, 5,000,000) tensor tried to
   allocate 25,000,000,000,000 bytes and the message was torch's allocator text with its C++ file name
   ("[enforce fail at alloc_cpu.cpp:127] ... DefaultCPUAllocator"); shapes that fit were computed in full
   before the "ambiguous" error; numpy arrays in lists (SafeArray.__eq__) alike. Each comparison is now
   sized first (lang/compare_guard.py: a TorchFunctionMode around those C-level comparisons);
6. torch.allclose, torch.dist (x.allclose, x.dist) and F.mse_loss / l1_loss / smooth_l1_loss / huber_loss /
   kl_div broadcast their two tensors inside one call and answer one number, so the result's size said
   nothing: (40000, 1) against (1, 40000) asked for 1.6-6.4 GB before the memory error, (3000, 1) against
   (1, 3000) made a 9M-element intermediate unchecked; the intermediate is now counted by max_call_work
   (200 units an element: refused where a result of that size would be) when it outgrows both tensors.
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import LEAKS
from tests.unit.breakout_helpers import same_as_python as _same_as_python
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run

WITHIN = DEFAULT_LIMITS.timeout_s


def _refused_by_work(program: str, line: int, text: str, **limits: int) -> None:
    report, took = _run(program, **limits)
    _stopped(report, "limit", line, text)
    assert took < WITHIN
    assert "max_call_work" in (report.error.hint or "")
    zh = error_text.message("zh", report.error)
    assert "would take" not in zh and "arithmetic" not in zh, zh


def _refused_by_size(program: str, line: int, text: str, **limits: int) -> None:
    report, took = _run(program, **limits)
    _stopped(report, "limit", line, text)
    assert took < WITHIN
    assert not LEAKS.findall(report.error.message), report.error.message
    zh = error_text.message("zh", report.error)
    assert "would have" not in zh and "elements" not in zh, zh


# -- 1. torch.bilinear ---------------------------------------------------------------------------------
def test_torch_bilinear_is_refused_by_its_work_as_f_bilinear_is():
    """d86bf28: 9.7 s in one call, each operand within the element limit."""
    program = ("import torch\nprint(torch.bilinear(torch.ones(10000, 100), torch.ones(10000, 100), "
               "torch.ones(500, 100, 100)).shape)\n")
    _refused_by_work(program, 2, "bilinear of shape [10000, 100], [10000, 100], [500, 100, 100] would take "
                                 "about 3,125,000,000 arithmetic steps in one call")


@pytest.mark.parametrize("call, refused", [("torch.bilinear(a, a, w)", True), ("F.bilinear(a, a, w)", True),
                                           ("torch.bilinear(a, a, w[:31])", False)])
def test_bilinear_just_above_and_below_a_small_work_limit(call, refused):
    """(1000 rows) x (32 x 100 x 100 weight) / 16 = 2e7 units; 31 outputs: 1.94e7."""
    program = ("import torch\nimport torch.nn.functional as F\na = torch.ones(1000, 100)\n"
               f"w = torch.ones(32, 100, 100)\nprint({call}.shape)\n")
    report, _ = _run(program, max_call_work=19_500_000)
    if refused:
        _stopped(report, "limit", 5, "bilinear of shape [1000, 100], [1000, 100], [32, 100, 100]")
    else:
        assert report.error is None and report.printed == "torch.Size([1000, 31])\n", report.error


def test_torch_bilinear_of_lesson_sizes_is_pytorchs():
    _same_as_python("import torch\ntorch.manual_seed(0)\nx1, x2 = torch.randn(4, 3), torch.randn(4, 2)\n"
                    "w, b = torch.randn(5, 3, 2), torch.randn(5)\nprint(torch.bilinear(x1, x2, w, b))\n"
                    "print(torch.bilinear(x1, x2, w).sum(), torch.bilinear(x1[0], x2[0], w).shape)\n")


# -- 2. addbmm ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("call", ["torch.addbmm(M, b1, b2)", "M.addbmm(b1, b2)",
                                  "torch.addbmm(M, batch1=b1, batch2=b2, beta=0.5)"])
def test_addbmm_of_a_batch_of_rank_one_products_is_refused_by_its_work(call):
    """d86bf28: batch 2,236 of (2236 x 1) @ (1 x 2236) into 2236 x 2236 ran past the sandbox's 5 s hard
    stop (~10 s); here a batch of 250 (0.65 s unchecked) is already past max_call_work."""
    program = ("import torch\nM = torch.zeros(2236, 2236)\nb1, b2 = torch.ones(250, 2236, 1), "
               f"torch.ones(250, 1, 2236)\nprint({call}.shape)\n")
    _refused_by_work(program, 4, "addbmm of shape [2236, 2236], [250, 2236, 1], [250, 1, 2236] would take "
                                 "about 1,328,044,250 arithmetic steps in one call")


@pytest.mark.parametrize("batch, refused", [(100, False), (200, True)])
def test_addbmm_just_below_and_above_a_small_work_limit(batch, refused):
    """batch x 100 x 100 + batch x 100 x 100 / 16: 1,062,500 for 100, 2,125,000 for 200."""
    program = (f"import torch\nx = torch.addbmm(torch.zeros(100, 100), torch.ones({batch}, 100, 1), "
               f"torch.ones({batch}, 1, 100))\nprint(x[0, 0])\n")
    report, _ = _run(program, max_call_work=2_000_000)
    if refused:
        _stopped(report, "limit", 2, "addbmm of shape")
    else:
        assert report.error is None and report.printed == "tensor(100.)\n", report.error


def test_addbmm_and_baddbmm_of_lesson_sizes_are_pytorchs():
    _same_as_python("import torch\ntorch.manual_seed(1)\nM = torch.randn(3, 5)\n"
                    "b1, b2 = torch.randn(4, 3, 2), torch.randn(4, 2, 5)\nprint(torch.addbmm(M, b1, b2))\n"
                    "print(M.addbmm(b1, b2, beta=0.5, alpha=2))\n"
                    "print(torch.baddbmm(torch.zeros(4, 3, 5), b1, b2).sum(0))\n")


# -- 3. index_fill with repeated indices ----------------------------------------------------------------
@pytest.mark.parametrize("call", ["x.index_fill(0, i, 1.0).sum()", "torch.index_fill(x, 0, i, 1.0)",
                                  "x.index_fill_(dim=0, index=i, value=1.0)"])
def test_index_fill_of_a_repeated_index_is_refused_by_its_writes(call):
    """d86bf28: 5,000,000 zeros into (1, 5,000,000): killed at the hard stop, > 60 s with --timeout 60;
    here 2,000 zeros (2e9 writes, ~2 s unchecked) are past max_call_work."""
    program = ("import torch\nx = torch.zeros(1, 1000000)\ni = torch.zeros(2000, dtype=torch.long)\n"
               f"print({call})\n")
    name = "index_fill_" if "fill_" in call else "index_fill"
    _refused_by_work(program, 4, f"{name} of shape [1, 1000000], [2000] would take about 2,000,000,000 "
                                    "arithmetic steps in one call")


@pytest.mark.parametrize("count, refused", [(1000, False), (1001, True)])
def test_index_fill_just_at_and_above_a_small_work_limit(count, refused):
    program = (f"import torch\nx = torch.zeros(4, 1000)\ni = torch.zeros({count}, dtype=torch.long)\n"
               "print(x.index_fill(0, i, 2.0).sum())\n")
    report, _ = _run(program, max_call_work=1_000_000)
    if refused:
        _stopped(report, "limit", 4, "index_fill of shape [4, 1000], [1001] would take about 1,001,000")
    else:
        assert report.error is None and report.printed == "tensor(2000.)\n", report.error


def test_index_fill_of_lesson_sizes_is_pytorchs():
    _same_as_python("import torch\nx = torch.arange(12.).reshape(3, 4)\n"
                    "print(x.index_fill(1, torch.tensor([0, 2, 2]), -1.0))\n"
                    "print(torch.index_fill(x, -2, torch.tensor([1]), 5.0))\n"
                    "print(x.index_fill_(0, torch.tensor(2), 7.0), x)\n"
                    "print(torch.tensor(3.).index_fill(0, torch.tensor([0, 0]), 1.0))\n"
                    "try:\n    x.index_fill(2, torch.tensor([0]), 1.0)\n"
                    "except IndexError:\n    print('IE')\n")


# -- 4. tensor writes at an integer index --------------------------------------------------------------
@pytest.mark.parametrize("write, count", [
    ("x[i] = 1.0", "60,000,000"), ("x[i, :] = 1.0", "60,000,000"), ("x[[0] * 60] = 1.0", "60,000,000"),
    ("x[i.tolist()] = torch.ones(1000000)", "60,000,000"), ("x[i] += 1", "60,000,000"),
])
def test_a_tensor_write_at_a_repeated_index_is_refused_as_its_read(write, count):
    """d86bf28: x[i] = 1 of 5,000,000 zeros into (1, 5,000,000) did not end in 60 s; x[[0] * 100000] = 1 of
    (1, 2,000,000) ran past the hard stop. Here 60 zeros into (1, 1,000,000) (60M writes)."""
    program = ("import torch\nx = torch.zeros(1, 1000000)\ni = torch.zeros(60, dtype=torch.long)\n"
               f"{write}\nprint(x.sum())\n")
    kind = "indexing" if "+=" in write else "index assignment"
    _refused_by_size(program, 4, f"result of {kind} would have {count} elements; the limit is 5,000,000")


def test_a_tensor_write_at_a_huge_range_is_refused_before_pytorch_lists_it():
    """d86bf28: PyTorch turned range(10**12) into an index tensor (killed at the hard stop)."""
    _refused_by_size("import torch\nx = torch.zeros(3)\nx[range(10**12)] = 1\n", 3,
                     "result of the range used as an index would have 1,000,000,000,000 elements")


def test_tensor_writes_at_lesson_indices_are_pytorchs():
    _same_as_python("import torch\nx = torch.zeros(4, 3)\nx[torch.tensor([0, 2, 2])] = 1.0\n"
                    "x[[1, 3], 0] = 7.0\nx[x > 5] = 6.0\nx[range(2), range(2)] = -1.0\n"
                    "x[torch.tensor(3)] = 9.0\n"
                    "x[torch.tensor([[0], [1]]), torch.tensor([2, 1])] = torch.tensor([4.0, 5.0])\nprint(x)\n"
                    "y = torch.zeros(5)\ny[[4, 4, 0]] += 1\ny[range(1, 3)] = 2\nprint(y)\n"
                    "try:\n    y[torch.tensor([9])] = 1\nexcept IndexError:\n    print('IE')\n")


# -- 5. comparisons CPython makes inside containers ---------------------------------------------------
PAIR = "import torch\na = torch.ones(3000, 1)\nb = torch.ones(1, 3000)\n"
NP_PAIR = "import numpy as np\na = np.ones((3000, 1))\nb = np.ones((1, 3000))\n"


@pytest.mark.parametrize("setup, statement, name", [
    (PAIR, "print([a] == [b])", "eq"), (PAIR, "print([a] != [b])", "eq"), (PAIR, "print((a,) == (b,))", "eq"),
    (PAIR, "print({'k': a} == {'k': b})", "eq"), (PAIR, "print(a in [b])", "eq"),
    (PAIR, "print(a not in (b,))", "eq"), (PAIR, "print([b].count(a))", "eq"),
    (PAIR, "print([b].index(a))", "eq"), (PAIR, "L = [b]\nL.remove(a)", "eq"),
    (PAIR, "print(max(a, b))", "gt"), (PAIR, "print(min([a, b]))", "lt"),
    (PAIR, "print(a.sum() != 0 and {'k': a} != {'k': b})", "eq"),
    (PAIR, "print(a in b)", "in"), (PAIR, "print([[a]] < [[b]])", "eq"),
    (PAIR + "import collections\n", "print(collections.deque([a]) == collections.deque([b]))", "eq"),
    (PAIR + "import collections\n", "print(collections.deque([b]).count(a))", "eq"),
    (PAIR + "import collections\nP = collections.namedtuple('P', 'v')\n", "print(P(a) == P(b))", "eq"),
    (PAIR + "import collections\n", "print(collections.OrderedDict(k=a) == collections.OrderedDict(k=b))",
     "eq"),
    (PAIR, "d = {'k': a}\nprint(b in d.values())", "eq"),
    (NP_PAIR, "print([a] == [b])", "eq"), (NP_PAIR, "print([b].count(a))", "eq"),
    (NP_PAIR, "print([b] != [a])", "eq"), (NP_PAIR, "print(a != b if False else [a] < [b])", "eq"),
])
def test_a_broadcasting_comparison_inside_a_container_is_sized_first(setup, statement, name):
    """d86bf28: (5,000,000, 1) against (1, 5,000,000) tried to allocate 25e12 bytes and said torch's
    allocator text with its C++ file name; here (3000, 1) against (1, 3000) (9M results, computed in full
    before the "ambiguous" error) is past the element limit."""
    program = setup + statement + "\n"
    line = setup.count("\n") + statement.count("\n") + 1
    _refused_by_size(program, line, f"result of {name} would have 9,000,000 elements; the limit is 5,000,000")


COMPARED = """import torch
import numpy as np
import collections
a = torch.ones(3, 1)
b = torch.tensor([1.0])
c = torch.tensor([2.0])
print([b] == [b], [b] == [c], [b] != [c], (b, 1) == (c, 1), [b, 1] < [c, 2], c in [b, c], b in (c,))
print([c, b, c].count(c), [c, b].index(b), max(torch.tensor(2.0), torch.tensor(3.0)), min([c, b]))
print(torch.tensor(1.) in a, 5 in a, {'k': b} == {'k': c}, collections.deque([b, c]).count(b))
P = collections.namedtuple('P', 'v')
print(P(b) == P(b.clone()), collections.OrderedDict(k=b) == collections.OrderedDict(k=b + 0))
print(b in {'k': c}.values())
L = [c, b]
L.remove(b)
print(L, [np.array([1.0])].count(np.array(1.0)), [np.array([1]), np.array([2])].index(np.array([2])))
for left, right in [(a, b), (a, torch.ones(1, 3)), (np.ones((2, 1)), np.ones((1, 2))), (a, torch.ones(2))]:
    tensors = isinstance(left, torch.Tensor)
    for make in (lambda: [left] == [right], lambda: [right].count(left), lambda: (left,) < (right,),
                 lambda: left in [right] if tensors else 0, lambda: max(left, right) if tensors else 0):
        try:
            print(make())
        except (RuntimeError, ValueError) as e:
            print(type(e).__name__, e)
"""


def test_comparisons_inside_containers_of_lesson_sizes_are_pythons():
    """Values, identity shortcuts, and the "ambiguous" / shape errors, as CPython with torch and numpy."""
    _same_as_python(COMPARED)


# -- 6. one-number calls that broadcast inside -----------------------------------------------------------
@pytest.mark.parametrize("call, name", [
    ("torch.allclose(a, b)", "allclose"), ("torch.dist(a, b)", "dist"), ("a.dist(b, 3)", "dist"),
    ("a.allclose(b)", "allclose"), ("F.mse_loss(a, b)", "nn.functional.mse_loss"),
    ("F.l1_loss(a, b, reduction='sum')", "nn.functional.l1_loss"),
    ("F.smooth_l1_loss(a, b)", "nn.functional.smooth_l1_loss"),
    ("F.huber_loss(a, b)", "nn.functional.huber_loss"),
    ("F.kl_div(a, b, reduction='sum')", "nn.functional.kl_div"),
])
def test_a_one_number_call_broadcasting_inside_is_refused_by_its_intermediate(call, name):
    """d86bf28: (40000, 1) against (1, 40000) asked for 1.6-6.4 GB before the memory error; (3000, 1)
    against (1, 3000) made a 9M-element intermediate, past the element limit, unchecked."""
    program = ("import torch\nimport torch.nn.functional as F\na = torch.ones(3000, 1)\n"
               f"b = torch.ones(1, 3000)\nprint({call})\n")
    _refused_by_work(program, 5, f"{name} of shape [3000, 1], [1, 3000] would take about 1,800,000,000 "
                                 "arithmetic steps in one call")


def test_one_number_calls_of_lesson_shapes_are_pytorchs():
    """Same shapes and a broadcast no larger than an operand cost nothing here."""
    _same_as_python("import torch\nimport torch.nn.functional as F\ntorch.manual_seed(2)\n"
                    "a, b = torch.randn(50, 3), torch.randn(50, 3)\nc = torch.randn(3)\n"
                    "print(torch.allclose(a, a + 1e-9), torch.dist(a, b), a.dist(c, 1), F.mse_loss(a, b))\n"
                    "print(F.l1_loss(a, b), F.smooth_l1_loss(a, b, beta=0.5))\n"
                    "print(F.huber_loss(a, b, delta=2.0), a.allclose(b))\n"
                    "print(F.kl_div(F.log_softmax(a, 1), F.softmax(b, 1), reduction='batchmean'))\n")


def test_comparisons_inside_containers_under_torch_func_transforms_are_pytorchs():
    """The sizing mode (compare_guard.py) stacks with functorch's grad and vmap."""
    _same_as_python("import torch\nfrom torch.func import grad, vmap\ndef f(x):\n"
                    "    if [x.sum().detach()] == [x.sum().detach()]:\n        return (x ** 2).sum()\n"
                    "    return x.sum()\nprint(grad(f)(torch.tensor([1.0, 2.0])))\ndef g(x):\n"
                    "    L = [torch.tensor(1.0), torch.tensor(2.0)]\n"
                    "    return x * L.count(torch.tensor(2.0))\n"
                    "print(vmap(g)(torch.tensor([1.0, 2.0])), max(torch.tensor(1.0), torch.tensor(4.0)))\n")
