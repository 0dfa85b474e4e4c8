"""May the program's functions run more than once? torch's jacobian calls f once; the fast strategies
and the checks call it again (muted). That is invisible only if f changes nothing outside itself, so
every def and lambda of the program is scanned (conservatively: a function may call any other) for
changes to outer state: list/dict/set mutators, in-place tensor methods and item or attribute
assignment on names the function did not bind itself, and global/nonlocal.
"""

from __future__ import annotations

import ast

MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault",
                      "sort", "reverse", "add", "discard", "popitem", "retain_grad", "backward",
                      "register_hook", "register_prehook"})


def _base_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _locals(fn: ast.AST) -> set[str]:
    """Names the function binds itself (its parameters are not among them: they may be the caller's
    objects)."""
    names: set[str] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _side_effect(fn: ast.AST) -> ast.AST | None:
    own = _locals(fn)
    for node in ast.walk(fn):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return node
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            inplace = name.endswith("_") and not name.startswith("_")
            if (name in MUTATORS or inplace) and _base_name(node.func.value) not in own:
                return node
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
        for target in targets:
            if isinstance(target, (ast.Subscript, ast.Attribute)) and _base_name(target) not in own:
                return node
    return None


def first_side_effect(tree: ast.AST) -> tuple[int, str] | None:
    """(line, text) of the first change to outer state inside any function of the program."""
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.Lambda)):
            hit = _side_effect(fn)
            if hit is not None:
                text = ast.unparse(hit)
                return getattr(hit, "lineno", 0), text if len(text) <= 40 else text[:39] + "…"
    return None
