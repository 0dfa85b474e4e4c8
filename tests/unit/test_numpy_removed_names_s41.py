"""Session 41 (corpus-s41, STAT 453's perceptron-numpy: `dtype=np.float`): names NumPy removed (`np.float`,
`np.int`, `np.object`, the 2.0 removals `np.NaN`, `np.float_`, `np.Inf`, ...) fail with NumPy's own
AttributeError at the line that reads them, catchable, its text whole (lang/numpy_removed_names.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.numpy_removed_names import REMOVED_NAMES
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

NP = "import numpy as np\nx = 1\n"


@pytest.mark.parametrize("name", sorted(REMOVED_NAMES))
def test_a_removed_name_fails_like_numpy(name: str) -> None:
    fails_like_python(NP + f"y = np.{name}\n")


@pytest.mark.parametrize("line", ["np.zeros(3, dtype=np.float)", "np.array([1], np.int)", "np.NaN + 1",
                                  "np.float_(2)"])
def test_except_gets_numpys_words(line: str) -> None:
    compare(NP + f"try:\n    {line}\nexcept AttributeError as e:\n    print(e)\n"
                 "    print(type(e).__name__)\n")


def test_the_perceptron_cell_stops_where_python_stops() -> None:
    source = NP + "w = np.zeros(2)\nfor i in range(2):\n    w = w + 1\nb = np.zeros(1, dtype=np.float)\n"
    report = run_program(source)
    assert not report.ok and report.error.line == 6, report.error
    assert report.variables["w"].value.tolist() == [2.0, 2.0]


@pytest.mark.parametrize("name", ["float64", "nan", "inf", "int64", "bool_"])
def test_names_numpy_keeps_still_work(name: str) -> None:
    assert run_program(NP + f"y = np.{name}\n").ok


def test_a_misspelt_name_keeps_its_did_you_mean() -> None:
    report = run_program(NP + "y = np.flot64\n")
    assert not report.ok and "has no attribute 'flot64'" in report.error.message
