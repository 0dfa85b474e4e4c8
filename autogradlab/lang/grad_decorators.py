"""`@torch.no_grad()` / `@torch.enable_grad()` / `@torch.set_grad_enabled(False)` /
`@torch.inference_mode()` on a `def` (PyTorch's "Fundamentals of Autograd" shows
it next to `with torch.no_grad():`). No other decorator exists in the language: the decorated function
is run as if its body were inside `with torch.no_grad():`, so the grad mode is restored however the
call ends, and nothing of the decorator is ever called.
"""

from __future__ import annotations

import ast
import contextlib
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError, ProgramTypeError
from autogradlab.lang.checker import ARGUMENT_MANAGERS, grad_manager_of
from autogradlab.lang.grad_manager_forms import FORWARD_AD_MANAGER
from autogradlab.lang.grad_managers import (
    ONLY_BOOL_MODE,
    check_torch_base,
    grad_mode_argument,
    inference_mode_argument,
)

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# torch members that are grad-mode managers only inside `with` or on a def (attribute_errors.py)
GRAD_MODE_HINTS = {
    "torch.inference_mode": "write `with torch.inference_mode():` or put @torch.inference_mode() on a def",
}


def grad_mode_call(decorator: ast.expr) -> ast.Call | None:
    """`torch.no_grad()` or `torch.no_grad` (a bare name too; also enable_grad, set_grad_enabled(...),
    inference_mode(...)) as a call node, None for anything else."""
    call = decorator if isinstance(decorator, ast.Call) else ast.Call(func=decorator, args=[], keywords=[])
    if isinstance(decorator, ast.Call) or isinstance(decorator, ast.Attribute | ast.Name):
        if grad_manager_of(ast.withitem(context_expr=call)) not in (None, FORWARD_AD_MANAGER):
            return ast.copy_location(call, decorator)
    return None


def is_grad_mode_decorated(node: ast.FunctionDef) -> bool:
    """Exactly one decorator, and it is a grad-mode manager (the checker refuses anything else)."""
    return len(node.decorator_list) == 1 and grad_mode_call(node.decorator_list[0]) is not None


def body_under_grad_mode(interp: Interpreter, node: ast.FunctionDef,
                         decorator: ast.expr | None = None) -> list[ast.stmt]:
    """The function's body wrapped in the `with` its decorator stands for. As in PyTorch, the
    decorator is evaluated once, when the def runs: `torch` must be the torch module and a mode
    argument a bool (PyTorch's error texts), which the `with` then holds as a constant. `decorator`: the
    innermost of several (lang/decorators.py), else the only one."""
    decorator = node.decorator_list[0] if decorator is None else decorator
    try:
        return _decorated(interp, node, decorator)
    except ProgramError as err:   # Python's line for a failing decorator is the decorator's
        raise err.at(decorator.lineno, decorator.col_offset) from None


def _decorated(interp: Interpreter, node: ast.FunctionDef, decorator: ast.expr) -> list[ast.stmt]:
    call = grad_mode_call(decorator)
    name = check_torch_base(interp, call.func)
    if name == "set_grad_enabled" and not isinstance(decorator, ast.Call):   # set_grad_enabled(func)
        raise ProgramTypeError("set_grad_enabled(): argument 'enabled' (position 1) must be bool, "
                               "not function", hint=ONLY_BOOL_MODE)
    value = None
    if name in ARGUMENT_MANAGERS:
        args = [interp.eval(arg) for arg in call.args]
        kwargs = {keyword.arg: interp.eval(keyword.value) for keyword in call.keywords}
        check = grad_mode_argument if name == "set_grad_enabled" else inference_mode_argument
        value = check(args, kwargs)
        mode = ast.copy_location(ast.Constant(value), decorator)
        call = ast.copy_location(ast.Call(func=call.func, args=[mode], keywords=[]), decorator)
    with_node = ast.With(items=[ast.withitem(context_expr=call)], body=node.body)
    with_node.grad_decorator = (name, value)   # a generator function's: resumed under it (decorator_mode)
    return [ast.copy_location(with_node, decorator)]


def decorator_mode(body: Any) -> Any:
    """What PyTorch's decorator does around each resume of a generator function it decorates
    (torch.utils._contextlib's _wrap_generator): its mode holds while the body runs, and the caller's
    comes back at each `yield` (a plain `with torch.no_grad():` around a `yield` keeps it, as in Python)."""
    spec = getattr(body[0], "grad_decorator", None) if isinstance(body, list) and len(body) == 1 else None
    if spec is None:
        return contextlib.nullcontext()
    import torch
    name, value = spec
    if name in ("no_grad", "enable_grad"):
        return getattr(torch, name)()
    return torch.set_grad_enabled(value) if name == "set_grad_enabled" else torch.inference_mode(value)
