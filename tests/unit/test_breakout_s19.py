"""Red team, session 19: the new doors a hostile student would try first. `import time` hands out
clocks only (no sleep, no module internals, nothing writable, no other member of Python's module);
NumPy's array indexing and makers size their results before NumPy allocates (index arrays that
broadcast to a huge shape, shared-row nested lists, a mask of another shape, tile/eye/full of huge
sizes), and the index parts never carry a tensor or a function into NumPy."""

from __future__ import annotations

import pytest

from tests.unit.breakout_helpers import FN, SMALL, Case, check_case

N = "import numpy as np\n"
T = "import time\n"
CASES = [
    # time: only the clocks, read-only
    Case(T + "time.sleep(10**9)\n", "unsupported", 2, r"^`time\.sleep` is not supported in Autograd Lab"),
    Case("from time import sleep as nap\n", "unsupported", 1, r"^`from time import sleep` is not supported"),
    Case(T + "print(time.__dict__)\n", "unsupported", 2, r"double-underscore"),
    Case(T + "print(time.__loader__)\n", "unsupported", 2, r"double-underscore"),
    Case(T + "print(time._STRUCT_TM_ITEMS)\n", "unsupported", 2, r"private"),
    Case(T + "s = time.strftime\n", "unsupported", 2, r"`time\.strftime` is not supported"),
    Case(T + "t = time.localtime()\n", "unsupported", 2, r"`time\.localtime` is not supported"),
    Case(T + "time.get_clock_info('time')\n", "unsupported", 2, r"`time\.get_clock_info` is not supported"),
    Case("from time import localtime\n", "unsupported", 1, r"`from time import localtime` is not supported"),
    Case("import time.sleep\n", "unsupported", 1, r"`import time\.sleep` is not supported"),
    Case(T + "time.time = lambda: 0\n", "unsupported", 2, r"assigning to the attribute `\.time`"),
    Case(T + "clock = time.time\n", "unsupported", 2, FN + "|functions and modules cannot be stored"),
    Case(T + "print(time.time(time.time))\n", "type", 2, r"time\.time\(\) takes no arguments \(1 given\)"),
    # NumPy indexing: sized before NumPy allocates
    Case(N + "a = np.ones((3, 3))\ni = np.zeros((11, 1), int)\nb = a[i, np.zeros(10, int)]\n", "limit", 4,
         r"^result of indexing would have 110 elements; the limit is 100$", SMALL),
    Case(N + "a = np.ones((3, 3))\nrow = [0] * 20\nidx = [row] * 20\nb = a[idx]\n", "limit", 5,
         r"would have 400 elements; the limit is 100", SMALL),
    Case(N + "a = np.ones((2, 5))\nb = a[np.ones((2, 5)) > 0][[0, 1]]\nc = a[:, [True] * 5]\n"
         "print(b, c.shape)\n", None, None, "[1. 1.] (2, 5)\n", SMALL),
    Case(N + "a = np.ones((1, 100))\nb = a[(0,) * 50, :]\n", "limit", 3,   # a tuple inside the index tuple
         r"^result of indexing would have 5,000 elements; the limit is 100$", SMALL),
    Case(N + "a = np.ones((1, 100))\nb = a[((0,) * 50,)]\n", "limit", 3, r"would have 5,000 elements", SMALL),
    Case(N + "a = np.ones((50, 2))\nb = a[range(2**62)]\n", "limit", 3,
         r"^result of indexing would have 4,611,686,018,427,387,904 elements", SMALL),
    Case(N + "a = np.ones((40, 2))\nb = a[range(40), (1,) * 40]\nprint(b.shape)\n", None, None, "(40,)\n",
         SMALL),
    Case(N + "a = np.ones(3)\nb = a[np.array([True, False])]\n", "index", 3, r"^boolean index did not match"),
    Case(N + "a = np.ones(3)\nb = a[[2**63]]\n", "index", 3, r"^index -9223372036854775808 is out of bounds"),
    Case(N + "a = np.ones(3)\nb = a[[2**64]]\n", "index", 3, r"^only integers, slices"),
    Case(N + "a = np.ones(3)\nb = a[[print]]\n", "unsupported", 3, FN),
    Case(N + "a = np.ones(3)\na[[0]] = print\n", "unsupported", 3, FN),
    # a list of numbers runs as in NumPy since session 30, made as np.array makes it (sized first):
    # other items and shared huge rows stay refused
    Case(N + "a = np.ones(3)\na[[0]] = ['x']\n", "unsupported", 3, r"numpy arrays of numbers only"),
    Case(N + "a = np.ones(3)\nrow = [1.0] * 10000\na[[0]] = [row] * 10000\n", "limit", 4, r"np\.array"),
    Case("import torch\n" + N + "a = np.arange(3)\nprint(a[torch.tensor([2, 0])])\n", None, None, "[2 0]\n"),
    # NumPy makers: sized before NumPy allocates
    Case(N + "a = np.tile(np.ones(10), (2**40, 2**40))\n", "limit", 2,
         r"^result of np\.tile would have [\d,]+ elements; the limit is 5,000,000$"),
    Case(N + "a = np.tile(np.ones((2, 2)), (0, 10**30))\n", "value", 2, r"^number too large"),
    Case(N + "a = np.eye(10**4, 10**4)\n", "limit", 2, r"^result of np\.eye would have 100,000,000 elements"),
    Case(N + "a = np.full((2**31, 2**31), 1)\n", "limit", 2, r"^result of np\.full would have"),
    Case(N + "a = np.full((2, 2), 'x')\n", "unsupported", 2, r"numpy arrays combine only with numbers"),
    Case(N + "a = np.full((2, 2), print)\n", "unsupported", 2, r"combine only with numbers|" + FN),
    Case(N + "b = np.ones(4000000)\na = np.zeros_like(b)\nc = np.ones_like(b)\n", None, None, ""),
    Case(N + "a = np.empty((3,), dtype=np.float32)\nprint(a)\n", None, None, "[0. 0. 0.]\n"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)
