"""Result sizes by shape arithmetic, for the size check of the ops loops run most (issue 9).

Running an op on the meta device costs ~0.3 ms (torch._refs in Python); a training loop runs
thousands of them. For the common families the element count follows from the argument shapes:
broadcasting elementwise ops, matmul/mm/mv/dot/bmm, views and reshapes (same count), cat/stack (the
sum), whole-tensor reductions without arguments (`x.sum()`, `x.norm()`: one element). Anything
else, or any argument this module does not recognise, answers None and the caller falls back to the
meta device. The count is an upper bound of what the real call can allocate (an
op whose shapes do not fit raises before allocating), so a fast answer never lets through what the
meta run would have refused.

`cache_key` makes the key of the per-run cache of meta predictions: the function, the shapes and
dtypes of tensor arguments and the values of every other argument (ints, floats, dtypes, short
tuples of them). An argument it cannot put in a key means no caching.
"""

from __future__ import annotations

import math
import operator
from typing import Any

import torch

_NUMBER = (int, float, bool)

_ELEMENTWISE_NAMES = """add sub subtract mul multiply div divide true_divide floor_divide remainder
    fmod pow float_power atan2 arctan2 hypot maximum minimum fmax fmin eq ne lt le gt ge greater
    greater_equal less less_equal not_equal logical_and logical_or logical_xor bitwise_and bitwise_or
    bitwise_xor copysign xlogy""".split()
_MATMUL_NAMES = "matmul mm mv dot bmm".split()
_SAME_COUNT_NAMES = """reshape view flatten squeeze unsqueeze transpose swapaxes swapdims t permute
    movedim moveaxis flip fliplr flipud roll rot90 detach clone contiguous""".split()
_JOIN_NAMES = "cat concat concatenate stack hstack vstack".split()
# Called on a tensor alone (no dim, no keyword), each of these reduces it to one 0-d tensor.
_REDUCE_ALL_NAMES = "sum mean norm prod max min amax amin std var all any median".split()


def _functions(names: list[str], in_place: bool) -> set[Any]:
    found: set[Any] = set()
    for name in names:
        for owner, attr in ((torch, name), (torch.Tensor, name), (torch.Tensor, name + "_")):
            if attr.endswith("_") and not in_place:
                continue
            fn = getattr(owner, attr, None)
            if fn is not None:
                found.add(fn)
    return found


ELEMENTWISE = _functions(_ELEMENTWISE_NAMES, in_place=True) | {
    operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod,
    operator.pow, operator.iadd, operator.isub, operator.imul, operator.itruediv, operator.ifloordiv,
    operator.imod, operator.ipow, operator.eq, operator.ne, operator.lt, operator.le, operator.gt,
    operator.ge, operator.and_, operator.or_, operator.xor, operator.iand, operator.ior, operator.ixor,
    operator.lshift, operator.rshift, operator.ilshift, operator.irshift}
MATMUL = _functions(_MATMUL_NAMES, in_place=False) | {operator.matmul, operator.imatmul}
SAME_COUNT = _functions(_SAME_COUNT_NAMES, in_place=False)
JOIN = _functions(_JOIN_NAMES, in_place=False)
REDUCE_ALL = _functions(_REDUCE_ALL_NAMES, in_place=False)


def broadcast(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...] | None:
    """The broadcast shape of two shapes, or None when they do not broadcast."""
    if a == b:
        return a
    if len(a) < len(b):
        a, b = b, a
    b = (1,) * (len(a) - len(b)) + b
    out = []
    for x, y in zip(a, b, strict=True):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        else:
            return None
    return tuple(out)


def _shape(value: Any) -> tuple[int, ...] | None:
    """A tensor's shape, () for a plain number, None for anything else."""
    if isinstance(value, torch.Tensor):
        return tuple(value.shape)
    if type(value) in _NUMBER:
        return ()
    return None


def _is_ints(value: Any) -> bool:
    """An int, or a short tuple/list of ints (a size or dims argument)."""
    if type(value) is int:
        return True
    return isinstance(value, (tuple, list)) and len(value) <= 64 and all(type(v) is int for v in value)


def matmul_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...] | None:
    """The shape torch.matmul gives for operands of these shapes (inner sizes are not checked: a
    mismatch raises before anything is allocated)."""
    if not a or not b:
        return None
    if len(a) == 1 and len(b) == 1:
        return ()
    left = (1,) + a if len(a) == 1 else a
    right = b + (1,) if len(b) == 1 else b
    batch = broadcast(left[:-2], right[:-2])
    if batch is None:
        return None
    shape = batch + (left[-2], right[-1])
    if len(a) == 1:
        shape = shape[:-2] + shape[-1:]
    if len(b) == 1:
        shape = shape[:-1]
    return shape


_CREATION_KWARGS = frozenset({"dtype", "requires_grad"})   # neither changes the element count
SIZED_CREATION = {torch.zeros, torch.ones, torch.rand, torch.randn}


def creation_count(fn: Any, args: list, kwargs: dict) -> int | None:
    """Elements of `torch.arange(...)` / `torch.zeros(2, 3)` / `torch.full((2, 3), v)` ..., or None.

    Lesson programs start with these: answering them here keeps a program's first run off the meta
    device, whose first use imports ~800 modules (sympy, dynamo; ~1.2 s), so a fresh worker can take
    the first program before that warm-up is done (sandbox_zygote)."""
    if not set(kwargs) <= _CREATION_KWARGS:
        return None
    if fn is torch.arange:   # an integer dtype= truncates start/end/step first: left to the meta device
        if "dtype" in kwargs or not 1 <= len(args) <= 3 or not all(type(a) in (int, float) for a in args):
            return None
        start, end, step = (0, args[0], 1) if len(args) == 1 else (args[0], args[1], 1) \
            if len(args) == 2 else tuple(args)
        if step == 0 or not all(math.isfinite(v) for v in (start, end, step)):
            return None
        count = -((start - end) // step) if all(type(a) is int for a in args) \
            else math.ceil((end - start) / step)
        return count if count >= 0 else None
    if fn is torch.full and len(args) == 2 and type(args[1]) in (int, float, bool):
        args = args[:1]
    elif fn not in SIZED_CREATION:
        return None
    sizes = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
    if not _is_ints(sizes) or isinstance(sizes, int) or not all(n >= 0 for n in sizes):
        return None
    return math.prod(sizes)


def fast_count(fn: Any, args: list, kwargs: dict) -> int | None:
    """Elements of fn(*args, **kwargs) by shape arithmetic, or None (use the meta device)."""
    if kwargs:
        return creation_count(fn, args, kwargs) if kwargs.keys() <= _CREATION_KWARGS else None
    try:
        if fn in ELEMENTWISE:
            if len(args) != 2:
                return None
            left, right = _shape(args[0]), _shape(args[1])
            if left is None or right is None:
                return None
            shape = broadcast(left, right)
        elif fn in MATMUL:
            if len(args) != 2 or not all(isinstance(a, torch.Tensor) for a in args):
                return None
            shape = matmul_shape(tuple(args[0].shape), tuple(args[1].shape))
        elif fn in SAME_COUNT:
            # Only sizes and dims may follow the tensor: `x.view(torch.int8)` reinterprets the
            # bytes and has more elements; the meta device sizes that.
            if not args or not isinstance(args[0], torch.Tensor) \
                    or not all(_is_ints(a) for a in args[1:]):
                return None
            shape = tuple(args[0].shape)
        elif fn in REDUCE_ALL and len(args) == 1 and isinstance(args[0], torch.Tensor):
            return 1   # x.sum(), x.norm(), torch.mean(x): a 0-d tensor
        elif fn in JOIN:
            if len(args) != 1 or not isinstance(args[0], (list, tuple)) or not args[0] \
                    or not all(isinstance(t, torch.Tensor) for t in args[0]):
                return None
            return sum(math.prod(t.shape) for t in args[0])
        else:
            return creation_count(fn, args, kwargs)
    except TypeError:   # an unhashable fn cannot be in the sets: not ours
        return None
    return None if shape is None else math.prod(shape)


KEY_ITEMS = 16    # tuples/lists longer than this are not put in a cache key
_KEY_SCALARS = (int, float, bool, complex, str, type(None), torch.dtype)


def _key_part(value: Any, depth: int = 0) -> Any:
    if isinstance(value, torch.Tensor):
        if value.dim() == 0 and not value.is_floating_point() and not value.is_complex() \
                and value.dtype != torch.bool:
            return ("int-tensor", int(value), value.dtype)   # to_meta makes it an int: its value sizes
        return ("tensor", tuple(value.shape), value.dtype, value.requires_grad)
    if type(value) in _KEY_SCALARS:
        return (type(value).__name__, value)
    if isinstance(value, slice):
        return ("slice", _key_part(value.start, depth), _key_part(value.stop, depth),
                _key_part(value.step, depth))
    if isinstance(value, (tuple, list)) and depth < 2 and len(value) <= KEY_ITEMS:
        return (type(value).__name__, tuple(_key_part(item, depth + 1) for item in value))
    raise _NoKey


class _NoKey(Exception):
    pass


def cache_key(fn: Any, args: list, kwargs: dict, creation: bool) -> tuple | None:
    """A hashable key that fixes the result size of fn(*args, **kwargs), or None."""
    try:
        parts = tuple(_key_part(a) for a in args)
        named = tuple(sorted((k, _key_part(v)) for k, v in kwargs.items()))
        key = (fn, creation, parts, named, torch.get_default_dtype())   # the meta run's default dtype
        hash(key)
    except (_NoKey, TypeError):
        return None
    return key
