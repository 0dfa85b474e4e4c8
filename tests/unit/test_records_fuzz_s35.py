"""Hypothesis fuzzing of the structured-dtype checks (lang/numpy_record_dtypes.py, session 35): whatever
dtype string or nested spec a program writes, np.dtype / np.zeros either give NumPy's answer or the
engine's own error, quickly, and never an object field, a record above MAX_ITEMSIZE or an array above the
size limit."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autogradlab.engine import run_program
from autogradlab.errors import ProgramError
from autogradlab.lang.numpy_record_dtypes import MAX_ITEMSIZE, make_dtype
from autogradlab.report import ERROR_KINDS

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PART = st.sampled_from(["i4", "f8", "u1", "?", "S3", "U2", "V2", "O", "M8", "int8", "float32", "S999999",
                        "U250001", "3int8", "(2, 3)f8", "(1000000,)f8", ">i2", "<f4", "|S1", "x", "",
                        "(", ")", ",", " ", "1", "i", "f", "b1"])
TEXT = st.lists(PART, max_size=12).map("".join) | st.lists(PART, max_size=8).map(", ".join)
NAME = st.sampled_from(["a", "b", "__class__", "", "x" * 1001, 3, ("t", "n")])
LEAF = PART | st.sampled_from([("f8", (2,)), ("i1", 10**7), ("S1", (3, 3))])
NUMBER = st.integers(-5, 10**7)
KEYS = st.sampled_from(["names", "formats", "offsets", "itemsize", "c"])
SPEC = st.recursive(LEAF, lambda inner: st.lists(st.tuples(NAME, inner), max_size=4)
                    | st.dictionaries(KEYS, st.lists(inner | NUMBER, max_size=3) | NUMBER, max_size=4),
                    max_leaves=20)


def _checked(spec: object) -> None:
    start = time.process_time()
    try:
        dtype = make_dtype(spec)
    except ProgramError:
        return
    assert time.process_time() - start < 0.5
    assert not dtype.hasobject and dtype.itemsize <= MAX_ITEMSIZE


@FUZZ
@given(TEXT)
def test_any_dtype_string_is_numpy_s_or_the_engine_s_error(text: str) -> None:
    _checked(text)


@FUZZ
@given(SPEC)
def test_any_nested_spec_is_numpy_s_or_the_engine_s_error(spec: object) -> None:
    _checked(spec)


@pytest.mark.parametrize("spec", ["i4, O", [("a", "f8"), ("b", [("c", "O")])],
                                  {"names": ["a"], "formats": ["O"]}, ("O", (2,)), [("a", ("O", 3))]])
def test_object_fields_never_get_through(spec: object) -> None:
    with pytest.raises(ProgramError):
        make_dtype(spec)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(0, 3_000_000))
def test_zeros_of_any_dtype_string_stays_within_the_limits(text: str, count: int) -> None:
    report = run_program(f"import numpy as np\nx = np.zeros({count}, dtype={text!r})\n", torchviz=False)
    if report.error is not None:
        assert report.error.kind in ERROR_KINDS and report.error.kind != "internal", report.error
        return
    dtype = np.dtype(text)
    assert count * max(1, -(-dtype.itemsize // 4)) <= 5_000_000
