"""The value check remembers long containers it has walked (lang/checked_containers.py): appending
to a list in a loop costs the new items, not the whole list each time (issue 9: 20,000
`lst.append(Obj())` met the time limit), and everything refused before is still refused, with the
same kind, message and line."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import checked_containers, safe_values
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import Case, check_case

OBJ = "the `Obj` object cannot be used in `torch.tensor`"
LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these
FN = "cannot be used in .*a function may only be called"


def _appends(count: int, item: str, head: str = "") -> str:
    return f"{head}lst = []\nfor i in range({count}):\n    lst.append({item})\nprint(len(lst))\n"


@pytest.mark.parametrize("item, head", [("Obj()", "class Obj:\n    pass\n"), ("i", ""), ("[i]", ""),
                                        ("{'k': i}", "")])
def test_twenty_thousand_appends_walk_each_item_a_bounded_number_of_times(item, head, monkeypatch):
    """Before: every append walked the list (up to 20,000 items): 4.0-8.7 s, the time limit."""
    looked = [0]
    walk = safe_values._walk

    def counting_walk(value, *args):
        looked[0] += len(value) if isinstance(value, (list, tuple, dict)) else 1
        return walk(value, *args)

    monkeypatch.setattr(safe_values, "_walk", counting_walk)
    report = run_program(_appends(20_000, item, head), limits=LIMITS)
    assert report.error is None, report.error
    assert report.printed == "20000\n"
    assert looked[0] < 5 * 20_000, looked[0]


def test_twenty_thousand_object_appends_run_within_the_default_time_limit():
    report = run_program(_appends(20_000, "Obj()", "class Obj:\n    pass\n"), limits=DEFAULT_LIMITS)
    assert report.error is None, report.error


def test_two_hundred_thousand_appends_meet_the_loop_budget_not_the_clock():
    report = run_program(_appends(200_000, "i"), limits=LIMITS)
    assert report.error.kind == "limit" and report.error.line == 2
    assert report.error.message == ("a for loop ran past 100,000 loop iterations in total; the limit is "
                                    "100,000")


LONG = "[1.0] * 300"   # longer than checked_containers.MEMO_FROM: remembered after its first check

CASES = [
    # An object appended to a remembered list still keeps the list from a library call.
    Case(f"import torch\nclass Obj:\n    pass\nlst = {LONG}\nn = len(lst)\nlst.append(Obj())\n"
         "t = torch.tensor(lst)\n", "unsupported", 7, OBJ),
    # A list checked (and remembered) as data, then an object put in its middle: still refused.
    Case(f"import torch\nlst = {LONG}\nt = torch.tensor(lst)\nlst.append(2.0)\nclass Obj:\n    pass\n"
         "lst[0] = Obj()\nt = torch.tensor(lst)\n", "unsupported", 8, OBJ),
    # A function stored in a remembered list or dict (allowed since s25) still keeps it from a library call.
    Case(f"lst = {LONG}\nlst.append(1)\nlst.append(print)\nimport torch\nt = torch.tensor(lst)\n",
         "unsupported", 5, "`print` " + FN),
    Case(f"lst = {LONG}\nlst.append(1)\nlst.pop()\nlst.append(len)\nimport torch\nt = torch.tensor(lst)\n",
         "unsupported", 6, "`len` " + FN),
    Case("d = {i: i for i in range(300)}\nd[1] = 2\nd[400] = print\nimport torch\n"
         "t = torch.tensor(list(d.values()))\n", "unsupported", 5, "`print` " + FN),
    Case(f"t = tuple({LONG})\nu = t + (print,)\nimport torch\nv = torch.tensor(u)\n", "unsupported", 4,
         "`print`"),
    # Memory bombs through nested lists, strings and dicts: the same limits as before.
    Case("x = [0] * 100000\ny = [x] * 100000\nz = [y] * 100000\nfor i in range(5):\n    z.append(z)\n",
         "limit", 5, r"^the list would have 100,001 items; the limit is 100,000$"),
    Case("s = 'a' * 100000\nt = []\nfor i in range(1000):\n    t.append(s)\nu = ''.join(t)\n",
         "limit", 5, r"^the text would have 100,000,000 items; the limit is 100,000$"),
    Case("d = {}\nfor i in range(60000):\n    d[i] = 'ab' * 1000\n", "limit", 3,
         r"^the program built more than 50,000,000 list and string items in all \(the repeated sequence\)$"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_refusals_are_unchanged(case):
    check_case(case)


def test_a_growing_list_is_walked_only_where_it_grew():
    walked: list[int] = []

    def walk(part):
        walked.append(len(part))
        return True

    memo: dict = {}
    lst = [0] * checked_containers.MEMO_FROM
    assert checked_containers.check(lst, memo, walk)
    lst.append(1)
    assert checked_containers.check(lst, memo, walk)
    assert checked_containers.check(lst, memo, walk)
    assert walked == [checked_containers.MEMO_FROM, 1]
    lst.pop()
    lst.append(2)   # same length, another last item: the whole again
    assert checked_containers.check(lst, memo, walk)
    lst.pop()
    lst.pop()
    lst.extend([3, 4, 5])   # shorter, then longer: the item before the new ones is not the last seen
    assert checked_containers.check(lst, memo, walk)
    assert walked[2:] == [checked_containers.MEMO_FROM + 1, checked_containers.MEMO_FROM + 2]


def test_a_refused_part_is_not_remembered():
    memo: dict = {}
    lst = [0] * checked_containers.MEMO_FROM
    assert checked_containers.check(lst, memo, lambda part: True)
    lst.append(1)
    assert not checked_containers.check(lst, memo, lambda part: False)
    assert not checked_containers.check(lst, memo, lambda part: len(part) < 2)   # the whole again


def test_the_memory_is_bounded_and_forgotten_after_a_run():
    memo: dict = {}
    kept = [[0] * checked_containers.MEMO_FROM for _ in range(3 * checked_containers.MEMO_ENTRIES)]
    for lst in kept:
        checked_containers.check(lst, memo, lambda part: True)
    assert len(memo) == checked_containers.MEMO_ENTRIES
    run_program(f"lst = {LONG}\nlst.append(1)\nlst.append(2)\n", limits=LIMITS)
    assert not checked_containers.STORABLE and not checked_containers.DATA
