"""How much text a program value prints, known before printing it, and short texts for values
too large to show. One weight rule for the report, displays and op-argument texts: a list counts its
items (each distinct inner list once), a tensor what its repr prints."""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.engine.values import TEXT_MAX_WEIGHT, safe_repr
from autogradlab.lang.safe_values import NUMPY_RESULT_MODULES
from autogradlab.lang.text_weight import sequence_weight

NAMED_RESULTS = (*NUMPY_RESULT_MODULES, "torch.return_types")


def _type_name(obj: tuple | list) -> str:
    if type(obj).__module__ in NAMED_RESULTS:   # QRResult, EighResult, UniqueAllResult, ...
        return type(obj).__name__   # (numpy_decompositions); torch.max(x, 0)'s `max`, linalg_lstsq (s35)
    return "Size" if isinstance(obj, torch.Size) else "list" if isinstance(obj, list) else "tuple"


TOO_LARGE = "too large to show"
BUDGET_SPENT = "not shown: the report already holds as much text as it keeps"


def too_large_text(obj: Any, why: str = TOO_LARGE) -> str:
    """The short text shown instead of a repr that would be too long to make."""
    if isinstance(obj, torch.Tensor):
        return f"<tensor of shape {tuple(obj.shape)} with {obj.numel():,} values: {why}>"
    if isinstance(obj, (tuple, list)):
        return f"<{_type_name(obj)} of {len(obj):,} items: {why}>"
    if isinstance(obj, str):
        return f"<str of {len(obj):,} characters: {why}>"
    return f"<{type(obj).__name__}: {why}>"


def bounded_repr(obj: Any, cap: int = TEXT_MAX_WEIGHT, memo: dict[int, int] | None = None) -> str:
    """safe_repr(obj), or too_large_text(obj) when the repr would weigh more than cap; never
    raises and never makes a huge text first."""
    try:
        if sequence_weight(obj, cap, memo) > cap:
            return too_large_text(obj)
    except Exception:  # noqa: BLE001 - a value we cannot weigh is shown by its type only
        return f"<{type(obj).__name__}>"
    return safe_repr(obj)


# ---- variables and displayed values ---------------------------------------------------------
