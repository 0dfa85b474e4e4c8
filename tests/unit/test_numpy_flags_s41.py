"""Session 41 (known leftover from corpus-s40, wesm/pydata-book appa cell 77): `np.ones((10, 5), order='F')`
and `arr.flags` as Python for Data Analysis' "Advanced NumPy" uses them, compared with plain NumPy: order=
(keyword or third positional) in np.zeros / np.ones / np.empty, NumPy's own error for another order; the
flags printed and read (by key and by name) as NumPy's, read-only; sizes still charged before allocation."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s31 import limits

NP = "import numpy as np\n"


@pytest.mark.parametrize("line", [
    "a = np.ones((10, 5), order='F')", "a = np.zeros((2, 3), int, 'F')", "a = np.zeros((3, 4), order='C')",
    "a = np.zeros((2, 3), dtype=np.float32, order='F')", "a = np.ones(4)", "a = np.ones((3, 2)).T",
    "a = np.arange(12).reshape(3, 4)[:, 1:]", "a = np.ones((2, 2), order='F').copy()",
])
def test_order_and_flags_like_numpy(line: str) -> None:
    compare(NP + f"{line}\nprint(a.flags)\nprint(a.flags['F_CONTIGUOUS'], a.flags['C'], a.flags.c_contiguous,"
                 " a.flags.f_contiguous, a.flags.owndata, a.flags.writeable, a.flags['FNC'],"
                 " a.flags.behaved)\n"
                 "f = a.flags\nf\nprint(a.dtype, a.shape, a.strides)\n")


@pytest.mark.parametrize("line", ["np.ones(2, order='K')", "np.zeros(2, order='X')",
                                  "np.ones(2).flags['nope']", "np.ones(2).flags.nope"])
def test_errors_are_numpys(line: str) -> None:
    compare(NP + f"try:\n    {line}\nexcept (ValueError, KeyError, AttributeError) as e:\n"
                 "    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("line", ["a.flags['WRITEABLE'] = True", "a.flags.writeable = True",
                                  "a.flags.c_contiguous = False"])
def test_flags_stay_read_only(line: str) -> None:
    """(Session 42: `= False` makes an array read-only as NumPy, and `= True` undoes only that:
    test_numpy_read_only_s42.py; a broadcast view NumPy made read-only stays so.)"""
    report = run_program(NP + "a = np.broadcast_to(np.ones(3), (2, 3))\n" + line
                         + "\nprint(a.flags.writeable)\n")
    assert not report.ok and report.error.line == 3 and report.printed == "", report.error


def test_order_f_arrays_are_sized_first() -> None:
    source = NP + "a = np.ones(({n}, 2), order='F')\n"
    assert run_program(source.format(n=500), limits=limits(max_tensor_elements=1000)).ok
    report = run_program(source.format(n=501), limits=limits(max_tensor_elements=1000))
    assert not report.ok and report.error.kind == "limit", report.error
    huge = run_program(source.format(n=10 ** 12))
    assert not huge.ok and huge.error.kind == "limit", huge.error


@pytest.mark.parametrize("call", ["np.ones(2, order=1)", "np.ones(2, int, 'F', 3)",
                                  "np.ones(2, order='F', shape=2)"])
def test_other_forms_stay_refused(call: str) -> None:
    assert not run_program(NP + f"a = {call}\n").ok
