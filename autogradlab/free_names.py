"""Expression mode: is the program one bare expression with free names (`sin(x) * exp(y)`)?

A pure function of the text (no torch), so the Steps page can offer a value input per free name
before anything runs. Names a program may use without defining them are not free: torch function
names (`sin`, `dot`), Python builtins, and the usual module names (`torch`, `np`, `math`, `F`),
which expression mode binds as the matching import would.
"""

from __future__ import annotations

import ast
import builtins

from autogradlab.errors import ProgramError
from autogradlab.lang.allowlist import TORCH_FUNCTIONS
from autogradlab.lang.parse import parse_program

# Module names an expression may use without an import line -> the namespace the import binds.
MODULE_NAMES = {"torch": "torch", "np": "numpy", "numpy": "numpy", "math": "math",
                "F": "torch.nn.functional"}
_BUILTIN_NAMES = frozenset(dir(builtins))


def free_names(source: str) -> tuple[str, ...]:
    """The free names of a program that is one expression statement, in order of first use;
    () for anything else (a full program, a syntax error, an expression without free names)."""
    try:
        tree = parse_program(source)
    except ProgramError:
        return ()
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return ()
    bound: set[str] = set()
    names: dict[str, None] = {}
    for node in ast.walk(tree.body[0]):
        if isinstance(node, (ast.Lambda, ast.comprehension)):
            targets = node.args.args if isinstance(node, ast.Lambda) else []
            bound.update(a.arg for a in targets)
            if isinstance(node, ast.comprehension):
                bound.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
        elif isinstance(node, ast.NamedExpr):
            bound.add(node.target.id)
    for node in _in_source_order(tree.body[0]):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in bound:
            if node.id in TORCH_FUNCTIONS or node.id in _BUILTIN_NAMES or node.id in MODULE_NAMES:
                continue
            names.setdefault(node.id, None)
    return tuple(names)


def modules_used(source: str) -> tuple[str, ...]:
    """Module names (`torch`, `np`...) the expression uses without importing them."""
    try:
        tree = parse_program(source)
    except ProgramError:
        return ()
    used = (n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in MODULE_NAMES)
    return tuple(dict.fromkeys(used))


def _in_source_order(root: ast.AST) -> list[ast.AST]:
    found = [n for n in ast.walk(root) if isinstance(n, ast.Name)]
    return sorted(found, key=lambda n: (n.lineno, n.col_offset))
