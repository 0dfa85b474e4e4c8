"""A Python int outside int64 beside a Python float in a NumPy function (issue 9, session 42; session 41's
known leftover): `np.add(10**30, 2.5)` is NumPy 2's 1e+30 (both taken as floats), where the engine raised
OverflowError "Python int too large to convert to C long". An int too large for a float is NumPy's
OverflowError "int too large to convert to float", catchable; beside an int or a bool it stays NumPy's
"too large to convert to C long"; the int's own size stays bounded by max_int_bits. Oracle: NumPy."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_corpus_s30 import fails_like_python

RUNS = ["np.add(10**30, 2.5)", "np.add(2.5, 10**30)", "np.multiply(2.5, 10**30)", "np.maximum(10**30, 2.5)",
        "np.minimum(-10**30, 2.5)", "np.add(10**30, 2.5j)", "np.power(10**30, 0.5)", "np.equal(10**30, 2.5)",
        "np.arctan2(10**30, 1.0)", "np.subtract(10**30, 1e30)", "np.true_divide(10**30, 4.0)",
        "np.floor_divide(10**30, 2.5)", "np.add(10**30, 2.5, dtype=np.float32)"]


@pytest.mark.parametrize("expr", RUNS)
def test_a_big_int_beside_a_float_is_numpys_float(expr):
    source = f"import numpy as np\nr = {expr}\nprint(r, type(r))\n"
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize("expr", ["np.add(10**400, 2.5)", "np.add(10**30, 2)", "np.add(10**30, True)",
                                  "np.maximum(-10**400, 0.5)"])
def test_what_numpy_cannot_convert_is_its_overflow_error(expr):
    fails_like_python(f"import numpy as np\nr = {expr}\n")


def test_the_int_itself_stays_within_the_bit_limit():
    report = run_program("import numpy as np\nx = 2 ** 60000\nprint(np.add(x, 1.5))\n")
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 2
