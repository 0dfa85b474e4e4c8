"""Snapshots of the tensors a graph shows, made the way values.snapshot makes them.

A 500-step scalar loop's graph holds ~2,500 snapshots of 0-dim tensors (values of saved tensors,
gradients: issue 9); for those fast_snapshot is values.snapshot with its scalar path written out
(one call instead of three, and fast_records.tensor_snapshot inlined). Anything else goes to
values.snapshot itself. A snapshot's grad_fn name is its class's one string (held_outputs._class_name,
as graph.py's op nodes and the op records' snapshots: session 29), so that the pickled report writes
it once, not once per snapshot; other equal texts are not shared.
"""

from __future__ import annotations

import numpy as np
import torch

from autogradlab.engine.held_outputs import _class_name
from autogradlab.engine.values import _SCALAR_DTYPES, dtype_name, snapshot
from autogradlab.report import LAZY_NUMBER, TensorSnapshot

_STRIDED = torch.strided
_new = object.__new__
_set = object.__setattr__
_scalar_dtype = _SCALAR_DTYPES.get
GRAD_SNAPSHOT_ID = -1  # gradients are not program tensors, so they carry no engine tensor id


def fast_snapshot(tensor: torch.Tensor, tensor_id: int) -> TensorSnapshot:
    """values.snapshot(tensor, tensor_id): the same record, field for field (a 0-dim one lazy:
    report.py makes its value and summary when they are first read)."""
    dtype = tensor.dtype
    np_dtype = _scalar_dtype(dtype)
    if np_dtype is not None and not tensor.dim() and tensor.layout is _STRIDED and not tensor.is_neg():
        grad_fn = tensor.grad_fn
        snap = _new(TensorSnapshot)   # lazy: its value and summary are made when read (report.py)
        _set(snap, "__dict__", {
            "id": tensor_id, "shape": (), "dtype": dtype_name(dtype), "requires_grad": tensor.requires_grad,
            "grad_fn": _class_name(type(grad_fn)) if grad_fn is not None else None,
            LAZY_NUMBER: tensor.item()})
        return snap
    return snapshot(tensor, tensor_id)


# torch dtype -> (numpy dtype, dtype_name, lazy fields, a gradient's lazy fields) of the dtypes
# fast_snapshot's scalar path takes (graph.py's add_functions writes that path out for the values and
# gradients of a long loop's Nodes). The lazy fields are a 0-dim snapshot's of a tensor that does not
# require grad (a gradient, a saved number) but its id and number: a copy of them with those two set is
# the dict fast_snapshot makes; a gradient's have the id already (GRAD_SNAPSHOT_ID), in the same order.
_SCALAR_KINDS: dict[torch.dtype, tuple[np.dtype, str, dict, dict]] = {
    dtype: (np.dtype(np_dtype), dtype_name(dtype), lazy, {**lazy, "id": GRAD_SNAPSHOT_ID})
    for dtype, np_dtype in _SCALAR_DTYPES.items()
    for lazy in [{"id": None, "shape": (), "dtype": dtype_name(dtype), "requires_grad": False,
                  "grad_fn": None}]}

