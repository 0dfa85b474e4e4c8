"""Views made under no_grad and then written in place, as d2l's optimizers make them
(`with torch.no_grad(): p[:] -= lr * v`): PyTorch refuses to say anything about such a view's graph (its
grad_fn, requires_grad, is_leaf: a RuntimeError when asked), but a program that never asks runs on. The
recorder does not ask (recorder._grad_fn); the report shows such a view bound to a name as its values."""

from __future__ import annotations

from typing import Any

import torch

SCANNED_ITEMS = 1_000   # a list or tuple longer than this is shown as it is (its items not looked into)


def readable(value: Any, depth: int = 0) -> Any:
    """A view made under no_grad and then written in place (`with torch.no_grad(): v = w[:]; v -= 1`)
    answers no question about its graph (PyTorch raises a RuntimeError): the report shows its values,
    detached (also inside short lists and tuples); anything else as it is."""
    if isinstance(value, torch.Tensor):
        try:
            value.grad_fn   # noqa: B018 - asked only to see whether PyTorch refuses
        except RuntimeError:
            return value.detach()
        return value
    if type(value) in (list, tuple) and depth < 3 and len(value) <= SCANNED_ITEMS:
        items = [readable(item, depth + 1) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            return type(value)(items)
    return value
