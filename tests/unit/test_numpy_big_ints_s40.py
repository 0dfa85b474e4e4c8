"""A Python int too big for NumPy's integers beside a NumPy scalar or array (session 40, issue 9's breadth):
`np.float64(2.0) * 10**30` (and np.add / np.maximum ... of such a pair) was refused ("Python int too large
to convert to a numpy integer") where NumPy 2 gives 2e+30 (NEP 50: the int takes the other operand's dtype),
a comparison answers, and an integer or bool operand gets NumPy's own OverflowError; np.float64(10**30)
converts as NumPy does. A numeric dtype value (`np.dtype('float64')`, `a.dtype`) is not callable, as in
NumPy (it made a scalar). Oracle: NumPy."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints

RUNS = """import numpy as np
x = np.float64(2.0)
for i in range(2):
    print(x * 10**30, 10**30 * x, x < 10**30, 10**30 >= x, np.int64(5) == 10**30, x / 10**30)
    print(np.float32(2) + 10**30, np.complex128(1) * -10**30, np.float16(1) * 10**30, x ** 10**30)
a = np.arange(3.0)
print(a * 10**30, a < 10**30, np.arange(3) == 10**30, np.arange(3) != -10**40)
print(np.float64(10**30), np.complex128(-10**30), np.bool_(10**30), np.float16(10**30), np.float32(10**30))
y = np.float64(1.5)
y += 10**25
print(y, type(y).__name__)
print(np.add(x, 10**30), np.maximum(a, 10**30), np.power(np.float32(2), 10**30), np.subtract(10**30, a))
print(np.multiply(a, 10**30, dtype=np.float32), np.add(a, -10**30, out=np.zeros(3)))
"""


def test_big_ints_beside_numpy_values_give_numpys_answers():
    report = run_program(RUNS)
    assert report.error is None, report.error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert report.printed == python_prints(RUNS)


# NumPy's OverflowError, in the engine's words for it (kind 'value', "number too large: " + NumPy's text)
ERRORS = {"np.int64(2) * 10**30": "Python int too large to convert to C long",
          "10**30 + np.uint8(1)": "Python int too large to convert to C long",
          "np.arange(3) + 10**30": "Python int too large to convert to C long",
          "np.ones(2, dtype=bool) < 10**30": "Python int too large to convert to C long",
          "np.float64(1) + 10**400": "int too large to convert to float",
          "np.add(np.int64(2), 10**30)": "Python int too large to convert to C long",
          "np.maximum(np.ones(2), 10**400)": "int too large to convert to float",
          "np.int64(10**30)": "Python int too large to convert to C long",
          "np.float64(10**400)": "int too large to convert to float"}


@pytest.mark.parametrize("expression", sorted(ERRORS))
def test_big_ints_numpy_refuses_fail_with_numpys_words(expression):
    with pytest.raises(OverflowError, match=ERRORS[expression]), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eval(expression, {"np": np})  # noqa: S307 - trusted test text: the oracle
    report = run_program(f"import numpy as np\nz = {expression}\n")
    assert report.error is not None and report.error.kind == "value", report.error
    assert report.error.message == f"number too large: {ERRORS[expression]}" and report.error.line == 2


@pytest.mark.parametrize("bits", [4_000, 4_090])
def test_a_huge_int_beside_numpy_stays_quick_and_within_the_int_limit(bits):
    """The int is bounded by max_int_bits (4,096) before NumPy sees it; NumPy compares, converts or refuses
    it at once, as plain NumPy does (an int array's comparison answers, a float's conversion overflows)."""
    source = (f"import numpy as np\nn = 2 ** {bits}\nprint(np.arange(2) == n, np.int8(1) < n)\n"
              "print(np.float64(1.0) < n)\n")
    with pytest.raises(OverflowError, match="int too large to convert to float"):
        python_prints(source)
    report = run_program(source, limits=Limits(timeout_s=5))
    assert report.printed == "[False False] True\n"
    assert report.error is not None and report.error.line == 4, report.error
    assert report.error.message == "number too large: int too large to convert to float"


def test_plain_ints_stay_plain_python():
    report = run_program("print(10**30 * 2, (10**30) // 7)\n")
    assert report.error is None and report.printed == python_prints("print(10**30 * 2, (10**30) // 7)\n")


@pytest.mark.parametrize("made", ["np.dtype('float64')", "np.zeros(2, dtype=np.int8).dtype",
                                  "np.dtype(np.float32)"])
def test_a_dtype_value_is_not_callable(made):
    dtype = eval(made, {"np": np})  # noqa: S307 - trusted test text: the oracle
    with pytest.raises(TypeError) as raised:
        dtype(3)
    report = run_program(f"import numpy as np\nd = {made}\ny = d(3)\n")
    assert report.error is not None and report.error.kind == "type" and report.error.line == 3, report.error
    assert report.error.message == str(raised.value)
    assert run_program("import numpy as np\nprint(np.float64(3), np.int8(-2))\n").printed == "3.0 -2\n"
