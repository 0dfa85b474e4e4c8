"""NumPy dtypes named by strings (`np.array(rows, dtype='float32')`, Zero to GANs lesson 1), against
NumPy: every name of the fixed table gives numpy's dtype and values; other names are refused with
numpy's words, and never reach numpy's parser (structured and byte-order strings included)."""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine import run_program
from autogradlab.lang.numpy_dtype_names import DTYPE_NAMES
from tests.unit.test_breadth import compare

N = "import numpy as np\n"


@pytest.mark.parametrize("name", sorted(DTYPE_NAMES))
def test_every_named_dtype_is_numpys(name: str) -> None:
    assert DTYPE_NAMES[name] == np.dtype(name)
    compare(N + f"a = np.array([[1, 0], [3, 4]], dtype={name!r})\nz = np.zeros(2, dtype={name!r})\n"
            "print(a, a.dtype, z.dtype)\n")


def test_the_lesson_cell_runs_like_numpy() -> None:
    compare(N + "import torch\ninputs = np.array([[73, 67, 43], [91, 88, 64]], dtype='float32')\n"
            "t = torch.from_numpy(inputs)\nprint(t, t.dtype, np.ones((2, 2), dtype='int').dtype)\n")


@pytest.mark.parametrize("name", ["float33", "", "Float32", "f8x", "x" * 200])   # 'S10',
# 'i4,i4', '(2,)f8', 'U3' are NumPy's since session 35 (tests/unit/test_records_s35.py)
def test_other_names_are_refused_with_numpys_words(name: str) -> None:
    report = run_program(N + f"np.array([1, 2], dtype={name!r})\n")
    assert (report.error.kind, report.error.line) == ("type", 2)
    shown = name if len(name) <= 40 else name[:40] + "…"
    assert report.error.message == f"data type '{shown}' not understood"


@pytest.mark.parametrize("name", ["<f4", "object", "O", "datetime64", "longdouble", "m8[s]"])   # 'intp' runs
# (red team s45: NumPy's int64); a number dtype says which it is: "'<f4' (float32) is not supported"
def test_names_numpy_knows_are_refused_by_name(name: str) -> None:
    """NumPy makes these dtypes: its TypeError "not understood" would be caught by a program's `except
    TypeError` where NumPy runs on (red team s44); the engine refuses them by name instead."""
    report = run_program(N + f"np.array([1, 2], dtype={name!r})\n")
    assert (report.error.kind, report.error.line) == ("unsupported", 2)
    assert report.error.message.startswith(f"the numpy dtype '{name}' ")
    assert "is not supported in Autograd Lab" in report.error.message
