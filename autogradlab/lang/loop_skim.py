"""Telling the hooks how many iterations a loop still has (issue 9: skimming long loops).

The engine keeps only the last ops of a run and the gradients of its last backward calls; in a loop
of 2,000 iterations it built the records of the first ~1,970 and threw them away. A loop that knows
how many passes it has left says so before each pass (ProgramHooks.on_loop), so the engine can
count the middle passes instead of recording them. A loop says so when it runs to its end unless
it is left early: its body has no `yield` or `await` (a generator's loop may never be resumed). A
`break`, a `return` or an error caught outside (a `try`) that leaves it early after it skimmed
passes marks it cut (skim.on_loop_end), and the run is run again without skimming
(skim_rerun.stopped_in_skim), as for an error that stops the program there: session 32, issue 9
(Deep Learning with PyTorch's 5,000-epoch loop, `if not torch.isfinite(loss).all(): break`, was
recorded op by op, 20x plain PyTorch, and so was every loop of a program with a `try` anywhere).
Decided once per loop node.
"""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.lang.ast_walk import child_nodes, statement_fields

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_LEAVES = (ast.Return, ast.Yield, ast.YieldFrom, ast.Await)


def _leaves_early(statements: list[ast.AST], in_inner_loop: bool) -> bool:
    """Whether a `break` of this loop, a `return` or a `yield` can run in `statements` (the rule
    before session 32; with EARLY_EXITS only a `yield` or an `await` counts: _suspends)."""
    stack = [(statement, in_inner_loop) for statement in statements]
    kinds = _kinds
    while stack:
        node, inner = stack.pop()
        kind = type(node)
        what = kinds.get(kind)
        if what is None:
            what = kinds[kind] = _kind_of(kind)
        if what == _SCOPE:
            continue   # a def in the body: its own return/break do not end this loop
        if what == _LEAVES_NOW or (what == _BREAK and not inner):
            return True
        if what == _LOOP:   # the inner loop's else runs in this loop: its break is ours
            stack.extend((child, inner) for child in node.orelse)
            stack.extend((child, True) for child in node.body)
            stack.append((node.iter if issubclass(kind, (ast.For, ast.AsyncFor)) else node.test, inner))
            continue
        stack.extend((child, inner) for child in child_nodes(node))
    return False


_OTHER, _SCOPE, _LEAVES_NOW, _BREAK, _LOOP = range(5)
_kinds: dict[type, int] = {}   # node type -> its part in _leaves_early (isinstance, asked once per type)


def _kind_of(kind: type) -> int:
    if issubclass(kind, _NESTED_SCOPES):
        return _SCOPE
    if issubclass(kind, _LEAVES):
        return _LEAVES_NOW
    if issubclass(kind, ast.Break):
        return _BREAK
    return _LOOP if issubclass(kind, _LOOPS) else _OTHER


_TRIES = (ast.Try, getattr(ast, "TryStar", ast.Try))


def has_try_statement(tree: ast.Module) -> bool:
    """Whether the program has a `try` anywhere (as any(isinstance(n, Try) for n in ast.walk(tree))).
    A `try` is a statement, and statements sit only in the statement lists of the module and of
    compound statements (their body, orelse, finalbody, except handlers' and match cases' bodies),
    never inside an expression: only those lists are walked (~200 times faster than ast.walk)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, _TRIES):
            return True
        for name in statement_fields(node):
            stack.extend(getattr(node, name, None) or ())
    return False


# What runs_to_end reads of the text, once per parsed tree: whether the program has a `try`, and per
# loop node whether its body can leave it early. Pure functions of the nodes, and nobody writes to a
# parsed tree (engine/parsed_programs.py): a process that runs the same text again reads them
# (issue 9: ~0.05-0.1 ms of a short loop's in-process run); kept weakly, they go with the tree.
_HAS_TRY: weakref.WeakKeyDictionary[ast.AST, bool] = weakref.WeakKeyDictionary()
_LEAVES_EARLY: weakref.WeakKeyDictionary[ast.AST, bool] = weakref.WeakKeyDictionary()


EARLY_EXITS = True   # a loop with a break/return, or in a program with a `try`, says its passes too
                     # (module doc; tests compare reports with it off)
_SUSPENDS: weakref.WeakKeyDictionary[ast.AST, bool] = weakref.WeakKeyDictionary()


def _suspends(statements: list[ast.AST]) -> bool:
    """Whether a `yield` or an `await` can run in `statements` (not in a def or class inside them)."""
    stack = list(statements)
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED_SCOPES):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Await)):
            return True
        stack.extend(child_nodes(node))
    return False


def runs_to_end(interp: Interpreter, node: ast.For) -> bool:
    """Whether this loop, once started, runs every pass unless it is left early (EARLY_EXITS: a left
    loop is cut, module doc) or the run itself stops (cached)."""
    if EARLY_EXITS:
        suspends = _SUSPENDS.get(node)
        if suspends is None:
            suspends = _SUSPENDS[node] = _suspends(node.body)
        return not suspends
    tree = interp.tree
    has_try = _HAS_TRY.get(tree)
    if has_try is None:
        has_try = _HAS_TRY[tree] = has_try_statement(tree)
    if has_try:
        return False
    leaves = _LEAVES_EARLY.get(node)
    if leaves is None:
        leaves = _LEAVES_EARLY[node] = _leaves_early(node.body, False)
    return not leaves


def loop_hooks(interp: Interpreter, node: ast.For, count: int | None) -> Any:
    """The hooks to tell about this loop's passes (on_loop_start(node) already called), or None
    when the count is unknown, the hooks do not take it (the Steps page's, a Jacobian's) or the
    loop may end early. The caller calls on_loop(node, passes left after this one) before each
    pass and on_loop_end(node) when the loop is over (normally or not)."""
    if count is None:
        return None
    hooks = interp.hooks
    if getattr(hooks, "on_loop", None) is None or not runs_to_end(interp, node):
        return None
    hooks.on_loop_start(node)
    return hooks


def known_length(value: Any) -> int | None:
    """How many passes `for _ in value` makes, when nothing the body does can change it."""
    kind = type(value)
    try:
        if kind is range or kind is tuple or kind is str or kind is torch.Size:
            return len(value)
        if isinstance(value, torch.Tensor) and value.dim() > 0:
            return int(value.shape[0])
    except (OverflowError, TypeError):
        return None
    return None
