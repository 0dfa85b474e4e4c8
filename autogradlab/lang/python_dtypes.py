"""`dtype=float` in a torch call (session 40, corpus-s40: `torch.rand(50, 50, dtype=float)` in ritchieng's
eigenvectors-from-eigenvalues notebook): PyTorch reads Python's int, float, bool and complex as the dtypes
int64, float64, bool and complex128. The program's `float` is the engine's SafeType, which PyTorch would
refuse ("argument 'dtype' must be torch.dtype"), so the call gets torch's dtype instead, before the size
checks see it. Other types (str, a class of the program) stay as they are and get PyTorch's own error."""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.lang.data_wrappers import SafeType

TORCH_DTYPES = {int: torch.int64, float: torch.float64, bool: torch.bool, complex: torch.complex128}


def torch_dtype(value: Any) -> Any:
    """torch's dtype for a Python number type (the engine's `float`), else the value itself."""
    if isinstance(value, SafeType):
        return TORCH_DTYPES.get(value.py_type, value)
    return value


def with_torch_dtype(kwargs: dict) -> dict:
    """The keywords with `dtype=float` written as torch.float64 (a new dict only when it changes)."""
    value = kwargs.get("dtype")
    if isinstance(value, SafeType) and value.py_type in TORCH_DTYPES:
        return {**kwargs, "dtype": TORCH_DTYPES[value.py_type]}
    return kwargs
