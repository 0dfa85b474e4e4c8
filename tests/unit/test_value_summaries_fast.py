"""values.py's faster summaries (issue 9) give exactly the old texts.

The oracle is the formatter as it was before (copied below, unchanged): every summary of a 1-D
vector, a small matrix and a single number must be the same string, for random values of every
dtype and for the edge values (nan, ±inf, -0.0, huge, tiny, integers near 1e8, bools, complex).
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import torch

from autogradlab.engine import values
from autogradlab.engine.values import SUMMARY_MAX_CHARS, _fmt_float, _fmt_number, _fmt_vector, summarize


# ---- the formatter before issue 9's change (reference) -------------------------------------------
def old_fmt_number(v):
    kind = type(v)
    if kind is not float:
        if kind is bool or isinstance(v, bool):
            return "True" if v else "False"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, complex):
            sign = "+" if v.imag >= 0 else "-"
            return f"{old_fmt_number(v.real)}{sign}{old_fmt_number(abs(v.imag))}j"
    if v != v:
        return "nan"
    if v in (math.inf, -math.inf):
        return "inf" if v > 0 else "-inf"
    if v.is_integer() and abs(v) < 1e8:
        return f"{int(v)}."
    return f"{v:.4g}"


def old_fmt_vector(values_, budget):
    if len(values_) <= budget // 3:
        whole = "[" + ", ".join(map(old_fmt_number, values_)) + "]"
        if len(whole) <= budget:
            return whole
    parts = [old_fmt_number(values_[0])]
    size = len(parts[0]) + 5
    for v in values_[1:]:
        text = old_fmt_number(v)
        if size + len(text) + 2 > budget:
            break
        parts.append(text)
        size += len(text) + 2
    return "[" + ", ".join(parts) + ", …]"


def old_summarize(arr):
    if arr.size == 0:
        return "[]"
    if arr.ndim == 0:
        return old_fmt_number(arr.item())
    if arr.ndim == 1 and arr.size <= values.VECTOR_SUMMARY_MAX_ELEMENTS:
        return old_fmt_vector(arr[:SUMMARY_MAX_CHARS // 3 + 1].tolist(), SUMMARY_MAX_CHARS)
    if arr.ndim == 2 and arr.size <= 16:
        rows = "[" + ", ".join(old_fmt_vector(row, 10_000) for row in arr.tolist()) + "]"
        if len(rows) <= SUMMARY_MAX_CHARS:
            return rows
    return values._fmt_stats(arr)


# ---- values ---------------------------------------------------------------------------------------
EDGES = [math.nan, -math.nan, math.inf, -math.inf, 0.0, -0.0, 1.0, -1.0, 0.5, 1e8, -1e8, 99_999_999.0,
         -99_999_999.0, 100_000_001.0, 1e8 - 0.5, 1e300, -1e300, 1.7976931348623157e308, 5e-324, -5e-324,
         1e-300, 1e-5, 1e-4, 9.9995e-5, 123456.5, 0.1, 2.0 ** 52 + 1, 3.0, 28.0, 1234.5678, -0.00012345]
INTS = [0, 1, -1, 7, 10 ** 8, -10 ** 8, 2 ** 63 - 1, -2 ** 63, 255]
COMPLEX = [complex(1, 2), complex(-0.0, -0.0), complex(math.nan, 1), complex(1, -math.inf),
           complex(0.5, -2.25), complex(1e9, 1e-9)]


@pytest.mark.parametrize("v", EDGES + INTS + [True, False] + COMPLEX
                         + [np.float64(2.5), np.float32(1e8).item(), np.float64(math.nan)])
def test_one_number_is_formatted_as_before(v):
    assert _fmt_number(v) == old_fmt_number(v)
    if type(v) is float:
        assert _fmt_float(v) == old_fmt_number(v)


def _vectors(rng: random.Random):
    pool = EDGES + [rng.uniform(-1e3, 1e3) for _ in range(20)]
    pool += [float(rng.randint(-99, 99)) for _ in range(10)]
    for length in list(range(1, 20)) + [30, 99, 100, 101]:
        for _ in range(6):
            yield [rng.choice(pool) for _ in range(length)]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.int64, torch.int32,
                                   torch.uint8, torch.bool, torch.complex64])
def test_vector_summaries_are_the_old_texts(dtype):
    rng = random.Random(f"summaries {dtype}")
    checked = 0
    for raw in _vectors(rng):
        t = torch.tensor(raw, dtype=torch.float64)
        if dtype.is_floating_point or dtype.is_complex:
            t = t.to(dtype)
            if dtype.is_complex:
                t = t + 1j * torch.tensor(raw[::-1], dtype=torch.float64).to(dtype)
        else:
            t = torch.nan_to_num(t, nan=0.0, posinf=1e6, neginf=-1e6).clamp(-1e6, 1e6).to(dtype)
        arr = values.to_numpy(t)
        assert summarize(arr) == old_summarize(arr), (raw, dtype)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("shape", [(2, 2), (4, 4), (3, 5), (1, 1), (0,), ()])
def test_matrices_scalars_and_empty_are_the_old_texts(shape):
    rng = np.random.default_rng(len(shape) * 10 + sum(shape))
    for scale in (1.0, 1e-6, 1e9):
        for arr in (rng.standard_normal(shape) * scale, np.round(rng.standard_normal(shape) * 100),
                    rng.standard_normal(shape).astype(np.float32)):
            assert summarize(arr) == old_summarize(arr)


def test_vector_budget_is_the_old_one_for_every_budget():
    rng = random.Random(9)
    for _ in range(300):
        pool = EDGES + [rng.uniform(-10, 10), float(rng.randint(0, 9))]
        raw = [rng.choice(pool) for _ in range(rng.randint(1, 16))]
        budget = rng.randint(3, 60)
        assert _fmt_vector(raw, budget) == old_fmt_vector(raw, budget)
        assert _fmt_vector(raw, budget, _fmt_float) == old_fmt_vector(raw, budget)


def test_snapshot_of_a_detached_tensor_is_the_same_as_of_the_tensor():
    x = torch.tensor([1.5, -2.0, math.nan], requires_grad=True)
    y = (x * 2).conj()
    for t in (y, torch.tensor([1 + 2j, 3 - 4j]).conj(), torch._neg_view(torch.arange(3.0))):
        a = values.snapshot_as(t, 1, True, None)
        b = values.snapshot_as(t.detach(), 1, True, None, detached=True)
        assert (a.summary, a.shape, a.dtype) == (b.summary, b.shape, b.dtype)
        np.testing.assert_array_equal(a.value, b.value)
        assert a.value.dtype == b.value.dtype


def _big_tensors():
    g = torch.Generator().manual_seed(9)
    base = torch.randn(150, 120, generator=g, dtype=torch.float64)
    with_edges = base.clone().reshape(-1)
    with_edges[::97] = math.nan
    with_edges[5] = math.inf
    with_edges[7] = -math.inf
    yield base                                   # 18,000 elements: above SNAPSHOT_MAX_ELEMENTS
    yield base.t()                               # not contiguous (Fortran order)
    yield torch.randn(150, 160, generator=g)[:, ::2]   # strided
    yield base.flip(0)
    yield with_edges
    yield torch.full((20_001,), math.inf)
    yield torch.full((20_001,), math.nan)
    yield (base * 100).to(torch.int64)
    yield base > 0
    yield base.to(torch.bfloat16)
    yield torch.complex(base, base.flip(1)).conj()
    yield torch._neg_view(base.float())
    yield base.reshape(150, 12, 10)


def test_a_big_tensors_summary_is_made_from_its_memory_as_from_a_copy():
    for t in _big_tensors():
        assert t.numel() > values.SNAPSHOT_MAX_ELEMENTS
        snap = values.snapshot_as(t, 5, False, None)
        assert snap.value is None and snap.shape == tuple(t.shape)
        assert snap.summary == old_summarize(values.to_numpy(t)), t.dtype
        held = t.detach()
        assert values.snapshot_as(held, 5, False, None, detached=True) == snap
