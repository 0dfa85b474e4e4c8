"""Red team, session 21: tensors and the program's objects as dict keys: sizes just below and above the
limits (10**5 tensor keys, SMALL's length and element limits), deepcopy of cyclic dicts keyed by objects,
objects hidden in keys reaching torch/NumPy/sum/sorted, and keys that would run program code."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import SMALL, Case, check_case

C = "import torch\nimport numpy as np\nclass A:\n    pass\n"   # A's body ends at line 4
OBJ = r"the `A` object cannot be used"
# 10**5 keys take ~1.6 s on an idle machine: a 30 s time limit keeps a loaded CI machine from turning
# the size limit under test into a timeout
WIDE = dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=300_000, max_steps=3_000_000, max_ops=300_000,
                           timeout_s=30.0)
LONG = dataclasses.replace(SMALL, max_sequence_len=500, max_total_sequence_items=5000)

CASES = [
    # a dict's length: just below and above max_sequence_len (50 in SMALL), keys tensors or objects
    Case(C + "d = {}\nfor i in range(50):\n    d[torch.zeros(1)] = i\nprint(len(d))\n", None, None, "50\n",
         SMALL),
    Case(C + "d = {}\nfor i in range(51):\n    d[torch.zeros(1)] = i\n", "limit", 7, r"50", SMALL),
    Case(C + "d = {A(): i for i in range(50)}\nprint(len(d))\n", None, None, "50\n", SMALL),
    Case(C + "d = {A(): i for i in range(51)}\n", "limit", 5, r"50", SMALL),
    Case(C + "d = dict.fromkeys(range(49))\nd.update({A(): 1})\nprint(len(d))\n", None, None, "50\n", SMALL),
    Case(C + "d = dict.fromkeys(range(50))\nd.update({A(): 1})\n", "limit", 6, r"50", SMALL),
    # tensors as keys count toward the run's elements as values do (1000 in SMALL)
    Case(C + "d = {torch.zeros(10): i for i in range(100)}\nprint(len(d))\n", None, None, "100\n", LONG),
    Case(C + "d = {torch.zeros(10): i for i in range(101)}\n", "limit", 5, r"1,?000", LONG),
    # ... and toward the tensors a run keeps alive (max_ops, 20,000 by default)
    Case(C + "d = {torch.zeros(1): i for i in range(20_000)}\nprint(len(d))\n", None, None, "20000\n"),
    Case(C + "d = {torch.zeros(1): i for i in range(20_001)}\n", "limit", 5, r"20,000 tensor results alive"),
    # 10**5 tensor keys: just at and above the default max_sequence_len
    Case(C + "d = {torch.zeros(1): i for i in range(100_000)}\nprint(len(d))\n", None, None, "100000\n",
         WIDE),
    Case(C + "d = {torch.zeros(1): i for i in range(100_001)}\n", "limit", 5, r"100,000", WIDE),
    # objects in keys never reach a library
    Case(C + "d = {(1, A()): 2}\ntorch.tensor(list(d))\n", "unsupported", 6, OBJ),
    Case(C + "d = {A(): 2}\nx = [[1.0] * 30] * 30000 + [d]\ntorch.tensor(x)\n", "unsupported", 7, OBJ),
    Case(C + "d = {'k': {A(): 2}}\nnp.array([d])\n", "unsupported", 6, OBJ),
    # session 23: sorted() of tuples holding objects is Python's (one item: nothing to compare)
    Case(C + "d = {A(): 2}\nprint(sorted(d.items()))\n", None, None, "[(<__main__.A object>, 2)]\n"),
    Case(C + "d = {A(): 2}\nprint(sorted(list(d.items())))\n", None, None, "[(<__main__.A object>, 2)]\n"),
    Case(C + "d = {A(): 2}\nprint(max(d))\n", None, None, "<__main__.A object>\n"),   # session 22: as Python
    Case(C + "d = {A(): 2}\nprint(sum(d, 1))\n", "type", 6, r"unsupported operand"),
    Case(C + "print(len({A(): 1, torch.ones(1): 2}))\n", None, None, "2\n"),
    # session 22: a class's own __hash__ runs, under the limits (lang/object_equality.py)
    Case("class B:\n    def __hash__(self):\n        return 1\nd = {B(): 1, B(): 2}\nprint(len(d))\n", None,
         None, "2\n"),
    Case("class B:\n    def __hash__(self):\n        while True:\n            pass\nd = {B(): 1}\n", "limit",
         None, r"loop iterations|steps"),
    Case(C + "a = A()\nd = {a: 1}\nA.__hash__ = None\n", "unsupported", 7, r"__hash__|double-underscore"),
    # deepcopy of cyclic dicts keyed by objects: shared once, cycles closed, depth still bounded
    Case(C + "import copy\na = A()\nd = {a: a}\na.d = d\nd2 = copy.deepcopy(d)\nk = list(d2)[0]\n"
         "print(k is not a, d2[k] is k, k.d is d2, len(d2))\n", None, None, "True True True 1\n"),
    Case(C + "import copy\nd = {}\nfor i in range(150):\n    a = A()\n    a.d = d\n    d = {a: i}\n"
         "d2 = copy.deepcopy(d)\n", "limit", 11, r"nested more than 100 deep"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)
