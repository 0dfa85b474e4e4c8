"""How jacobian()'s extra passes run the program's function: muted (nothing recorded, the random
stream restored), vectorized (the probe's shapes trusted), batched (every size check counts a vmap
batch's rows), and the hooks that remember the largest tensor the function made (Peak)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import torch

from autogradlab.engine.jacobian_loop_work import node_work
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.torch_generators import random_states, restore_random_states


class _PrintsOnly(NullHooks):
    """Nothing recorded, but print() still reaches the program's output: the one run PyTorch also
    makes (jacobian(..., vectorize=True, strategy='forward-mode') runs the function once, batched)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def on_print(self, text: str) -> None:
        self.inner.on_print(text)

    def on_display(self, value: Any, node: Any) -> None:   # as print (display_calls.py: a batched tensor's
        self.inner.on_display(value, node)                  # text, made while its transform runs)


@contextlib.contextmanager
def muted(interp: Any, start: Any = None, *, prints: bool = False) -> Iterator[None]:
    """Run program code without recording it, and without moving the program's random stream;
    `start`: the generator state the extra pass begins from (the one the probe began from, so a
    function that draws random numbers sees the same ones in every pass). Extra passes are silent
    (PyTorch does not make them); `prints`: a pass PyTorch makes too, whose print() calls show."""
    hooks, state = interp.hooks, random_states(interp)
    interp.hooks = _PrintsOnly(hooks) if prints else NullHooks()
    if start is not None:
        restore_random_states(interp, start)
    try:
        yield
    finally:
        interp.hooks = hooks
        restore_random_states(interp, state)


class _SameShapes:
    """The size guard during the vectorized pass: the probe already ran the same ops on the same
    values (same branches, same shapes) and passed every size check, so the per-op predictions on
    the meta device (a third of the pass) are skipped; the batch is bounded by Probe.peak."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def predict(self, *args: Any, **kwargs: Any) -> None:
        return None

    def add_result(self, result: Any) -> None:
        return None


@contextlib.contextmanager
def vectorized(interp: Any, start: Any) -> Iterator[None]:
    sizes = interp.sizes
    interp.sizes = _SameShapes(sizes)
    try:
        with muted(interp, start):
            yield
    finally:
        interp.sizes = sizes


@contextlib.contextmanager
def batched_sizes(sizes: Any, rows: int) -> Iterator[None]:
    """Program code runs on tensors batched `rows` times over (vmap): every size check counts all
    the rows (the real memory), not the one row the tensor's Python shape shows."""
    own = sizes.__dict__
    before = own.get("check_elements")
    quick = sizes.quick_one, sizes.quick_total
    check = sizes.check_elements
    sizes.check_elements = lambda elements, what: check(elements * rows, what)
    sizes.quick_one = sizes.quick_total = -1   # the planned sites' shortcut counts one row: off
    work_rows = sizes.work_rows
    sizes.work_rows = work_rows * rows   # lang/call_work.py: an eigvals runs once per row
    try:
        yield
    finally:
        sizes.quick_one, sizes.quick_total = quick
        sizes.work_rows = work_rows
        if before is None:
            del own["check_elements"]
        else:
            own["check_elements"] = before


class Peak:
    """Forwards every hook to the recorder and remembers the largest tensor the function made:
    a vectorized pass holds a batch of each, so the batch size is chosen from it."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.elements = inner, 0
        self.nodes, self.graph_work = 0, 0   # the graph's ops and their backward work (jacobian_loop_work)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def on_op(self, op: str, args: Any, kwargs: Any, result: Any, node: Any, in_function: Any) -> None:
        for t in (result if isinstance(result, (tuple, list)) else (result,)):
            if isinstance(t, torch.Tensor):
                self.elements = max(self.elements, t.numel())
                if t.grad_fn is not None:
                    self.nodes += 1
                    self.graph_work += node_work(t.numel())
        self.inner.on_op(op, args, kwargs, result, node, in_function)
