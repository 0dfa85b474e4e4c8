"""Views made under no_grad and then written in place, as d2l's optimizers make them
(`with torch.no_grad(): p[:] -= lr * v`): PyTorch refuses to say anything about such a view's graph (its
grad_fn, requires_grad, is_leaf: a RuntimeError when asked), but a program that never asks runs on. The
recorder does not ask (recorder._grad_fn); the report shows such a view bound to a name as its values."""

from __future__ import annotations

from typing import Any

import torch

SCANNED_ITEMS = 1_000   # a list or tuple longer than this is shown as it is (its items not looked into)
# Items looked at in all the lists and tuples of one value: `[[[0] * 1000] * 1000] * 1000` is three
# short lines, but 10**9 items through shared lists (~25 min of this scan in a job; the job was killed
# at twice the time limit with no line). The report's values look at every tensor they show anyway
# (report_values: readable() of each), so a tensor this scan leaves is still shown as its values.
SCANNED_TOTAL = 20_000


def readable(value: Any, depth: int = 0, _left: list[int] | None = None) -> Any:
    """A view made under no_grad and then written in place (`with torch.no_grad(): v = w[:]; v -= 1`)
    answers no question about its graph (PyTorch raises a RuntimeError): the report shows its values,
    detached (also inside short lists and tuples, SCANNED_TOTAL items in all); anything else as it is."""
    if isinstance(value, torch.Tensor):
        try:
            value.grad_fn   # noqa: B018 - asked only to see whether PyTorch refuses
        except RuntimeError:
            return value.detach()
        return value
    if type(value) in (list, tuple) and depth < 3 and len(value) <= SCANNED_ITEMS:
        left = [SCANNED_TOTAL] if _left is None else _left
        if left[0] < len(value):
            return value
        left[0] -= len(value)
        items = [readable(item, depth + 1, left) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            return type(value)(items)
    return value
