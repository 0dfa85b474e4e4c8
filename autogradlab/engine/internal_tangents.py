"""Tangents of the nodes PyTorch makes inside one call (issue 6): `vec @ mat` runs unsqueeze -> mm ->
squeeze, `1 / x` runs reciprocal -> mul, but only the call is an op of the program, so the forward-
mode run (tangent_run.py) sees only the call's result. An inside node's tangent is its Jacobian
times its inputs' tangents, J·ṫ, computed here from what the node holds:
- a few rules that read the tensors the node saved (kept by the recorder when the op ran, since
  backward frees them): mm, reciprocal;
- any other node without saved tensors (unsqueeze, squeeze, view, expand, t, ...) through its own
  backward, a linear map u -> Jᵀu: J·ṫ = ∂/∂u ⟨Jᵀu, ṫ⟩.
A node we cannot follow gets no tangent entry (as before), never a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

Tangents = list[torch.Tensor | None]


def _saved(recorder: Any, fn: Any) -> dict[str, torch.Tensor]:
    return dict(recorder.saved_of(fn))


def _mm(fn: Any, saved: dict[str, torch.Tensor], ins: Tangents) -> torch.Tensor | None:
    a, b = saved.get("_saved_self"), saved.get("_saved_mat2")
    if a is None or b is None:
        return None
    ta, tb = ins[0] if ins else None, ins[1] if len(ins) > 1 else None
    out = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    if ta is not None:
        out = out + ta.to(a.dtype) @ b
    if tb is not None:
        out = out + a @ tb.to(b.dtype)
    return out


def _reciprocal(fn: Any, saved: dict[str, torch.Tensor], ins: Tangents) -> torch.Tensor | None:
    result = saved.get("_saved_result")
    if result is None or not ins or ins[0] is None:
        return None
    return -ins[0].to(result.dtype) * result * result


RULES: dict[str, Callable[[Any, dict[str, torch.Tensor], Tangents], torch.Tensor | None]] = {
    "MmBackward0": _mm,
    "ReciprocalBackward0": _reciprocal,
}


def _through_backward(fn: Any, ins: Tangents) -> torch.Tensor | None:
    meta = getattr(fn, "_input_metadata", None)
    if not meta or len(meta) != 1:
        return None
    u = torch.zeros(tuple(meta[0].shape), dtype=meta[0].dtype, requires_grad=True)
    with torch.enable_grad():
        back = fn(u)
    back = back if isinstance(back, tuple) else (back,)
    total = None
    for g, t in zip(back, ins, strict=False):
        if g is None or t is None or not g.requires_grad:
            continue
        term = (g * t.to(g.dtype)).sum()
        total = term if total is None else total + term
    if total is None:
        return torch.zeros(u.shape, dtype=u.dtype)
    (jv,) = torch.autograd.grad(total, u, allow_unused=True)
    return jv.detach() if jv is not None else torch.zeros(u.shape, dtype=u.dtype)


def inside_tangent(recorder: Any, fn: Any, ins: Tangents) -> torch.Tensor | None:
    """J·ṫ of one inside node (its single output), from its inputs' tangents `ins` (None: none
    reached that input); None when it cannot be followed."""
    if all(t is None for t in ins):
        return None
    try:
        rule = RULES.get(type(fn).__name__)
        if rule is not None:
            return rule(fn, _saved(recorder, fn), ins)
        if _saved(recorder, fn):
            return None               # it needs tensors backward has freed: no rule, no guess
        return _through_backward(fn, ins)
    except (RuntimeError, TypeError, ValueError):
        return None
