"""Session 41 (a known leftover): a Python int outside int64 given to a NumPy function fails with NumPy's
own OverflowError, "Python int too large to convert to C long", catchable (was the engine's own words,
"np.add: Python int too large to convert to a numpy integer"); still refused before NumPy sees it
(lang/numpy_big_ints.py). Just inside and just outside int64 both say what NumPy says."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

NP = "import numpy as np\n"


@pytest.mark.parametrize("call", ["np.add(2, 10**30)", "np.gcd(10**30, 2)", "np.maximum(1, 10**20)",
                                  "np.multiply(-10**19, 3)", "np.add(2**64, 1)", "np.add(2**63, 1)",
                                  "np.subtract(np.int64(1), 10**25)", "np.lcm(2, 2**70)"])
def test_numpys_overflow_error(call: str) -> None:
    fails_like_python(NP + f"x = {call}\n")
    compare(NP + f"try:\n    x = {call}\nexcept OverflowError as e:\n    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("call", ["np.add(2**63 - 1, 0)", "np.add(-2**63, 0)", "np.gcd(2**62, 2)"])
def test_ints_inside_int64_run(call: str) -> None:
    compare(NP + f"x = {call}\nprint(x)\n")


def test_a_huge_int_never_reaches_numpy() -> None:
    report = run_program(NP + "x = np.power(10**1000, 10**1000)\n")   # an object loop's pow, if it got there
    assert not report.ok and report.error.message.endswith("Python int too large to convert to C long")
