"""The size check of one call site, remembered for the shapes it saw last (issue 9).

A loop calls the same op at the same place with the same shapes thousands of times, and
shapes.fast_count works the element count out again each time (~2 us of set lookups, shape tuples
and broadcasting). A call site (the AST node of the operator or call) keeps the last answer:
the function, a key of its arguments and the count fast_count gave for them. The key holds each
tensor's shape and each number's type, and also the number's value for a function whose count can
depend on it (creation ops: `torch.zeros(n, 3)`, `torch.arange(n)`); for the four families that
fast_count sizes from shapes alone (elementwise, matmul, same-count views, whole reductions) a
number's value never changes the answer. Only calls whose arguments are all tensors or plain
numbers and that have no keyword arguments are planned: anything else (a list argument that
predict sizes with check_nested, a dtype, a keyword) takes predict's whole path as before. A hit
is then checked by SizeGuard.check_elements exactly as fast_count's answer would have been, before
the op runs.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.lang import shapes

MAX_SITES = 4_096   # plans kept per run (one per call site of the program's text)
_TENSOR = torch.Tensor
_NUMBERS = (int, float, bool)
_SHAPE_ONLY = frozenset(shapes.ELEMENTWISE | shapes.MATMUL | shapes.SAME_COUNT | shapes.REDUCE_ALL)


class SitePlan:
    __slots__ = ("fn", "by_value", "key", "count")

    def __init__(self, fn: Any, by_value: bool, key: tuple, count: int) -> None:
        self.fn, self.by_value, self.key, self.count = fn, by_value, key, count


def _part(value: Any, by_value: bool) -> Any:
    kind = type(value)
    if kind is _TENSOR:
        return value.shape
    if kind is int or kind is float or kind is bool:
        return (kind, value) if by_value else kind
    return None


def site_key(args: list, by_value: bool) -> tuple | None:
    """The arguments' shapes and number types (values too when by_value), or None when an argument
    is neither a tensor nor a plain number (a subclass of either included)."""
    if len(args) == 1:
        first = _part(args[0], by_value)
        return None if first is None else (first,)
    if len(args) == 2:
        first, second = _part(args[0], by_value), _part(args[1], by_value)
        return None if first is None or second is None else (first, second)
    key = tuple(_part(value, by_value) for value in args)
    return None if None in key else key


def planned_count(plans: dict, site: Any, fn: Any, args: list) -> int | None:
    """The count remembered at this site for this function and these argument shapes, or None."""
    plan = plans.get(site)
    if plan is None or plan.fn is not fn:
        return None
    key = site_key(args, plan.by_value)
    return plan.count if key is not None and key == plan.key else None


def remember(plans: dict, site: Any, fn: Any, args: list, count: int) -> None:
    """Keep fast_count's answer for the next call at this site (the last shapes only)."""
    try:
        by_value = fn not in _SHAPE_ONLY
    except TypeError:   # an unhashable callable: not one of the families
        by_value = True
    key = site_key(args, by_value)
    if key is not None and (site in plans or len(plans) < MAX_SITES):
        plans[site] = SitePlan(fn, by_value, key, count)


_NUMBER_TYPES = frozenset(_NUMBERS)
_MISS = object()


def fresh_seen() -> list:
    """A call site's own plan for two_count: [left key, right key, count], nothing seen yet."""
    return [_MISS, _MISS, 0]


def shape_only(fn: Any) -> bool:
    """Whether fn's count follows from its arguments' shapes and number types alone (_SHAPE_ONLY)."""
    try:
        return fn in _SHAPE_ONLY
    except TypeError:   # an unhashable callable: not one of the families
        return False


def two_count(fn: Any, args: list, seen: list) -> int | None:
    """shapes.fast_count(fn, args) of two tensors or numbers, the last answer kept in `seen` for
    the same keys (site_key's for a shape-only fn: a tensor's shape, a number's type), or None (then
    SizeGuard.predict sizes the call its whole way: a list, the meta device)."""
    a, b = args
    ta, tb = type(a), type(b)
    left = a.shape if ta is _TENSOR else ta if ta in _NUMBER_TYPES else None
    right = b.shape if tb is _TENSOR else tb if tb in _NUMBER_TYPES else None
    if left is None or right is None:
        return None
    if left == seen[0] and right == seen[1]:
        return seen[2]
    count = shapes.fast_count(fn, args, {})
    if count is not None:
        seen[0], seen[1], seen[2] = left, right, count
    return count
