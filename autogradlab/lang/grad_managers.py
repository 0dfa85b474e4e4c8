"""The grad-mode context managers as lessons write them: `with torch.no_grad():`,
`with torch.enable_grad():`, `with torch.set_grad_enabled(False):`, `with torch.inference_mode():`
(and the same as decorators, lang/grad_decorators.py).

The checker fixes the shape in the code (checker.grad_manager_of: a known name, plain arguments);
here the arguments are evaluated and checked with PyTorch's own wording, and the manager entered is
PyTorch's own object built from a plain bool, so the modes inside and after the block are PyTorch's.
Items are entered left to right and left in reverse, as Python does; an ExitStack restores every mode
however the block ends (error, limit, return, break). Nothing a program passes reaches torch except
True or False.
"""

from __future__ import annotations

import ast
import contextlib
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import Namespace

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ONLY_BOOL_MODE = "pass True or False"


def _type_name(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return "Tensor"
    return "function" if callable(value) else type(value).__name__


def grad_mode_argument(args: list, kwargs: dict) -> bool:
    """torch.set_grad_enabled(mode): exactly one argument `mode`, a bool (PyTorch's texts)."""
    if set(kwargs) - {"mode"}:
        name = sorted(set(kwargs) - {"mode"})[0]
        raise ProgramTypeError(f"set_grad_enabled.__init__() got an unexpected keyword argument '{name}'")
    if len(args) > 1:
        raise ProgramTypeError(f"set_grad_enabled.__init__() takes 2 positional arguments but "
                               f"{len(args) + 1} were given")
    if args and kwargs:
        raise ProgramTypeError("set_grad_enabled.__init__() got multiple values for argument 'mode'")
    if not args and not kwargs:
        raise ProgramTypeError("set_grad_enabled.__init__() missing 1 required positional argument: 'mode'")
    mode = args[0] if args else kwargs["mode"]
    if not isinstance(mode, bool):
        raise ProgramTypeError(f"set_grad_enabled(): argument 'enabled' (position 1) must be bool, "
                               f"not {_type_name(mode)}", hint=ONLY_BOOL_MODE)
    return mode


def inference_mode_argument(args: list, kwargs: dict) -> bool:
    """torch.inference_mode(mode=True). PyTorch takes anything but a bool for a function to decorate,
    so `with torch.inference_mode(1):` fails on entering, with Python's text."""
    if set(kwargs) - {"mode"}:
        name = sorted(set(kwargs) - {"mode"})[0]
        raise ProgramTypeError(f"inference_mode.__init__() got an unexpected keyword argument '{name}'")
    if len(args) + len(kwargs) > 1:
        raise ProgramTypeError(f"inference_mode.__new__() takes from 1 to 2 positional arguments but "
                               f"{len(args) + len(kwargs) + 1} were given")
    mode = args[0] if args else kwargs.get("mode", True)
    if not isinstance(mode, bool):
        raise ProgramTypeError("'function' object does not support the context manager protocol",
                               hint=ONLY_BOOL_MODE)
    return mode


def manager(name: str, args: list, kwargs: dict) -> Any:
    """PyTorch's own context manager for `torch.<name>(*args, **kwargs)`, from checked arguments.
    (torch.set_grad_enabled switches the mode when it is made, as in PyTorch.)"""
    if name == "no_grad":
        return torch.no_grad()
    if name == "enable_grad":
        return torch.enable_grad()
    if name == "set_grad_enabled":
        return torch.set_grad_enabled(grad_mode_argument(args, kwargs))
    return torch.inference_mode(inference_mode_argument(args, kwargs))


def check_torch_base(interp: Interpreter, func: ast.expr) -> str:
    """The manager's name, after checking that `torch.` is the torch module (a step) and that a bare
    `no_grad` is no variable of the program."""
    if isinstance(func, ast.Attribute):
        base = interp.eval(func.value)
        if not (isinstance(base, Namespace) and base.qualname == "torch"):
            raise NotSupported(f"`with ...{func.attr}()` works with the torch module only",
                               hint=f"write `with torch.{func.attr}():`")
        return func.attr
    found, _ = interp.scope.find(func.id)
    if found:
        raise ProgramTypeError(f"`{func.id}` is a variable of the program here, not "
                               f"torch.{func.id}", hint=f"write `with torch.{func.id}():`")
    return func.id


def enter_item(interp: Interpreter, stack: contextlib.ExitStack, call: ast.Call) -> None:
    from autogradlab.lang.grad_manager_forms import FORWARD_AD_MANAGER
    if (call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id) == FORWARD_AD_MANAGER:
        _enter_dual_level(interp, stack, call)
        return
    name = check_torch_base(interp, call.func)
    args = [interp.eval(arg) for arg in call.args]
    kwargs = {keyword.arg: interp.eval(keyword.value) for keyword in call.keywords}
    stack.enter_context(manager(name, args, kwargs))


def run_with(interp: Interpreter, items: list[ast.withitem], body: Any) -> None:
    """`with m1, m2, ...:` then `body()`; every mode is put back, in reverse, however it ends."""
    with contextlib.ExitStack() as stack:
        for item in items:
            enter_item(interp, stack, item.context_expr)
        body()


def _enter_dual_level(interp: Interpreter, stack: contextlib.ExitStack, call: ast.Call) -> None:
    """`with fwAD.dual_level():`: the name must be forward_ad's dual_level itself (lang/forward_ad.py)."""
    from autogradlab.lang.forward_ad import DUAL_LEVEL, program_dual_level
    if interp.eval(call.func) is not DUAL_LEVEL:
        raise NotSupported("`with ....dual_level():` works with torch.autograd.forward_ad's dual_level only",
                           hint="write `import torch.autograd.forward_ad as fwAD` and "
                                "`with fwAD.dual_level():`")
    args = [interp.eval(arg) for arg in call.args]
    kwargs = {keyword.arg: interp.eval(keyword.value) for keyword in call.keywords}
    stack.enter_context(program_dual_level(interp, args, kwargs))
