"""Meta-device copies of a call's arguments (shapes without memory), so sizes.SizeGuard.predict can
run the call without allocating, and the bound it uses when the meta device cannot run it.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.lang.tensor_counts import count_elements

META_COPY_ITEMS = 1_000   # longer lists are passed to the meta run as they are (no deep copy)


def to_meta(value: Any, depth: int = 0) -> Any:
    """The same structure with every tensor replaced by an empty meta tensor of its shape.

    A 0-d integer tensor becomes its int: used as a size (`torch.ones(n, n)` with n a tensor) it
    must size the meta run like the real one, or the meta run fails and nothing is predicted. Only
    short, shallow lists are copied: a long list holds numbers (or shares one inner list 10^5
    times), and copying it would be the very work the check is there to avoid."""
    if isinstance(value, torch.Tensor):
        if value.dim() == 0 and not value.is_floating_point() and not value.is_complex() \
                and value.dtype != torch.bool and value.device.type != "meta":
            return int(value)
        return torch.empty(value.shape, dtype=value.dtype, device="meta")
    if isinstance(value, (tuple, list)) and not isinstance(value, torch.Size) \
            and depth < 3 and len(value) <= META_COPY_ITEMS:
        items = [to_meta(item, depth + 1) for item in value]
        return items if isinstance(value, list) else tuple(items)
    return value


def data_dependent_bound(op: str, values: list) -> int:
    """An upper bound on the result of an op the meta device cannot run (its size depends on the
    data): masked_select broadcasts its arguments; nonzero/argwhere/where(x) return one index row
    per element; one_hot(x) without num_classes x.numel() x (x.max() + 1); the rest (unique, lstsq,
    allclose, ...) return at most what they were given."""
    tensors = [v for v in values if isinstance(v, torch.Tensor)]
    name = op.rsplit(".", 1)[-1]
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
