"""Red team, session 29: the NumPy functions and array methods added this session (numpy_everyday.py,
numpy_array_methods.py), the legacy np.random module, itertools' endless iterators and the lazy zip(),
tried as a hostile student would.

Findings, each fixed (the refusals below ran on 786f195 as noted, measured in a fresh process under
`ulimit -v 4 GB`, on this loaded 2-core machine):
1. np.unique(a, axis=k) builds a structured dtype with one field per element of a slice and sorts the
   slices comparing field by field, all inside one NumPy call: unique(zeros((1, 2_000_000)), axis=0) ran
   21.5 s to 1.2 GB RSS, (10, 500_000) 5.0 s, (2_500_000, 2) 7.0 s; now its work is estimated from the
   shape and refused past max_call_work (0.4 s);
2. np.quantile / np.percentile with many q: NumPy partitions at every distinct index the q's need, and
   past 50 pivots each scans its lane again: 2_000_000 q of 2_000_000 values did not end in 60 s,
   quantile(rand(2236, 2236), linspace(0, 1, 2236), axis=1) 8.9 s; refused past max_call_work;
3. np.histogram with a list of edges looks each edge up in every block of 65,536 values: 5M values in
   2.5M edges with weights ran 3.9 s in one call; refused past max_call_work;
4. np.random.choice(a, size, p=p) (and Generator.choice with p) looks each draw up in the cumulative p:
   5M draws from 5M ran 7.8 s in one call; refused as lookup_work.py counts a searchsorted;
5. (a message) an endless itertools.count() / repeat() / chain() read out by dict(), set(), zip(), `in`,
   str.join ... was stopped at the loop budget with the text "islice() ran past ...", naming a call the
   program never made; it now names the itertools call;
6. zip() over an iterator read every iterator argument out when called (not lazily): a generator's side
   effects all came before the loop body's, "made" printed after the pulls, and
   `for i, j in zip(itertools.count(), itertools.count(10)): ... break` stopped at the loop budget; it now
   reads one item of each source per next(), as CPython (each tuple charged to the list items);
7. `x in iterator` was one uncounted C-level scan: `-1 in iter(range(10**18))` was killed after 60 s with
   no error (the time limit never fired); each item read is now charged to the loop budget (0.1 s);
8. enumerate() over an iterator read it out first, as zip did (same fix).
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import same_as_python as _same_as_python
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run

WITHIN = DEFAULT_LIMITS.timeout_s


def _refused(program: str, line: int, text: str) -> None:
    report, took = _run(program)
    _stopped(report, "limit", line, text)
    assert took < WITHIN
    assert "max_call_work" in (report.error.hint or "")
    zh = error_text.message("zh", report.error)
    assert "would take" not in zh and "1,000,000,000" in zh


# -- 1. np.unique(axis=) -------------------------------------------------------------------------
@pytest.mark.parametrize("shape", ["(1, 2000000)", "(10, 250000)", "(1250000, 2)"])
def test_unique_along_an_axis_is_refused_by_its_work(shape):
    """786f195: (1, 2_000_000) 21.5 s at 1.2 GB (10, 500_000: 5.0 s; 2_500_000, 2: 7.0 s)."""
    program = f"import numpy as np\na = np.zeros({shape})\nprint(np.unique(a, axis=0).shape)\n"
    _refused(program, 3, "np.unique(axis=) of shape")


@pytest.mark.parametrize("call", ["np.unique(a, axis=0)", "np.unique(a, axis=1, return_counts=True)",
                                  "np.unique(a, axis=-2, return_index=True, return_inverse=True)",
                                  "np.unique(a.reshape(2, 3, 2), axis=1)", "np.unique(a)"])
def test_unique_along_an_axis_of_small_arrays_is_numpys(call):
    program = ("import numpy as np\na = np.array([[1, 2], [1, 2], [0, 5], [3, 3], [0, 5], [1, 2]])\n"
               f"print({call})\n")
    _same_as_python(program)


def test_unique_along_an_axis_of_a_lesson_sized_table_runs():
    program = ("import numpy as np\na = (np.arange(100000 * 3).reshape(100000, 3) % 7)\n"
               "u, c = np.unique(a, axis=0, return_counts=True)\nprint(u.shape, c.sum())\n")
    _same_as_python(program)


# -- 2. np.quantile / np.percentile with many q --------------------------------------------------
@pytest.mark.parametrize("program, line", [
    ("a = np.arange(2000000) * 1.0\nq = np.linspace(0, 1, 2000000)\nprint(np.quantile(a[::-1], q).shape)", 4),
    ("a = np.arange(200000) * 1.0\nprint(np.percentile(a, np.linspace(0, 100, 200000)).shape)", 3),
    ("a = np.ones((2236, 2236))\nprint(np.quantile(a, np.linspace(0, 1, 2236), axis=1).shape)", 3),
])
def test_quantile_with_many_qs_is_refused_by_its_work(program, line):
    """786f195: the first did not end in 60 s, the second ran ~30 s, the third 8.9 s."""
    _refused("import numpy as np\n" + program + "\n", line, "q's of")


@pytest.mark.parametrize("call", ["np.percentile(a, np.linspace(0, 100, 101))",
                                  "np.quantile(a, [0.25, 0.5, 0.75], axis=1)",
                                  "np.percentile(a, 30, method='nearest')", "np.quantile(a, 0.5, axis=0)",
                                  "np.quantile(a, np.linspace(0, 1, 40), axis=1, keepdims=True).shape"])
def test_quantiles_a_lesson_asks_for_are_numpys(call):
    program = f"import numpy as np\na = (np.arange(3000.0) * 37 % 101).reshape(30, 100)\nprint({call})\n"
    _same_as_python(program)


def test_a_hundred_percentiles_of_a_million_values_run():
    program = ("import numpy as np\na = (np.arange(1000000) * 7919 % 1000003) * 1.0\n"
               "print(np.percentile(a, np.linspace(0, 100, 101))[::25])\n")
    _same_as_python(program)


# -- 3. np.histogram with edges ------------------------------------------------------------------
def test_histogram_of_millions_of_values_in_millions_of_edges_is_refused():
    """786f195: 3.9 s in one call."""
    program = ("import numpy as np\nx = np.arange(5000000) * 1.0\n"
               "print(np.histogram(x, bins=x[::2], weights=x)[0].shape)\n")
    _refused(program, 3, "np.histogram of 5,000,000 values in 2,500,000 edges")


@pytest.mark.parametrize("call", ["np.histogram(x, bins=np.linspace(0, 5e6, 1000))[0][:5]",
                                  "np.histogram(x, bins=[0, 10, 1e3, 1e6, 5e6], weights=x)",
                                  "np.histogram(x, bins=50, range=(0, 1e6))[0][:5]"])
def test_histograms_a_lesson_draws_are_numpys(call):
    _same_as_python(f"import numpy as np\nx = np.arange(5000000) * 1.0\nprint({call})\n")


# -- 4. choice with p ----------------------------------------------------------------------------
@pytest.mark.parametrize("call, label", [
    ("np.random.choice(np.ones(5000000), size=(5000000,), p=np.ones(5000000) / 5000000)", "np.random"),
    ("np.random.default_rng(0).choice(5000000, 5000000, p=np.ones(5000000) / 5000000)", "Generator"),
])
def test_choice_with_p_of_millions_is_refused_by_its_lookups(call, label):
    """786f195: the first ran 7.8 s in one call."""
    report, took = _run(f"import numpy as np\nprint({call}.shape)\n")
    _stopped(report, "limit", 2, f"{label}.choice(p=...) of 5,000,000 from 5,000,000 would take about")
    assert took < WITHIN
    assert "would take" not in error_text.message("zh", report.error)


@pytest.mark.parametrize("call", ["np.random.choice(5, 20, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
                                  "np.random.choice([10, 20, 30], size=(2, 3), p=[0.5, 0.25, 0.25])",
                                  "np.random.default_rng(3).choice(4, 10, p=[0.1, 0.2, 0.3, 0.4])",
                                  "np.random.choice(100000, 100000, p=np.ones(100000) / 100000)[:5]"])
def test_choice_with_p_as_lessons_call_it_is_numpys(call):
    _same_as_python(f"import numpy as np\nnp.random.seed(1)\nprint({call})\n")


# -- 5. the endless itertools' limit names them ----------------------------------------------------
@pytest.mark.parametrize("program, name", [
    ("print(dict(zip(itertools.count(), itertools.count())))", "itertools.count()"),
    ("print(5 in itertools.repeat(1))", "itertools.repeat()"),
    ("print(''.join(itertools.repeat('a')))", "itertools.repeat()"),
    ("print(set(itertools.chain(itertools.repeat(2))))", "itertools.repeat()"),
    ("a, b = itertools.count()", "itertools.count()"),
    ("print(max(itertools.pairwise(itertools.count(1))))", "itertools.pairwise()"),
    ("L = []\nL.extend(itertools.count())", "itertools.count()"),
    ("print(sorted(itertools.islice(itertools.count(), 10**9)))", "itertools.count()"),
])
def test_an_endless_iterator_read_out_stops_at_the_loop_budget_naming_it(program, name):
    report, took = _run("import itertools\n" + program + "\n")
    _stopped(report, "limit", program.count("\n") + 2, f"{name} ran past 100,000 loop iterations in total")
    assert took < WITHIN


def test_islice_of_a_list_still_names_islice():
    report, _ = _run("import itertools\nx = list(itertools.islice(range(200000), 150000))\n")
    _stopped(report, "limit", 2, "islice() ran past 100,000 loop iterations in total")


# -- 6. zip() over iterators reads them as CPython's zip does ------------------------------------
ZIP_SIDE_EFFECTS = """def g(n):
    for i in range(n):
        print("pull", i)
        yield i
for a, b in zip(g(3), "xyz"):
    print("body", a, b)
z = zip(g(2), g(5))
print("made")
print(next(z), list(z))
import itertools
for i, j in zip(itertools.count(), itertools.count(10)):
    if i > 2:
        break
    print(i, j)
it = iter([1, 2, 3, 4])
print(list(zip(it, [9])), list(it))
m = map(lambda x: x * 2, [1, 2, 3])
print(list(zip(m, m)), list(zip(*[iter(range(7))] * 3)))
print(dict(zip("abc", itertools.count(1))), list(zip("ab", itertools.repeat(0))))
"""


def test_zip_over_generators_and_endless_iterators_is_cpythons():
    """786f195 read every iterator argument out when zip() was called: the generator's "pull" lines all
    came before the loop's, "made" after the pulls, and zip(count(), count(10)) stopped at the loop
    budget before its `break`."""
    _same_as_python(ZIP_SIDE_EFFECTS)


@pytest.mark.parametrize("program", ["print(list(zip(itertools.count(), itertools.count())))",
                                     "print((-1, -1) in zip(iter(range(10**18)), itertools.count()))",
                                     "print(max(zip(iter(range(10**18)), iter(range(10**18)))))",
                                     "print(dict(zip(itertools.count(), itertools.count())))"])
def test_an_endless_zip_read_out_is_refused(program):
    report, took = _run("import itertools\n" + program + "\n")
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 2, report.error
    assert took < WITHIN


# -- 7. `x in iterator` ------------------------------------------------------------------------------
@pytest.mark.parametrize("program", ["print(-1 in iter(range(10**18)))",
                                     "print((-1, -1) in zip(iter(range(10**18)), iter(range(10**18))))",
                                     "print(-1 not in reversed(range(10**18)))"])
def test_searching_an_endless_iterator_with_in_stops_at_the_loop_budget(program):
    """786f195: `-1 in iter(range(10**18))` was one uncounted scan (killed after 60 s, no error)."""
    report, took = _run(program + "\n")
    _stopped(report, "limit", 1, "`in` ran past 100,000 loop iterations in total")
    assert took < WITHIN


def test_in_over_an_iterator_reads_it_as_cpython():
    _same_as_python("it = iter([1, 2, 3, 4])\nprint(2 in it, list(it), 9 in it, 3 not in iter([3]))\n"
                    "def g():\n    for i in range(5):\n        print('pull', i)\n        yield i\n"
                    "G = g()\nprint(2 in G, next(G), 7 in G)\nprint(5 in map(abs, [-5]), 4 in zip([4]))\n")


ENUMERATE_SIDE_EFFECTS = """def g(n):
    for i in range(n):
        print("pull", i)
        yield i
for k, v in enumerate(g(3), start=10):
    print("body", k, v)
e = enumerate(g(2))
print("made")
print(next(e), list(e))
import itertools
for k, v in enumerate(itertools.repeat("a")):
    if k > 2:
        break
    print(k, v)
it = iter("abc")
print(next(enumerate(it)), list(it))
print(list(enumerate("xy")), list(enumerate([5, 6], 1)), dict(enumerate(map(abs, [-1, -2]))))
"""


def test_enumerate_over_generators_and_endless_iterators_is_cpythons():
    """786f195 read the iterator out first, as zip did (the "pull" lines before the loop's)."""
    _same_as_python(ENUMERATE_SIDE_EFFECTS)


@pytest.mark.parametrize("reader", ["list(E)", "(-1, -1) in E", "max(E)", "dict(E)", "sum(k for k, v in E)"])
def test_an_endless_enumerate_read_out_is_refused(reader):
    report, took = _run(f"import itertools\nE = enumerate(itertools.count())\nx = {reader}\n")
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 3, report.error
    assert took < WITHIN
