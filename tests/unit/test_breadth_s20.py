"""Session 20's NumPy breadth (issue 9): `np.full(shape, [list fill])` and a tensor as a NumPy index, equal
to real NumPy (tests/oracle.py), sized before NumPy allocates, refusing what np.array refuses."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.breakout_helpers import SMALL, Case, check_case

N = "import numpy as np\nimport torch\n"


@pytest.mark.parametrize("tail", [
    "print(np.full((2, 3), [1.0, 2.0, 3.0]))\n",
    "print(np.full((2, 3), [[1], [2]]), np.full(3, (1, 2, 3), dtype=np.int64))\n",
    "b = np.arange(10)\nprint(b[torch.tensor([1, 2])], b[torch.tensor(3)])\n",
    "b = np.arange(10)\nprint(b[torch.tensor([True, False] * 5)])\n",
    "b = np.arange(10)\nprint(b[torch.tensor([1])], b[torch.tensor([[2]])], b[torch.tensor([True])])\n",
    "b = np.arange(10)\nb[torch.tensor([3])] = 0\n"
    "print(b, b.reshape(2, 5)[torch.tensor([1]), torch.tensor([1, 2])])\n",
    "b = np.arange(10).reshape(2, 5)\nprint(b[torch.tensor([0, 1]), torch.tensor([4, 3])])\n",
    "b = np.arange(10)\nb[torch.tensor([0, 1])] = 7\nb[torch.tensor([2])] += 10\nprint(b)\n",
])
def test_equals_numpy(tail: str) -> None:
    source = N + tail
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize(("tail", "kind"), [
    ("np.full((2, 3), [1, 2])\n", "value"),                       # does not broadcast
    ("b = np.arange(3)\nb[torch.tensor([1.0])]\n", "index"),      # a float index
    ("b = np.arange(3)\nb[torch.tensor([5])]\n", "index"),        # out of range
    ("b = np.arange(3)\nb[torch.tensor([1.0], requires_grad=True)]\n", "autograd"),
])
def test_errors_equal_numpy(tail: str, kind: str) -> None:
    source = N + tail
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and report.error is not None and report.error.kind == kind
    if kind != "autograd":
        assert report.error.message == str(oracle.error)


CASES = [
    # a list fill is made as np.array makes it: sized first, numbers only, no functions or objects
    Case(N + "a = np.full((2,), [[0.0] * 11] * 11)\n", "limit", 3, r"np\.array would have 121 elements",
         SMALL),
    Case(N + "a = np.full((10, 10), [0.0] * 10)\nprint(a.shape)\n", None, None, "(10, 10)\n", SMALL),
    Case(N + "a = np.full((10, 11), [0.0] * 11)\n", "limit", 3, r"np\.full would have 110 elements", SMALL),
    Case(N + "a = np.full((2,), [print, 1])\n", "unsupported", 3, r"a function may only be called"),
    Case(N + "class A:\n    pass\na = np.full((2,), [A()])\n", "unsupported", 5,
         r"the `A` object cannot be used in `np\.full`"),
    Case(N + "a = np.full((2,), ['x', 'y'])\n", "unsupported", 3, r"numpy arrays of numbers only"),
    # a tensor index: the result is sized from the index's shape before NumPy runs
    Case(N + "a = np.ones((3, 3))\ni = torch.zeros((10, 1), dtype=torch.long)\n"
         "b = a[i, torch.zeros(10, dtype=torch.long)]\nprint(b.shape)\n", None, None, "(10, 10)\n", SMALL),
    Case(N + "a = np.ones((3, 3))\ni = torch.zeros((11, 1), dtype=torch.long)\n"
         "b = a[i, torch.zeros(10, dtype=torch.long)]\n", "limit", 5,
         r"^result of indexing would have 110 elements; the limit is 100$", SMALL),
    Case(N + "a = np.ones(3)\na[torch.tensor([0])] = print\n", "unsupported", 4,
         r"a function may only be called"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)
