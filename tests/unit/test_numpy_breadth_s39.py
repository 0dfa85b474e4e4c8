"""Session 39 (corpus-s39, issue 9 part 2): what Kyubyong's numpy_exercises needed, each compared with
plain NumPy / CPython on the same text, with the limits just below and above.

- `np.array(data, np.int32)`, `np.asarray(x, float)`: NumPy's second parameter is the dtype
- `np.concatenate((x, y), 1)`, `np.stack((x, y), 1)`: the second parameter is the axis
- `np.uint`, `np.long`, `np.ulong`: numpy's names of int64 / uint64
- np.dsplit, np.extract, and `a.partition(kth)` in place
- a notebook's `__author__ = "..."` line: a plain variable of the program's own
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python
from tests.unit.test_corpus_s31 import limits

N = "import numpy as np\n"


@pytest.mark.parametrize("snippet", [
    "X = np.array([[1, 2, 3], [4, 5, 6]], np.int32)\nY = np.empty_like(X)\nY.fill(0)\nY\n",
    "x = np.array([1, 2])\nr = np.asarray(x, float)\ns = np.asarray([1, 2], np.float32)\nr\n",
    "x = np.array([1., 2., 3.], np.float32)\nout = np.exp(x)\nprint(out)\n",
    "x = np.array(['a', 'b'], 'U1')\ny = np.array([1, 2], 'float32')\n",
    "x = np.array([[1, 2, 3], [4, 5, 6]])\ny = x + 6\nr = np.concatenate((x, y), 1)\n"
    "s = np.stack((x, y), 1)\nt = np.concatenate([x, y], 0)\nassert np.allclose(r, np.hstack((x, y)))\n",
    "a = np.zeros(3, dtype=np.uint)\nb = np.ones((2, 2), np.long)\nprint(np.uint, np.ulong)\n",
])
def test_positional_dtype_and_axis_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.array([1], np.int32, dtype=np.int8)",   # given by name and by position
    "np.concatenate((np.ones((1, 2)), np.ones((1, 2))), 1.5)",
    "np.concatenate((np.ones((1, 2)), np.ones((1, 3))), 0)",
])
def test_positional_forms_fail_where_numpy_does(line: str) -> None:
    report = run_program(N + f"r = {line}\n")
    assert not report.ok and report.error.line == 2, report.error


def test_positional_dtype_array_is_sized_first() -> None:
    source = N + "r = np.array([[1.0] * {n}] * 100, np.float32)\n"
    assert run_program(source.format(n=200), limits=limits(max_tensor_elements=20_000)).ok
    report = run_program(source.format(n=201), limits=limits(max_tensor_elements=20_000))
    assert not report.ok and report.error.kind == "limit", report.error


@pytest.mark.parametrize("snippet", [
    "x = np.arange(16.0).reshape(2, 2, 4)\nr = np.dsplit(x, 2)\ns = np.dsplit(x, [3, 6])\nprint(r, s)\n",
    "x = np.arange(9).reshape((3, 3))\ncondition = np.mod(x, 3) == 0\nr = np.extract(condition, x)\n"
    "s = np.extract([1, 0, 1], [4, 5, 6, 7])\n",
    "x = np.array([3, 4, 2, 1])\nx.partition(3)\nprint(x)\n",
    "x = np.array([[3, 4, 2, 1], [9, 5, 7, 8]])\nr = x.partition(1, axis=0)\n"
    "y = x.copy()\ny.partition([0, 3])\n",
])
def test_dsplit_extract_partition_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("line", [
    "np.dsplit(np.arange(4), 2)",
    "np.array([3, 4, 2, 1]).partition(7)",
    "np.array([[3, 4], [2, 1]]).partition(1, axis=None)",
])
def test_dsplit_partition_fail_like_numpy(line: str) -> None:
    fails_like_python(N + f"r = {line}\n")


def test_partition_writes_a_tensors_shared_memory_as_numpy_does() -> None:
    compare("import torch\n" + N + "t = torch.arange(4.)\nn = t.numpy()\nn[:] = [3, 1, 2, 0]\n"
            "n.partition(2)\nprint(t)\n")


def test_extract_counts_towards_the_total() -> None:
    source = N + "x = np.ones(10000)\nr = np.extract(x, np.arange(10000))\n"   # 10,000 + 10,000 + 10,000
    assert run_program(source, limits=limits(max_total_elements=30_000)).ok
    report = run_program(source, limits=limits(max_total_elements=29_999))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


def test_partition_method_work_is_checked_as_np_partition() -> None:
    source = N + "x = np.arange(1000.0)\nx.partition(list(range({k})))\n"
    small = run_program(source.format(k=5))
    assert small.ok, small.error
    big = run_program(source.format(k=1000), limits=limits(max_call_work=100_000))
    assert not big.ok and big.error.kind == "limit", big.error


def test_module_metadata_names_are_plain_variables() -> None:
    compare('__author__ = "kyubyong. kbpark.linguist@gmail.com"\n__license__ = "MIT"\n'
            'print(__author__, __license__)\n__author__ += "!"\n__author__\n')


@pytest.mark.parametrize("source", [
    "print(__author__)",   # not bound until the program binds it
    "x = [1]\nx.__author__ = 2",
    "def f(__author__):\n    return 1",
    "__builtins__",
    "__author__ = 1\n__class__",
])
def test_other_double_underscore_names_stay_refused(source: str) -> None:
    report = run_program(source)
    assert not report.ok
    assert report.error.kind in ("unsupported", "name"), report.error


# -- a number array compared with a text ----------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    'x = np.array([[1, 2], [3, 4]])\nr = x == ""\ns = x != "a"\nt = "" == x\n'
    'print(np.float64(1.0) == "", np.int64(2) != "", np.array(3.0) == "")\n',
])
def test_array_equals_text_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_array_equals_text_in_an_if_fails_like_numpy() -> None:
    # Kyubyong's exercises: `for out in outs: if out == "": ...` over sums, then an array
    fails_like_python(N + 'x = np.array([[1, 2], [3, 4]])\nouts = [np.sum(x), np.sum(x, axis=0), ""]\n'
                      'for out in outs:\n    if out == "":\n        print()\n'
                      '    else:\n        print("->", out)\n')


def test_array_equals_text_is_sized_first() -> None:
    source = N + 'x = np.zeros({n})\nr = x == ""\n'
    assert run_program(source.format(n=10_000), limits=limits(max_tensor_elements=10_000)).ok
    report = run_program(source.format(n=10_000), limits=limits(max_total_elements=19_999))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


@pytest.mark.parametrize("line", ['np.array([1.5]) < "a"', 'np.array([1.5]) + "a"'])
def test_other_operators_with_text_stay_refused(line: str) -> None:
    report = run_program(N + f"r = {line}\n")
    assert not report.ok and report.error.line == 2
