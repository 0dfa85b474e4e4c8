"""What each torch.autograd.grad call returned, and for which input (mixed into Recorder).

grad() fills no .grad and runs no backward hooks of the Recorder: a program that only calls it had a
Graph page that said "gradients: not computed yet (call .backward())". The call's op record already holds
the returned gradients (OpRecord.outputs); this says which input each belongs to, by tensor id (the ids
of GraphNode.value), so the page can show a node's returned gradient and say that .grad stays empty.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.engine.grad_logs import _tensors  # a list or tuple's items as they are (None too)
from autogradlab.report import GradReturn

GRAD_RETURNS_KEPT = 16   # the latest calls (a training loop calls grad() in every pass)


class GradReturnHooks:
    """Mixed into Recorder (TensorNumbers gives tensor_id, the OpTrace the index of the op just recorded)."""

    grad_returns: tuple[GradReturn, ...] = ()
    trace: Any   # (and TensorNumbers.tensor_id)

    def on_grad_returned(self, inputs: Any, result: Any, line: int) -> None:
        """After `result = torch.autograd.grad(..., inputs, ...)`, recorded as the trace's last op. An input
        whose gradient is None (allow_unused) is left out, as it is of the op's outputs."""
        ids = tuple(self.tensor_id(tensor) for tensor, grad in zip(_tensors(inputs), _tensors(result),
                                                                   strict=False)
                    if isinstance(tensor, torch.Tensor) and isinstance(grad, torch.Tensor))
        kept = self.grad_returns[-(GRAD_RETURNS_KEPT - 1):]
        self.grad_returns = (*kept, GradReturn(op_index=self.trace.total - 1, line=line, input_ids=ids))
