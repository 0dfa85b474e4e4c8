"""Comparisons that CPython makes by itself, item by item, inside a container: `[a] == [b]`, `a in xs`,
`xs.count(a)` / index / remove, `max(a, b)`, a dict's or a deque's `==` (red team, session 30).

The engine sizes `a == b` of two tensors before torch runs it (sizes.predict), but when the tensors sit
inside lists CPython's own list comparison calls Tensor.__eq__ (or gt, __contains__) directly, and the
broadcast result was made unchecked: `[torch.ones(5_000_000, 1)] == [torch.ones(1, 5_000_000)]` tried
to allocate 25,000,000,000,000 bools (torch's allocator error, with its C++ file name, was the message);
shapes that fit in memory were computed in full before the "ambiguous" error. NumPy arrays in lists
(SafeArray.__eq__) did the same through numpy.

run_sized runs such a call with a TorchFunctionMode that checks the broadcast shape of every tensor
comparison CPython makes (Python ints, no allocation) against max_tensor_elements, as the engine's own
`==` does; SafeArray's == asks broadcast_checked for the same check of numpy's broadcast."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch.overrides import TorchFunctionMode

from autogradlab.errors import LimitExceeded
from autogradlab.lang.broadcast_shapes import broadcast_shape
from autogradlab.limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from autogradlab.lang.sizes import SizeGuard

# The tensor methods CPython's comparisons reach (TensorBase's rich comparisons, max()/min()'s gt/lt,
# `a in t`'s __contains__), named as the engine's own operators name them in a limit message.
_NAMES = ("eq", "ne", "lt", "le", "gt", "ge")
_COMPARISONS = {**{name: name for name in _NAMES}, **{f"__{name}__": name for name in _NAMES},
                "__contains__": "in"}
_ACTIVE: list[SizeGuard] = []   # the run whose comparison is under way (SafeArray's == reads it)


def _shape(value: Any) -> tuple[int, ...] | None:
    """The shape torch broadcasts a compared operand to: a tensor's, a numpy array's (torch reads it
    as a tensor: `[t] == [a]` of a (3000, 1) tensor and a (1, 3000) array made 9,000,000 bools unsized,
    red team, session 31) or the program's array's (SafeArray); None for anything else."""
    if isinstance(value, torch.Tensor):
        return tuple(value.shape)
    value = getattr(value, "array", value)   # SafeArray
    return tuple(value.shape) if isinstance(value, np.ndarray) else None


class _SizedCompares(TorchFunctionMode):
    def __init__(self, sizes: SizeGuard) -> None:
        super().__init__()
        self.sizes = sizes

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: Any = None) -> Any:
        name = _COMPARISONS.get(getattr(func, "__name__", ""))
        other = _shape(args[1]) if name is not None and len(args) == 2 else None
        if other is not None and isinstance(args[0], torch.Tensor):
            try:
                shape = torch.broadcast_shapes(args[0].shape, other)
            except RuntimeError:
                shape = None   # torch's own error, at once
            if shape is not None:
                self.sizes.check_elements(math.prod(shape), name)
        return func(*args, **(kwargs or {}))


def run_sized(sizes: SizeGuard, fn: Callable[..., Any], *args: Any) -> Any:
    """fn(*args), a C-level comparison of containers, with each tensor or array comparison in it sized."""
    _ACTIVE.append(sizes)
    try:
        with _SizedCompares(sizes):
            return fn(*args)
    finally:
        _ACTIVE.pop()


def broadcast_checked(left: np.ndarray, right: Any, name: str) -> None:
    """Refuse numpy's `left == right` whose broadcast result passes the running comparison's limit (the
    default limit when none runs), before numpy allocates it."""
    if not isinstance(right, (np.ndarray, torch.Tensor)):   # a tensor: numpy hands the comparison to it
        return
    try:
        shape = broadcast_shape(left.shape, tuple(right.shape))   # (np.broadcast_shapes: 32 dimensions)
    except ValueError:
        return   # numpy's own error, at once
    elements = math.prod(shape)
    if _ACTIVE:
        _ACTIVE[-1].check_elements(elements, name)
        return
    limit = DEFAULT_LIMITS.max_tensor_elements
    if elements > limit:   # check_elements' words
        raise LimitExceeded(f"result of {name} would have {elements:,} elements; the limit is {limit:,}",
                            hint="use smaller sizes (limit max_tensor_elements)")
