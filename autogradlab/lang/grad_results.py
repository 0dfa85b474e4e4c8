"""The size of what torch.autograd.grad returns, counted before it runs (security.md item 4).

The common path sizes a call by running it on meta copies of its arguments; for grad() that run always
failed (a meta tensor has no graph), and the result was counted only once PyTorch had made it:
`grad((x * x).sum(), x, torch.ones(1000), None, False, True, False, True)` (is_grads_batched) with x of
a million elements allocated 4 GB before any limit was named, and the worker ran out of memory. grad()
returns one gradient shaped like each input (also for materialize_grads), a row of them per row of
grad_outputs when is_grads_batched is true: that count is known from the arguments alone.
"""

from __future__ import annotations

from autogradlab.lang.grad_in_vmap import _tensors  # the tensors of a tensor, list or tuple
from autogradlab.lang.tensor_counts import count_elements


def grad_result_elements(args: list, kwargs: dict) -> int:
    """Elements of the gradients `torch.autograd.grad(*args, **kwargs)` returns, at most (a repeated input
    counts each time: grad() returns a gradient for each)."""
    inputs = args[1] if len(args) > 1 else kwargs.get("inputs")
    total = sum(count_elements(tensor.shape) for tensor in _tensors(inputs))
    batched = args[7] if len(args) > 7 else kwargs.get("is_grads_batched", False)
    if batched:
        rows = [tensor.shape[0] for tensor in
                _tensors(args[2] if len(args) > 2 else kwargs.get("grad_outputs")) if tensor.dim()]
        total *= max(rows, default=1)
    return total
