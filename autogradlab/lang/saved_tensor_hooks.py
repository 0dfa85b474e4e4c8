"""`with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):` (its docstring's example and
PyTorch's "Hooks for saved tensors" tutorial; session 38, a known leftover). PyTorch's own manager is
entered around the block's statements with two wrappers: every tensor an op of the block saves for
backward goes through `pack_hook`, and what was packed through `unpack_hook` when backward needs it.

The hooks are the program's own defs or lambdas (or functions it could call itself, such as print), run
through the interpreter as tensor hooks are (tensor_hooks.py): under the same step budget, time limit,
call depth and size checks; the program's errors pass through PyTorch as the same object (a limit stays a
limit, and PyTorch's manager is left on the way out, whatever ends the block). What the engine itself
computes inside the block never reaches the program's hooks: a tensor saved by a shape check (the meta
device) or while a program hook runs (PyTorch runs no hook inside a pack hook) is kept as it is, and the
engine's own reading of saved tensors outside PyTorch's backward pass (its Steps) gets the tensor saved,
without calling unpack_hook. What pack_hook gives back must be what a variable may hold (data, or a
tuple with the program's own function: session 39);
unpack_hook's result is checked by PyTorch (a tensor of the saved one's shape). Under torch.func's
transforms and jacobian(..., vectorize=True) the hooks are refused, as the other hooks are."""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.custom_functions import _is_batched
from autogradlab.lang.safe_values import CODE_TYPES, SafeFunction, UserFunction, type_text
from autogradlab.lang.tensor_hooks import HOOK_HINT

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_KEPT = object()   # in place of a packed value: the engine's own work saved the tensor, given back as it is


class SavedTensorsHooks:
    """What `torch.autograd.graph.saved_tensors_hooks(pack, unpack)` gives: a manager for `with` only."""

    __slots__ = ("node", "pack", "unpack")

    def __init__(self, pack: Any, unpack: Any, node: ast.AST) -> None:
        self.pack, self.unpack, self.node = pack, unpack, node

    def __repr__(self) -> str:
        return "<torch.autograd.graph.saved_tensors_hooks object>"

    @contextlib.contextmanager
    def entered(self, interp: Interpreter) -> Iterator[None]:
        running = [False]   # a program hook is running: what it saves is the engine's to keep

        def call(function: Any, value: Any) -> Any:
            if interp.__dict__.get("func_depth", 0):
                from autogradlab.lang.func_running import refuse_inside
                refuse_inside(interp, "a saved-tensor hook (saved_tensors_hooks)")
            running[0] = True
            try:
                return interp.call_value(function, [value], {}, self.node)
            finally:
                running[0] = False

        def pack(tensor: torch.Tensor) -> Any:
            if running[0] or tensor.device.type == "meta":
                return (_KEPT, tensor)
            if _is_batched(tensor):
                raise NotSupported("a saved-tensor hook cannot run under jacobian(..., vectorize=True) in "
                                   "Autograd Lab", hint="leave out vectorize=True")
            from autogradlab.lang.stored_objects import require_storable
            packed = call(self.pack, tensor)   # data, or what a variable may hold: the tutorial's
            require_storable(packed, "given back by a pack hook")   # `(x - delta, lambda x: x + delta)`
            return (packed, tensor.detach())   # (detached: no cycle through the tensor's own grad_fn)

        def unpack(packed: Any) -> Any:
            value, kept = packed
            if value is _KEPT or torch._C._current_graph_task_id() == -1 and \
                    not interp.__dict__.get("reading_saved"):   # not backward, nor `y.grad_fn._saved_self`:
                return kept   # the engine reading what was saved (its Steps), not the program
            result = call(self.unpack, value)   # PyTorch checks it: a tensor, of the saved one's shape;
            if not isinstance(result, torch.Tensor):   # the type named as Python would (not a wrapper's)
                from autogradlab.lang.operators import python_error
                shown = type_text(result).rsplit(".", 1)[-1]
                raise python_error(TypeError("Output of saved tensor unpack_hook expected to be a Tensor but "
                                             f"got result of type {shown}"))
            return result

        with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
            yield


def saved_tensors_hooks(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SavedTensorsHooks:
    names = ("pack_hook", "unpack_hook")
    if len(args) > 2 or set(kwargs) - set(names[len(args):]):
        raise ProgramTypeError("saved_tensors_hooks() takes pack_hook and unpack_hook")
    bound = dict(zip(names, args, strict=False)) | kwargs
    if set(bound) != set(names):
        raise ProgramTypeError("saved_tensors_hooks() takes pack_hook and unpack_hook")
    for function in bound.values():
        if not isinstance(function, (UserFunction, SafeFunction)):
            raise NotSupported("`saved_tensors_hooks()` takes two functions (defs, lambdas, or ones such as "
                               "print) in Autograd Lab", hint=HOOK_HINT)
    if interp.__dict__.get("func_depth", 0):
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, "`saved_tensors_hooks(...)`")
    interp.program_hooks = True   # it runs inside every later backward (engine/captured_backward.py)
    return SavedTensorsHooks(bound["pack_hook"], bound["unpack_hook"], node)


SAVED_TENSORS_HOOKS = SafeFunction("torch.autograd.graph.saved_tensors_hooks", saved_tensors_hooks)
CODE_TYPES.append(SavedTensorsHooks)   # storable in names (`hooks = saved_tensors_hooks(...)`), never data
