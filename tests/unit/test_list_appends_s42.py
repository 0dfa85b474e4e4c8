"""`xs.append(x)` of an atom to a long list in one frame (lang/list_appends.py, APPEND_ATOMS).

Oracles: the same program with the switch off (test_compiled_blocks.outcome: error kind, message, line,
steps, variables, printed text, op records) and real Python for the printed text. Lists cross
checked_containers.MEMO_FROM (256), where the short way starts; the limits on a list's length and on the
run's total of list items sit at and just below the need.
"""

from __future__ import annotations

import pytest

from autogradlab.lang import attributes, list_appends
from autogradlab.lang.checked_containers import MEMO_FROM
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, python_prints
from tests.unit.test_compiled_blocks import outcome
from tests.unit.test_method_calls_s41 import same_both_ways
from tests.unit.test_object_paths_s42 import ran

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


@pytest.fixture
def off(monkeypatch):
    return lambda: monkeypatch.setattr(list_appends, "APPEND_ATOMS", False)


MIXED = """import numpy as np


class Box:
    def __init__(self, v):
        self.v = v


xs = []
ys = []
for k in range(600):
    xs.append(k * 0.5)
    if k % 97 == 5:
        xs.append(Box(k))
    if k % 131 == 7:
        xs[-1] = [k, 'in a list']
    if k % 157 == 9:
        xs.pop()
        xs.insert(3, 'z')
    if k % 53 == 0:
        xs.append(None)
        xs.append(True)
        xs.append(np.float64(k))
        xs.append('text')
    ys.append(np.int64(k) * 2)
ys.append(ys)
ys.append(1)
nested = [xs]
nested[0].append(2.5)
print(len(xs), xs[-5:], [type(x).__name__ for x in xs[250:270]], sum(ys[:-2]), len(ys), ys[-2] is ys)
print([x.v for x in xs if isinstance(x, Box)], [x for x in xs if isinstance(x, list)])
"""


def test_mixed_appends_alike_and_as_python(off):
    error, _, _, printed, _ = same_both_ways(MIXED, Limits(), off)
    assert error is None, error
    assert printed == python_prints(MIXED)


LONG = """xs = []
for k in range({n}):
    xs.append(k)
print(len(xs), xs[-1])
"""


@pytest.mark.parametrize(("n", "fails"), [(299, False), (300, False), (301, True), (400, True)])
def test_length_limit_at_and_above(n, fails, off):
    source = LONG.format(n=n)
    error, *_ = same_both_ways(source, Limits(max_sequence_len=300), off)
    assert (error is not None) == fails, error
    if fails:
        assert error[0] == "limit" and "the list would have 301 items; the limit is 300" in error[1], error
        assert error[2] == 3, error
    else:
        assert error is None


def _items(source: str) -> int:
    """The run's total of list and string items built (SizeGuard.total_sequence_items)."""
    return ran(source).sizes.total_sequence_items


@pytest.mark.parametrize("margin", [0, -1, -200])
def test_total_items_at_and_below_the_need(margin, off):
    source = LONG.format(n=500)
    need = _items(source)
    assert need >= 500
    error, *_ = same_both_ways(source, Limits(max_total_sequence_items=need + margin), off)
    assert (error is not None) == (margin < 0), error
    if margin == -200:   # (at -1 the printed text is the item too many)
        assert error[0] == "limit" and "list and string items in all (the list)" in error[1], error
        assert error[2] == 3, error


def test_every_step_cut_alike(off):
    assert_every_step_cut_alike("xs = []\nfor k in range(270):\n    xs.append(k * 0.5)\nprint(xs[-1])\n", off)


def test_the_short_way_is_taken(monkeypatch):
    """Past MEMO_FROM items the appends no longer reach call_method (else the tests above compare a
    path with itself); with the switch off the appends of the compiled passes do."""
    calls = [0]
    real = attributes.call_method

    def spied(*args):  # noqa: ANN002, ANN202
        calls[0] += args[2] == "append"
        return real(*args)
    monkeypatch.setattr(attributes, "call_method", spied)
    source = LONG.format(n=1000)
    assert outcome(source, Limits())[0] is None
    assert calls[0] <= MEMO_FROM + 2, calls
    calls[0] = 0
    monkeypatch.setattr(list_appends, "APPEND_ATOMS", False)
    assert outcome(source, Limits())[0] is None
    assert calls[0] >= 1000 - 200, calls   # (the first passes' appends take another way there)


@pytest.mark.parametrize("value", ["np", "np.exp", "(1, [2])", "torch.ones(2)", "{'a': 1}", "len"])
def test_a_value_no_atom_goes_the_general_way(value, off):
    """After 300 appends, a module is refused as before (`.append()` named); the rest are stored."""
    source = f"""import numpy as np
import torch
xs = []
for k in range(300):
    xs.append(k)
xs.append({value})
print(len(xs), type(xs[-1]).__name__)
"""
    error, *_ = same_both_ways(source, Limits(), off)
    if value == "np":
        assert error == ("unsupported", "the module `numpy` cannot be used in `.append()`: a function may "
                         "only be called, passed to a function of your program, or to "
                         "jacobian/hessian/vjp/jvp", 6, 1)
    else:
        assert error is None, error
