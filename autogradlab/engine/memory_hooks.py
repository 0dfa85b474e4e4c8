"""The Recorder's side of lang/calls.notify_memory: writes into tensors the op trace may hold.

The op trace (trace.py) keeps op outputs without copying them; before the program writes into a
tensor's memory, the outputs held on that memory copy their values (OpTrace.before_write).
"""

from __future__ import annotations

import weakref
from typing import Any

import torch


class MemoryHooks:
    """Mixed into Recorder (which owns `trace` and `_grad_owners`)."""

    trace: Any
    _grad_owners: dict[int, Any]   # id(tensor) -> weakref: tensors whose .grad the program saw or set

    def on_memory(self, kind: str, tensor: Any) -> None:
        """The interpreter is about to write into `tensor` ("write"), hands its memory to NumPy or
        `.data` ("share"), or the program saw or set its `.grad` ("grad": backward writes there)."""
        if not isinstance(tensor, torch.Tensor):
            return
        if kind == "write":
            self.trace.before_write(tensor)
        elif kind == "share":
            self.trace.share(tensor)
        elif kind == "grad":
            known = self._grad_owners.get(id(tensor))
            if known is None or known() is not tensor:   # ids of dead tensors are reused
                try:
                    self._grad_owners[id(tensor)] = weakref.ref(tensor)
                except TypeError:
                    pass

    def _before_grad_writes(self) -> None:
        """backward adds into existing .grad tensors in place: copy what the trace holds on them."""
        for key, ref in list(self._grad_owners.items()):
            owner = ref()
            if owner is None:
                del self._grad_owners[key]
            elif owner.grad is not None:
                self.trace.before_write(owner.grad)
