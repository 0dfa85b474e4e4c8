"""`@torch.no_grad()` / `@torch.enable_grad()` on a `def` (PyTorch's "Fundamentals of Autograd" shows
it next to `with torch.no_grad():`). No other decorator exists in the language: the decorated function
is run as if its body were inside `with torch.no_grad():`, so the grad mode is restored however the
call ends, and nothing of the decorator is ever called.
"""

from __future__ import annotations

import ast

from autogradlab.lang.checker import grad_mode_of

# Process-wide switches a lesson may call (refused): the block forms do the same and end with the block.
GRAD_MODE_HINTS = {
    "torch.set_grad_enabled": "write the code that needs no gradients inside `with torch.no_grad():` "
                              "(or put @torch.no_grad() on a def)",
    "torch.inference_mode": "use `with torch.no_grad():` instead",
}


def grad_mode_call(decorator: ast.expr) -> ast.Call | None:
    """`torch.no_grad()` or `torch.no_grad` (a bare name too) as a call node, None for anything else."""
    call = decorator if isinstance(decorator, ast.Call) else ast.Call(func=decorator, args=[], keywords=[])
    if isinstance(decorator, ast.Call) or isinstance(decorator, ast.Attribute | ast.Name):
        if grad_mode_of(ast.withitem(context_expr=call)) is not None:
            return ast.copy_location(call, decorator)
    return None


def is_grad_mode_decorated(node: ast.FunctionDef) -> bool:
    """Exactly one decorator, and it is a grad-mode manager (the checker refuses anything else)."""
    return len(node.decorator_list) == 1 and grad_mode_call(node.decorator_list[0]) is not None


def body_under_grad_mode(node: ast.FunctionDef) -> list[ast.stmt]:
    """The function's body wrapped in the `with` its decorator stands for."""
    call = grad_mode_call(node.decorator_list[0])
    with_node = ast.With(items=[ast.withitem(context_expr=call)], body=node.body)
    return [ast.copy_location(with_node, node.decorator_list[0])]
