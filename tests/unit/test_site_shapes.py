"""Issue 9, session 17: an operator's site (tensor_sites.binary_site, augmented_site) remembers the
element counts of several shape pairs, not only the last one.

`for p in [W1, b1, W2, b2]: p -= lr * p.grad` (loop_mlp_manual.py) meets four shape pairs in turn at
the same two sites, and shapes.fast_count worked each count out again every pass. The count kept
for a pair is the one fast_count gave for it, so every size check takes the same count: the
values are PyTorch's, the refusals are the general path's (the same message at the same place), and
fast_count is asked once per pair.
"""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import shapes, tensor_sites
from autogradlab.limits import Limits

ROTATING = """import torch
W1 = torch.linspace(-1, 1, 6).reshape(2, 3)
b1 = torch.linspace(0, 1, 3)
W2 = torch.linspace(1, 2, 12).reshape(3, 4)
b2 = torch.tensor([0.5])
for step in range(40):
    for p in [W1, b1, W2, b2]:
        g = 0.25 * p
        p -= 0.01 * g
print(W1.sum().item(), b1.sum().item(), W2.sum().item(), b2.sum().item())
"""


def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"torch": torch})   # noqa: S102 - our own test program
    return out.getvalue()


def _pair(args: list) -> tuple | None:
    """The key of an operator's two operands (a float's type, a tensor's shape), else None."""
    if len(args) != 2:
        return None
    pair = tuple(a.shape if isinstance(a, torch.Tensor) else type(a) for a in args)
    return pair if all(part is float or isinstance(part, torch.Size) for part in pair) else None


def test_rotating_shapes_give_pytorchs_values():
    report = run_program(ROTATING)
    assert report.ok, report.error
    assert report.printed == _plain(ROTATING)


def test_rotating_shapes_ask_fast_count_once_per_pair(monkeypatch):
    asked: list[tuple] = []
    real = shapes.fast_count

    def counting(fn, args, kwargs):
        asked.append(_pair(args))
        return real(fn, args, kwargs)

    monkeypatch.setattr(shapes, "fast_count", counting)
    assert run_program(ROTATING).ok
    asked = [pair for pair in asked if pair is not None]   # the loop's operators (not linspace & co.)
    # `0.25 * p` and `0.01 * g` meet the same four (float, shape) pairs; `p -= ...` four
    # (shape, shape) pairs: each pair once per site, not once per pass (40 passes)
    assert len(asked) == len(set(asked)) + 4   # (float, shape) asked at both multiplying sites
    assert len(asked) == 12


def test_no_memory_asks_every_pass(monkeypatch):
    """The same program with no shapes remembered but the last (SEEN_SHAPES = 0): the old path."""
    monkeypatch.setattr(tensor_sites, "SEEN_SHAPES", 0)
    asked: list[tuple | None] = []
    real = shapes.fast_count

    def counting(fn, args, kwargs):
        asked.append(_pair(args))
        return real(fn, args, kwargs)

    monkeypatch.setattr(shapes, "fast_count", counting)
    report = run_program(ROTATING)
    assert report.printed == _plain(ROTATING)
    assert len([pair for pair in asked if pair is not None]) == 3 * 4 * 40   # three sites, every pass


# `col + row` at one site: (40, 1) with (1, 40) is 1,600 elements, with (1, 60) 2,400, above a limit of
# 2,000: the pair seen before must not lend its count to the other
REFUSED = """import torch
col = torch.ones(40, 1)
rows = [torch.ones(1, 40), torch.ones(1, 30), torch.ones(1, 40), torch.ones(1, 60)]
total = 0.0
for r in rows:
    s = col + r
    total += s.sum().item()
print(total)
"""


@pytest.mark.parametrize("remembered", [0, tensor_sites.SEEN_SHAPES])
def test_a_pair_too_large_is_refused_before_the_op(remembered, monkeypatch):
    monkeypatch.setattr(tensor_sites, "SEEN_SHAPES", remembered)
    report = run_program(REFUSED, limits=Limits(max_tensor_elements=2_000))
    assert not report.ok
    assert report.error.line == 6
    assert "result of add would have 2,400 elements; the limit is 2,000" in report.error.message
    assert report.printed == ""


def test_refusal_is_the_same_with_and_without_memory(monkeypatch):
    limits = Limits(max_tensor_elements=2_000)
    with_memory = run_program(REFUSED, limits=limits)
    monkeypatch.setattr(tensor_sites, "SEEN_SHAPES", 0)
    without = run_program(REFUSED, limits=limits)
    assert with_memory.error == without.error
    assert with_memory.variables.keys() == without.variables.keys()


# `p.norm()` at one method site (compiled_method_calls.zero_site) meets four receiver shapes in turn
METHODS = """import torch
params = [torch.linspace(-1, 1, 6).reshape(2, 3), torch.linspace(0, 1, 3),
          torch.linspace(1, 2, 12).reshape(3, 4), torch.tensor([0.5])]
total = 0.0
for step in range(30):
    for p in params:
        total += p.norm().item()
print(total)
"""


def test_a_method_site_asks_once_per_receiver_shape(monkeypatch):
    asked: list[tuple] = []
    real = shapes.fast_count

    def counting(fn, args, kwargs):
        if fn is torch.Tensor.norm:
            asked.append(tuple(args[0].shape))
        return real(fn, args, kwargs)

    monkeypatch.setattr(shapes, "fast_count", counting)
    report = run_program(METHODS)
    assert report.printed == _plain(METHODS)
    assert sorted(asked) == sorted({(2, 3), (3,), (3, 4), (1,)})   # once each, not once per pass
    monkeypatch.setattr(tensor_sites, "SEEN_SHAPES", 0)
    asked.clear()
    assert run_program(METHODS).printed == _plain(METHODS)
    assert len(asked) == 4 * 30
