"""torch.autograd.graph.register_multi_grad_hook(tensors, fn, mode="all") (its docstring's example; session
38, a known leftover): PyTorch's own function registers a hook on each tensor and calls `fn` once with the
list of their gradients ("all") or with the first gradient ("any"). `fn` is the program's own def or lambda
(or a function it could call itself, such as print), run inside the backward pass through the interpreter
as a tensor hook is (tensor_hooks.py): under the same step budget, time limit, call depth and size checks;
the program's errors pass through PyTorch's engine as the same object (a limit stays a limit). PyTorch
ignores what `fn` gives back. A batched gradient (jacobian(..., vectorize=True)) never reaches the program.
The program holds a handle that displays as PyTorch's `_MultiHandle` and offers `.remove()` only."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.calls import translate_torch_error
from autogradlab.lang.custom_functions import _is_batched
from autogradlab.lang.data_wrappers import HookHandle
from autogradlab.lang.safe_values import SafeFunction, UserFunction
from autogradlab.lang.tensor_hooks import HOOK_HINT

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_CALL = "torch.autograd.graph.register_multi_grad_hook(tensors, fn, *, mode='all')"


class MultiHookHandle(HookHandle):
    """What `h = register_multi_grad_hook(...)` binds: `h.remove()` takes every hook off."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<torch.autograd.graph._MultiHandle object>"


def _bind(args: list, kwargs: dict) -> tuple[Any, Any, Any]:
    names = ("tensors", "fn")
    if len(args) > 2 or set(kwargs) - {*names[len(args):], "mode"}:
        raise ProgramTypeError(f"register_multi_grad_hook() takes {_CALL}")
    bound = dict(zip(names, args, strict=False)) | {k: v for k, v in kwargs.items() if k != "mode"}
    if set(bound) != set(names):
        missing = next(name for name in names if name not in bound)
        raise ProgramTypeError(f"register_multi_grad_hook() missing 1 required positional argument: "
                               f"'{missing}'")
    return bound["tensors"], bound["fn"], kwargs.get("mode", "all")


def register_multi_grad_hook(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> MultiHookHandle:
    tensors, function, mode = _bind(args, kwargs)
    if not isinstance(tensors, (list, tuple)) or not all(isinstance(t, torch.Tensor) for t in tensors):
        raise ProgramTypeError("register_multi_grad_hook() takes a list or tuple of tensors")
    if not isinstance(function, (UserFunction, SafeFunction)):   # a def, a lambda, print, ...
        raise NotSupported("`register_multi_grad_hook()` takes a function (a def, a lambda, or one such as "
                           "print) in Autograd Lab", hint=HOOK_HINT)
    if not isinstance(mode, str) or mode not in ("all", "any"):   # PyTorch's words
        from autogradlab.lang.operators import python_error
        raise python_error(ValueError(f"Expects mode to be one of ('all', 'any') but got "
                                      f"{mode if isinstance(mode, str) else type(mode).__name__}"))
    if interp.__dict__.get("func_depth", 0):
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, "`register_multi_grad_hook(...)`")
    interp.program_hooks = True   # it runs inside every later backward (engine/captured_backward.py)

    def hook(grads: Any) -> None:
        if interp.__dict__.get("func_depth", 0):
            from autogradlab.lang.func_running import refuse_inside
            refuse_inside(interp, "a multi-grad hook (register_multi_grad_hook)")
        given = list(grads) if mode == "all" else grads
        for grad in given if mode == "all" else [given]:
            if grad is not None and _is_batched(grad):
                raise NotSupported("a multi-grad hook cannot run under jacobian(..., vectorize=True) in "
                                   "Autograd Lab", hint="leave out vectorize=True")
        interp.call_value(function, [given], {}, node)   # PyTorch ignores what it gives back

    hook.__name__ = function.name if isinstance(function, UserFunction) else function.qualname.rsplit(".")[-1]
    try:
        handle = torch.autograd.graph.register_multi_grad_hook(tuple(tensors), hook, mode=mode)
    except Exception as exc:  # noqa: BLE001 - PyTorch's words: a tensor that does not require grad
        raise translate_torch_error(exc, "register_multi_grad_hook", list(tensors)) from None
    return MultiHookHandle(handle)


MULTI_GRAD_HOOK = SafeFunction("torch.autograd.graph.register_multi_grad_hook", register_multi_grad_hook)
