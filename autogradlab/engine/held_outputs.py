"""An op output in the trace's window (trace.py), held as it was when the op ran.

Small outputs are held without a copy until the program is about to write into their memory
(OpTrace.before_write), 0-dim ones as their Python number, larger ones as they are with their
version counter; each becomes a TensorSnapshot only when the report asks for its record.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab import messages
from autogradlab.engine.values import _SCALAR_DTYPES, dtype_name, scalar_snapshot, snapshot_as
from autogradlab.report import TensorSnapshot

CLONE_MAX_ELEMENTS = 100_000     # larger outputs are not copied (see _Output)
CHANGED_LATER = messages.text("en", "render.changed_later")   # said in other languages by render/words
_STRIDED = torch.strided
# dtypes whose 0-dim values item() gives exactly and torch.tensor(value, dtype=...) gives back
_ITEM_DTYPES = frozenset({torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64,
                          torch.complex128, torch.int8, torch.int16, torch.int32, torch.int64,
                          torch.uint8, torch.bool})
_CLASS_NAMES: dict[type, str] = {}
STALE_LAZY = [0]   # lazily held outputs found changed at snapshot time (must stay 0; tests check)


def _version_of(tensor: torch.Tensor) -> int | None:
    """The version counter, or None for a tensor made under `torch.inference_mode()`, which has none
    (its copy is taken at once, or shown as it is at the end when it is too large to copy)."""
    return None if tensor.is_inference() else tensor._version


def _class_name(cls: type) -> str:
    name = _CLASS_NAMES.get(cls)
    if name is None:
        name = _CLASS_NAMES[cls] = cls.__name__
    return name


class _Output:
    """An op output as it was when the op ran, snapshotted on demand.

    Small outputs are copied (a later in-place change must not alter the record); a 0-dim one as
    its Python number (`item()` is exact for every dtype and costs a fifth of a clone, and a loop
    of scalar ops makes most of them). A larger one is held as it is (a detached alias, so the
    window never keeps the program's tensor object alive) with its version counter: copying and
    summarising millions of elements for every op of a loop would cost more than the op; if an
    in-place op changed it before the report asks, the record says so instead of
    showing the later values."""

    __slots__ = ("tensor_id", "copy", "version", "requires_grad", "grad_fn", "done", "elements", "scalar",
                 "key")

    def __init__(self, tensor: torch.Tensor, tensor_id: int, fn: Any = None, eager: bool = False) -> None:
        self.tensor_id = tensor_id
        self.requires_grad = tensor.requires_grad
        self.grad_fn = None if fn is None else type(fn)   # its class; named when snapshotted
        self.done: TensorSnapshot | None = None
        self.scalar: tuple | None = None
        self.version: int | None = None
        self.key: int | None = None   # storage key while held lazily (see OpTrace.before_write)
        if tensor.layout is not _STRIDED:   # (detach(): the same memory and version counter, but
            self.elements = tensor.numel()     # not the program's tensor object, which the window
            self.copy: torch.Tensor | None = tensor.detach()   # must not keep alive: max_ops counts
            self.version = _version_of(tensor)   # the results alive, skimmed or not: skim.py)
        elif not tensor.dim() and tensor.dtype in _ITEM_DTYPES:
            self.elements = 1
            self.copy = tensor            # only until the number is taken, below
            self.scalar = (tensor.item(), tensor.dtype)
            self.copy = None
        else:
            self.elements = elements = tensor.numel()
            if elements > CLONE_MAX_ELEMENTS:
                self.copy = tensor.detach()
                self.version = _version_of(tensor)
                return
            storage = tensor.untyped_storage()
            if eager or storage.nbytes() > elements * tensor.element_size() or tensor.is_inference():
                self.copy = tensor.detach().clone()   # a view of more memory than it shows
            else:   # held as it is (an alias without its graph) until a write to its storage
                self.copy = tensor.detach()
                self.version = tensor._version
                self.key = storage.data_ptr()

    def materialize(self) -> None:
        """A write to this output's storage is about to happen: copy the values it has now."""
        if self.key is not None:
            self.key = None
            if self.copy is not None and self.copy._version == self.version:
                self.copy = self.copy.clone()
                self.version = None

    @property
    def held(self) -> bool:
        """Counted against WINDOW_ELEMENTS (a copy or a large output, not a number)."""
        return self.copy is not None or self.scalar is not None

    def snapshot(self) -> TensorSnapshot:
        if self.done is None:
            fn_name = None if self.grad_fn is None else _class_name(self.grad_fn)
            if self.scalar is not None:
                value, dtype = self.scalar
                np_dtype = _SCALAR_DTYPES.get(dtype)
                if np_dtype is not None:   # what snapshot_as makes of torch.tensor(value, dtype=dtype)
                    self.done = scalar_snapshot(value, dtype, np_dtype, self.tensor_id, self.requires_grad,
                                                fn_name)
                    self.scalar = None
                    return self.done
                source = torch.tensor(value, dtype=dtype)
            else:
                source = self.copy
            if self.version is not None and source._version != self.version:
                if self.key is not None:   # changed by a write no hook saw: a bug (tests check)
                    STALE_LAZY[0] += 1
                self.done = TensorSnapshot(self.tensor_id, tuple(source.shape), dtype_name(source.dtype),
                                           None, CHANGED_LATER, self.requires_grad, fn_name)
            else:
                self.done = snapshot_as(source, self.tensor_id, self.requires_grad, fn_name, True)
            self.copy = None
            self.scalar = None
            self.key = None
        return self.done
