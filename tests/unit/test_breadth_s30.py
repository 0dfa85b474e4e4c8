"""Session 30 (breadth): slice(), typing's forms and `list[int]`, torch/np finfo and iinfo, np.mgrid /
ogrid / r_ / c_ / ix_, and itertools' cycle, groupby, tee, starmap, takewhile, dropwhile, filterfalse,
compress (lang/slice_values.py, typing_module.py, dtype_info.py, numpy_grids.py, itertools_lazy.py),
each against CPython / NumPy / PyTorch run on the same trusted text; limits just below and above."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted, shown_as_left, value_mismatches, without_address


def same_as_python(source: str) -> None:
    """Outcome, printed text, displays and variables as plain PyTorch / NumPy / CPython give them; an error
    with the library's own class name and message at the same line."""
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    if oracle.error is not None:
        assert report.error.line == oracle.error_line
        assert report.error.message == str(oracle.error), (report.error.message, str(oracle.error))
    assert without_address(report.printed) == without_address(oracle.printed)
    assert [(d.line, d.text) for d in report.displayed] == [(line, without_address(text))
                                                            for line, text in oracle.displayed]
    assert list(report.variables) == list(oracle.variables)
    with shown_as_left(oracle):
        for name, value in oracle.variables.items():
            problems = value_mismatches(report.variables[name], value, name)
            if problems and all("the oracle cannot compare" in p for p in problems):   # finfo, List[int]:
                assert report.variables[name].text == without_address(repr(value)), name   # their text
                continue
            assert not problems


def refused(source: str, kind: str, words: str, limits=DEFAULT_LIMITS, line: int = 2):  # noqa: ANN001, ANN201
    report = run_program(source, limits=limits)
    assert not report.ok and report.error.kind == kind, report.error
    assert words in report.error.message and report.error.line == line, report.error
    return report.error


SNIPPETS = {
    # 1. slice objects, range's parts
    "slice_objects": "a = [0, 1, 2, 3, 4, 5]\ns = slice(1, 5, 2)\nprint(a[s], s, s.start, s.stop, s.step)\n"
                     "print(s.indices(4), slice(None, None, -1).indices(10), slice(-3, None).indices(5))\n"
                     "print(repr(slice(3)), slice(1, 3) == slice(1, 3), isinstance(s, slice))\n"
                     "print(type(s), type(s) is slice)\n"
                     "print('abcdef'[slice(None, None, -2)], (1, 2, 3)[slice(1, None)], str(slice(0, 1)))\n"
                     "r = range(2, 10, 3)\n"
                     "print(r.start, r.stop, r.step, r.index(5), r.count(5), r.count(6))\n",
    "slice_tensor": "import torch\nimport numpy as np\nt = torch.arange(12).reshape(3, 4)\n"
                    "rows, cols = slice(0, 2), slice(1, None, 2)\nprint(t[rows, cols], t[slice(None)][0])\n"
                    "print(np.arange(10)[slice(2, 8, 3)])\nkeep = (slice(None), slice(0, 1))\n"
                    "print(t[keep])\n",
    "slice_errors": "s = slice(1, 2)\ntry:\n    s.indices(-1)\nexcept ValueError as e:\n    print(e)\n"
                    "try:\n    slice(0, 5, 0).indices(3)\nexcept ValueError as e:\n    print(e)\n"
                    "try:\n    slice(1.5, 2).indices(3)\nexcept TypeError as e:\n    print(e)\n"
                    "try:\n    slice()\nexcept TypeError as e:\n    print(e)\n"
                    "try:\n    slice(1, 2, 3, 4)\nexcept TypeError as e:\n    print(e)\n"
                    "try:\n    [1, 2][slice(0.5, 1)]\nexcept TypeError as e:\n    print(e)\n"
                    "try:\n    range(3).index(7)\nexcept ValueError as e:\n    print(e)\n",
    # 2. typing
    "typing_forms": "from typing import List, Dict, Tuple, Optional, Callable, Union, Any\nimport typing\n"
                    "import torch\nimport numpy as np\n"
                    "def f(x: List[int], d: Dict[str, float] = None) -> Optional[Tuple[int, ...]]:\n"
                    "    return tuple(x)\nprint(f([1, 2]))\nVector = List[float]\n"
                    "print(Vector, Optional[int], Dict[str, torch.Tensor], Callable[[int], float])\n"
                    "print(Union[int, str], Tuple[int, ...], typing.Any, typing.TYPE_CHECKING)\n"
                    "print(List[np.ndarray])\n"
                    "print(list[int], dict[str, int], tuple[int, ...], set[str], Callable[..., Any])\n"
                    "x: Optional[int] = None\nprint(x, List[int] == List[int], repr(typing.List))\n"
                    "def g(fn: Callable[[float], float], xs: Tuple[float, float]) -> Optional[float]:\n"
                    "    return fn(xs[0])\nprint(g(lambda v: v * 2, (1.5, 2.0)))\n",
    "typing_errors": "from typing import Dict, Optional\ntry:\n    Dict[int]\nexcept TypeError as e:\n"
                     "    print(e)\ntry:\n    int[3]\nexcept TypeError as e:\n    print(e)\n"
                     "try:\n    Optional[int, str]\nexcept TypeError as e:\n    print(e)\n",
    # 3. finfo / iinfo
    "dtype_info": "import torch\nimport numpy as np\nfi = torch.finfo(torch.float32)\nprint(fi)\n"
                  "print(fi.eps, fi.max, fi.min, fi.tiny, fi.bits, fi.resolution)\n"
                  "print(fi.dtype, fi.smallest_normal)\n"
                  "print(torch.finfo(torch.float64).eps, torch.finfo().eps, torch.finfo(torch.float16))\n"
                  "ii = torch.iinfo(torch.int64)\nprint(ii, ii.max, ii.min, ii.bits, ii.dtype)\n"
                  "x = torch.tensor([1.0, 2.0])\n"
                  "print(torch.finfo(x.dtype).eps * 10, torch.iinfo(torch.uint8).max)\n"
                  "print(repr(np.finfo(np.float32)), np.finfo(np.float64).eps, np.finfo(float).tiny)\n"
                  "print(np.iinfo(np.int32).max, np.iinfo(int).min, np.finfo(np.float32).dtype)\n"
                  "print(np.iinfo(np.int16))\nprint(np.finfo(np.float32))\n"
                  "print(torch.finfo, np.finfo, type(fi))\n",
    "dtype_info_errors": "import torch\nimport numpy as np\nfi = torch.finfo(torch.float32)\n"
                         "try:\n    torch.finfo(torch.int32)\nexcept TypeError as e:\n    print(e)\n"
                         "try:\n    torch.iinfo(torch.float32)\nexcept TypeError as e:\n    print(e)\n"
                         "try:\n    print(fi.foo)\nexcept AttributeError as e:\n    print(e)\n"
                         "try:\n    np.finfo(np.int32)\nexcept ValueError as e:\n    print(e)\n"
                         "try:\n    torch.finfo(3)\nexcept TypeError as e:\n    print(e)\n",
    # 4. NumPy's index tricks
    "grids": "import numpy as np\nprint(np.mgrid[0:3, 0:2])\n"
             "print(np.mgrid[0:1:5j], np.mgrid[-1:1:3j, 0:2:2j])\n"
             "print(np.mgrid[5:], np.mgrid[0:4:2], np.mgrid[3:0].shape, np.mgrid[0.5:2])\n"
             "xx, yy = np.ogrid[0:3, 0:2]\nprint(xx, yy, xx + yy, np.ogrid[0:1:3j])\n"
             "X, Y = np.mgrid[-1:1:3j, -1:1:3j]\nprint(X ** 2 + Y ** 2)\n",
    "concatenators": "import numpy as np\n"
                     "print(np.r_[1:4, 0, [7, 8], np.array([9])], np.r_[-1:1:5j, 0, 0, 1:4])\n"
                     "print(np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])], np.r_['0,2', [1, 2], [3, 4]])\n"
                     "print(np.c_[[1, 2], [3.5, 4]], np.r_[3])\n"
                     "a = np.arange(12).reshape(3, 4)\n"
                     "print(np.ix_([0, 1], [2, 4]), a[np.ix_([0, 2], [1, 3])])\n"
                     "print(np.ix_(np.array([True, False, True]), [0]))\n",
    "grid_errors": "import numpy as np\ntry:\n    np.mgrid[0:5:0]\nexcept ZeroDivisionError as e:\n"
                   "    print(e)\n"
                   "try:\n    np.mgrid[0:5:0, 0:2]\nexcept ZeroDivisionError as e:\n    print(e)\n"
                   "try:\n    np.mgrid[0:2, 3:0]\nexcept ValueError as e:\n    print(e)\n"
                   "try:\n    np.ix_([[0, 1]])\nexcept ValueError as e:\n    print(e)\n"
                   "try:\n    np.r_[0:float('inf')]\nexcept ValueError as e:\n    print(e)\n"
                   "try:\n    np.r_[()]\nexcept ValueError as e:\n    print(e)\n",
    # 5. itertools
    "itertools_lazy": "import itertools\nfrom itertools import cycle, groupby, tee, starmap, islice\n"
                      "c = cycle(['a', 'b', 'c'])\n"
                      "print([next(c) for _ in range(7)], list(islice(cycle([1, 2]), 5)))\n"
                      "for k, g in groupby('aaabccdd'):\n    print(k, list(g))\n"
                      "data = [('x', 1), ('x', 2), ('y', 3)]\n"
                      "print([(k, [v for _, v in g]) for k, g in groupby(data, key=lambda p: p[0])])\n"
                      "print([(k, list(g)) for k, g in list(groupby('aab'))], list(groupby([])))\n"
                      "a, b = tee([1, 2, 3])\nprint(list(a), list(b), len(tee(range(3), 4)), tee([1], 0))\n"
                      "print(list(starmap(pow, [(2, 3), (3, 2)])))\n"
                      "print(list(starmap(lambda x, y: x * y, zip([1], [3]))))\n"
                      "print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))\n"
                      "print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))\n"
                      "print(list(itertools.filterfalse(lambda x: x % 2, range(6))))\n"
                      "print(list(itertools.filterfalse(None, [0, 1, 0, 2])))\n"
                      "print(list(itertools.compress('abcd', [1, 0, 1])))\n"
                      "total = 0\nfor i, v in enumerate(cycle([1, 2, 3])):\n    if i >= 10:\n        break\n"
                      "    total += v\nprint(total)\n",
    "itertools_text": "import itertools\nn = itertools.count(5)\n"
                      "print(n, next(n), n, itertools.count(1.5, 0.5))\n"
                      "r = itertools.repeat(0, 3)\n"
                      "print(r, itertools.repeat('a'), itertools.count(), repr(r))\n"
                      "next(r)\nprint(r, f'{n}', str(n), type(n), type(itertools.cycle([1])))\n"
                      "print(type(itertools.groupby([1])), type(next(itertools.groupby([1]))[1]))\n",
    "itertools_tensors": "import torch, itertools\n"
                         "xs = [torch.tensor(1.0, requires_grad=True), torch.tensor(2.0)]\n"
                         "threes = itertools.cycle([torch.tensor(3.0)])\n"
                         "ys = list(itertools.starmap(torch.mul, zip(xs, threes)))\n"
                         "sum(ys).backward()\nprint(ys, xs[0].grad)\n"
                         "print([(k, len(list(g))) for k, g in\n"
                         "       itertools.groupby([1, 1, 2], key=lambda v: v % 2)])\n",
    "itertools_errors": "import itertools\n"
                        "for bad in ['tee([1], -1)', 'cycle()', 'cycle([1], [2])', 'groupby()',\n"
                        "            'tee([1], 1.5)', 'starmap(len)', 'compress([1])', 'takewhile(len)']:\n"
                        "    pass\ntry:\n    itertools.tee([1], -1)\nexcept ValueError as e:\n    print(e)\n"
                        "try:\n    itertools.cycle()\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    itertools.cycle([1], [2])\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    itertools.groupby()\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    itertools.tee([1], 1.5)\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    itertools.starmap(len)\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    itertools.compress([1])\nexcept TypeError as e:\n    print(e)\n"
                        "try:\n    list(itertools.starmap(pow, [1]))\nexcept TypeError as e:\n    print(e)\n",
    # a.flat, np.ndindex, np.ndenumerate
    "flat_walks": "import numpy as np\na = np.arange(6).reshape(2, 3)\nf = a.flat\n"
                  "print(f[2], f[1:4], f[[0, 5]], f[...], next(f), next(f), type(f))\n"
                  "print([v * 2 for v in a.flat], sum(a.flat), list(a.T.flat), f[np.array([1, 2])])\n"
                  "for i, v in enumerate(a.flat):\n    if i == 2:\n        print('third', v)\n"
                  "print(list(np.ndindex(2, 2)), list(np.ndindex((2, 1))), list(np.ndindex()))\n"
                  "for idx in np.ndindex(a.shape):\n    a[idx] += 1\nprint(a)\n"
                  "for (i, j), v in np.ndenumerate(a):\n    if v % 2 == 0:\n        print(i, j, v)\n"
                  "print(list(np.ndenumerate([[1.5, 2]])), list(np.ndenumerate(3)))\n"
                  "print(a.flat[np.array([True, False, True, False, False, True])])\n"
                  "try:\n    a.flat[10]\nexcept IndexError as e:\n    print(e)\n"
                  "try:\n    list(np.ndindex(-1))\nexcept ValueError as e:\n    print(e)\n"
                  "try:\n    np.ndindex(2.5)\nexcept TypeError as e:\n    print(e)\n",
    # zip(strict=True), lazily as CPython's
    "zip_strict": (
                   "print(list(zip([1, 2], [3, 4], strict=True)), list(zip([1], [2, 3], strict=False)))\n"
                   "print(list(zip(strict=True)))\n"
                   "z = zip([1, 2], [3], strict=True)\n"
                   "print(next(z))\n"
                   "try:\n"
                   "    next(z)\n"
                   "except ValueError as e:\n"
                   "    print(e)\n"
                   "for args in ([[1, 2], [3]], [[1], [2, 3]], [[1], [2], [3, 4]], [[1, 2], [3, 4], [5]]):\n"
                   "    try:\n"
                   "        print(list(zip(*args, strict=True)))\n"
                   "    except ValueError as e:\n"
                   '        print("ValueError:", e)\n'
                   "g = (i for i in range(3))\n"
                   "try:\n"
                   '    for a, b in zip(g, "ab", strict=True):\n'
                   "        print(a, b)\n"
                   "except ValueError as e:\n"
                   "    print(e)\n"
                   'd = dict(zip("ab", [1, 2], strict=True))\n'
                   "print(d)\n"),
    # np.nditer (its 0-d items, read-only or written through) and int()/float() of a 0-d array
    "nditer": (
               "import numpy as np\n"
               "a = np.arange(6).reshape(2, 3)\n"
               "for x in np.nditer(a):\n"
               "    print(x, end=' ')\n"
               "print()\n"
               "print([int(x) for x in np.nditer(a.T)], [int(x) for x in np.nditer(a, order='F')])\n"
               "print(list(np.nditer(a))[:2])\n"
               "with np.nditer(a, op_flags=['readwrite']) as it:\n"
               "    for x in it:\n"
               "        x[...] = 2 * x\n"
               "print(a)\n"
               "for x in np.nditer(a, op_flags=['readwrite']):\n"
               "    x[...] = x + 1\n"
               "print(a)\n"
               "try:\n"
               "    for x in np.nditer(a):\n"
               "        x[...] = 0\n"
               "except ValueError as e:\n"
               "    print(e)\n"
               "try:\n"
               "    np.nditer(a, order='Q')\n"
               "except ValueError as e:\n"
               "    print(e)\n"
               "try:\n"
               "    np.nditer(a, op_flags=['foo'])\n"
               "except ValueError as e:\n"
               "    print(e)\n"
               "print(list(np.nditer(3.5)), type(np.nditer(a)))\n"
               "it = np.nditer(a)\n"
               "print(next(it), next(it))\n"),
    "zero_d_numbers": (
                       "import numpy as np\n"
                       "print(int(np.array(3)), float(np.array(2.5)))\n"
                       "print(complex(np.array(1)), bool(np.array(0)))\n"
                       "print(int(np.float64(2.7)), float(np.int64(3)))\n"
                       "try:\n"
                       "    int(np.array([1, 2]))\n"
                       "except TypeError as e:\n"
                       "    print(e)\n"),
    "unravel_index": (
                      "import numpy as np\n"
                      "a = np.array([[3, 1, 2], [0, 5, 4]])\n"
                      "print(np.unravel_index(np.argmin(a), a.shape), np.unravel_index([1, 5], (2, 3)))\n"
                      "print(np.unravel_index(np.array([[1], [4]]), (2, 3), order='F'))\n"
                      "print(np.unravel_index(7, 3 * [2]))\n"
                      "i, j = np.unravel_index(a.argmax(), a.shape)\n"
                      "print(i, j, a[i, j])\n"
                      "try:\n"
                      "    np.unravel_index(6, (2, 3))\n"
                      "except ValueError as e:\n"
                      "    print(e)\n"
                      "try:\n"
                      "    np.unravel_index(1.5, (2, 3))\n"
                      "except TypeError as e:\n"
                      "    print(e)\n"
                      "try:\n"
                      "    np.unravel_index(1, (2.5, 3))\n"
                      "except TypeError as e:\n"
                      "    print(e)\n"
                      "try:\n"
                      "    np.unravel_index(1, (2, 3), order='Q')\n"
                      "except ValueError as e:\n"
                      "    print(e)\n"),
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_as_python(name: str) -> None:
    """Each snippet runs to its end in Python (its errors are caught and printed) and the same here."""
    assert run_trusted(SNIPPETS[name]).error is None
    same_as_python(SNIPPETS[name])


@pytest.mark.parametrize("source", [
    "import numpy as np\nx = np.mgrid[0:3, 0:2]\nprint(x[2, 0])\n",   # an error at line 3
    "z = zip([1, 2], [3], strict=True)\nprint(next(z))\nprint(next(z))\n",
    "from typing import List\nx = List[int]\nprint(x.foo)\n",
])
def test_errors_as_python(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line == 3


# -- limits, just below and above ------------------------------------------------------------------------
SMALL = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=1_000)


@pytest.mark.parametrize("source, elements", [
    ("np.mgrid[0:20, 0:25]", 1_000), ("np.mgrid[0:1:1000j]", 1_000), ("np.ogrid[0:500, 0:500]", 1_000),
    ("np.r_[0:999, 5]", 1_000), ("np.c_[0:1:500j, 0:1:500j]", 1_000),
    ("np.ix_(range(500), range(500))", 1_000),
    ("np.mgrid[0.5:500, 0:2]", 2_000), ("np.mgrid[0:10, 0:10, 0:10]", 3_000),
])
def test_grids_are_counted_before_numpy_makes_them(source: str, elements: int) -> None:
    """At the limit it runs; one more element (or the same call with the next size) is refused first."""
    prelude = "import numpy as np\n"
    at = run_program(prelude + f"x = {source}\n",
                     limits=dataclasses.replace(SMALL, max_tensor_elements=elements))
    assert at.ok, at.error
    refused(prelude + f"x = {source}\n", "limit", f"would have {elements:,} elements",
            limits=dataclasses.replace(SMALL, max_tensor_elements=elements - 1))


@pytest.mark.parametrize("source", ["np.mgrid[0:10**5, 0:10**5]", "np.mgrid[0:1:1e12j]", "np.ogrid[0:10**12]",
                                    "np.mgrid[0:10**10, 0:0]", "np.ogrid[0:10**10, 0:0]",
                                    "np.r_[0:10**12]", "np.c_[0:1:1e15j]", "np.mgrid[0:1:1e15j, 0:1:1e15j]"])
def test_huge_grids_are_refused_before_any_memory_is_made(source: str) -> None:
    refused(f"import numpy as np\nx = {source}\n", "limit", "elements")


@pytest.mark.parametrize("source, words", [
    ("np.mgrid[0:torch.tensor(3)]", "takes slices of numbers"),
    ("np.r_['r', [1, 2]]", "makes a numpy.matrix"),
    ("np.r_[torch.ones(2)]", "numpy arrays combine only"),
    ("np.mgrid[" + ", ".join(["0:1"] * 33) + "]", "axes"),
])
def test_grid_refusals_name_the_construct(source: str, words: str) -> None:
    refused(f"import numpy as np\nimport torch\nx = {source}\n", "unsupported", words, line=3)


@pytest.mark.parametrize("source", [
    "for x in itertools.cycle([1]):\n    pass", "x = list(itertools.cycle([1, 2]))",
    "for k, g in itertools.groupby(itertools.count()):\n    pass",
    "print(sum(itertools.starmap(pow, itertools.repeat((2, 2)))))",
    "x = list(itertools.dropwhile(lambda v: True, itertools.count()))",
    "x = list(itertools.filterfalse(None, itertools.repeat(0)))",
    "a, b = itertools.tee(itertools.count())\nfor v in a:\n    pass",
])
def test_endless_itertools_stop_at_the_loop_budget(source: str) -> None:
    report = run_program("import itertools\n" + source + "\n",
                         limits=dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=5_000))
    assert not report.ok and report.error.kind == "limit" and "loop iterations" in report.error.message, \
        report.error


def test_cycle_within_the_budget_runs() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=5_000)
    ok = run_program("import itertools\nc = itertools.cycle([1, 2])\nx = [next(c) for _ in range(2_000)]\n",
                     limits=limits)
    assert ok.ok, ok.error


@pytest.mark.parametrize("n, ok", [(100_000, True), (100_001, False)])
def test_tee_counts_its_tuple_first(n: int, ok: bool) -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=100_000)
    report = run_program(f"import itertools\nt = itertools.tee([1], {n})\nprint(len(t))\n", limits=limits)
    assert report.ok == ok, report.error
    if ok:
        assert report.printed == f"{n}\n"


def test_typing_refuses_forward_references_and_values() -> None:
    refused("from typing import List\nx = List['Node']\n", "unsupported", "forward references")
    refused("from typing import List\nx = List[3]\n", "unsupported", "a typing form of a int value")


def test_typing_names_outside_the_list_are_refused_by_name() -> None:
    report = run_program("from typing import TypeVar\n")
    assert not report.ok and "`from typing import TypeVar` is not supported" in report.error.message


def test_inert_values_stay_inert() -> None:
    """A typing form, a finfo and an index trick offer only what their modules list."""
    for source in ("from typing import List\nList.__origin__\n", "import torch\ntorch.finfo().__class__\n",
                   "import numpy as np\nnp.mgrid.__getitem__\n"):
        report = run_program(source)
        assert not report.ok and report.error.kind == "unsupported", report.error


@pytest.mark.parametrize("depth, ok", [(32, True), (33, False)])
def test_typing_forms_nest_to_a_bound(depth: int, ok: bool) -> None:
    """typing's repr, hash and == recurse through a form: its nesting is bounded before typing makes it."""
    source = f"from typing import List\nt = int\nfor i in range({depth}):\n    t = List[t]\nprint(t)\n"
    report = run_program(source)
    assert report.ok == ok, report.error
    if ok:
        assert report.printed == run_trusted(source).printed
    else:
        assert report.error.kind == "unsupported" and "nested more than 32 deep" in report.error.message


def test_complex_slice_bounds_are_refused_by_name() -> None:
    refused("import numpy as np\nx = np.mgrid[:5j]\n", "unsupported", "takes slices of numbers")


@pytest.mark.parametrize("source", ["for i in np.ndindex(10**6, 10**6):\n    pass",
                                    "x = list(np.ndenumerate(np.zeros((100, 100))))",
                                    "for v in np.zeros(10_000).flat:\n    pass"])
def test_numpy_walks_stop_at_the_loop_budget(source: str) -> None:
    report = run_program("import numpy as np\n" + source + "\n",
                         limits=dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=5_000))
    assert not report.ok and report.error.kind == "limit" and "loop iterations" in report.error.message, \
        report.error


@pytest.mark.parametrize("index, total", [("[0] * 1_000", 3_000), ("slice(None)", 2_000), ("...", 2_000),
    ("np.ones(1_000, dtype=int)", 3_000), ("slice(0, 1_000, 2)", 1_500)])
def test_flat_reads_are_counted_first(index: str, total: int) -> None:
    """The array, the index array made from a list, and the result: all counted; one element fewer in the
    run's total refuses the read before NumPy makes it."""
    source = f"import numpy as np\na = np.zeros(1_000)\nx = a.flat[{index}]\n"
    at = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_total_elements=total))
    assert at.ok, at.error
    report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_total_elements=total - 1))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


def test_flat_refuses_other_indices_by_name() -> None:
    refused("import numpy as np\na = np.zeros(3)\nx = a.flat[1.5]\n", "unsupported", "a.flat[...] takes",
            line=3)


def test_zip_strict_of_endless_sources_stops_at_the_loop_budget() -> None:
    report = run_program("import itertools\nc = itertools.count()\n"
                         "x = list(zip(c, itertools.count(), strict=True))\n",
                         limits=dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=5_000))
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3, report.error


@pytest.mark.parametrize("source", ["np.nditer([a, None])", "np.nditer(a, flags=['refs_ok'])",
                                    "np.nditer(torch.ones(2))", "np.nditer(a, op_dtypes=['float64'])"])
def test_nditer_beyond_one_plain_array_is_refused_by_name(source: str) -> None:
    refused(f"import numpy as np\nimport torch\na = np.zeros(3)\nx = {source}\n", "unsupported",
            "np.nditer(a, op_flags=[...], order=...)", line=4)


def test_nditer_stops_at_the_loop_budget() -> None:
    report = run_program("import numpy as np\nfor x in np.nditer(np.zeros(10_000)):\n    pass\n",
                         limits=dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=5_000))
    assert not report.ok and report.error.kind == "limit" and "loop iterations" in report.error.message


@pytest.mark.parametrize("width, ok", [(4, True), (16, False)])
def test_typing_forms_are_bounded_in_all_their_parts(width: int, ok: bool) -> None:
    """Tuple[(Tuple[(Tuple[...],) * w],) * w]: typing's hash, == and repr visit every part (w**3 of them)."""
    source = (f"from typing import Tuple\nt = Tuple[(int,) * {width}]\nu = Tuple[(t,) * {width}]\n"
              f"v = Tuple[(u,) * {width}]\nprint(len(repr(v)))\n")
    report = run_program(source)
    assert report.ok == ok, report.error
    if ok:
        assert report.printed == run_trusted(source).printed
    else:
        assert report.error.line == 4 and "4,096 types in all" in report.error.message


@pytest.mark.parametrize("elements, ok", [(2_000, True), (1_999, False)])
def test_unravel_index_counts_one_array_per_axis_first(elements: int, ok: bool) -> None:
    source = ("import numpy as np\nk = np.zeros(1_000, dtype=int)\n"
              "rows, cols = np.unravel_index(k, (10, 10))\n")
    report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=elements))
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 3
