"""Red team, session 21: hostile programs against the new uses of the program's objects: operator
methods (recursion, endless loops, hostile results), sets of objects (sizes just below and above the
limits, hostile __hash__/__eq__), cyclic and deep containers through copy.deepcopy and repr, yield and
'%' formatting of objects, and hand-offs of all of them to torch/NumPy."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import object_copies
from autogradlab.lang.object_copies import MAX_COPY_DEPTH
from tests.unit.breakout_helpers import SMALL, Case, check_case

C = "import torch\nimport numpy as np\nclass A:\n    pass\n"   # A's body ends at line 4
OBJ = r"the `A` object cannot be used"
DEEP_LIMITS = dataclasses.replace(SMALL, max_loop_iterations=1000, max_total_sequence_items=5000,
                                  max_steps=10_000)
DEEP = r"functions called each other more than \d+ levels deep"


def _dunder(name: str, body: str, args: str = "self, o") -> str:
    """class B whose `name` method runs `body` (line 3); b = B() at line 4."""
    return f"class B:\n    def {name}({args}):\n        {body}\nb = B()\n"


CASES = [
    # operator methods run under the call depth, the step budget and the time limit
    Case(_dunder("__add__", "return self + o") + "b + 1\n", "limit", None, DEEP),
    Case(_dunder("__radd__", "return o + self") + "1 + b\n", "limit", None, DEEP),
    Case(_dunder("__neg__", "return -self", "self") + "-b\n", "limit", None, DEEP),
    Case(_dunder("__lt__", "return o > self") + "b < b\n", "limit", None, DEEP),
    Case(_dunder("__mul__", "while True:\n            pass") + "b * 2\n", "limit", None,
         r"loop iterations|steps"),
    Case(_dunder("__add__", "return b") + "print(sum([b] * 40, b) is b)\n", None, None, "True\n"),
    Case(_dunder("__add__", "return b") + "print(sum([b] * 201, b))\n", "limit", 5, r"loop iterations",
         dataclasses.replace(SMALL, max_sequence_len=500, max_total_sequence_items=5000)),
    Case(C + _dunder("__add__", "return torch.ones(10**6)") + "x = b + 1\n", "limit", 7, r"elements",
         SMALL),
    Case(C + _dunder("__add__", "return np") + "x = b + 1\n", "unsupported", 7, r"module|`np`"),
    # session 22: __hash__/__eq__/__iadd__/__bool__ are the program's, each run under the limits with
    # Python's checks of its answer (lang/object_equality.py, object_protocols.py); others stay refused
    Case(_dunder("__hash__", "return 'x'", "self") + "d = {b: 1}\n", "type", 5,
         r"__hash__ method should return an integer"),
    Case(_dunder("__eq__", "return self == o") + "print(b == B())\n", "limit", None, DEEP),
    Case(_dunder("__iadd__", "return 1") + "b += 2\nprint(b)\n", None, None, "1\n"),
    Case("class B:\n    def __float__(self):\n        return 1\n", "unsupported", 2, r"defining `__float__`"),
    Case(_dunder("__bool__", "return 0", "self") + "print(not b)\n", "type", 5,
         r"__bool__ should return bool, returned int"),
    Case("class B:\n    __hash__ = print\n", "unsupported", 2, r"defining `__hash__`"),   # `= None` only
    Case("class B:\n    __eq__ = print\n", "unsupported", 2, r"defining `__eq__`"),
    Case("__hash__ = None\n", "unsupported", 1, r"double-underscore names such as `__hash__`"),
    # sets of objects: sizes just below and above max_sequence_len (50 in SMALL) and the run's total
    Case(C + "s = set()\nfor i in range(50):\n    s.add(A())\nprint(len(s))\n", None, None, "50\n", SMALL),
    Case(C + "s = set()\nfor i in range(51):\n    s.add(A())\n", "limit", 7, r"50", SMALL),
    Case(C + "s = {A() for i in range(51)}\n", "limit", 5, r"50", SMALL),
    Case(C + "xs = [A() for i in range(40)]\nfor k in range(20):\n    s = set(xs)\n", "limit", 7,
         r"500", SMALL),
    Case(C + "a = A()\ns = {a}\nfor k in range(600):\n    t = s | s\n", "limit", 8, r"500|loop",
         dataclasses.replace(SMALL, max_loop_iterations=10_000, max_steps=100_000)),
    # sets of objects never reach a library, however they are handed over
    Case(C + "s = {A()}\ntorch.tensor(list(s))\n", "unsupported", 6, OBJ + r" in `torch\.tensor`"),
    Case(C + "s = {A()}\nnp.array(s)\n", "unsupported", 6, OBJ + r" in `np\.array`"),
    Case(C + "s = {A()}\ntorch.ones(*s)\n", "unsupported", 6, OBJ),
    Case(C + "s = {0.0} | {A()}\nprint(sum(s))\n", "type", 6, r"unsupported operand type\(s\) for \+"),
    Case(C + "s = {A()}\nprint(max(s))\n", None, None, "<__main__.A object>\n"),   # no comparison
    Case(C + "s = {A(), A()}\nprint(max(s))\n", "type", 6,
         r"'>' not supported between instances of 'A' and 'A'"),   # session 22: Python's TypeError
    Case(C + "s = {A()}\nprint(hash(s.pop()))\n", "unsupported", 6, r"hash\(\) of the `A` object"),
    Case(C + "s = {A()}\nd = {x: 1 for x in s}\nnp.array(d)\n", "unsupported", 7, OBJ + r" in `np\.array`"),
    Case(C + "s = set()\ns.add((A(), [1]))\n", "type", 6, r"unhashable type: 'list'"),
    Case(C + "s = set()\ns.add((A(), torch.ones(1)))\n", "unsupported", 6, r"tensors cannot be set items"),
    Case(C + "s = {(A(),) * 64}\nprint(len(s))\n", None, None, "1\n"),
    Case(C + "s = {(A(),) * 65}\n", "unsupported", 5, OBJ + r" as a set item"),
    Case(C + "s = {(A(), 1)}\nprint(torch.tensor(list(list(s)[0])))\n", "unsupported", 6, OBJ),
    # classes in lists reach no library either
    Case(C + "ks = [A, int]\ntorch.tensor(ks)\n", "unsupported", 6, r"the class `A` cannot be used"),
    Case(C + "ks = [A]\nprint(ks[0].__init__)\n", "unsupported", 6, r"`__init__`"),
    # yield: a generator hands objects only to the program
    Case(C + "def g():\n    yield A()\ntorch.stack(list(g()))\n", "unsupported", 7, OBJ),
    Case(C + "def g():\n    yield A()\nprint(torch.tensor([1.0]).add(next(g())))\n", "unsupported", 7, OBJ),
    # copies: cycles copy as one, depth and sizes are limits, functions are never copied
    Case(C + "a = A()\na.me = a\nimport copy\nb = copy.deepcopy(a)\nprint(b.me is b, b is a)\n", None, None,
         "True False\n"),
    Case(C + "import copy\nx = []\nfor i in range(" + str(MAX_COPY_DEPTH - 1) + "):\n    x = [x]\n"
         "y = copy.deepcopy(x)\nprint(len(y))\n", None, None, "1\n",
         DEEP_LIMITS),
    Case(C + "import copy\nx = []\nfor i in range(" + str(MAX_COPY_DEPTH) + "):\n    x = [x]\n"
         "y = copy.deepcopy(x)\n", "limit", 9, r"nested more than 100 deep",
         DEEP_LIMITS),
    Case(C + "import copy\nx = [0] * 40\nfor i in range(12):\n    y = copy.deepcopy(x)\n", "limit", 8,
         r"500", SMALL),
    Case(C + "import copy\nx = [0] * 40\nfor i in range(11):\n    y = copy.deepcopy(x)\nprint(len(y))\n",
         None, None, "40\n", SMALL),
    Case(C + "import copy\na = A()\na.f = torch\n", "unsupported", 7, r"torch"),
    Case(C + "import copy\nb = copy.deepcopy(torch.ones(2, requires_grad=True) * 2)\n", "value", 6,
         r"deepcopy"),
    Case(C + "import copy\nxs = [torch.ones(2, requires_grad=True) * 2]\nb = copy.deepcopy(xs)\n", "value", 7,
         r"deepcopy"),
    # text: hostile __repr__/__str__, cycles and sizes through '%', str.format and print
    Case(_dunder("__repr__", "return repr([self])", "self") + "print('%r' % b)\n", "limit", None, DEEP),
    Case(_dunder("__str__", "return 5", "self") + "print('%s' % b)\n", "type", 5,
         r"__str__ returned non-string \(type int\)"),
    Case(_dunder("__repr__", "return 'x' * 40", "self") + "print('%s' % [b] * 2)\n", None, None,
         "[" + "x" * 40 + "][" + "x" * 40 + "]\n"),
    Case(_dunder("__repr__", "return 'x' * 40", "self") + "print('%r%r' % (b, b))\n", "limit", 5, r"50",
         SMALL),
    Case(_dunder("__str__", "return 'x'", "self") + "print('%99999999s' % b)\n", "limit", 5, r"100,000"),
    Case(_dunder("__str__", "return 'x'", "self") + "print('{!s:>99999999}'.format([b]))\n", "limit", 5,
         r"100,000"),
    # a function beside the object (storable since s25): Python's own answers
    Case(_dunder("__str__", "return 'x'", "self") + "print('%(k)s' % {'k': b, 'z': print})\n", None,
         None, "x\n"),
    Case(_dunder("__str__", "return 'x'", "self") + "print('%s' % (b, print))\n", "type", 5,
         r"^not all arguments converted during string formatting$"),
    Case(_dunder("__str__", "return 'x'", "self") + "print('%s%s' % (b,))\n", "type", 5,
         r"not enough arguments for format string"),
    Case(C + "a = A()\nxs = [a]\nxs.append(xs)\nprint('%s' % (xs,))\n", None, None,
         "[<__main__.A object>, [...]]\n"),
    Case(C + "s = {A()}\nprint(f'{s:>5}')\n", "unsupported", 6, OBJ + r" in an f-string|format"),
    # a list of objects is weighed before its text is written (100,000 values: max_sequence_len)
    Case(C + "xs = [[A()] * 1000] * 101\nprint(len('%s' % (xs,)))\n", "limit", 6,
         r"%-formatted string would print more than 100,000 values"),
    Case(C + "xs = [[A()] * 1000] * 101\nprint(len('{}'.format(xs)))\n", "limit", 6,
         r"formatted string would print more than 100,000 values"),
    Case(C + "xs = [[A()] * 1000] * 4\nprint(len('%s' % (xs,)), len('{}'.format(xs)), len(f'{xs}'))\n",
         None, None, "84008 84008 84008\n"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(("copies", "ok"), [(9, True), (10, False)])
def test_copied_objects_count_toward_the_instance_limit_just_below_and_above(monkeypatch, copies, ok):
    monkeypatch.setattr(object_copies, "MAX_INSTANCES", 10)
    source = C + f"import copy\na = A()\nxs = [copy.copy(a) for i in range({copies})]\nprint(len(xs))\n"
    report = run_program(source)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "more than 10 objects" in report.error.message
