"""Session 37 (breadth, issue 9): a name bound by `from numpy import ...` is in the Variables when Python's
would be (data: not a module, class or function), as `x = np.ogrid` already was: ogrid, mgrid, r_, c_, s_,
index_exp, newaxis, typecodes (only numbers and torch dtypes were). np.record is a class in NumPy: not
listed. `from numpy import typecodes` binds a copy, as `np.typecodes` reads: a run that changes it no longer
changes the next run's."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import same_as_python


@pytest.mark.parametrize("snippet", [
    "from numpy import ogrid\nx = ogrid[0:3]\nprint(x)\n",
    "from numpy import array, ogrid, mgrid, r_, c_, s_, index_exp, newaxis, pi, float32, linalg\n"
    "x = array([1.0])\ny = x[newaxis]\n"
    "print(r_[1:3, 7], c_[[1], [2]], s_[1:2], index_exp[::2], mgrid[0:2])\n",
    "from numpy import typecodes as codes\nprint(codes['AllFloat'])\n",
    "from numpy import record\nimport numpy as np\nr = np.record\n",
    "from torch import tensor, float32, pi\nx = tensor([1.])\n",
    "from dataclasses import KW_ONLY, InitVar, dataclass\n",
])
def test_from_imports_are_listed_as_python_lists_them(snippet: str) -> None:
    same_as_python(snippet)


def test_a_run_changing_typecodes_leaves_the_next_run_alone() -> None:
    changed = run_program("from numpy import typecodes\ntypecodes['All'] = 'x'\nprint(typecodes['All'])\n")
    assert changed.ok and changed.printed == "x\n"
    fresh = run_program("import numpy as np\nfrom numpy import typecodes\nprint(np.typecodes['All'], "
                        "typecodes['All'])\n")
    assert fresh.ok and "x" not in fresh.printed.split()
