"""The Recorder's side of lang/calls.notify_memory: writes into tensors the op trace may hold.

The op trace (trace.py) keeps op outputs without copying them; before the program writes into a
tensor's memory, the outputs held on that memory copy their values (OpTrace.before_write).
"""

from __future__ import annotations

import weakref
from typing import Any

import torch

_TENSOR = torch.Tensor


class MemoryHooks:
    """Mixed into Recorder (which owns `trace` and `_grad_owners`)."""

    trace: Any
    _grad_owners: dict[int, Any]   # id(tensor) -> weakref: tensors whose .grad the program saw or set

    _grad_prune_at = 64   # prune dead entries of _grad_owners when it grows past this (see on_memory)

    def on_memory(self, kind: str, tensor: Any) -> None:
        """The interpreter is about to write into `tensor` ("write"), hands its memory to NumPy or
        `.data` ("share"), or the program saw or set its `.grad` ("grad": backward writes there)."""
        if type(tensor) is not _TENSOR and not isinstance(tensor, _TENSOR):
            return
        if kind == "write":
            trace = self.trace
            if trace._lazy:   # (OpTrace.before_write: with no output held uncopied, nothing to copy)
                trace.before_write(tensor)
        elif kind == "grad":   # `w.grad` read in a training loop: known after its first pass
            owners = self._grad_owners
            known = owners.get(id(tensor))
            if known is None or known() is not tensor:   # ids of dead tensors are reused
                try:
                    owners[id(tensor)] = weakref.ref(tensor)
                except TypeError:
                    pass
                if len(owners) > self._grad_prune_at:   # a loop seeing a new leaf's .grad per pass
                    for key in [key for key, ref in owners.items() if ref() is None]:
                        del owners[key]
                    self._grad_prune_at = 2 * len(owners) + 64
        elif kind == "share":
            self.trace.share(tensor)

    def before_grad_writes(self) -> None:
        """A custom Function's backward (the program's code, lang/custom_functions.py) returned
        inside the engine's pass: PyTorch accumulates into the .grad tensors next, and what the
        program's backward did with a .grad (`x.grad.add_(1)`, recorded lazily) is about to change."""
        self._before_grad_writes()

    def _before_grad_writes(self) -> None:
        """backward adds into existing .grad tensors in place: copy what the trace holds on them.
        Nothing to copy while the trace holds no output lazily (Newton's method: 0-dim outputs are
        kept as numbers): then no .grad needs looking at (issue 9: newton read every x it had
        seen the .grad of, 60 by the end, before each of its 60 backward calls)."""
        if not self.trace._lazy:   # storage key -> outputs held without a copy (trace.py)
            return
        for key, ref in list(self._grad_owners.items()):
            owner = ref()
            if owner is None:
                del self._grad_owners[key]
            elif owner.grad is not None:
                self.trace.before_write(owner.grad)
