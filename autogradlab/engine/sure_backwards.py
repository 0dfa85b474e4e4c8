"""How many backward() calls every pass of a loop surely makes (issue 9: hook only the kept ones).

grads.py keeps the gradients of the last KEPT_BACKWARDS backward calls only; a backward call that
surely has that many after it in the same loop is let go before the report is built,
so its gradient hooks can be left out (skim.py). "Surely" is read from the loop's body, never from
the passes seen so far (a `if epoch < 3: loss.backward()` runs fewer later): a `.backward(...)` call
standing as a statement of its own directly in the body runs in every pass of a loop that runs to
its end (lang/loop_skim.py: no break, return, yield or try), unless a `continue` of this loop can
skip it. Nested statements (if, with, inner loops) are not counted. A program that names anything
`backward` itself (a def, a parameter, an assigned attribute or name, a keyword argument) has no
sure calls: its `.backward()` might be its own function.
"""

from __future__ import annotations

import ast

from autogradlab.lang.ast_walk import statement_fields, walk

_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def defines_backward(tree: ast.AST) -> bool:
    """Whether the program gives the name `backward` a meaning of its own anywhere."""
    for node in walk(tree):
        if isinstance(node, _DEFS) and node.name == "backward":
            return True
        if isinstance(node, ast.Attribute) and node.attr == "backward" and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, ast.Name) and node.id == "backward" and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, ast.arg) and node.arg == "backward":
            return True
        if isinstance(node, ast.keyword) and node.arg == "backward":
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name).split(".")[-1] == "backward":
            return True
    return False


def sure_backwards(body: list[ast.stmt]) -> int:
    """The `.backward(...)` statements directly in `body` (0 when a `continue` may skip them)."""
    if _continues(body):
        return 0
    count = 0
    for statement in body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            func = statement.value.func
            if isinstance(func, ast.Attribute) and func.attr == "backward":
                count += 1
    return count


def _continues(body: list[ast.stmt]) -> bool:
    """Whether a `continue` of the loop whose body this is can run. A `continue` is a statement, and
    statements sit only in the statement lists of compound statements (ast_walk.statement_fields),
    never inside an expression: only those lists are walked (sure_backwards and steady_lines ask it of
    every loop a run starts; all of its nodes through ast.iter_child_nodes cost ~0.7 us each)."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED_SCOPES):
            continue
        if isinstance(node, ast.Continue):
            return True
        if isinstance(node, _LOOPS):   # an inner loop's continue is its own; its else is ours
            stack.extend(node.orelse)
            continue
        for name in statement_fields(node):
            stack.extend(getattr(node, name, None) or ())
    return False
