"""The Variables table's dtype column names bytes, a structured array's record (np.void, np.record),
np.bytes_ and a dtype's fields (mappingproxy) instead of "object" (session 35, browser review of the
structured-array programs). Python and NumPy name the types: the oracle."""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine.run import run_program

pytest.importorskip("streamlit")
from components.variables_table import object_kind, row  # noqa: E402

PROGRAM = """import numpy as np
x = np.array([('Rex', 9, 81.0)], dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])
r = x[0]
by = b'hello'
rec = np.rec.array([(1, 2.0, b'ab')], dtype=[('a', 'i4'), ('b', 'f8'), ('c', 'S2')])
rr = rec[0]
nb = rec[0]['c']
f = x.dtype.fields
"""


def _oracle() -> dict[str, object]:
    x = np.array([('Rex', 9, 81.0)], dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])
    rec = np.rec.array([(1, 2.0, b'ab')], dtype=[('a', 'i4'), ('b', 'f8'), ('c', 'S2')])
    return {"r": x[0], "by": b"hello", "rr": rec[0], "nb": rec[0]["c"], "f": x.dtype.fields}


def _name(obj: object) -> str:
    kind = type(obj)
    return f"np.{kind.__name__}" if kind.__module__ == "numpy" else kind.__name__


def test_the_dtype_column_names_the_type_python_and_numpy_name() -> None:
    report = run_program(PROGRAM, torchviz=False)
    assert report.ok, report.error
    for name, obj in _oracle().items():
        assert row(name, report.variables[name])["dtype"] == _name(obj), name
    assert row("x", report.variables["x"])["dtype"] == "array"


def test_anything_else_stays_object() -> None:
    assert object_kind("<generator object f at 0x1>") == "object"
    assert object_kind("bytearray(b'ab')") == "object"
    assert object_kind("by") == "object"
