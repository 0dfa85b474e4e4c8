"""Meta-device copies of a call's arguments (shapes without memory), so sizes.SizeGuard.predict can
run the call without allocating, and the bound it uses when the meta device cannot run it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.tensor_counts import count_elements

META_COPY_ITEMS = 1_000   # longer lists of plain values are passed to the meta run as they are
_NESTING = (torch.Tensor, list, tuple)   # items that make a long list worth copying


def to_meta(value: Any, depth: int = 0, _copies: dict[tuple[int, int], Any] | None = None) -> Any:
    """The same structure with every tensor replaced by an empty meta tensor of its shape.

    A 0-d integer tensor becomes its int: used as a size (`torch.ones(n, n)` with n a tensor) it
    must size the meta run like the real one, or the meta run fails and nothing is predicted. Only
    short, shallow lists are copied: a long list holds numbers (or shares one inner list 10^5
    times), and copying it would be the very work the check is there to avoid. A list shared in
    several places is copied once, and its copy shared alike: `x[[[0] * 1000] * 1000]` made a million
    copies (1.4 s of a 1.7 s run; plain PyTorch: 0.16 s). A list of plain values needs no copy at all;
    a long one that holds tensors is copied all the same: passed as it was, the "meta" run ran the real
    op (`torch.autograd.grad(outs, [x] * 2000)` ran the backward pass and freed the graph before the
    program's own call; `block_diag(*[x] * 1001)` allocated its result before its size was checked)."""
    if isinstance(value, torch.Tensor):
        if value.dim() == 0 and not value.is_floating_point() and not value.is_complex() \
                and value.dtype != torch.bool and value.device.type != "meta":
            return int(value)
        return torch.empty(value.shape, dtype=value.dtype, device="meta")
    if isinstance(value, (tuple, list)) and not isinstance(value, torch.Size) and (
            depth < 3 and (len(value) <= META_COPY_ITEMS or _holds_tensor(value))
            or depth >= 3 and id(value) in _deep_holders(value, _copies)):
        if depth > MAX_META_DEPTH:
            raise NotSupported(f"tensors inside lists nested more than {MAX_META_DEPTH} levels deep are not "
                               "supported in Autograd Lab")
        copies = {} if _copies is None else _copies
        key = (id(value), depth)
        made = copies.get(key)
        if made is None:
            items = [to_meta(item, depth + 1, copies) for item in value]
            made = copies[key] = items if isinstance(value, list) else tuple(items)
        return made
    return value


def _deep_holders(value: list | tuple, copies: dict | None) -> set[int]:
    """The ids of the lists and tuples under `value` (itself included) that hold a tensor at some depth,
    found once per to_meta call by one iterative walk (red team, session 35: a list 3 levels down was
    passed as it was, so `torch.einsum(eq, [[[A, B]]])`, which PyTorch unwraps, ran the real contraction
    in its "meta" run before its size was checked)."""
    known = copies.get(_HOLDERS) if copies is not None else None
    if known is not None and id(value) in known[1]:
        return known[0]
    holders: set[int] = set()
    seen: set[int] = {id(value)}
    order: list[tuple[list | tuple, bool, list]] = []   # (list, holds a tensor itself, its inner lists)
    stack: list[list | tuple] = [value]
    while stack:   # every distinct list once, parents before children; numbers read in C
        seq = stack.pop()
        kinds = set(map(type, seq))
        inner = [item for item in seq if isinstance(item, (list, tuple))] \
            if any(issubclass(kind, (list, tuple)) for kind in kinds) else []
        order.append((seq, any(issubclass(kind, torch.Tensor) for kind in kinds), inner))
        for item in inner:
            if id(item) not in seen:
                seen.add(id(item))
                stack.append(item)
    for seq, own, inner in reversed(order):   # children before parents (a list holding itself: not yet)
        if own or any(id(item) in holders for item in inner):
            holders.add(id(seq))
    if copies is not None:
        copies[_HOLDERS] = (holders, seen)
    return holders


_HOLDERS = ("holders", -1)   # a key of to_meta's copies dict no (id, depth) pair can be
MAX_META_DEPTH = 32           # lists in lists holding tensors (NumPy's and PyTorch's most dimensions)


def _holds_tensor(items: list | tuple) -> bool:
    """Whether a long list holds a tensor itself or in a list or tuple in it (one pass over its distinct
    item types, then over its distinct inner lists: a list of numbers costs one `set(map(type, ...))`)."""
    kinds = set(map(type, items))
    if any(issubclass(kind, torch.Tensor) for kind in kinds):
        return True
    if not any(issubclass(kind, (list, tuple)) for kind in kinds):
        return False
    inner = {id(item): item for item in items if isinstance(item, (list, tuple))}
    return any(any(issubclass(kind, _NESTING) for kind in set(map(type, item))) for item in inner.values())


def meta_copy(value: Any) -> Any:
    """The same structure with every tensor an empty meta tensor of its shape and dtype (whole, at any
    depth: the contraction and convolution checks' operands, a few tensors)."""
    if isinstance(value, torch.Tensor):
        return torch.empty(value.shape, dtype=value.dtype, device="meta")
    if isinstance(value, (list, tuple)) and not isinstance(value, torch.Size):
        items = [meta_copy(item) for item in value]
        return items if isinstance(value, list) else tuple(items)
    return value


def shape_key(value: Any) -> Any:
    """A hashable key of an argument as a meta run sees it: a tensor's shape and dtype, a number's value."""
    if isinstance(value, torch.Tensor):
        return ("tensor", tuple(value.shape), value.dtype)
    if isinstance(value, (list, tuple)) and not isinstance(value, torch.Size):
        return (type(value).__name__, tuple(shape_key(item) for item in value))
    return (type(value).__name__, value if type(value) in (int, str, bool, type(None)) else repr(value))


def _int_of(value: Any) -> int | None:
    """A count given as an int, a NumPy integer (vander(x, N=np.int64(10**9)) was sized by its failing
    meta run, then allocated 12 GB) or a one-element integer tensor, else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1 and not value.is_floating_point() \
            and not value.is_complex():
        return int(value)
    return None


def _repeats_total(repeats: torch.Tensor) -> int:
    """sum(repeats) as a Python int, refusing a negative count before PyTorch sees it. PyTorch sums
    the counts in int64 and writes each run where that wrapped sum says: four counts of 2**62 sum to 0
    (an empty result, then 2**64 writes: the worker crashed), and with output_size= a negative count
    is written before it is checked (repeat_interleave(tensor([-1, 3]), output_size=2): heap corrupted)."""
    if repeats.dtype == torch.bool or repeats.dim() > 1 or not repeats.numel():   # PyTorch refuses these
        return repeats.numel()
    if int(repeats.min()) < 0:
        from autogradlab.lang.call_errors import translate_torch_error
        raise translate_torch_error(RuntimeError("repeats can not be negative"), "repeat_interleave",
                                    [repeats])
    top = int(repeats.max())
    if top * repeats.numel() >= 2 ** 63:   # the int64 sum may wrap; no smaller bound is needed
        return top * repeats.numel()
    return int(repeats.sum())


def counted_bound(name: str, args: list, kwargs: dict) -> int | None:
    """The result of the ops whose size is not bounded by their input's and which the meta device
    cannot size, counted from the data or the arguments: bincount(x) has max(x) + 1 counts (or
    minlength), histogram(x, bins=n) n counts and n + 1 edges, repeat_interleave(x, r) sum(r) slices
    (or output_size), combinations(x, r) a mask of n**r, vander(x, N) len(x) * N, cov / corrcoef of n
    variables n * n. None: not one of these, or arguments the real call refuses."""
    if not args or not isinstance(args[0], torch.Tensor):
        return None
    x = args[0]
    if name == "bincount":
        minlength = _int_of(kwargs.get("minlength", args[2] if len(args) > 2 else 0)) or 0
        top = int(x.max()) + 1 if x.numel() and not x.is_floating_point() and x.dim() == 1 else 0
        weights = kwargs.get("weights", args[1] if len(args) > 1 else None)
        return max(top, minlength, 0) + (x.numel() if isinstance(weights, torch.Tensor) else 0)
    if name == "histogram":
        bins = kwargs.get("bins", args[1] if len(args) > 1 else 100)
        edges = bins.numel() if isinstance(bins, torch.Tensor) else _int_of(bins)
        return None if edges is None else 2 * max(edges, 0) + 1
    if name == "repeat_interleave":
        repeats = kwargs.get("repeats", args[1] if len(args) > 1 else None)
        if repeats is None:   # repeat_interleave(r): each index i, r[i] times
            return max(_repeats_total(x), _int_of(kwargs.get("output_size")) or 0) \
                if x.numel() and not x.is_floating_point() else 0
        dim = kwargs.get("dim", args[2] if len(args) > 2 else None)
        if isinstance(repeats, torch.Tensor) and repeats.numel() > 1 and not repeats.is_floating_point():
            total = _repeats_total(repeats)
        else:
            each = _int_of(repeats)
            if each is None:
                return None
            if each < 0 and isinstance(repeats, torch.Tensor):   # tensor([-1]) is expanded along dim
                _repeats_total(repeats)
            length = count_elements(x.shape) if dim is None or not isinstance(dim, int) \
                or not -x.dim() <= dim < max(x.dim(), 1) else (x.shape[dim] if x.dim() else 1)
            total = max(each, 0) * length
        output_size = _int_of(kwargs.get("output_size"))
        total = max(total, output_size or 0)
        if dim is None or not isinstance(dim, int) or x.dim() == 0 or not -x.dim() <= dim < x.dim():
            return total
        return total * (count_elements(x.shape) // x.shape[dim] if x.shape[dim] else 0)
    if name == "combinations":   # PyTorch builds a mask of n**r elements, then selects C(n, r) rows
        r = _int_of(kwargs.get("r", args[1] if len(args) > 1 else 2))
        if r is None or r < 0 or x.dim() != 1:
            return None
        n = x.shape[0]
        if n <= 1 or r <= 64:   # Python ints (r capped: n ** 10**9 would be the bomb itself)
            return n ** r + r * n ** r
        return 2 ** 64
    if name == "vander":   # len(x) rows of N powers (the meta run overflows: [len, N - 1, N - 1])
        n = _int_of(kwargs.get("N", args[1] if len(args) > 1 else None))
        return x.numel() * (x.numel() if n is None else max(n, 0))
    if name == "diff":   # at most its input with prepend/append; its meta run loops n times (340 us each)
        extra = [kwargs.get(word, args[index] if len(args) > index else None)
                 for index, word in ((3, "prepend"), (4, "append"))]
        if any(value is not None and not isinstance(value, torch.Tensor) for value in extra):
            return None
        return count_elements(x.shape) + sum(count_elements(t.shape) for t in extra if t is not None)
    if name in ("cov", "corrcoef"):   # n x n from n variables (the meta device cannot run them)
        rows = x.shape[0] if x.dim() == 2 else 1
        return rows * rows
    return None


COUNTED = frozenset({"bincount", "histogram", "repeat_interleave", "combinations", "vander", "cov",
                     "corrcoef", "diff"})


def data_dependent_bound(op: str, values: list, args: list | None = None, kwargs: dict | None = None) -> int:
    """An upper bound on the result of an op the meta device cannot run (its size depends on the
    data): masked_select broadcasts its arguments; nonzero/argwhere/where(x) return one index row
    per element; one_hot(x) without num_classes x.numel() x (x.max() + 1); the rest (unique, lstsq,
    allclose, ...) return at most what they were given."""
    tensors = [v for v in values if isinstance(v, torch.Tensor)]
    name = op.rsplit(".", 1)[-1]
    if name in COUNTED and args is not None:
        counted = counted_bound(name, args, kwargs or {})
        if counted is not None:
            return counted
    if name == "masked_select":
        try:
            return count_elements(torch.broadcast_shapes(*(t.shape for t in tensors)))
        except RuntimeError:
            return 0   # shapes do not broadcast: the real call reports it
    if name == "one_hot" and tensors and tensors[0].numel() and not tensors[0].is_floating_point():
        return tensors[0].numel() * (max(int(tensors[0].max()), 0) + 1)   # num_classes=-1: max + 1 classes
    rank = max((t.dim() for t in tensors), default=1) or 1
    return sum(t.numel() for t in tensors) * rank


def _has_tensor(value: Any) -> bool:
    if isinstance(value, torch.Tensor):
        return True
    if isinstance(value, (tuple, list)):
        return any(_has_tensor(item) for item in value)
    return False
