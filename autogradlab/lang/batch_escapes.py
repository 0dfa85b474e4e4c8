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
import traceback
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
        self.depth = 0   # batched backwards running now (a call inside one may return batched values)


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

    def __enter__(self) -> Tracking:
        self.made.depth += 1
        return super().__enter__()

    def __exit__(self, *exc: Any) -> None:
        self.made.depth -= 1
        super().__exit__(*exc)

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


def run_watched(interp: Any, name: str, args: list, run: Any) -> Any:
    """`run()`, a PyTorch call that runs program functions (gradcheck, jacobian, the torch.func
    transforms), with its batched tensors checked after it: a failure becomes the program's error
    (PyTorch's own text) and is raised once the check has looked at what the call left behind."""
    from autogradlab.errors import ProgramError
    from autogradlab.lang.call_errors import translate_torch_error
    begin, failure = start(interp), None
    try:
        result = run()
    except ProgramError as err:
        failure = err
    except Exception as exc:  # noqa: BLE001
        failure = translate_torch_error(exc, name, args)
        failure.__suppress_context__ = True
    if failure is not None:   # checked once the failure is handled: PyTorch lets go of its tensors
        check(interp, begin, error=failure)
        raise failure
    check(interp, begin, result)
    return result


def check(interp: Any, begin: int, result: Any = None, error: BaseException | None = None,
          message: str = KEPT) -> None:
    """The tensors made batched since `begin` are all gone (those in `result` may stay: a call under
    an outer vmap returns batched values of that one); else refuse, naming where the first was made.
    `error`: the call failed with it; the finished frames its traceback holds let go of their locals,
    and if one still lives the error cannot be caught."""
    made = interp.__dict__.get("batched_made")
    if made is None or len(made.items) <= begin:
        return
    seen, link = set(), error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        traceback.clear_frames(link.__traceback__)
        link = link.__cause__ or link.__context__
    mine = {id(t) for t in _tensors(result)} if made.depth else set()
    alive = [(t, name, line) for t, name, line in _alive(made.items[begin:])]
    if any(id(t) not in mine for t, _, _ in alive):
        gc.collect()   # a reference cycle of the finished call may still hold one
        alive = [(t, name, line) for t, name, line in _alive(made.items[begin:])]
    kept = [item for item in alive if id(item[0]) not in mine]
    made.items[begin:] = [(weakref.ref(t), name, line) for t, name, line in alive if id(t) in mine]
    if kept and error is not None:   # PyTorch itself may hold one until its failed pass is gone: the
        error.final = True           # program stops at the error; its `except` would have it to hand
    elif kept:
        _, name, line = kept[0]
        raise NotSupported(message.format(name=name, line=line))


def _alive(items: list[tuple[weakref.ref, str, int]]) -> list[tuple[torch.Tensor, str, int]]:
    return [(t, name, line) for ref, name, line in items if (t := ref()) is not None]


def _tensors(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in _tensors(item)]
    return []
