"""Short texts of what an op was called with, for the op records (split from recorder.py).

Never the repr of a huge value: arguments are weighed first (value_text.bounded_repr), tuples are
clipped, and a backward call's receiver is the program's own text, shortened.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from typing import Any

import torch

from autogradlab.engine.value_text import bounded_repr

CONSTANT_TEXT_CHARS = 20
CONSTANT_TEXT_WEIGHT = 1_000        # an op argument heavier than this is not turned into text at all
CONSTANT_TEXT_ITEMS = 8             # items of a tuple argument written out (`(0, 1, 2, …)`)
CONSTANT_TEXT_DEPTH = 4             # nested tuple arguments deeper than this are clipped text

EXPRESSION_TEXT_MAX = 40


def receiver_text(node: ast.AST) -> str | None:
    """The program text of the tensor a backward call works on: `y.sum()` in `y.sum().backward()`,
    `z` in `torch.autograd.backward(z)`. Names an output that no variable holds."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    via_autograd = isinstance(func, ast.Attribute) and (
        isinstance(func.value, ast.Attribute) and func.value.attr == "autograd"
        or isinstance(func.value, ast.Name) and func.value.id == "autograd")
    if isinstance(func, ast.Attribute) and not via_autograd:
        target = func.value                      # y.sum().backward()
    else:                                        # torch.autograd.backward(z), backward(tensors=z)
        keyword = next((k.value for k in node.keywords if k.arg == "tensors"), None)
        target = node.args[0] if node.args else keyword
    if target is None:
        return None
    text = ast.unparse(target)
    return text if len(text) <= EXPRESSION_TEXT_MAX else text[:EXPRESSION_TEXT_MAX - 1] + "…"


def _tensors_in(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [v for v in value if isinstance(v, torch.Tensor)]
    return []


def _arguments(args: Sequence[Any], kwargs: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pairs = [("", a) for a in args]
    if kwargs:
        pairs.extend((f"{k}=", v) for k, v in kwargs.items())
    return pairs


def _clip(text: str) -> str:
    return text if len(text) <= CONSTANT_TEXT_CHARS else text[:CONSTANT_TEXT_CHARS - 1] + "…"


def _constant_text(value: Any, depth: int = 0) -> str:
    """A short text of a non-tensor op argument; never makes the repr of a huge value."""
    if isinstance(value, slice):
        parts = ["" if p is None else _constant_text(p, depth + 1)
                 for p in (value.start, value.stop, value.step)]
        return ":".join(parts[:2] if value.step is None else parts)
    if value is Ellipsis:
        return "..."
    if isinstance(value, tuple) and not isinstance(value, torch.Size) and depth < CONSTANT_TEXT_DEPTH:
        parts = [_constant_text(v, depth + 1) for v in value[:CONSTANT_TEXT_ITEMS]]
        if len(value) > CONSTANT_TEXT_ITEMS:
            parts.append("…")
        return "(" + ", ".join(parts) + ("," if len(value) == 1 else "") + ")"
    return _clip(bounded_repr(value, CONSTANT_TEXT_WEIGHT))
