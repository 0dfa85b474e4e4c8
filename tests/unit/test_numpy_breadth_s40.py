"""Session 40 (corpus-s40, issue 9 part 2): what Python for Data Analysis' appendix A ("Advanced NumPy",
wesm/pydata-book) needed, each compared with plain NumPy on the same text, with the limits just below
and above.

- `arr.searchsorted(v, side='right')`: np.searchsorted's checks, the array first
- `arr.put(inds, v)` in place (a list's float indices cast as NumPy casts them; an array's refused)
- `key.argsort(kind='mergesort')` / `np.argsort(a, -1, 'stable')`
- the oracle compares a list holding NumPy scalar types (`[('x', np.float64), ('y', np.int32)]`)
- np.savez_compressed / np.memmap are told that Autograd Lab has no files, as np.save is
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.outside_world import FILE_HINT
from tests.oracle import run_trusted, value_mismatches
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python
from tests.unit.test_corpus_s31 import limits

N = "import numpy as np\n"


@pytest.mark.parametrize("snippet", [
    "arr = np.array([0, 1, 7, 12, 15])\nr = arr.searchsorted(9)\ns = arr.searchsorted([0, 8, 11, 16])\nr\n",
    "arr = np.array([0, 0, 0, 1, 1, 1, 1])\nr = arr.searchsorted([0, 1])\n"
    "s = arr.searchsorted([0, 1], side='right')\nt = arr.searchsorted([0, 1], 'right')\ns\n",
    "bins = np.array([0, 100, 1000, 5000, 10000])\ndata = np.floor(np.arange(10) * 1234.5)\n"
    "labels = bins.searchsorted(data)\nprint(labels)\n",
    "x = np.array([3, 1, 2])\nprint(x.searchsorted(2, sorter=x.argsort()))\n",
    "arr = np.arange(10) * 100\ninds = [7, 1, 2, 6]\narr.put(inds, 42)\nprint(arr)\n"
    "arr.put(inds, [40, 41, 42, 43])\narr\n",
    "a = np.arange(10)\na.put([1.5], 7)\na.put((3.9,), 9)\na.put(np.float64(4.5), 9)\na.put([True], 5)\n"
    "a.put(2, [1, 2, 3])\nprint(a)\n",
    "f = np.zeros((2, 3))\nf.put([0, 5], [1.5, 2.5])\nf\n",
    "values = np.array(['2:first', '2:second', '1:first', '1:second', '1:third'])\n"
    "key = np.array([2, 2, 1, 1, 1])\nindexer = key.argsort(kind='mergesort')\nprint(indexer)\n"
    "values.take(indexer)\nr = np.argsort(key, -1, 'stable')\ns = np.argsort(key, kind=None)\n",
])
def test_searchsorted_put_argsort_kind_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.array([0, 1, 7]).searchsorted(9, 'middle')",
    "np.arange(10).put([20], 1)",
    "np.arange(10).put(np.array([2.5]), 8)",
    "np.broadcast_to(np.arange(3), (2, 3)).put(0, 1)",
    "np.arange(5).argsort(kind=1)",
    "np.arange(5).argsort(kind='bad')",
    "np.argsort(np.arange(5), -1, 7)",
])
def test_searchsorted_put_argsort_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


@pytest.mark.parametrize("snippet", [
    "v = np.array(['b', 'a', 'c'])\nr = v.take([2, 0])\ns = v.take(np.array([1, 1, 0]))\nt = v.take(1)\nr\n",
])
def test_string_array_take_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_string_array_take_fails_like_numpy_or_is_refused() -> None:
    fails_like_python(N + "v = np.array(['b', 'a'])\nr = v.take([5])\n")
    for line in ("v.take([True, False])", "v.take(slice(0, 1))", "v.take([0], axis=0)",
                 "np.array([['a'], ['b']]).take([0])"):
        report = run_program(N + f"v = np.array(['b', 'a'])\nr = {line}\n")
        assert not report.ok and report.error.kind == "unsupported" and report.error.line == 3, report.error


def test_string_array_take_is_sized_first() -> None:
    source = N + "v = np.array(['abcdefghij'])\nr = v.take([0] * {n})\n"
    assert run_program(source.format(n=100), limits=limits(max_tensor_elements=100)).ok
    report = run_program(source.format(n=101), limits=limits(max_tensor_elements=100))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


def test_put_writes_a_tensors_shared_memory_as_numpy_does() -> None:
    compare("import torch\n" + N + "t = torch.zeros(4)\nn = t.numpy()\nn.put([0, 2], 5)\nprint(t, n)\n")


def test_put_refuses_other_modes_by_name() -> None:
    report = run_program(N + "a = np.arange(4)\na.put([1], 1, mode='clip')\n")
    assert not report.ok and report.error.kind == "unsupported" and "a.put(ind, v)" in report.error.message


def test_put_and_searchsorted_are_sized_first() -> None:
    put = N + "a = np.zeros(20)\na.put(list(range({n})), 0)\n"   # n indices and one value
    assert run_program(put.format(n=19), limits=limits(max_tensor_elements=20)).ok
    report = run_program(put.format(n=20), limits=limits(max_tensor_elements=20))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error
    search = N + "a = np.arange(5)\nr = a.searchsorted(np.zeros({n}))\n"   # 5 + n + n
    assert run_program(search.format(n=1000), limits=limits(max_total_elements=2005)).ok
    report = run_program(search.format(n=1000), limits=limits(max_total_elements=2004))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


def test_put_into_a_grad_tensors_array_stays_refused() -> None:
    report = run_program("import torch\nt = torch.zeros(3, requires_grad=True)\nn = t.numpy()\nn.put(0, 1)\n")
    assert not report.ok and report.error.line == 3


def test_oracle_compares_numpy_scalar_types_by_their_text() -> None:
    source = N + ("dtype = [('x', np.float64), ('y', np.int32)]\n"
                  "other = [('x', np.float32), ('y', np.int32)]\n")
    report, oracle = run_program(source), run_trusted(source)
    assert value_mismatches(report.variables["dtype"], oracle.variables["dtype"]) == []
    assert value_mismatches(report.variables["other"], oracle.variables["dtype"]) != []


@pytest.mark.parametrize("line", ['np.savez_compressed("a.npz", x=np.ones(2))',
                                  'np.memmap("f.bin", dtype=np.float64, shape=(2,))'])
def test_numpy_file_functions_say_there_are_no_files(line: str) -> None:
    report = run_program(N + line + "\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.hint == FILE_HINT


# -- np.lexsort by strings --------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "first_name = np.array(['Bob', 'Jane', 'Steve', 'Bill', 'Barbara'])\n"
    "last_name = np.array(['Jones', 'Arnold', 'Arnold', 'Jones', 'Walters'])\n"
    "sorter = np.lexsort((first_name, last_name))\nprint(sorter)\n"
    "print(list(zip(last_name[sorter], first_name[sorter])))\n"
    "r = np.lexsort([np.array([1, 1, 0, 0, 1]), last_name])\nr\n",
    "surnames = ('Hertz', 'Galilei', 'Hertz')\nfirst_names = ('Heinrich', 'Galileo', 'Gustav')\n"
    "print(np.lexsort((first_names, surnames)))\n",
])
def test_lexsort_by_strings_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_lexsort_of_string_keys_is_sized_first() -> None:
    source = N + "a = np.array(['ab'] * 500)\nr = np.lexsort([a] * {k})\n"   # 500 k values sorted in one call
    assert run_program(source.format(k=3), limits=limits(max_tensor_elements=1500)).ok
    report = run_program(source.format(k=4), limits=limits(max_tensor_elements=1500))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error
    text = N + "r = np.lexsort((['x' * 1000] * 1001, [1] * 1001))\n"   # 1,001,000 characters
    report = run_program(text)
    assert not report.ok and report.error.kind == "limit", report.error
