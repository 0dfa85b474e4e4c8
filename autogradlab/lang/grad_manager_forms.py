"""Which `with` items are grad-mode managers, read from the code alone (no value is evaluated).

The static walk (construct_checks._check_with) refuses any other `with`; the interpreter's fast path
(compiled_blocks.py) and the runner (statements.py, grad_decorators.py) read the same forms.
"""

from __future__ import annotations

import ast

GRAD_MODE_MANAGERS = {"no_grad": False, "enable_grad": True}  # `with torch.no_grad():` -> grad mode
# ... and the managers whose mode is an argument (lang/grad_managers.py checks it when it runs)
ARGUMENT_MANAGERS = frozenset({"set_grad_enabled", "inference_mode"})
FORWARD_AD_MANAGER = "dual_level"   # `with fwAD.dual_level():` (lang/forward_ad.py; not a decorator here)


def grad_mode_of(item: ast.withitem) -> bool | None:
    """True/False for `torch.enable_grad()` / `torch.no_grad()` (any module alias, or the bare
    name), None for anything else (the fast path of compiled_blocks.py)."""
    call = item.context_expr
    if item.optional_vars is not None or not isinstance(call, ast.Call) or call.args or call.keywords:
        return None
    return GRAD_MODE_MANAGERS.get(grad_manager_of(item) or "")


def grad_manager_of(item: ast.withitem) -> str | None:
    """The name of a grad-mode manager as `with` takes it: `torch.no_grad()`, `torch.enable_grad()`
    (no arguments), `torch.set_grad_enabled(...)`, `torch.inference_mode(...)` (plain arguments; any
    module alias, or the bare name), None for anything else."""
    call = item.context_expr
    if item.optional_vars is not None or not isinstance(call, ast.Call):
        return None
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name == FORWARD_AD_MANAGER and _dotted(func):   # `torch.autograd.forward_ad.dual_level()` too
        return name
    if isinstance(func, ast.Attribute) and not isinstance(func.value, ast.Name):
        return None
    if name in GRAD_MODE_MANAGERS:
        return name if not (call.args or call.keywords) else None
    plain = not any(isinstance(a, ast.Starred) for a in call.args) and all(k.arg for k in call.keywords)
    return name if name in ARGUMENT_MANAGERS and plain else None


def _dotted(func: ast.expr) -> bool:
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name)
