"""Jacobian makers a program calls (torch.func's `jacrev`, `jacfwd`, and `hessian`): the page draws
each one called at the program's own level (engine/func_jacobian_call.py) and names those under a
vmap; when the run drew none and named none (the calls ran inside another transform, or not at all),
the page names the makers the source calls, so the program is not shown as computing no Jacobian."""

from __future__ import annotations

import ast

MAKERS = ("jacrev", "jacfwd", "hessian")


def undrawn_calls(source: str) -> tuple[str, ...]:
    """`("jacrev", "jacfwd")`: the makers called in `source`, in that order; () when none, or when
    the text does not parse (the error box says why)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return ()
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in MAKERS:
                called.add(name)
    return tuple(name for name in MAKERS if name in called)
