"""Tensor element counts with Python ints (torch.Size.numel() can overflow), the empty-tensor
extents a report can hold, and the elements nested lists would build (sizes.SizeGuard uses them).
"""

from __future__ import annotations

import math
from typing import Any

import torch

from autogradlab.errors import LimitExceeded
from autogradlab.limits import DEFAULT_LIMITS


def count_elements(shape: Any) -> int:
    """Number of elements of a shape, with Python ints (never overflows)."""
    if type(shape) is torch.Size:   # holds Python ints already
        return math.prod(shape)
    return math.prod(int(n) for n in shape)


def tensor_elements(value: Any, depth: int = 3) -> int:
    """Total elements of the tensors in a result (a tensor, or tuples/lists of them, a few levels
    deep: results and arguments never nest tensors deeper, and long number lists are skipped)."""
    if isinstance(value, torch.Tensor):
        shape = value.shape
        if len(shape) > MAX_SHOWN_DIMS:
            refuse_dims(len(shape))
        elements = count_elements(shape)
        if elements == 0 and len(shape) > 1:
            check_empty_extent(shape)
        return elements
    if depth == 0 or not isinstance(value, (tuple, list)):
        return 0
    if value and not isinstance(value[0], (torch.Tensor, tuple, list)):
        return 0
    return sum(tensor_elements(item, depth - 1) for item in value)

# An empty tensor allocates nothing, but its other dimensions still have to fit NumPy's array size
# (the report copies every tensor into an array: torch.ones(2**62, 0) was an internal error), and the
# empty lists before its first 0 are written out by what reads the report: `run --json` wrote
# torch.ones(10**7, 0) as ten million `[]` (30 s, 800 MB in the app's process). torch.zeros(0, 10**8)
# is a single `[]`.
MAX_EMPTY_EXTENT = 2**40
# NumPy arrays have at most 64 dimensions (torch's have more): torch.ones([1] * 100) was an internal
# error of the report's copy, at the end of the run (red team, session 22).
MAX_SHOWN_DIMS = 64
MAX_EMPTY_ROWS = DEFAULT_LIMITS.max_tensor_elements


def check_result_shape(shape: torch.Size) -> None:
    """The op sites' fast path (a tensor result, counted with math.prod) calls this for a result of 0
    elements or of more than MAX_SHOWN_DIMS dimensions (a view op's: `x.unsqueeze(0)` 70 times, which
    the report's copy refused without the line)."""
    if len(shape) > MAX_SHOWN_DIMS:
        refuse_dims(len(shape))
    if len(shape) > 1 and 0 in shape:
        check_empty_extent(shape)


def check_empty_extent(shape: torch.Size) -> None:
    extent = math.prod(n for n in shape if n)
    rows = math.prod(shape[:list(shape).index(0)])
    if extent <= MAX_EMPTY_EXTENT and rows <= MAX_EMPTY_ROWS:
        return
    dims = ", ".join(map(str, shape))
    hint = "use smaller sizes (limit max_tensor_elements)"
    if extent > MAX_EMPTY_EXTENT:
        raise LimitExceeded(f"an empty tensor of shape [{dims}] is too large to show: its non-zero "
                            f"dimensions multiply to {extent:,}; the limit is {MAX_EMPTY_EXTENT:,}",
                            hint=hint)
    raise LimitExceeded(f"an empty tensor of shape [{dims}] is too large to show: it holds {rows:,} "
                        f"empty rows (the sizes before its first 0); the limit is {MAX_EMPTY_ROWS:,}",
                        hint=hint)


def nested_length_product(data: Any, cap: int) -> int:
    """Elements torch.tensor/np.array would build from nested lists, without building them.

    Follows the first element at each level (like torch's shape inference) and multiplies the
    lengths; stops early once the product exceeds cap."""
    total = 1
    depth = 0
    while isinstance(data, (list, tuple, range)) and depth < 64:
        try:
            total *= len(data)
        except OverflowError:   # range(10**30)
            return cap + 1
        if total == 0 or total > cap:
            return total
        data = data[0]
        depth += 1
    if isinstance(data, torch.Tensor):
        total *= count_elements(data.shape)
    elif isinstance(data, str):   # numpy stores every string at the longest one's width
        total *= max(1, len(data))
    return total


_NESTED = (list, tuple)


def expanded_elements(data: Any, cap: int) -> int:
    """Items torch.tensor / np.array walk in nested lists: every leaf, a shared list counted each time
    it appears (they walk it each time), a tensor leaf as its elements; stops once above `cap`.

    nested_length_product follows the first item only, which a ragged list fools: `[[1.0]] +
    [[1.0] * 100000] * 1000` counted 1,001 elements while torch.tensor walked 10**8 items (8 s) to find
    the lengths differ, and np.array of the same with text made a 1 GB list of its leaves. Each distinct
    list is looked at once (by id), its item types read in C, so the walk costs what the program paid to
    build the lists, not what sharing multiplies."""
    if type(data) not in _NESTED:
        return 0
    known: dict[int, int] = {}

    def count(seq: Any, depth: int) -> int:
        key = id(seq)
        total = known.get(key)
        if total is not None:
            return total
        kinds = set(map(type, seq))
        if list not in kinds and tuple not in kinds and range not in kinds and not any(
                issubclass(kind, torch.Tensor) for kind in kinds):
            total = len(seq)
        else:
            total = 0
            for item in seq:
                kind = type(item)
                if kind in _NESTED and depth < 64:
                    total += count(item, depth + 1)
                elif kind is range:
                    try:
                        total += len(item)
                    except OverflowError:   # range(10**30)
                        return cap + 1
                elif isinstance(item, torch.Tensor):
                    total += count_elements(item.shape)
                else:
                    total += 1
                if total > cap:
                    return total
        known[key] = total
        return total

    return count(data, 0)


def refuse_dims(dims: int) -> None:
    raise LimitExceeded(f"a tensor of {dims} dimensions is too many to show; the limit is {MAX_SHOWN_DIMS} "
                        f"dimensions", hint="use fewer dimensions (reshape it)")
