"""The op window's bookkeeping (engine/trace.py, issue 9): ops are found by index without a table
per op, the recorder's keys leave with their op, and the last ops of a long loop show what PyTorch
computed. PyTorch run directly is the oracle for values; the window's own record list is the
oracle for what `get` may still find.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.trace import PINNED_MAX, RECORD_WINDOW
from autogradlab.engine.values import (
    _SCALAR_DTYPES,
    _fmt_number,
    _fmt_vector,
    scalar_snapshot,
    snapshot_as,
    summarize,
)
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits

LONG = Limits(timeout_s=60)   # a loaded test machine: timing is the bench's job

CHAIN = """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range({n}):
    y = torch.sin(y) * 1.01 + 0.1 * x
"""


def recorded(source: str) -> Recorder:
    recorder = Recorder(source, LONG)
    Interpreter(parse_program(source, LONG), source, limits=LONG,
                generator=torch.Generator().manual_seed(0), hooks=recorder).run()
    return recorder


@pytest.mark.parametrize("n", [3, 200, 700])
def test_get_finds_exactly_the_ops_the_window_and_the_pins_keep(n):
    recorder = recorded(CHAIN.format(n=n))
    trace = recorder.trace
    kept = {record.index: record for record in trace.records()}
    assert trace.total == 1 + 4 * n
    assert len(kept) == min(trace.total, RECORD_WINDOW + 1)   # + the op that made the leaf x
    for index in range(-3, trace.total + 3):
        record = trace.get(index)
        assert (record is None) == (index not in kept), index
        if record is not None:
            assert record == kept[index] and record.index == index
            assert trace.output(index, 0) == record.outputs[0]


def test_the_recorders_keys_point_only_at_ops_still_kept():
    recorder = recorded(CHAIN.format(n=400))
    trace = recorder.trace
    assert recorder._created_by and recorder._origins
    for index in recorder._created_by.values():
        assert trace.get(index) is not None
    for index, position, fn, _ in recorder._origins.values():
        assert trace.get(index).outputs[position].grad_fn == type(fn).__name__


def test_the_last_ops_of_a_long_loop_are_pytorchs_values():
    n = 300
    report = run_program(CHAIN.format(n=n), limits=LONG)
    assert report.ok, report.error
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    expected = []
    for _ in range(n):
        a = torch.sin(y)
        b = a * 1.01
        c = 0.1 * x
        y = b + c
        expected += [("sin", a), ("mul", b), ("mul", c), ("add", y)]
    window = report.ops[1:]
    assert len(window) == RECORD_WINDOW and report.ops[0].op == "tensor"
    for record, (op, value) in zip(window, expected[-RECORD_WINDOW:], strict=True):
        assert record.op == op
        (out,) = record.outputs
        assert out.value.item() == value.item() and out.grad_fn == type(value.grad_fn).__name__
    assert window[-1].var == "y" and window[-1].inputs == ("t" + str(window[-3].outputs[0].id),
                                                            "t" + str(window[-2].outputs[0].id))


def test_many_leaf_making_ops_keep_at_most_the_pinned_number():
    source = "import torch\nfor i in range(700):\n    w = torch.zeros(2, requires_grad=True)\n"
    recorder = recorded(source)
    records = recorder.trace.records()
    assert len(records) == PINNED_MAX + RECORD_WINDOW
    assert [r.index for r in records[:PINNED_MAX]] == list(range(PINNED_MAX))
    assert recorder.trace.get(PINNED_MAX) is None and recorder.trace.get(PINNED_MAX - 1) is not None


@pytest.mark.parametrize("dtype", list(_SCALAR_DTYPES))
@pytest.mark.parametrize("value", [0.0, -0.0, 1.0, -2.5, 1e8, 123456789.0, 1e-7, math.inf, -math.inf,
                                   math.nan, 3, -(2 ** 40), True])
def test_a_scalar_snapshot_is_the_snapshot_of_the_tensor(dtype, value):
    try:
        tensor = torch.tensor(value, dtype=dtype)
    except (RuntimeError, OverflowError):
        pytest.skip("not representable")
    direct = snapshot_as(tensor, 7, False, None)
    fast = scalar_snapshot(tensor.item(), dtype, _SCALAR_DTYPES[dtype], 7, False, None)
    assert (fast.id, fast.shape, fast.dtype, fast.summary) == (7, (), direct.dtype, direct.summary)
    assert fast.value.dtype == direct.value.dtype
    assert np.array_equal(fast.value, direct.value, equal_nan=True)


def _vector_text(values: list, budget: int) -> str:
    """The summary's definition: as many leading numbers as fit the budget with `, …]` after."""
    if len(values) <= budget // 3:
        whole = "[" + ", ".join(map(_fmt_number, values)) + "]"
        if len(whole) <= budget:
            return whole
    parts = [_fmt_number(values[0])]
    for v in values[1:]:
        parts.append(_fmt_number(v))
        if len("[" + ", ".join(parts) + ", …]") > budget:
            parts.pop()
            break
    return "[" + ", ".join(parts) + ", …]"


@pytest.mark.parametrize("size", [1, 2, 5, 13, 14, 40, 100])
@pytest.mark.parametrize("scale", [1.0, 1e3, 1e9, 1e-5])
def test_vector_summaries_fit_the_budget_as_defined(size, scale):
    generator = torch.Generator().manual_seed(size)
    tensor = torch.randn(size, generator=generator, dtype=torch.float64) * scale
    tensor[::3] = tensor[::3].round()
    arr = tensor.numpy()
    assert summarize(arr) == _vector_text(arr[:14].tolist(), 40)
    for budget in (5, 10, 20, 40, 10_000):
        assert _fmt_vector(arr.tolist(), budget) == _vector_text(arr.tolist(), budget)


def _stats_text(arr: np.ndarray) -> str:
    """The stats summary's definition: mean (4 significant digits, inside [min, max]; 0. when it is
    below 1e-6 of the largest value), min and max of the finite values."""
    a = arr.astype(np.float64)
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return f"{arr.size:,} values, none finite"
    low, high, mean = float(finite.min()), float(finite.max()), float(finite.mean())
    shown = "0." if abs(mean) < 1e-6 * max(abs(low), abs(high)) else \
        _fmt_number(float(f"{min(max(mean, low), high):.4g}"))
    return f"mean {shown}, min {_fmt_number(low)}, max {_fmt_number(high)}"


@pytest.mark.parametrize("case", range(12))
def test_stats_summaries_are_mean_min_max_of_the_finite_values(case):
    generator = torch.Generator().manual_seed(case)
    dtype = [torch.float32, torch.float64, torch.int64][case % 3]
    tensor = (torch.randn(30, 70, generator=generator, dtype=torch.float64) * 10.0 ** (case * 25)).to(dtype)
    if case % 4 == 1:
        tensor = tensor.T
    if case % 4 == 2 and dtype != torch.int64:
        tensor[3, 5] = [math.nan, math.inf, -math.inf][case % 3]
    arr = tensor.numpy()
    assert summarize(arr) == _stats_text(arr)
