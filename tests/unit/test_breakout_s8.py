"""Session 8 red-team: limit boundaries through the fast paths and the generic walk, one case per
line. Each case runs twice, at the top level and in a loop body (the compiled statements); both must
give the same outcome: refused with the limit's message just above the limit, run just below it.
"""

from __future__ import annotations

import re

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits

SMALL = Limits(max_tensor_elements=100, max_total_elements=1000, max_int_bits=64, max_sequence_len=50,
               max_total_sequence_items=500, max_printed_chars=200, max_steps=3000, max_call_depth=5)
TOTAL = r"the program built more than 500 list and string items in all \({what}\)"
BUILD_20 = "s = {start}\nl = []\nfor i in range(20):\n    l.append({expr})\n"   # 20 x 40 items > 500

CASES = [
    # f-strings checked their length after each field only: text after the last one went past it.
    ("s = f'{\"a\" * 50}b'", r"the f-string would have 51 items; the limit is 50"),
    ("s = f'{\"a\" * 49}b'", None),
    ("s = 'a' * 48\nt = f'{s}{1}b'", None),   # 50 items: at the limit
    # Strings and lists built by %, str methods and slices were not counted in the run's total: a
    # loop of `l.append(s[:])` with a 100,000-item s filled the worker's memory instead.
    (BUILD_20.format(start="'a' * 40", expr="'%s' % s"), TOTAL.format(what="the %-formatted string")),
    (BUILD_20.format(start="'a' * 40", expr="s.upper()"), TOTAL.format(what=r"the result of \.upper\(\)")),
    (BUILD_20.format(start="'a' * 40", expr="s.lower()"), TOTAL.format(what=r"the result of \.lower\(\)")),
    (BUILD_20.format(start="'a' * 40", expr="s.strip()"), TOTAL.format(what=r"the result of \.strip\(\)")),
    (BUILD_20.format(start="'a,' * 20", expr="s.split(',')"),
     TOTAL.format(what=r"the result of \.split\(\)")),
    (BUILD_20.format(start="[1] * 40", expr="s[:]"), TOTAL.format(what="the slice")),
    (BUILD_20.format(start="'a' * 40", expr="s[1:]"), TOTAL.format(what="the slice")),
    (BUILD_20.format(start="(1,) * 40", expr="s[::2]"), None),   # 20 x 20 = 400 items: under 500
    (BUILD_20.format(start="'a' * 40", expr="s.startswith('a')"), None),
    # Just below / above the sequence, int and element limits through each augmented-target form.
    ("s = 'a' * 10\ns *= 5", None),
    ("s = 'a' * 10\ns *= 6", r"the repeated sequence would have 60 items; the limit is 50"),
    ("d = {'a': 'x' * 10}\nd['a'] *= 6", r"the repeated sequence would have 60 items"),
    ("d = [[0] * 10]\nd[0] *= 6", r"the repeated sequence would have 60 items"),
    ("x = [[1] * 50] * 2\nx[0] += x[1]", r"the joined sequence would have 100 items"),
    ("x = [[1] * 25] * 2\nx[0] += x[1]", None),
    ("x = 3\nx **= 40", None),
    ("x = 3\nx **= 41", r"3 \*\* 41 would be an integer of about 65 bits; the limit is 64 bits"),
    ("x = True\nx <<= 64", r"1 << 64 would be an integer of about 65 bits"),
    ("x = [2]\nx[0] **= 64", r"2 \*\* 64 would be an integer of about 65 bits"),
    ("x = {'a': 1}\nx['a'] <<= 63", None),
    ("import torch\nx = [torch.ones(10, 1)]\nx[0] = x[0] + torch.ones(1, 11)",
     r"result of add would have 110 elements; the limit is 100"),
    ("import torch\nx = torch.ones(10, 1)\nx.data = x + torch.ones(1, 10)", None),
    ("f = lambda k: [0] * k\nx = f(51)", r"the repeated sequence would have 51 items"),
    ("def f(k):\n    return 0 if k == 0 else f(k - 1)\nx = f(5)", r"more than 5 levels deep"),
    ("def f(k):\n    return 0 if k == 0 else f(k - 1)\nx = f(4)", None),
]


def _in_a_loop(source: str) -> str:
    return "for i in range(1):\n" + "".join(f"    {line}\n" for line in source.splitlines())


@pytest.mark.parametrize(("source", "message"), CASES)
@pytest.mark.parametrize("where", ["top", "loop"])
def test_limit_boundaries(source: str, message: str | None, where: str) -> None:
    program = source if where == "top" else _in_a_loop(source)
    report = run_program(program, limits=SMALL, torchviz=False)
    if message is None:
        assert report.error is None, report.error
        return
    assert report.error is not None and report.error.kind == "limit", report.error
    assert re.search(message, report.error.message), report.error.message


# The engine's own class paths never reach a message: `f[0] = 1` said
# "'autogradlab.lang.safe_values.UserFunction' object does not support item assignment".
@pytest.mark.parametrize("where", ["top", "loop"])
def test_item_assignment_to_a_function_names_no_engine_module(where: str) -> None:
    source = "def f():\n    return 1\nf[0] = 1"
    report = run_program(source if where == "top" else _in_a_loop(source), torchviz=False)
    assert report.error is not None and report.error.kind == "type"
    assert report.error.message == "'function' object does not support item assignment"
