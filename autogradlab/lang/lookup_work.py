"""The work of the search-like calls session 28 allowed, estimated before the call (call_work.check_work).

Their results are no bigger than their inputs, so the size limits let a single call run for seconds:
measured here on one thread of the loaded 2-core machine, torch.searchsorted of 5M values in a sorted 5M
took 6.7 s (24 s with sorter=), bucketize 8.2 s, isin of 5M in 5M 4.4 s, histogram of 5M values with 2M
edges 3.4 s, and diff(x, n=k) subtracts k times (diff(ones(50_000), n=50_000): 0.8 s, and its meta run
17 s before the size check said anything). Counted with Python ints:

- searchsorted / bucketize / histogram with edges: one binary search per value, ceil(log2(m + 1))
  steps in m boundaries, SEARCH_WEIGHT units a step (~20 ns: 5M values in 1,000 boundaries 0.9 s),
  CACHE_MISS_WEIGHT times that when the boundaries outgrow the caches (2**18 and more: ~60 ns), and
  SORTER_WEIGHT times more with sorter= (each step reads through the permutation: ~210 ns);
- isin: the sort of both inputs together ((e + t) log2(e + t) steps, as searchsorted's), or for a test
  set smaller than PyTorch's 10 * e**0.145, e * t comparisons of BRUTE_WEIGHT units (5M x 90: 0.8 s);
- diff(x, n, dim): the elements of each of the min(n, L) passes (L shrinks by one per pass) plus
  DIFF_PASS_WORK for each pass's own ops.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from autogradlab.lang.meta_copies import _int_of

SEARCH_WEIGHT = 16
CACHE_MISS_WEIGHT = 3
CACHE_MISS_FROM = 2 ** 18
SORTER_WEIGHT = 4
BRUTE_WEIGHT = 2
DIFF_PASS_WORK = 10_000

LOOKUPS = frozenset({"searchsorted", "bucketize", "isin", "histogram", "diff"})


def _count(value: Any) -> int:
    """Elements of a tensor argument (a Python number: 1)."""
    return math.prod(int(s) for s in value.shape) if isinstance(value, torch.Tensor) else 1


def _get(args: list, kwargs: dict, index: int, name: str) -> Any:
    return args[index] if len(args) > index else kwargs.get(name)


def _searches(values: int, boundaries: int, sorter: bool = False) -> int:
    weight = SEARCH_WEIGHT * (CACHE_MISS_WEIGHT if boundaries >= CACHE_MISS_FROM else 1)
    return values * max(1, boundaries + 1).bit_length() * weight * (SORTER_WEIGHT if sorter else 1)


def _diff_work(args: list, kwargs: dict) -> int | None:
    x = _get(args, kwargs, 0, "input")
    n = _get(args, kwargs, 1, "n")
    n = 1 if n is None else _int_of(n)   # also a 0-d tensor or a NumPy int, as PyTorch takes them
    if not isinstance(x, torch.Tensor) or n is None or n <= 0:
        return None   # PyTorch's own error (or one pass)
    dim = _get(args, kwargs, 2, "dim")
    dim = -1 if dim is None else dim
    parts = [x] + [t for t in (_get(args, kwargs, 3, "prepend"), _get(args, kwargs, 4, "append"))
                   if isinstance(t, torch.Tensor)]
    if type(dim) is not int or x.dim() == 0 or not -x.dim() <= dim < x.dim():
        return None   # PyTorch's own error
    total = sum(_count(t) for t in parts)
    length = sum(int(t.shape[dim]) if t.dim() == x.dim() else 1 for t in parts)
    rest = total // length if length else 0
    passes = min(n, length)
    return rest * (passes * length - passes * (passes + 1) // 2) + passes * DIFF_PASS_WORK


def lookup_work(op: str, args: list, kwargs: dict) -> int | None:
    """The estimated work of `op(*args, **kwargs)` (op in LOOKUPS), or None when PyTorch refuses it."""
    if op == "diff":
        return _diff_work(args, kwargs)
    if op == "isin":
        elements = _count(_get(args, kwargs, 0, "elements"))
        tests = _count(_get(args, kwargs, 1, "test_elements"))
        if tests < 10.0 * elements ** 0.145:
            return BRUTE_WEIGHT * elements * tests
        return _searches(elements + tests, elements + tests)
    if op == "searchsorted":
        sequence = _get(args, kwargs, 0, "sorted_sequence")
        if not isinstance(sequence, torch.Tensor) or sequence.dim() == 0:
            return None
        return _searches(_count(_get(args, kwargs, 1, "input")), int(sequence.shape[-1]),
                         isinstance(kwargs.get("sorter"), torch.Tensor))
    if op == "bucketize":
        return _searches(_count(_get(args, kwargs, 0, "input")), _count(_get(args, kwargs, 1, "boundaries")))
    edges = _get(args, kwargs, 1, "bins")   # histogram: with an int of bins, one step a value
    if not isinstance(edges, torch.Tensor):
        return None
    return _searches(_count(_get(args, kwargs, 0, "input")), _count(edges))
