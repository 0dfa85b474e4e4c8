"""Where a backward's Node pre-hooks put the gradients they receive (grads.GradientRecorder).

Every new Node of a backward gets a pre-hook; a 500-step scalar loop's backward runs 2,000 of them
(issue 9), and a Python function per call cost more than a third of that backward. The hook is
`partial(operator.setitem, live, token)` instead: its call runs no Python while `live` is a plain
Live, which is what it is during a backward() called without arguments: grad_outputs is kept under
the hook's token, and GradientRecorder.finish takes each Node's gradient out of it (kept, the
reference held from the hook's call on: see grads._pre_hook). That is what the Python hook stored:
such a backward builds no graph (create_graph) and passes no tensor of the program's (gradient), the
two cases where the hook made a copy right away, before later steps of the same backward could
change the tensor. Any other backward switches `live` to Copying, whose __setitem__ is that hook
(grads._pre_hook, by token), and between backward calls to Closed, which stores nothing, as the hook
did while no backward was current. A hook checks its token (grads.py: a registration let go, or a
Node's id reused, must store nothing), here or in finish.
"""

from __future__ import annotations

from typing import Any

import torch


class Live(dict):
    """token -> grad_outputs of the hooks called during a backward() without arguments."""

    __slots__ = ("generation", "hooked", "token_keys")

    def __init__(self, hooked: dict[int, Any], token_keys: dict[int, int]) -> None:
        super().__init__()
        self.generation: Any = None        # the backward call going on (grads._Generation), else None
        self.hooked = hooked               # id(Node) -> the token of its registered hook
        self.token_keys = token_keys       # token -> id(Node)


class Copying(Live):
    """During any other backward: every call stores at once, as grads._pre_hook did."""

    __slots__ = ()

    def __setitem__(self, token: int, grad_outputs: tuple) -> None:
        current = self.generation
        key = self.token_keys.get(token)
        if current is None or key is None or self.hooked.get(key) != token:
            return
        for grad in grad_outputs:
            if grad is not None:
                current.capture[key] = kept(grad, current.shared)
                return


class Closed(Live):
    """Between backward calls (or after the run): nothing is stored."""

    __slots__ = ()

    def __setitem__(self, token: int, grad_outputs: tuple) -> None:
        return None


def take(live: Live) -> None:
    """The gradients a Live holds, into its generation's capture (GradientRecorder.finish)."""
    current = live.generation
    capture, hooked, keys, shared = current.capture, live.hooked, live.token_keys.get, current.shared
    for token, grad_outputs in live.items():
        key = keys(token)
        if key is None or hooked.get(key) != token:
            continue
        for grad in grad_outputs:
            if grad is not None:   # kept(grad, shared), written out
                copy = grad.requires_grad or (shared is not None and shares(grad, shared))
                capture[key] = grad.detach().clone() if copy else grad
                break


def storages(gradient: Any) -> frozenset[int] | None:
    """Storage addresses of the program's gradient tensors; None when there are none."""
    items = gradient if isinstance(gradient, (list, tuple)) else [gradient]
    tensors = [t for t in items if isinstance(t, torch.Tensor)]
    if not tensors:
        return None
    try:
        return frozenset(t.untyped_storage().data_ptr() for t in tensors)
    except Exception:  # a tensor without a plain storage: copy every gradient of this backward
        return frozenset({EVERY})


def kept(grad: Any, shared: frozenset[int] | None) -> Any:
    """What a hook stores of `grad`: the tensor itself (a detach() would not count as a holder), or
    a copy when it is part of a graph (create_graph=True: no graph is kept) or shares the storage of
    the program's own `gradient` tensor (`g += 1` later would change what is shown)."""
    copy = grad.requires_grad or (shared is not None and shares(grad, shared))
    return grad.detach().clone() if copy else grad


EVERY = -1   # in a generation's storages: copy every gradient (a gradient tensor without plain storage)


def shares(grad: Any, storages: frozenset[int]) -> bool:
    if EVERY in storages:
        return True
    try:
        return grad.untyped_storage().data_ptr() in storages
    except Exception:
        return True
