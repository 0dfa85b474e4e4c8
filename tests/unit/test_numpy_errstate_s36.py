"""np.errstate(...) entered twice says what NumPy says (session 36, lang/context_managers.ErrState).

Before: a second `with e:` of one errstate object (in turn or nested) failed with CPython's
"'_GeneratorContextManager' object has no attribute 'args'" (a ValueError box), and type(e) printed
contextlib's class. NumPy 2.4: TypeError "Cannot enter `np.errstate` twice."; type numpy.errstate.
NumPy is the oracle.
"""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from autogradlab.engine.run import run_program

HEAD = "import numpy as np\ne = np.errstate(divide='ignore')\n"
TWICE = {
    "in_turn": "with e:\n    print(np.float64(1) / 0)\nwith e:\n    print('second')\n",
    "nested": "with e:\n    with e:\n        print('inner')\n",
}


def _numpy(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"np": np})   # noqa: S102 - the test's own program, as real Python
    return out.getvalue()


@pytest.mark.parametrize("form", sorted(TWICE))
def test_entering_one_errstate_twice_is_numpys_type_error(form: str) -> None:
    body = "try:\n" + "".join(f"    {line}\n" for line in TWICE[form].splitlines()) + \
        "except TypeError as err:\n    print(type(err).__name__, err)\n"
    report = run_program(HEAD + body, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy(HEAD + body)
    assert report.printed.endswith("TypeError Cannot enter `np.errstate` twice.\n")


def test_uncaught_it_stops_at_its_line_as_a_type_error() -> None:
    report = run_program(HEAD + TWICE["nested"], torchviz=False)
    assert report.error is not None and report.error.kind == "type" and report.error.line == 4
    assert report.error.message == "Cannot enter `np.errstate` twice."


def test_two_errstates_nest_and_each_enters_once() -> None:
    body = ("with np.errstate(divide='ignore'):\n    with np.errstate(invalid='ignore') as v:\n"
            "        print(v, np.float64(0) / 0)\n    print(np.float64(1) / 0)\n")
    report = run_program(HEAD + body, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy(HEAD + body) == "None nan\ninf\n"


def test_its_type_is_numpys() -> None:
    body = "print(type(e), callable(e))\n"
    report = run_program(HEAD + body, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy(HEAD + body) == "<class 'numpy.errstate'> True\n"
