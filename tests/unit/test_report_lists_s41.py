"""A list of numbers' text in the report joined from its items' texts (report_values.JOINED_TEXT, issue 9,
session 41: the report made every item's repr twice, once for the item's Value and once inside
repr(list); ~1.6 us an np.float64). Oracle: the pickled report with the switch off (and with
NUMBERS_AT_ONCE off too: the items' texts then come from _plain_value), and Python's repr(list)."""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pytest

from autogradlab.engine import report_values
from autogradlab.engine.report_values import ReportValues
from autogradlab.engine.run import run_program
from autogradlab.limits import Limits

PROGRAMS = {
    "losses": "import numpy as np\nlosses = []\nfor i in range(300):\n    losses.append(np.float64(i) / 7)\n"
              "ws = [i * 0.25 for i in range(300)]\nns = list(range(-5, 300))\n",
    "odd_numbers": "import numpy as np\nxs = [float('nan'), float('inf'), -0.0, 1e300, 2j, "
                   "np.float64('nan'), np.complex128(1 - 2j), np.float64(-0.0), 10 ** 30, -7]\n",
    "mixed": "import numpy as np\nimport torch\nxs = [1, 2.5, True, None, 'a', np.float32(1.5), "
             "np.int64(3)]\n"
             "ys = [1.5, torch.tensor(2.0)]\nzs = [[1.0, 2.0], [3, 4j], []]\nts = (1.0, 2.0)\none = [3.25]\n"
             "empty = []\n",
    "aliases": "a = [0.5, 1.5]\nb = a\nc = [a, a, [a]]\nd = [1.0] * 3\n",
    "long": "xs = [i / 3 for i in range(30000)]\nys = [float(i) for i in range(1200)]\n",
}


def _pickled(source: str, limits: Limits) -> bytes:
    return pickle.dumps(dataclasses.replace(run_program(source, limits=limits), timing_ms=0.0))


@pytest.mark.parametrize("numbers_at_once", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_report_alike_with_the_switch_off(name, numbers_at_once, monkeypatch):
    monkeypatch.setattr(report_values, "NUMBERS_AT_ONCE", numbers_at_once)
    joined = _pickled(PROGRAMS[name], Limits(timeout_s=60))
    monkeypatch.setattr(report_values, "JOINED_TEXT", False)
    assert _pickled(PROGRAMS[name], Limits(timeout_s=60)) == joined


@pytest.mark.parametrize("items", [[np.float64(0.1), 2.0, 3, -1j], [np.float64("nan")] * 3, [1e16, 1e-7],
                                   [2 ** 70, -0.0], [np.complex128(1j)]])
def test_joined_text_is_pythons_repr(items):
    value = ReportValues().value(items)
    assert value.text == repr(items)


def test_the_short_way_is_taken(monkeypatch):
    """A list of numbers does not go to safe_repr (else the tests above compare a path with itself)."""
    called = []
    real = report_values.safe_repr
    monkeypatch.setattr(report_values, "safe_repr", lambda obj: called.append(obj) or real(obj))
    ReportValues().value([np.float64(0.5), 1.5])
    assert called == []
    ReportValues().value([np.float64(0.5), "a"])
    assert len(called) == 1


@pytest.mark.parametrize("items", [[np.float64(i) / 3 for i in range(500)], [np.complex128(1j)] * 7,
                                   [np.float64(1.0), 2 ** 70, None, True], [np.float64(0.5), "x" * 90],
                                   [np.float64(1.0), [np.float64(2.0)] * 3]])
def test_numpy_numbers_weigh_as_the_walk_weighs_them(items, monkeypatch):
    """text_weight._NUMBER_TYPES holds np.float64 and np.complex128 (a flat list of them weighed at C speed):
    the same weight as the item-by-item walk (_atom_weight: 1 each, being float and complex)."""
    from autogradlab.lang import text_weight
    fast = text_weight.sequence_weight(items, 10**6)
    monkeypatch.setattr(text_weight, "_NUMBER_TYPES", frozenset({float, bool, complex, type(None)}))
    monkeypatch.setattr(text_weight, "_light", [0, text_weight._NUMBER_TYPES])
    assert text_weight.sequence_weight(items, 10**6) == fast
    assert text_weight._plain_numbers([np.float64(1.0)]) is False   # (the walk above was the old way)


def _variables(first: int) -> dict:
    import torch
    t = torch.ones(1)
    return {"a": [0.5] * first, "b": (1, np.float64(2.0), "x", None), "c": [t, [t * 2], {"k": t * 3}],
            "d": [[1.0] * 3, [t * 4]], "e": {"w": [2.0] * 5, "v": t * 5}, "f": [np.int64(1), True, 1j]}


@pytest.mark.parametrize("first", [0, 10, 19_980, 19_990, 19_998, 19_999, 20_000, 30_000])
def test_container_names_alike_with_the_flat_skip_off(first, monkeypatch):
    """A list or tuple of numbers and strings is counted, not walked (container_names.FLAT_SKIP): the same
    names, also when the walk's budget (MAX_ITEMS) runs out in it or just after it."""
    from autogradlab.engine import container_names
    variables = _variables(first)
    skipped = container_names.container_names(variables)
    monkeypatch.setattr(container_names, "FLAT_SKIP", False)
    assert container_names.container_names(variables) == skipped
    assert len(skipped) == (5 if first < 19_980 else 0 if first >= 19_999 else len(skipped)), skipped
    assert 0 < len(skipped) < 5 if first == 19_990 else True


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_report_alike_with_the_flat_skip_off(name, monkeypatch):
    from autogradlab.engine import container_names
    skipped = _pickled(PROGRAMS[name], Limits(timeout_s=60))
    monkeypatch.setattr(container_names, "FLAT_SKIP", False)
    assert _pickled(PROGRAMS[name], Limits(timeout_s=60)) == skipped
