"""`y.grad_fn.register_hook(fn)` and `y.grad_fn.register_prehook(fn)`: hooks on a node of the autograd
graph, as PyTorch's autograd mechanics page shows them (session 36). A post-hook gets the node's
(grad_inputs, grad_outputs) and may give back new grad_inputs; a pre-hook gets grad_outputs and may give
back new ones. AccumulateGrad nodes (`y.grad_fn.next_functions[0][0]`) take both too.

As tensor hooks (tensor_hooks.py): the hook is the program's own def or lambda (or a function it could call
itself, such as print), run inside PyTorch's backward pass through the interpreter, under the same step
budget, time limit, call depth and size checks as any call; the program's errors pass through PyTorch's
engine as the same object (a limit stays a limit, and names the hook's line). The hook gives back None or
a tuple, whose items PyTorch checks (how many, their shapes) as it always does; anything else is refused
with PyTorch's words. A batched gradient (jacobian(..., vectorize=True)) never reaches the program.

torch.autograd.graph's register_multi_grad_hook is lang/multi_grad_hook.py, saved_tensors_hooks
lang/saved_tensor_hooks.py (session 38); its other managers (save_on_cpu, ...) stay refused by name.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.custom_functions import _is_batched
from autogradlab.lang.data_wrappers import HookHandle, SafeGradFn
from autogradlab.lang.safe_values import SafeFunction, UserFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

METHODS = ("register_hook", "register_prehook")
NODE_HOOK_HINT = "write a def or a lambda of your program: y.grad_fn.register_hook(lambda gi, go: print(gi))"


def _refuse_batched(grads: tuple) -> None:
    for part in grads:
        for grad in part:
            if isinstance(grad, torch.Tensor) and _is_batched(grad):
                raise NotSupported("a hook on a grad_fn cannot run under jacobian(..., vectorize=True) in "
                                   "Autograd Lab", hint="leave out vectorize=True")


def _short(value: object) -> str:
    return type_text(value).rsplit(".", 1)[-1]


def register(interp: Interpreter, base: SafeGradFn, name: str, args: list, kwargs: dict,
             node: ast.AST) -> HookHandle:
    """base.node.register_hook(hook) / register_prehook(hook) with the program's function as the hook."""
    given = len(args) + len(kwargs)
    if kwargs or given != 1:
        raise ProgramTypeError(f"{base.name}.{name}() takes exactly one argument ({given} given)")
    function = args[0]
    if not isinstance(function, (UserFunction, SafeFunction)):   # a def, a lambda, print, ...
        raise NotSupported(f"`.{name}()` of a grad_fn takes a function (a def, a lambda, or one such as "
                           "print) in Autograd Lab", hint=NODE_HOOK_HINT)
    if interp.__dict__.get("func_depth", 0):
        from autogradlab.lang.func_running import refuse_inside
        refuse_inside(interp, f"`.{name}(...)`")
    interp.program_hooks = True   # it runs inside every later backward (captured_backward.py)

    def hook(*grads: tuple) -> tuple | None:
        if interp.__dict__.get("func_depth", 0):
            from autogradlab.lang.func_running import refuse_inside
            refuse_inside(interp, "a hook on a grad_fn")
        _refuse_batched(grads)
        result = interp.call_value(function, list(grads), {}, node)
        if result is not None:   # PyTorch's words, naming the class alone
            if type(result) is not tuple:
                raise ProgramTypeError(f"expected tuple, but hook returned '{_short(result)}'")
            for item in result:
                if item is not None and not isinstance(item, torch.Tensor):
                    raise ProgramTypeError(f"expected Variable, but hook returned '{_short(item)}'")
        told = getattr(interp.hooks, "before_grad_writes", None)
        if told is not None:   # the pass writes .grad next, as after a tensor hook
            told()
        return result

    # PyTorch names it in its errors: "hook '<lambda>' has returned an incorrect number of values"
    hook.__name__ = function.name if isinstance(function, UserFunction) else function.qualname.rsplit(".")[-1]
    try:
        return HookHandle(getattr(base.node, name)(hook))
    except Exception as exc:  # noqa: BLE001 - PyTorch's own words
        from autogradlab.lang.calls import translate_torch_error  # (here: an import per call cost 1 us)
        raise translate_torch_error(exc, name, []) from None
