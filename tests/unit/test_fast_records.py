"""fast_records.py: records made without the dataclass __init__ equal the dataclass-made ones."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import numpy as np
import pytest

from autogradlab.engine.fast_records import GRAPH_NODE_FIELDS, MAKERS, graph_node, record, tensor_snapshot
from autogradlab.report import GraphNode, TensorSnapshot


@pytest.mark.parametrize("cls", [GraphNode, TensorSnapshot])
def test_makers_take_exactly_the_dataclass_fields_with_the_same_defaults(cls):
    params = inspect.signature(MAKERS[cls]).parameters
    fields = dataclasses.fields(cls)
    assert list(params) == [f.name for f in fields]
    assert [p.default for p in params.values()] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    assert all(f.default_factory is dataclasses.MISSING for f in fields)
    assert not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)


SNAPSHOTS = [
    dict(id=3, shape=(), dtype="float32", value=np.array(2.5, dtype=np.float32), summary="2.5"),
    dict(id=-1, shape=(2, 2), dtype="int64", value=np.arange(4).reshape(2, 2), summary="[[0, 1], [2, 3]]",
         requires_grad=True, grad_fn="MulBackward0"),
    dict(id=7, shape=(20_000,), dtype="float64", value=None, summary="mean 0. min 0. max 0."),
]


def _same(made, expected):
    assert type(made) is type(expected)
    assert list(vars(made).items()) == list(vars(expected).items())   # fields, in order, equal
    assert made == expected and repr(made) == repr(expected)
    try:
        expected_hash = hash(expected)
    except TypeError:   # an ndarray field
        with pytest.raises(TypeError):
            hash(made)
    else:
        assert hash(made) == expected_hash
    assert pickle.dumps(made) == pickle.dumps(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.id = "other"


@pytest.mark.parametrize("fields", SNAPSHOTS)
def test_tensor_snapshot_equals_the_dataclass_made_one(fields):
    _same(tensor_snapshot(**fields), TensorSnapshot(**fields))   # (one array: == compares it by identity)
    args = list(fields.values())
    assert tensor_snapshot(*args) == TensorSnapshot(*args)


@pytest.mark.parametrize("fields", [
    dict(id="n0", kind="leaf", label="x"),
    dict(id="n3", kind="op", label="mul", var="y", op="mul", grad_fn="MulBackward0", shape=(2,),
         dtype="float32", value=TensorSnapshot(1, (2,), "float32", None, "[1., 2.]"), grad=None, line=4,
         source="y = x * 2", op_index=9),
    dict(id="n2", kind="saved", label="self", shape=(), dtype="float64", saved_name="_saved_self"),
])
def test_graph_node_equals_the_dataclass_made_one(fields):
    _same(graph_node(**fields), GraphNode(**fields))
    assert dataclasses.replace(graph_node(**fields), label="z") == dataclasses.replace(GraphNode(**fields),
                                                                                         label="z")


def test_graph_node_fields_template_lists_the_dataclass_fields_in_order_all_none():
    assert list(GRAPH_NODE_FIELDS) == [f.name for f in dataclasses.fields(GraphNode)]
    assert set(GRAPH_NODE_FIELDS.values()) == {None}


@pytest.mark.parametrize("fields", [
    dict(id="n3", kind="op", label="mul", op="mul", grad_fn="MulBackward0", line=4),
    dict(id="n2", kind="saved", label="self", shape=(), dtype="float64", saved_name="_saved_self"),
])
def test_record_from_a_filled_template_equals_the_dataclass_made_node(fields):
    filled = {**GRAPH_NODE_FIELDS, **fields}
    _same(record(GraphNode, filled), GraphNode(**fields))
