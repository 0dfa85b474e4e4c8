"""Session 19's breadth (issue 9, part 2): CS231n's NumPy (integer-array and boolean-mask indexing,
np.full/eye/identity/empty/*_like/tile/reshape) and `import time` (UvA DL tutorial 2, d2l's Timer,
Dive-into-DL-PyTorch 3.1). Real NumPy / Python is the oracle; every result is sized before NumPy
allocates, just below and just above each limit; NumPy's own errors come back in its words."""

from __future__ import annotations

import time

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

N = "import numpy as np\n"
SNIPPETS = {
    "integer_arrays": N + """a = np.array([[1, 2], [3, 4], [5, 6]])
r1 = a[[0, 1, 2], [0, 1, 0]]
r2 = a[[0, 0], [1, 1]]
r3 = a[np.array([0, 2])]
r4 = a[[-1, 0]]
r5 = a[[[0], [2]], [1, 0]]
r6 = a[:, [1, 0, 1]]
r7 = a[None, [0, 1]]
r8 = a[[]]
r9 = a[..., np.array([1])]
r10 = a[range(2), (1, 0)]
r11 = a[(0, 0, 2), :]
r12 = a[[True, 1]]
print(r1, r2, r3, r4, r5, r6, r7, r8, r9, r8.shape, r10, r11, r12)
""",
    "integer_array_writes": N + """a = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
b = np.array([0, 2, 0, 1])
print(a[np.arange(4), b])
a[np.arange(4), b] += 10
a[[0, 1], [2, 2]] = np.array([-1, -2])
a[np.array([3]), :] *= 2
print(a)
""",
    "boolean_masks": N + """a = np.array([[1, 2], [3, 4], [5, 6]])
bool_idx = (a > 2)
m1 = a[bool_idx]
m2 = a[a > 2]
m3 = a[np.array([True, False, True])]
m4 = a[np.array([True, False, True]), 1]
m5 = a[:, np.array([False, True])]
m6 = a[True]
m7 = a[False]
m8 = a[[True, False, True]]
a[a > 4] = 0
a[a % 2 == 1] = np.array([7, 9])
print(m1, m2, m3, m4, m5, m6.shape, m7.shape, m8, a)
""",
    "makers": N + """c = np.full((2, 2), 7)
c2 = np.full(3, 2.5, dtype=np.float32)
c3 = np.full((2, 3), np.array([1, 2, 3]))
d = np.eye(2)
d2 = np.eye(2, 3, k=1, dtype=int)
d3 = np.eye(3, M=2, k=-1)
i = np.identity(3, dtype=np.int64)
e = np.empty((2, 3))
e2 = np.empty(4, dtype=np.int32)
x = np.array([[1, 2, 3], [4, 5, 6]])
z = np.zeros_like(x)
o = np.ones_like(x, dtype=float)
f = np.full_like(x, 9)
f2 = np.full_like(x, 0.5)
el = np.empty_like(x)
print(c, c2, c3, d, d2, d3, i, e, e2, z, o, f, f2, el)
""",
    "tile_reshape": N + """v = np.array([1, 0, 1])
vv = np.tile(v, (4, 1))
t2 = np.tile(v, 2)
t3 = np.tile(np.eye(2), (2, 1, 2))
t4 = np.tile(5, 3)
t5 = np.tile(v, ())
w = np.array([4, 5])
outer = np.reshape(v, (3, 1)) * w
col = np.reshape(w, (2, 1))
flat = np.reshape(vv, -1)
kw = np.reshape(vv, shape=(3, 4))
print(vv, t2, t3.shape, t4, t5, outer, col, flat, kw)
""",
    "clocks": """import time
from time import time as now, perf_counter, monotonic_ns
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
c0 = time.process_time()
n0 = time.time_ns()
total = sum(range(10000))
elapsed = time.time() - t0
forward = time.perf_counter() >= p0 and time.monotonic() >= m0 and time.process_time() >= c0
later = now() >= t0 and perf_counter() >= p0 and time.perf_counter_ns() > 0 and monotonic_ns() > 0
kinds = [isinstance(v, float) for v in (t0, p0, m0, c0, n0, time.process_time_ns())]
print(elapsed >= 0, forward, later, kinds, total, f"{elapsed:.0f}")
""",
}
CLOCK_VALUES = ("t0", "p0", "m0", "c0", "n0", "elapsed")


@pytest.mark.parametrize("name", sorted(set(SNIPPETS) - {"clocks"}))
def test_runs_like_numpy(name: str) -> None:
    compare(SNIPPETS[name])


def test_clocks_behave_like_python_clocks() -> None:
    """Clock readings differ run to run: the types, the order of readings and every other value
    equal real Python's."""
    report, oracle = run_program(SNIPPETS["clocks"], torchviz=False), run_trusted(SNIPPETS["clocks"])
    assert oracle.error is None and report.ok, report.error
    want = "True True True [True, True, True, True, False, False] 49995000 0\n"
    assert report.printed == oracle.printed == want
    assert list(report.variables) == list(oracle.variables)
    for name in CLOCK_VALUES:
        assert report.variables[name].text.replace(".", "").replace("e-", "").isdigit(), name


def test_empty_is_zero_filled() -> None:
    report = run_program(N + "e = np.empty((50, 50))\nf = np.empty_like(np.ones(7))\n"
                         "print(e.sum(), f.sum(), e.dtype, f.dtype)\n", torchviz=False)
    assert report.ok and report.printed == "0.0 0.0 float64 float64\n"


@pytest.mark.parametrize("source", [
    N + "a = np.ones((3, 2))\nb = a[[5]]\n",                              # out of range
    N + "a = np.ones((3, 2))\nb = a[[-4], [0]]\n",                        # negative, out of range
    N + "a = np.ones((3, 2))\na[np.array([0, 3]), 1] = 5\n",              # a write out of range
    N + "a = np.ones((3, 2))\nb = a[np.array([0.5])]\n",                  # a float index array
    N + "a = np.ones((3, 2))\nb = a[[0.5, 1]]\n",                         # a float index list
    N + "a = np.ones((3, 2))\nb = a[np.array([True, False])]\n",          # a mask of another shape
    N + "a = np.ones((3, 2))\nb = a[[0, 1, 2], [0, 1]]\n",                # index arrays that do not broadcast
    N + "a = np.ones((3, 2))\nb = a[[0], [0], [0]]\n",                    # too many indices
    N + "a = np.ones((3, 2))\nb = a[..., ..., [0]]\n",                    # two ellipses
    N + "a = np.ones((3, 2))\nb = a[[[0, 1], [1]]]\n",                    # a ragged list
    N + "a = np.ones((3, 2))\nb = a[[2**64]]\n",                          # no numpy integer
    N + "a = np.ones((3, 2))\nb = a[[2**63]]\n",                          # uint64, out of range
    N + "a = np.ones((3, 2))\na[a > 0] = np.array([1, 2])\n",             # a mask write of the wrong length
    N + "a = np.full((2, 2), np.ones(3))\n",
    N + "a = np.eye(2.5)\n",
    N + "a = np.eye(-1)\n",
    N + "a = np.tile(np.ones(2), -1)\n",
    N + "a = np.reshape(np.ones(6), (4, 2))\n",
    "import time\nt = time.time(1)\n",
    "import time\nt = time.perf_counter(x=1)\n",
])
def test_fails_like_numpy(source: str) -> None:
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line
    assert str(oracle.error) in report.error.message, (report.error.message, str(oracle.error))


SMALL = Limits(max_tensor_elements=100, max_total_elements=1_000)
BOUNDARIES = [   # (program with {n}, n just at the limit, what the limit message names)
    (N + "a = np.full((10, {n}), 1)\n", 10, "np.full"),
    (N + "a = np.empty(({n}, 10))\n", 10, "np.empty"),
    (N + "a = np.eye(10, {n})\n", 10, "np.eye"),
    (N + "a = np.tile(np.ones(10), ({n}, 1))\n", 10, "np.tile"),
    (N + "a = np.tile(np.ones((2, 5)), ({n}, 1, 1))\n", 10, "np.tile"),
    (N + "a = np.ones((10, 10))\nb = a[np.zeros(({n}, 1), int), np.zeros(10, int)]\n", 10, "indexing"),
    (N + "a = np.ones((10, 10))\nb = a[np.zeros({n}, int)]\n", 10, "indexing"),
    (N + "a = np.ones((10, 10))\nb = a[:, np.zeros(({n}, 1), int)]\n", 10, "indexing"),
    (N + "a = np.ones((10, 10))\na[np.zeros(({n}, 1), int), np.zeros(10, int)] = 5\n", 10,
     "index assignment"),
]


@pytest.mark.parametrize(("template", "n", "what"), BOUNDARIES)
def test_sized_before_numpy_allocates(template: str, n: int, what: str) -> None:
    assert run_program(template.format(n=n), torchviz=False, limits=SMALL).ok
    report = run_program(template.format(n=n + 1), torchviz=False, limits=SMALL)
    assert not report.ok and report.error.kind == "limit", report.error
    assert report.error.message == f"result of {what} would have {10 * (n + 1)} elements; the limit is 100"


@pytest.mark.parametrize(("n", "ok"), [(10, True), (11, False)])
def test_identity_is_sized_first(n: int, ok: bool) -> None:
    report = run_program(N + f"a = np.identity({n})\n", torchviz=False, limits=SMALL)
    assert report.ok == ok
    if not ok:
        assert report.error.message == "result of np.identity would have 121 elements; the limit is 100"


@pytest.mark.parametrize(("made", "total"), [   # the second copy passes the total limit, the first does not
    ("np.zeros_like(a)", 250), ("np.ones_like(a)", 250), ("np.empty_like(a)", 250),
    ("np.full_like(a, 2)", 250),
    ("a[a > 0]", 350),            # the mask (100) and the copy (100) each time
    ("a[np.arange(10)]", 300),    # the index (10) and the copy (100) each time
])
def test_copies_count_towards_the_total(made: str, total: int) -> None:
    limits = Limits(max_tensor_elements=100, max_total_elements=total)
    assert run_program(N + f"a = np.ones((10, 10))\nb = {made}\n", torchviz=False, limits=limits).ok
    source = N + f"a = np.ones((10, 10))\nb = {made}\nc = {made}\n"
    report = run_program(source, torchviz=False, limits=limits)
    assert not report.ok and report.error.kind == "limit" and report.error.line == 4, report.error


@pytest.mark.parametrize(("source", "elements"), [
    (N + "a = np.ones((3, 3))\nb = a[np.zeros((100000, 1), int), np.zeros(100000, int)]\n", "10,000,000,000"),
    (N + "a = np.ones((3, 3))\na[np.zeros((100000, 1), int), np.zeros(100000, int)] = 1\n", "10,000,000,000"),
    (N + "a = np.full((10**6, 10**6), 0)\n", "1,000,000,000,000"),
    (N + "a = np.empty((10**9, 10**9))\n", "1,000,000,000,000,000,000"),
    (N + "a = np.eye(10**7)\n", "100,000,000,000,000"),
    (N + "a = np.tile(np.ones(10), (10**9, 10**9))\n", "10,000,000,000,000,000,000"),
])
def test_huge_results_are_refused_without_trying(source: str, elements: str) -> None:
    """With the default limits: the count names a result NumPy could not even allocate, so it was
    never tried (a MemoryError would say "ran out of memory")."""
    start = time.perf_counter()
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "limit", report.error
    assert f"would have {elements} elements; the limit is 5,000,000" in report.error.message
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(("source", "says"), [
    ("import time\ntime.sleep(100)\n", r"`time.sleep` is not supported in Autograd Lab: a program that"),
    ("from time import sleep\n", r"`from time import sleep` is not supported in Autograd Lab: a program"),
    ("import time as t\nt.sleep(0)\n", r"`time.sleep` is not supported"),
    (N + "a = np.ones(3)\na[[0, 1]] = ['x', 2]\n", r"numpy arrays of numbers only"),   # [1, 2] runs (s30)
    # (session 43: `np.reshape([1, 2], (2, 1))` of a list runs as NumPy's: test_breadth_corpus_s43)
])
def test_refused_by_name(source: str, says: str) -> None:
    import re
    start = time.perf_counter()
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert re.search(says, report.error.message), report.error.message
    assert time.perf_counter() - start < 5
