"""Batched gradients that must not outlive jacobian(..., vectorize=True).

torch's jacobian(vectorize=True) runs a custom Function's backward under (legacy) vmap: its gradient
and every tensor made from it hold one row per output element, but their Python shape shows one row.
Outside that call PyTorch still runs ops on such a tensor (on all its rows) while the size checks
would count one, so none may leave the call: whatever program state it went to (a global, a closure
cell, a list, a dict, ctx, a generator's frame...), it would still be alive when the call returns.

While the program's backward runs batched, a TorchFunctionMode keeps a weak reference to every
batched tensor it makes (and to the gradients it receives). When a jacobian/hessian/vjp/jvp call of
the program ends, every such tensor made during it must be gone (PyTorch unwraps the batch and drops
the rest); one still alive was kept by the program, and the call is refused at its line before any
other statement runs. Nothing of this runs unless a backward ran batched.
"""

from __future__ import annotations

import gc
import weakref
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from autogradlab import sandbox_position
from autogradlab.errors import NotSupported

KEPT = ("`{name}` kept a gradient batched by jacobian(..., vectorize=True) (line {line}) in a variable, "
        "container or attribute that outlives the call; inside it that tensor holds one row per output "
        "element, so it has no values outside: compute what you need inside backward and return it")
# messages/errors_functions.py "batch_kept" is the same text


class Made:
    """The batched tensors program code made (or received) in one run: (weak reference, function
    name, line) in the order they were made."""

    def __init__(self) -> None:
        self.items: list[tuple[weakref.ref, str, int]] = []


def made_of(interp: Any) -> Made:
    made = interp.__dict__.get("batched_made")
    if made is None:
        made = interp.batched_made = Made()
    return made


def _keep(made: Made, value: Any, where: tuple[str, Any], batched: Any, line: int = 0) -> None:
    if isinstance(value, torch.Tensor):
        if batched(value):
            name, board = where
            made.items.append((weakref.ref(value), name, line or board[0] >> sandbox_position.COLUMN_BITS))
    elif isinstance(value, (tuple, list)):
        for item in value:
            _keep(made, item, where, batched, line)


class Tracking(TorchFunctionMode):
    """Active while the program's backward runs on batched gradients."""

    def __init__(self, made: Made, where: tuple[str, Any], batched: Any) -> None:
        super().__init__()
        self.made, self.where, self.batched = made, where, batched

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: Any = None) -> Any:
        out = func(*args, **(kwargs or {}))
        _keep(self.made, out, self.where, self.batched)
        return out


def track(interp: Any, name: str, line: int, grads: tuple, batched: Any) -> Tracking:
    """The mode to run the program's backward `name` (defined at `line`) in; `grads`: the batched
    gradients it receives."""
    made, where = made_of(interp), (name, interp.board)
    _keep(made, grads, where, batched, line)
    return Tracking(made, where, batched)


def start(interp: Any) -> int:
    made = interp.__dict__.get("batched_made")
    return 0 if made is None else len(made.items)


def check(interp: Any, begin: int, result: Any = None) -> None:
    """The tensors made batched since `begin` are all gone (those in `result` may stay: a call under
    an outer vmap returns batched values of that one); else refuse, naming where the first was made."""
    made = interp.__dict__.get("batched_made")
    if made is None or len(made.items) <= begin:
        return
    mine = {id(t) for t in _tensors(result)}
    alive = [(ref, name, line) for ref, name, line in made.items[begin:] if ref() is not None]
    if alive and not all(id(ref()) in mine for ref, _, _ in alive):
        gc.collect()   # a reference cycle of the finished call may still hold one
        alive = [item for item in alive if item[0]() is not None]
    kept = [item for item in alive if id(item[0]()) not in mine]
    made.items[begin:] = [item for item in alive if id(item[0]()) in mine]
    if kept:
        _, name, line = kept[0]
        raise NotSupported(KEPT.format(name=name, line=line))


def _tensors(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in _tensors(item)]
    return []
