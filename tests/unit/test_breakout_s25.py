"""Red team, session 25: what session 24 taught the language (collections, torch.set_printoptions,
pprint, the walrus, functions returned by __getattr__ and properties, lazy generator expressions,
Generator states, NumPy dtype strings, the named-argument binder), tried as a hostile student would.
One hostile input per case, asserting the refusal's kind, message and line (just below and just above
each limit), or the outcome CPython gives (printed texts below are CPython 3.11's)."""

from __future__ import annotations

import dataclasses
import pprint
import time

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.pprint_module import FAKE_ID
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import Case, check_case

JOINED = r"^the joined sequence would have {} items; the limit is 100,000$"


@pytest.mark.parametrize("case", [
    Case("l = [0]\nl += range(10**8)\n", "limit", 2, JOINED.format("100,000,001")),
    Case("l = [0]\nl += range(10**20)\n", "limit", 2, JOINED.format("100,000,000,000,000,000,001")),
    Case("from collections import deque\nd = deque([0] * 1000)\nd += range(10**8)\n", "limit", 3,
         JOINED.format("100,001,000")),
    Case("from collections import deque\nd = deque(maxlen=2)\nd += range(10**8)\n", "limit", 3,
         JOINED.format("100,000,000")),
    Case("l = [0] * 99990\nl += range(11)\n", "limit", 2, JOINED.format("100,001")),
    Case("l = [0] * 99990\nl += range(10)\nprint(len(l), l[-1])\n", None, None, "100000 9\n"),
    Case("l = [0]\nl += {1: 2, 3: 4}\nl += range(5, 2, -1)\nl += 'ab'\nprint(l)\n", None, None,
         "[0, 1, 3, 5, 4, 3, 'a', 'b']\n"),
    Case("from collections import deque\nd = deque([1], maxlen=2)\nd += range(5)\nprint(d)\n", None, None,
         "deque([3, 4], maxlen=2)\n"),
], ids=["range-1e8", "range-1e20", "deque", "deque-maxlen", "list-just-above", "list-at-the-limit",
        "dict-range-str", "deque-at-maxlen"])
def test_a_list_extended_by_a_range_is_sized_before_python_extends_it(case):
    """`xs += range(10**8)` (a list's or a deque's) went to list.__iadd__, which extended the list in C
    before the result was measured: 13-17 s and 4 GB here, the sandbox's memory limit in a worker. The
    operand's length is now charged first, as `xs + ys` of two lists was."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 2


DEQUE = r"^the deque would have 100,001 items; the limit is 100,000$"


@pytest.mark.parametrize("case", [
    Case("from collections import deque\nd = deque([0])\nd.extendleft(range(99999))\n"
         "print(len(d), d[0], d[-1])\n", None, None, "100000 99998 0\n"),
    Case("from collections import deque\nd = deque([0])\nd.extendleft(range(100000))\n", "limit", 3, DEQUE),
    Case("from collections import deque\nd = deque(range(5), maxlen=100000)\nd.extendleft(range(10**5))\n"
         "print(len(d), d[0], d[-1])\n", None, None, "100000 99999 0\n"),
    Case("from collections import deque\nd = deque([1, 2], maxlen=3)\nd.extendleft([3, 4])\nd.extend([5])\n"
         "d.appendleft(6)\nprint(d)\n", None, None, "deque([6, 3, 1], maxlen=3)\n"),
], ids=["just-below", "just-above", "maxlen", "python-order"])
def test_deque_extendleft_is_one_step(case):
    """extendleft inserted its items at the front one by one, copying the whole list each time: 100,000
    items took 6.3 s in one uninterruptible call (past the time limit, whose check runs between steps).
    It is one slice assignment now, sized before it is made."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 2


COMPARED = r"^{} would compare more than 5,000,000 values of these nested lists item by item"
SEARCHED = "a = [0] * 100\nb = [0] * 100\nl = [a] * {n}\n"


@pytest.mark.parametrize("case", [
    Case(SEARCHED.format(n=50000) + "print(l.count(b), l.index(b))\nl.remove(b)\n", None, None, "50000 0\n"),
    Case(SEARCHED.format(n=50001) + "l.count(b)\n", "limit", 4, COMPARED.format(r"`\.count\(\)`")),
    Case(SEARCHED.format(n=50001) + "l.index(b)\n", "limit", 4, COMPARED.format(r"`\.index\(\)`")),
    Case(SEARCHED.format(n=50001) + "l.remove(b)\n", "limit", 4, COMPARED.format(r"`\.remove\(\)`")),
    Case("from collections import deque\n" + SEARCHED.format(n=50001) + "d = deque(l)\nd.count(b)\n",
         "limit", 6, COMPARED.format(r"`\.count\(\)`")),
    Case("from collections import deque\nd = deque(range(100000))\nfor i in range(300):\n    d.count(-1)\n",
         "limit", 4,
         r"^the program searched more than 20,000,000 list items in all \(`\.count\(\)` on 100,000"),
], ids=["just-below", "count", "index", "remove", "deque-count", "deque-searches-counted"])
def test_searching_a_list_of_nested_lists_is_weighed_like_in(case):
    """`b in l` weighs the comparisons of nested lists before CPython makes them, but l.count(b),
    l.index(b) and l.remove(b) did not: [a] * 50,000 of 100-item lists (distinct from b) took 9.3 s in
    one call, past the time limit that is checked between steps; a deque's searches were not even counted
    against max_searched_items. Now all are weighed as `in` is (5,000,000 values: 50,000 items of 100
    run, 50,001 are refused)."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 3


PPRINT_CAP = dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=1000)
LAID_OUT = r"^the text pprint lays out would have more than {} characters$"


@pytest.mark.parametrize("last, runs", [(1, True), (10, False)], ids=["at-the-cap", "one-above"])
def test_pprint_text_is_refused_as_its_layout_passes_the_cap(last, runs):
    """The weight check counts values, not the indentation pprint writes before each line: 50,000 zeros
    nested 38 deep with indent=100, width=1 made 195 million characters before they were measured (the
    sandbox's memory limit in a worker). The layout is now written to a stream that stops at
    max_sequence_len characters: 1,000 characters print (Python's own text), 1,001 are refused."""
    value = [[[0] * 110 + [last]]]
    expected = pprint.pformat(value, indent=2, width=1)
    assert len(expected) == (1000 if runs else 1001)
    program = f"import pprint\nx = [[[0] * 110 + [{last}]]]\nprint(pprint.pformat(x, indent=2, width=1))\n"
    if runs:
        check_case(Case(program, None, None, expected + "\n", PPRINT_CAP))
    else:
        check_case(Case(program, "limit", 3, LAID_OUT.format("1,000"), PPRINT_CAP))


@pytest.mark.parametrize("call", ["pprint.pformat(x, indent=100, width=1)",
                                  "pprint.pprint(x, indent=50, width=1)",
                                  "pprint.PrettyPrinter(indent=100, width=1).pprint(x)"])
def test_pprint_of_deeply_indented_data_stops_at_once(call):
    started = time.perf_counter()
    check_case(Case("import pprint\nx = [0] * 5000\nfor i in range(10):\n    x = [x]\n" + call + "\n",
                    "limit", 5, LAID_OUT.format("100,000")))
    assert time.perf_counter() - started < 2


def test_pprint_of_deeply_nested_data_counts_its_work_as_steps():
    """pprint formats a container too wide for a line again for each line it breaks it into: 90,000
    numbers nested 95 deep took 9.4 s (past the time limit) whatever the indent and width. Each value
    it formats is now a step of the program (max_steps), so this stops in about a second."""
    program = ("import pprint\nx = [0] * 90000\nfor i in range(95):\n    x = [x]\n"
               "try:\n    s = pprint.pformat(x)\nexcept Exception:\n    print('caught')\n")
    started = time.perf_counter()
    check_case(Case(program, "limit", 6, r"^the program took more than 1,000,000 steps"))
    assert time.perf_counter() - started < 4


def test_pprint_of_a_list_inside_itself_shows_no_address():
    """pprint writes `<Recursion on list with id=...>`: the list's real address (security.md 3). The
    value's own containers show a fixed fake id; a string that looks the same is left as it is."""
    program = ("import pprint\nl = [1]\nl.append(l)\npprint.pprint(l)\n"
               "print(pprint.pformat([l, (l,)], width=9))\n"
               "pprint.pprint(['<Recursion on list with id=123>'])\n")
    report = run_program(program, torchviz=False)
    assert report.error is None, report.error
    shown = f"<Recursion on list with id={FAKE_ID}>"
    assert report.printed == (f"[1, {shown}]\n[[1,\n  {shown}],\n ([1,\n   {shown}],)]\n"
                              "['<Recursion on list with id=123>']\n")
    assert str(id(report)) not in report.printed


INT_BITS = r"would be an integer of about 4,097 bits; the limit is 4,096 bits$"


@pytest.mark.parametrize("case", [
    Case("from collections import Counter\nc = Counter(a=2**4094)\nc.update(c)\nprint(c['a'] == 2**4095)\n",
         None, None, "True\n"),
    Case("from collections import Counter\nc = Counter(a=2**4095)\nc.update(c)\n", "limit", 3, INT_BITS),
    Case("from collections import Counter\nc = Counter(a=2**4095)\nc.update({'a': 2**4095})\n", "limit", 3,
         INT_BITS),
    Case("from collections import Counter\nc = Counter(a=-2**4095)\nc.subtract(a=2**4095)\n", "limit", 3,
         INT_BITS),
    Case("from collections import Counter\nc = Counter(a=(2**4095 - 1) * 2 + 1)\nc.update('a')\n", "limit", 3,
         INT_BITS),
    Case("from collections import Counter\nc = Counter(a=2**4094, b=2**4094)\nprint(c.total() == 2**4095)\n",
         None, None, "True\n"),
    Case("from collections import Counter\nc = Counter(a=2**4095, b=2**4095)\nc.total()\n", "limit", 3,
         INT_BITS),
    Case("from collections import Counter\nc = Counter(a=1)\nfor i in range(5000):\n    c.update(c)\n",
         "limit", 4, INT_BITS),
    Case("from collections import Counter\nc = Counter(a=2**2000)\nc.update({'a': 0.5})\n", "value", 3,
         "^number too large: int too large to convert to float$"),
], ids=["update-just-below", "update-just-above", "update-mapping", "subtract", "count-item", "total-below",
        "total-above", "doubling-loop", "float-overflow"])
def test_counter_counts_stay_within_the_int_limit(case):
    """Counter.update/subtract added counts with Python's `+` and total() with sum(): `c.update(c)` 5,000
    times in a loop made a count of 5,000 bits past max_int_bits (0.6 s for 50,000 doublings, then
    anything printing it). Each addition is now the program's own `+`, sized as `n + n` is."""
    check_case(case)


CLASS_WALRUS = (r"^`{} :=` in the body of `class A` \(write `{} = \.\.\.` on a line of its own\) "
                r"is not supported")


@pytest.mark.parametrize("case", [
    Case("class A:\n    y = [(z := i) for i in range(3)]\nprint(z)\n", "unsupported", 2,
         CLASS_WALRUS.format("z", "z")),
    Case("class A:\n    x = (w := 5)\nprint(w)\n", "unsupported", 2, CLASS_WALRUS.format("w", "w")),
    Case("def f():\n    class A:\n        y: int = 1 + (n := 2)\n    return n\nf()\n", "unsupported", 3,
         CLASS_WALRUS.format("n", "n")),
    Case("class A:\n    f = lambda: (y := 2)\n    g = 1\nprint(A.f(), A.g)\n", None, None, "2 1\n"),
], ids=["comprehension", "plain", "annotated-in-def", "lambda-own-scope"])
def test_a_walrus_in_a_class_body_is_refused(case):
    """A class body's values run in a scope that passes assignments of `:=` to the scope around the
    class: `class A: y = [(z := i) for ...]` (which CPython refuses when compiling) and `x = (w := 5)`
    (a class attribute in CPython) bound z and w in the globals. Both are refused by name; a lambda's
    own `:=` is the lambda's."""
    check_case(case)


@pytest.mark.parametrize("case", [
    Case("from collections import defaultdict\nd = defaultdict(lambda: d[0])\nd[1]\n", "limit", 2,
         "more than 50 levels deep"),
    Case("from collections import deque\nd = deque([1, 2, 3], maxlen=3)\nd *= 10**8\n", "limit", 3,
         r"^the repeated sequence would have 300,000,000 items"),
    Case("from collections import deque\nd = deque([1, 2, 3])\nd.rotate(10**18)\nprint(d)\n"
         "d.rotate(-10**18 - 1)\nprint(d)\nd.rotate(True)\nprint(d)\n", None, None,
         "deque([3, 1, 2])\ndeque([2, 3, 1])\ndeque([1, 2, 3])\n"),
    Case("from collections import namedtuple\nP = namedtuple('P', ['a' * 33])\n", "unsupported", 2,
         "at most 32 characters"),
    Case("from collections import namedtuple\nP = namedtuple('P', '__class__ x')\n", "value", 2,
         "^Field names cannot start with an underscore: '__class__'$"),
    Case("class A:\n    def __getattr__(self, name):\n        return lambda: 1\nprint(A().f.__globals__)\n",
         "unsupported", 4, "double-underscore attributes"),
    Case("import torch\nclass A:\n    @property\n    def p(self):\n        return print\nA().p(1)\n"
         "torch.tensor([A().p])\n", "unsupported", 7, "cannot be used in `torch.tensor`"),   # s27: returned
    Case("g = (i for i in range(10))\nfor k in range(5000):\n    g = (i for i in g)\nprint(next(g))\n",
         "limit",
         4, "nests too deeply"),
    Case("import torch\ng = torch.Generator()\ng.set_state(torch.zeros(10**6, dtype=torch.uint8))\n",
         "value", 3,
         "size 5056"),
    Case("import torch\ns = torch.get_rng_state()\ns[4000:] = 7\ntorch.set_rng_state(s)\n"
         "print(torch.rand(1))\n",
         None, None, "tensor([0.4963])\n"),
    Case("import numpy as np\nnp.zeros(3, dtype='f4,(10000,10000)f8')\n", "limit", 2,   # s35: records
         "800,000,004 bytes a record; the limit is 1,000,000"),
    Case("import torch\ntorch.set_printoptions(precision=10**9)\n", "value", 2, "from 0 to 100"),
], ids=["defaultdict-recursion", "deque-repeat", "deque-rotate-1e18", "namedtuple-long-name",
        "namedtuple-dunder-field", "getattr-lambda-globals", "property-returns-print", "genexp-chain",
        "set-state-size", "set-rng-state-tail", "dtype-structured", "precision-huge"])
def test_what_held(case):
    """Tried this session and refused (or run as Python runs it) already: pinned."""
    check_case(case)


def test_print_options_do_not_reach_the_next_run():
    first = run_program("import torch\ntorch.set_printoptions(precision=1, sci_mode=True, linewidth=20)\n"
                        "raise ValueError('x')\n", torchviz=False)
    assert first.error is not None
    second = run_program("import torch\nprint(torch.tensor([1.23456, 2.5, 3.5]))\n", torchviz=False)
    assert second.printed == "tensor([1.2346, 2.5000, 3.5000])\n"
