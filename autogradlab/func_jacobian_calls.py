"""Jacobian makers a program calls that the Jacobian page does not draw (torch.func's `jacrev`,
`jacfwd`, and `hessian`): the page draws each `torch.autograd.functional.jacobian(...)` call, so a
program written with torch.func (the PyTorch tutorial "Jacobians, Hessians, hvp, vhp, and more")
got "This program calls no `jacobian(...)`" and nothing else, as if it computed no Jacobian."""

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
