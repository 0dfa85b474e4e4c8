"""Snapshots of the tensors a graph shows, made the way values.snapshot makes them.

A 500-step scalar loop's graph holds ~2,500 snapshots of 0-dim tensors (values of saved tensors,
gradients: issue 9); for those fast_snapshot is values.snapshot with its scalar path written out
(one call instead of three). Anything else goes to values.snapshot itself.
"""

from __future__ import annotations

import numpy as np
import torch

from autogradlab.engine.fast_records import tensor_snapshot
from autogradlab.engine.values import _SCALAR_DTYPES, _fmt_number, dtype_name, snapshot
from autogradlab.report import TensorSnapshot

_STRIDED = torch.strided
_array = np.array


def fast_snapshot(tensor: torch.Tensor, tensor_id: int) -> TensorSnapshot:
    """values.snapshot(tensor, tensor_id): the same record, field for field."""
    dtype = tensor.dtype
    np_dtype = _SCALAR_DTYPES.get(dtype)
    if np_dtype is not None and not tensor.dim() and tensor.layout is _STRIDED and not tensor.is_neg():
        value = tensor.item()
        grad_fn = tensor.grad_fn
        return tensor_snapshot(tensor_id, (), dtype_name(dtype), _array(value, dtype=np_dtype),
                               _fmt_number(value), tensor.requires_grad,
                               type(grad_fn).__name__ if grad_fn is not None else None)
    return snapshot(tensor, tensor_id)
