"""Red team 2, session 33: hostile programs against what session 33 merged (6395392..5b3b85a).

Findings, each fixed (figures of 5b3b85a through `python3 -m autogradlab run --json`, loaded machine):
1. np.char's comparisons (equal, not_equal, less, ...) broadcast every pair without the bound `==` of
   string arrays has: (2000, 1) against (1, 2000) of 500 characters ran 10.3 s in one NumPy call (the
   5 s limit stopped it only after) -> refused in 0.05 s, at most 1,000,000 characters compared.
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


# -- 1. np.char comparisons of broadcast string arrays ---------------------------------------------------
def _char_compare(name: str, rows: int, cols: int, width: int) -> str:
    return ("import numpy as np\n"
            f"s = 'a' * {width - 1} + 'b'\n"
            f"a = np.array([[s]] * {rows})\n"
            f"b = np.array([[s] * {cols}])\n"
            f"r = np.char.{name}(a, b)\n"
            "print(r.shape, r.sum())\n")


@pytest.mark.parametrize("name", ["equal", "not_equal", "less", "greater_equal"])
def test_np_char_comparison_of_a_broadcast_past_the_cap_is_refused(name: str) -> None:
    report, _ = _run(_char_compare(name, 2000, 2000, 500))
    _stopped(report, "limit", 5,
             f"`np.char.{name}` of string arrays would compare 4,000,000 pairs of up to 500")
    assert not LEAKS.findall(report.error.message)
    zh = error_text.message("zh", report.error)
    assert f"字符串数组的 `np.char.{name}` 会比较 4,000,000 对" in zh, zh


def test_np_char_comparison_just_past_the_cap_is_refused() -> None:
    report, _ = _run(_char_compare("equal", 1000, 1001, 1))
    _stopped(report, "limit", 5, "would compare 1,001,000 pairs")


@pytest.mark.parametrize("name", ["equal", "less_equal", "greater"])
def test_np_char_comparison_at_the_cap_runs_as_numpy(name: str) -> None:
    _runs_as_python(_char_compare(name, 1000, 1000, 1))
    _runs_as_python(_char_compare(name, 20, 50, 1000))
