"""trace.op_record: OpRecords made without the dataclass __init__ equal the dataclass-made ones."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import numpy as np

from autogradlab.engine.fast_records import tensor_snapshot
from autogradlab.engine.trace import op_record
from autogradlab.report import OpRecord


def test_op_record_takes_exactly_the_dataclass_fields_with_the_same_defaults():
    params = inspect.signature(op_record).parameters
    fields = dataclasses.fields(OpRecord)
    assert list(params) == [f.name for f in fields]
    assert [p.default for p in params.values()] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    assert not hasattr(OpRecord, "__post_init__") and "__slots__" not in vars(OpRecord)


def test_op_record_equals_hashes_prints_and_pickles_as_the_dataclass():
    out = tensor_snapshot(4, (2,), "float32", np.array([1.0, 2.0], dtype=np.float32), "[1., 2.]")
    for args in [(0, "matmul", 8, 9, "    w = A @ v", ("A", "v"), (0, 1), (out,)),
                 (12, "add", 1, 1, "y = x + 1", ("x", "1"), (3, None), (), "y", "f"),
                 (3, "split", 2, 5, "a, b = t.split(1)", ("t", "1"), (2, None), (out, out), None,
                  "<lambda>")]:
        made, expected = op_record(*args), OpRecord(*args)
        assert type(made) is OpRecord
        assert list(vars(made).items()) == list(vars(expected).items())
        assert made == expected and repr(made) == repr(expected)
        assert pickle.dumps(made) == pickle.dumps(expected)
        assert dataclasses.replace(made, var="z") == dataclasses.replace(expected, var="z")
