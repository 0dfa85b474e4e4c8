"""print(d.fields) prints as CPython prints a mappingproxy: the dict it shows (str), while repr, a bare
expression and a container keep `mappingproxy({...})` (session 35, browser review: the Printed output
showed `mappingproxy({'name': ...})` where Python prints `{'name': ...}`).
CPython and NumPy are the oracle."""

from __future__ import annotations

import contextlib
import io

from autogradlab.engine.run import run_program

PROGRAM = """import numpy as np
d = np.dtype([('x', 'i8'), ('y', 'f4')])
x = np.array([('Rex', 9, 81.0)], dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])
print(d.fields)
print(str(d.fields), repr(d.fields))
print(f"{x.dtype.fields}")
print([d.fields], len(d.fields), list(d.fields))
print(d.fields['y'][:2])
"""


def test_printed_fields_match_python() -> None:
    report = run_program(PROGRAM, torchviz=False)
    assert report.ok, report.error
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(PROGRAM, {})   # noqa: S102  (our own test program, run by CPython as the oracle)
    assert report.printed == out.getvalue()
    assert report.printed.startswith("{'x': (dtype('int64'), 0), 'y': (dtype('float32'), 8)}\n")
