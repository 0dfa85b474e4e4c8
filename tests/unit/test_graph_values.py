"""graph_values.fast_snapshot makes the very record values.snapshot makes, for every kind of tensor."""

from __future__ import annotations

import math
import pickle

import pytest
import torch

from autogradlab.engine.graph_values import fast_snapshot
from autogradlab.engine.values import snapshot


def _leaf(value, dtype=torch.float32):
    return torch.tensor(value, dtype=dtype, requires_grad=True)


TENSORS = {
    "float32": lambda: torch.tensor(0.70123, dtype=torch.float32),
    "float64": lambda: torch.tensor(-3.25e-7, dtype=torch.float64),
    "whole": lambda: torch.tensor(28.0),
    "huge": lambda: torch.tensor(3e9),
    "nan": lambda: torch.tensor(math.nan),
    "-inf": lambda: torch.tensor(-math.inf),
    "int64": lambda: torch.tensor(-7),
    "int32": lambda: torch.tensor(5, dtype=torch.int32),
    "bool": lambda: torch.tensor(True),
    "float16": lambda: torch.tensor(0.1, dtype=torch.float16),
    "complex": lambda: torch.tensor(1 + 2j),
    "leaf": lambda: _leaf(0.5),
    "op output": lambda: torch.sin(_leaf(0.5)) * 1.01,
    "neg view": lambda: torch.tensor(2.5)._neg_view(),
    "vector": lambda: torch.arange(4.0),
    "matrix": lambda: torch.ones(2, 3, requires_grad=True) * 2,
    "big": lambda: torch.zeros(20_000),
}


@pytest.mark.parametrize("name", TENSORS)
def test_fast_snapshot_is_values_snapshot(name):
    tensor = TENSORS[name]()
    made, expected = fast_snapshot(tensor, 7), snapshot(tensor, 7)
    assert pickle.dumps(made) == pickle.dumps(expected)   # (a lazy 0-dim snapshot is made eager by it)
    assert list(vars(made)) == list(vars(expected))
    if made.value is not None:
        assert made.value.shape == tuple(tensor.shape)
        torch.testing.assert_close(torch.from_numpy(made.value), tensor.detach().resolve_neg(),   # the oracle
                                   rtol=0, atol=0, equal_nan=True)


def test_fast_snapshot_of_a_number_reads_it_as_torch_does():
    x = _leaf(0.3)
    y = torch.exp(x) / 3
    made = fast_snapshot(y, 1)
    assert made.value.item() == y.item() and made.value.dtype.name == "float32"
    assert made.requires_grad and made.grad_fn == type(y.grad_fn).__name__ and made.shape == ()
