"""torch.nn.functional.dropout on the run's seeded generator (issue 9: lessons on regularisation).

F.dropout takes no generator: on the CPU it draws its mask from torch's default generator
(`empty_like(x).bernoulli_(1 - p)`, ATen's _dropout_impl). The run's random numbers come from its own
generator (Interpreter.generator, seeded like torch.manual_seed: randn, rand, bernoulli...), so the call
runs with the default generator's state swapped for the run's and the state it leaves copied back: the
same mask, and the same numbers after it, as plain PyTorch after the same seed. The swap holds a lock
(runs in threads of one process: the Steps page) and restores the default generator's own state. The
call is otherwise invoke's (size checks, torch's errors translated, the record); `inplace=True` writes
the input, told to the engine first as every in-place op is.
"""

from __future__ import annotations

import ast
import threading
from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F

from autogradlab.lang import allowlist as al
from autogradlab.lang import calls
from autogradlab.lang.call_arguments import _require_all

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_LOCK = threading.Lock()
_QUALNAME = "torch.nn.functional.dropout"


def _with_generator(generator: torch.Generator) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            default = torch.default_generator
            own = default.get_state()
            default.set_state(generator.get_state())
            try:
                return F.dropout(*args, **kwargs)
            finally:
                generator.set_state(default.get_state())
                default.set_state(own)
    return run


def dropout(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """F.dropout(input, p=0.5, training=True, inplace=False) of the program."""
    if not calls._atoms(args, kwargs):
        _require_all(args, kwargs, _QUALNAME, False)
        args = calls._unwrapped(args)
    inplace = args[3] if len(args) > 3 else kwargs.get("inplace", False)
    target = args[0] if args else kwargs.get("input")
    if inplace is True and isinstance(target, torch.Tensor):
        calls.notify_memory(interp, "write", target)
    return calls.invoke(interp, "nn.functional.dropout", _with_generator(interp.generator),
                        al.NN_FUNCTIONAL["dropout"], args, kwargs, node)


SPECIALS = {_QUALNAME: dropout}
