"""lang/tensor_text.tensor_repr against PyTorch's own repr: the same text, character for character,
for every tensor it answers; None (torch asked instead) for the cases it leaves to torch."""

from __future__ import annotations

import math

import pytest
import torch

from autogradlab.engine.values import safe_repr
from autogradlab.lang.tensor_text import tensor_repr


def _values(gen: torch.Generator, n: int, style: str) -> torch.Tensor:
    base = torch.randn(n, generator=gen, dtype=torch.float64)
    if style == "int":
        return torch.round(base * 20)
    if style == "big":
        return base * 1e9
    if style == "tiny":
        return base * 1e-6
    if style == "wide":
        return base * torch.logspace(-3, 5, n, dtype=torch.float64)
    if style == "special":
        out = base.clone()
        specials = [math.nan, math.inf, -math.inf, 0.0, -0.0]
        for i in range(0, n, 3):
            out[i] = specials[i % len(specials)]
        return out
    if style == "zeros":
        return torch.zeros(n, dtype=torch.float64)
    return base


SHAPES = [(), (1,), (5,), (7,), (40,), (100,), (3, 4), (1, 1), (2, 3, 4), (12, 9), (1001,), (1000, 1),
          (1000, 2), (2000, 1), (50, 50), (3, 400), (2, 2, 300), (8, 7, 20), (2, 1, 1, 3)]
STYLES = ["normal", "int", "big", "tiny", "wide", "special", "zeros"]


def _cases():
    gen = torch.Generator().manual_seed(7)
    for shape in SHAPES:
        n = math.prod(shape)
        for style in STYLES if n <= 400 else STYLES[:2] + STYLES[5:6]:
            values = _values(gen, n, style).reshape(shape)
            for dtype in (torch.float32, torch.float64):
                yield values.to(dtype)
            if style in ("int", "zeros", "big"):
                finite = torch.nan_to_num(values, posinf=0.0, neginf=0.0)
                yield finite.to(torch.int64)
                yield finite.clamp(-2**31, 2**31 - 1).to(torch.int32)
                yield finite > 0


def test_plain_tensors_print_as_torch_prints_them():
    count = 0
    for t in _cases():
        assert tensor_repr(t) == repr(t), (t.shape, t.dtype)
        count += 1
    assert count > 300


def test_autograd_suffixes_and_line_breaks():
    gen = torch.Generator().manual_seed(3)
    w = torch.randn(2, 1, generator=gen, requires_grad=True)
    long_row = torch.randn(6, generator=gen, requires_grad=True)
    cases = [w, w * 2, (w * 3).sum(), w.reshape(-1), long_row * 1000, long_row.double() / 7,
             torch.tensor(3.0, requires_grad=True), torch.arange(12.0).reshape(3, 4).requires_grad_(),
             torch.tensor([1.5, -2.25], dtype=torch.float64, requires_grad=True) ** 2,
             torch.ones(11, dtype=torch.int32), -torch.arange(5.0), torch.arange(6.0).reshape(2, 3).T,
             torch.arange(10.0)[::3], torch.arange(8.0).neg().view(2, 4)]
    for t in cases:
        assert tensor_repr(t) == repr(t)
    assert safe_repr(w * 2) == repr(w * 2)


@pytest.mark.parametrize("make", [
    lambda: torch.tensor([1.0, 2.0], dtype=torch.float16),
    lambda: torch.tensor([1 + 2j]),
    lambda: torch.zeros(0),
    lambda: torch.nn.Parameter(torch.ones(2)),
    lambda: torch.ones(3).to_sparse(),
    lambda: torch.ones(2, device="meta"),
])
def test_other_tensors_are_left_to_torch(make):
    t = make()
    assert tensor_repr(t) is None


def test_print_options_other_than_the_defaults_are_left_to_torch():
    t = torch.arange(5.0) / 3
    torch.set_printoptions(precision=2)
    try:
        assert tensor_repr(t) is None
    finally:
        torch.set_printoptions(profile="default")
    assert tensor_repr(t) == repr(t)


def test_a_torch_function_mode_is_left_to_torch():
    from torch.overrides import TorchFunctionMode

    class Passing(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            return func(*args, **(kwargs or {}))

    t = torch.arange(3.0)
    with Passing():
        assert tensor_repr(t) is None
        assert safe_repr(t) == "tensor([0., 1., 2.])"


@pytest.mark.parametrize("shape", [(7, 1000), (1, 2000), (1000, 7), (1001, 1), (6, 200), (200, 6), (13, 13),
                                   (1, 6), (6, 1), (1, 1001), (4, 30), (0,), (2, 0)])
def test_matrix_and_vector_layouts_cut_as_torch_cuts_them(shape):
    """lang/tensor_cells.py's layout (each element formatted once) against torch's: rows and columns
    cut at the edges, long rows broken over lines, columns, negative zeros wider than the width."""
    gen = torch.Generator().manual_seed(11)
    n = math.prod(shape)
    base = torch.randn(n, generator=gen, dtype=torch.float64)
    base[::5] = -0.0
    for values in (base, base * 1e5, torch.round(base * 9), torch.where(base > 1, math.inf, base)):
        for t in (values.to(torch.float32).reshape(shape), values.reshape(shape),
                  torch.round(values.nan_to_num(posinf=3.0)).to(torch.int64).reshape(shape)):
            assert tensor_repr(t) in (repr(t), None), (shape, t.dtype)
            assert t.numel() == 0 or tensor_repr(t) is not None
