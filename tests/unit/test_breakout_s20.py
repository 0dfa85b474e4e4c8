"""Red team, session 20: objects of the program's classes inside lists, tuples and dicts
(lang/stored_objects.py). Lists of them are bounded like any list, never reach torch, NumPy or a builtin
that looks inside (however long the list before them, however deep), and their texts run the program's
__repr__ under the limits."""

from __future__ import annotations

import pytest

from tests.unit.breakout_helpers import SMALL, Case, check_case

C = "import torch\nimport numpy as np\nclass A:\n    pass\n"
OBJ = r"the `A` object cannot be used"
CASES = [
    # bounded like any list: the length, the total items, the number of instances
    Case(C + "xs = [A()] * 10**9\n", "limit", 5, r"would have 1,000,000,000 items", SMALL),
    Case(C + "xs = [A() for _ in range(10**6)]\n", "limit", 5, r"would have 51 items", SMALL),
    Case(C + "d = {}\nfor i in range(10**6):\n    d[i] = A()\n", "limit", 7,
         r"dictionary would have 51 items", SMALL),
    # never into a library call, wherever the object hides
    Case(C + "xs = [0.0] * 99_999 + [A()]\nt = torch.tensor(xs)\n", "unsupported", 6,
         OBJ + r" in `torch\.tensor`"),
    Case(C + "xs = [[0.0] * 1000] * 1000 + [[A()]]\nt = np.array(xs)\n", "unsupported", 6,
         OBJ + r" in `np\.array`"),
    Case(C + "xs = [A()]\nfor i in range(60):\n    xs = [xs, xs]\nt = torch.tensor(xs)\n", "unsupported", 8,
         OBJ + r" in `torch\.tensor`"),   # 2**60 paths, 61 distinct lists: each walked once
    Case(C + "xs = [A()]\nfor i in range(200):\n    xs = [xs]\nt = torch.tensor(xs)\n", "unsupported", 8,
         OBJ + r" in `torch\.tensor`"),
    Case(C + "d = {'w': [0] * 30000, 'x': {'y': (A(),)}}\nt = torch.tensor(list(d.values()))\n",
         "unsupported", 6, OBJ),
    Case(C + "xs = [A()]\nxs.append(xs)\nt = torch.cat(xs)\n", "unsupported", 7, OBJ + r" in `torch\.cat`"),
    Case(C + "def f(*args):\n    return torch.stack(args)\nf(torch.ones(1), A())\n", "unsupported", 6,
         OBJ + r" in `torch\.stack`"),
    Case(C + "x = torch.ones(2)\nx[[A()]] = 1\n", "unsupported", 6, OBJ + r" as an index"),
    Case(C + "x = np.ones(2)\nx[0] = [A()]\n", "unsupported", 6, OBJ + r" in an assignment"),
    Case(C + "print(sum([A()], []))\n", "type", 5, r'can only concatenate list \(not "A"\) to list'),
    Case(C + "print(str([A()]).join([[A()]]))\n", "unsupported", 5, OBJ + r" in `\.join\(\)`"),
    Case(C + "print(f'{[A()]:>10}')\n", "unsupported", 5, OBJ + r" in an f-string"),
    # texts: the program's __repr__ under the call depth and step limits; cycles print as Python's
    Case(C + "class B:\n    def __repr__(self):\n        return str([self])\nprint([B()])\n", "limit", 7,
         r"levels deep"),
    Case(C + "class B:\n    def __repr__(self):\n        while True:\n            pass\nprint([B()])\n",
         "limit", 7, r"loop iterations", SMALL),
    Case(C + "xs = [A()]\nxs.append(xs)\nprint(xs, (xs,), {'k': xs})\n", None, None,
         "[<__main__.A object>, [...]] ([<__main__.A object>, [...]],) "
         "{'k': [<__main__.A object>, [...]]}\n"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)


def test_objects_put_in_a_list_by_map_are_found_after_a_long_list():
    check_case(Case(C + "xs = list(map(lambda i: A(), range(30000)))\nys = [0.0] * 30000 + xs\n"
                    "t = torch.tensor(ys)\n", "unsupported", 7, OBJ + r" in `torch\.tensor`"))
