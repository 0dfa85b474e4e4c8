"""Statements and the hottest expressions compiled once into closures (issue 9).

The tree-walking interpreter re-dispatches on the node type every time a loop body runs
(Interpreter.eval/exec: a table lookup, a bound handler, the handler reading the node's fields). Here
each node of a block becomes a closure once per run, holding its children's closures and whatever
the static code fixes (the operator function, the attribute name, the method spec of a tensor
method call, whether an expression statement is at the top level). Every closure does exactly what
eval/exec do for its node: one step (the same budget and time check, outside its own try, so a limit
error gets the enclosing node's position as before), the same calls into the checked paths
(apply_binary, call_method, read_attribute, assign, iterate, ...: size prediction, the allow-lists
and the engine's hooks are untouched), and the same error translation and positions. A node type
not listed here, or a form with a static refusal (a private attribute, `*args`, a dunder name,
a bytes literal), is left to the generic eval/exec, so every refusal stays where it was.
Statements live in compiled_statements.py, assignment targets in compiled_targets.py, expressions in
compiled_expressions.py (names and constants read by their parent: compiled_leaves.py), `with`
blocks and comprehensions in compiled_blocks.py.
"""

from __future__ import annotations

import ast
from functools import partial
from typing import TYPE_CHECKING

from autogradlab.lang import compiled_binary_assign as binary_assign
from autogradlab.lang import compiled_blocks
from autogradlab.lang import compiled_number_statements as numbers
from autogradlab.lang import compiled_statements as statements
from autogradlab.lang.class_dispatch import unpacks_objects
from autogradlab.lang.compiled_expressions import (  # noqa: F401 - used by the modules that build on this one
    _PLAIN_VALUES,
    Run,
    _positioned,
    compile_expression,
)
from autogradlab.lang.compiled_targets import positioned_name_assign

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

DEFS = True   # a `def` statement positioned here, its handler called at once (session 45; tests: off -> exec)

def compile_block(interp: Interpreter, body: list[ast.stmt]) -> list[Run]:
    return [compile_statement(interp, statement) for statement in body]


def _step(interp: Interpreter) -> None:
    """Interpreter.eval/exec's step count, for closures that cannot inline it."""
    interp._steps += 1
    if interp._steps > interp._max_steps or interp._steps % 32 == 0:
        interp._steps -= 1
        interp._tick()


def compile_statement(interp: Interpreter, node: ast.stmt) -> Run:
    kind = type(node)
    if kind is ast.Assign and unpacks_objects(interp, node):   # `a, b = A(), B()` (lang/class_dispatch.py)
        return lambda: interp.exec(node)
    if kind is ast.Assign:
        pair = statements.assign_pair(interp, node)
        if pair is not None:
            per_node = positioned_name_assign(interp, node, pair[0]) \
                or statements.positioned_pair(interp, node, *pair)
            fused = binary_assign.statement(interp, node, per_node)   # `name = a op b`
            if fused is not None and fused[1]:   # two leaves: plain numbers computed at once there too
                return fused[0]
            return numbers.assign(interp, node, per_node if fused is None else fused[0])
        work = statements.assign(interp, node)
    elif kind is ast.Expr:
        fused = statements.positioned_call_statement(interp, node)   # `layer.step(lr)`: one closure
        if fused is not None:
            return fused
        work = statements.expr_statement(interp, node)
    elif kind is ast.AugAssign and (work := statements.augassign(interp, node)) is not None:
        return numbers.augassign(interp, node, statements.positioned_statement(interp, node, work))
    elif kind is ast.If:
        work = statements.if_statement(interp, node)
        return numbers.if_statement(interp, node, statements.positioned_statement(interp, node, work))
    elif kind is ast.For:
        work = statements.for_statement(interp, node)
    elif kind is ast.While:
        work = statements.while_statement(interp, node)
    elif kind is ast.Return:
        work = statements.return_statement(interp, node)
    elif kind in statements.SIMPLE:
        work = statements.SIMPLE[kind]
    elif kind is ast.With and (work := compiled_blocks.with_statement(interp, node)) is not None:
        pass
    elif kind is ast.FunctionDef and DEFS:   # micrograd's `def _backward():` in each operator: exec's work
        work = partial(interp._statements[ast.FunctionDef], node)   # without its look-ups (session 45)
    else:
        return lambda: interp.exec(node)
    return statements.positioned_statement(interp, node, work)
