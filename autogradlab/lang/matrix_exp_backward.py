"""The backward of torch.linalg.matrix_exp, checked before PyTorch runs it (limit max_call_work).

PyTorch differentiates matrix_exp through the exponential of the 2n x 2n block [[A^H, G], [0, A^H]]:
(2n)^3 = 8 n^3 where the forward took n^3. call_work checks each forward call alone, so the backward of
a graph holding several allowed ones ran far past the time limit in one uninterruptible call; and with
create_graph=True that block is itself a matrix_exp of the new graph, whose backward exponentiates a
4n x 4n block. Measured in plain PyTorch on one thread, 625 x 625 float32 (norm ~2.5): forward 0.04 s,
forward + backward 0.37 s, `autograd.grad(matrix_exp(A).sum(), A, create_graph=True)` 0.35 s, then the
backward of that gradient 3.6 s. In a run (base27): eight forward calls and one backward, 6.4 s; three
create_graph gradients and their backwards, 12.2 s before the time check came round.

Before a backward (backward(), torch.autograd.backward, torch.autograd.grad, with or without
create_graph; torch.autograd.functional's and torch.func's transforms) in a run that has called
matrix_exp, the graph is walked and each matrix_exp Node charged BLOCK_WEIGHT times what call_work
charges its forward (batch * n^3 * MATRIX_EXP_WEIGHT * dtype weight); their sum is checked against
max_call_work, as one call. A graph walked past max_graph_work // NODE_WORK
Nodes is refused as the create_graph walk refuses it.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from autogradlab.errors import LimitExceeded
from autogradlab.lang.call_work import MATRIX_EXP_CALLS, MATRIX_EXP_WEIGHT, MAX_DTYPE_WEIGHT, NODE_WORK

BLOCK_WEIGHT = 8   # (2n)^3 / n^3
NODE_NAME = "LinalgMatrixExpBackward0"
HINT = "a smaller matrix or fewer matrix exponentials in the graph help (limit max_call_work)"


def _roots(value: Any) -> list:
    if isinstance(value, torch.Tensor):
        return [value.grad_fn]
    if isinstance(value, (tuple, list)):
        return [t.grad_fn for t in value if isinstance(t, torch.Tensor)]
    return []


def _node_work(fn: Any) -> tuple[int, str]:
    """What the forward of this matrix_exp Node was charged, and the block its backward exponentiates."""
    meta = fn._input_metadata[0]
    *batch, n, _ = (int(s) for s in meta.shape)
    dtype = min(MAX_DTYPE_WEIGHT, max(1, meta.dtype.itemsize // 4))
    block = "[" + ", ".join(str(s) for s in (*batch, 2 * n, 2 * n)) + "]"
    return math.prod(batch) * n ** 3 * MATRIX_EXP_WEIGHT * dtype, block


def check_matrix_exp_backward(interp: Any, outputs: Any, call: str, rows: int = 1) -> None:
    """Refuse the backward of `outputs` (`call` as the message names it) whose matrix_exp Nodes' work,
    times `rows` under a batching transform, passes max_call_work."""
    if MATRIX_EXP_CALLS[0] == interp.__dict__.get("matrix_exp_calls", 0):
        return   # no matrix_exp in this run: nothing to walk
    limits = interp.sizes.limits
    most = limits.max_graph_work // NODE_WORK
    stack = [fn for fn in _roots(outputs) if fn is not None]
    seen = {id(fn): fn for fn in stack}   # the objects stay alive, so their ids stay unique
    work, largest, block = 0, 0, ""   # the message names the largest block
    while stack:
        fn = stack.pop()
        if len(seen) > most:
            raise LimitExceeded(f"`{call}` would walk back a graph of more than {most:,} operations",
                                hint=HINT)
        if type(fn).__name__ == NODE_NAME:
            node_work, node_block = _node_work(fn)
            work += BLOCK_WEIGHT * node_work * max(rows, 1)
            if node_work > largest:
                largest, block = node_work, node_block
        for child, _ in getattr(fn, "next_functions", ()):
            if child is not None and id(child) not in seen:
                seen[id(child)] = child
                stack.append(child)
    limit = limits.max_call_work
    if work > limit:
        raise LimitExceeded(f"the backward of linalg.matrix_exp in `{call}` exponentiates {block} matrices, "
                            f"about {work:,} arithmetic steps; the limit is {limit:,} per call", hint=HINT)


def check_transform_backward(interp: Any, kind: str, out: Any, rows: int, bound: list) -> None:
    """torch.func.grad/jacrev/vjp's backward of `out`: once per batch row (`rows`), once per output
    element of a jacrev, and 1 + BLOCK_WEIGHT times inside another differentiating transform, which
    differentiates the block too (torch.func.hessian of a 40 x 40 matrix_exp: 2.8 s, 2.3 GB, base27)."""
    if MATRIX_EXP_CALLS[0] == interp.__dict__.get("matrix_exp_calls", 0):
        return
    if bound and bound[0] == "jacrev":
        first = out[0] if bound[3] and isinstance(out, tuple) else out
        rows *= max(1, first.numel()) if isinstance(first, torch.Tensor) else 1
    if any(outer != "vmap" for outer in interp.__dict__.get("func_kinds", ())[:-1]):
        rows *= 1 + BLOCK_WEIGHT
    check_matrix_exp_backward(interp, out, f"torch.func.{kind or bound[0]}(...)", rows)
