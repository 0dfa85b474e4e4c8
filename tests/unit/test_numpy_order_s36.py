"""`order=` of reshape / ravel / flatten / nditer as NumPy reads it (session 36, lang/numpy_order_arg.py).

Before: `a.reshape(2, 3, order=None)` (NumPy: C order) and `order='K'` (NumPy: ValueError "order 'K' is
not permitted for reshaping") both said "order must be one of 'C', 'F', 'A', or 'K'" as a TypeError;
lower case ('f') and b'C' were refused too. NumPy is the oracle: the same value or the same error class
and text.
"""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine.run import run_program

CALLS = ["a.reshape(6, order=o)", "np.reshape(a, 6, order=o)", "a.reshape(2, 3, order=o)", "a.ravel(order=o)",
         "np.ravel(a, order=o)", "a.flatten(o)", "a.flatten(order=o)"]
ORDERS = ["None", "'K'", "'A'", "'C'", "'F'", "'k'", "'f'", "'x'", "'Fortran'", "1", "2.5", "[1]",
          "np.arange(2)", "np.float64(1)", "b'C'", "b'F'"]
PROGRAM = """import numpy as np
a = np.arange(6).reshape(2, 3).T
o = {order}
try:
    print({call}.tolist())
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
"""


def _numpy(source: str) -> str:
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"np": np})   # noqa: S102 - the test's own program, as real Python
    return out.getvalue()


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("call", CALLS)
def test_order_is_read_as_numpy_reads_it(call: str, order: str) -> None:
    source = PROGRAM.format(call=call, order=order)
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy(source)


def test_reshape_with_order_k_says_numpys_words() -> None:
    source = "import numpy as np\na = np.arange(6)\nb = a.reshape(2, 3, order='K')\n"
    report = run_program(source, torchviz=False)
    assert report.error is not None and report.error.line == 3
    assert report.error.message == "order 'K' is not permitted for reshaping"
    assert report.error.kind == "value"


def test_nditer_takes_order_none_as_numpy_does() -> None:
    source = "import numpy as np\nprint([int(v) for v in np.nditer(np.arange(3), order=None)])\n"
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy(source) == "[0, 1, 2]\n"
