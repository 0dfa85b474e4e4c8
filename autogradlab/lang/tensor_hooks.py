"""`y.register_hook(fn)` (eat_pytorch_in_20_days 2-3:
`y1.register_hook(lambda grad: print('y1 grad: ', grad))`).

The hook is the program's own def or lambda (or a function it could call itself, `y.register_hook(print)`:
map() takes the same), run inside PyTorch's backward pass on the gradient, as a
custom Function's backward already runs there (custom_functions.py): through the interpreter, under the
same step budget, time limit, call depth and size checks as any call. The program's errors (ProgramError)
pass through PyTorch's engine as the same object, so a limit stays a limit (never catchable). The hook
gives back None or a tensor, which PyTorch checks (shape, dtype) as it always does; anything else is
refused here. A batched gradient (jacobian(..., vectorize=True) runs backward under vmap) never reaches
the program: refused. Anything else (a type, a module, a number) is not a hook.

The program holds a HookHandle (data_wrappers.py), not PyTorch's RemovableHandle: it displays like it
and offers `.remove()` only.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.calls import translate_torch_error
from autogradlab.lang.custom_functions import _is_batched  # (at import: one per registration cost 1 us)
from autogradlab.lang.data_wrappers import HookHandle
from autogradlab.lang.safe_values import SafeFunction, UserFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

HOOK_HINT = "write a def or a lambda of your program: y.register_hook(lambda grad: print(grad))"


def register_hook(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict,
                  node: ast.AST) -> HookHandle:
    function = args[0] if len(args) == 1 and not kwargs else kwargs.get("hook") if not args else None
    if set(kwargs) - {"hook"} or len(args) + len(kwargs) != 1:
        raise NotSupported("`.register_hook()` takes one function in Autograd Lab", hint=HOOK_HINT)
    if not isinstance(function, (UserFunction, SafeFunction)):   # a def, a lambda, print, torch.sin, ...
        raise NotSupported("`.register_hook()` takes a function (a def, a lambda, or one such as print) in "
                           "Autograd Lab", hint=HOOK_HINT)
    if interp.__dict__.get("func_depth", 0):
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, "`.register_hook(...)`")
    interp.program_hooks = True   # it runs inside every later backward (captured_backward.py)

    def hook(grad: torch.Tensor) -> torch.Tensor | None:
        if interp.__dict__.get("func_depth", 0):
            from autogradlab.lang.func_running import refuse_inside
            refuse_inside(interp, "a tensor hook (register_hook)")
        if grad is not None and _is_batched(grad):   # (None: an undefined gradient, as gradcheck sends)
            raise NotSupported("a tensor hook cannot run under jacobian(..., vectorize=True) in Autograd Lab",
                               hint="leave out vectorize=True")
        result = interp.call_value(function, [grad], {}, node)
        if result is not None and not isinstance(result, torch.Tensor):
            short = type_text(result).rsplit(".", 1)[-1]   # PyTorch's words name the class alone
            raise ProgramTypeError(f"expected Variable, but hook returned '{short}'")
        told = getattr(interp.hooks, "before_grad_writes", None)
        if told is not None:   # the pass writes .grad next, as after a custom Function's backward
            told()
        return result

    # PyTorch names it in its errors: "hook '<lambda>' has changed the size of value"
    hook.__name__ = function.name if isinstance(function, UserFunction) else function.qualname.rsplit(".")[-1]
    try:
        return HookHandle(tensor.register_hook(hook))
    except Exception as exc:  # noqa: BLE001 - PyTorch's words: a tensor that does not require grad
        raise translate_torch_error(exc, "register_hook", [tensor]) from None
