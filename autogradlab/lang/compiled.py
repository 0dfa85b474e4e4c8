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
Expressions live in compiled_expressions.py, `with` blocks and comprehensions in compiled_blocks.py.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.lang import compiled_blocks
from autogradlab.lang.calls import require_data
from autogradlab.lang.compiled_expressions import (  # noqa: F401 - compile_expression is used by others
    _FLOAT_PAIRS,
    _INT_PAIR,
    _LINEAR_OPS,
    _PLAIN_VALUES,
    Run,
    _name,
    _positioned,
    compile_expression,
    small_ints,
)
from autogradlab.lang.operators import BINARY
from autogradlab.lang.safe_values import is_data
from autogradlab.lang.statements import BreakLoop, ContinueLoop

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter



def compile_block(interp: Interpreter, body: list[ast.stmt]) -> list[Run]:
    return [compile_statement(interp, statement) for statement in body]


def _step(interp: Interpreter) -> None:
    """Interpreter.eval/exec's step count, for closures that cannot inline it."""
    interp._steps += 1
    if interp._steps > interp._max_steps or interp._steps % 32 == 0:
        interp._steps -= 1
        interp._tick()


# -- statements ---------------------------------------------------------------------------------
def compile_statement(interp: Interpreter, node: ast.stmt) -> Run:
    kind = type(node)
    if kind is ast.Expr:
        work = _expr_statement(interp, node)
    elif kind is ast.Assign:
        work = _assign(interp, node)
    elif kind is ast.AugAssign and isinstance(node.target, ast.Name) and type(node.op) in BINARY:
        work = _augassign(interp, node)
    elif kind is ast.If:
        work = _if(interp, node)
    elif kind is ast.For:
        work = _for(interp, node)
    elif kind is ast.While:
        work = _while(interp, node)
    elif kind is ast.With and (work := compiled_blocks.with_statement(interp, node)) is not None:
        pass
    else:
        return lambda: interp.exec(node)
    return _positioned(interp, node, work)


def _expr_statement(interp: Interpreter, node: ast.Expr) -> Run:
    value_of = compile_expression(interp, node.value)
    if id(node) not in interp.top_level:
        return value_of

    def work() -> None:
        value = value_of()
        if value is not None and is_data(value):
            interp.hooks.on_display(value, node)
    return work


def _name_binder(interp: Interpreter, target: ast.expr, node: ast.stmt) -> Callable[[Any], None]:
    """Interpreter.assign(target, value, node): a plain name bound to a plain value (a tensor, a
    number, a string) inline; every other target or value through assign itself."""
    assign = interp.assign
    if not isinstance(target, ast.Name) or target.id.startswith("__"):
        return lambda value: assign(target, value, node)
    name = target.id

    def bind(value: Any) -> None:
        if type(value) not in _PLAIN_VALUES:
            assign(target, value, node)
            return
        scope = interp.scope
        scope.vars[name] = value
        if scope.parent is None:
            interp._assigned.setdefault(name, None)
        interp.hooks.on_assign(name, value, node, scope.function_name)
    return bind


def _assign(interp: Interpreter, node: ast.Assign) -> Run:
    value_of = compile_expression(interp, node.value)
    if len(node.targets) == 1:
        bind = _name_binder(interp, node.targets[0], node)
        return lambda: bind(value_of())
    targets = node.targets
    assign = interp.assign

    def work() -> None:
        value = value_of()
        for target in targets:
            assign(target, value, node)
    return work


def _augassign(interp: Interpreter, node: ast.AugAssign) -> Run:
    name, _, inplace_fn, inplace_name = BINARY[type(node.op)]
    target = node.target
    value_of = compile_expression(interp, node.value)

    bind = _name_binder(interp, target, node)
    current_of = _name(interp, target.id)   # Interpreter.lookup (no step, as in the generic path)
    linear = name in _LINEAR_OPS
    apply_binary = interp.apply_binary

    def work() -> None:
        value = value_of()
        current = current_of()
        kinds = (type(current), type(value))   # apply_binary's first tests, inline
        if kinds in _FLOAT_PAIRS or (linear and kinds == _INT_PAIR and small_ints(interp, current, value)):
            bind(inplace_fn(current, value))
            return
        bind(apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name))
    return work


def _if(interp: Interpreter, node: ast.If) -> Run:
    test_of, test = compile_expression(interp, node.test), node.test
    body, orelse = compile_block(interp, node.body), compile_block(interp, node.orelse)

    def work() -> None:
        value = test_of()   # truth() of a bool is the bool itself
        for statement in (body if (value if type(value) is bool else interp.truth(value, test)) else orelse):
            statement()
    return work


def _for(interp: Interpreter, node: ast.For) -> Run:
    iter_of, iter_node = compile_expression(interp, node.iter), node.iter
    body, orelse = compile_block(interp, node.body), compile_block(interp, node.orelse)
    bind = _name_binder(interp, node.target, node)

    def work() -> None:
        iterable = require_data(iter_of(), "in a for loop")
        limit = interp.limits.max_loop_iterations
        for item in interp.iterate(iterable, iter_node):
            interp._iterations += 1   # charge_loop_iterations inline; it raises the limit's error
            if interp._iterations > limit:
                interp._iterations -= 1
                interp.charge_loop_iterations(1, "a for loop")
            bind(item)
            if not _iteration(body):
                return
        for statement in orelse:
            statement()
    return work


def _iteration(body: list[Run]) -> bool:
    """One pass of a loop body; False when it ended with `break` (`continue` just ends the pass)."""
    try:
        for statement in body:
            statement()
    except BreakLoop:
        return False
    except ContinueLoop:
        pass
    return True


def _while(interp: Interpreter, node: ast.While) -> Run:
    """StatementsMixin._while: the test through the checked truth(), every iteration charged."""
    test_of, test = compile_expression(interp, node.test), node.test
    body, orelse = compile_block(interp, node.body), compile_block(interp, node.orelse)

    def work() -> None:
        while True:
            value = test_of()   # truth() of a bool is the bool itself
            if not (value if type(value) is bool else interp.truth(value, test)):
                break
            interp.charge_loop_iterations(1, "a while loop")
            if not _iteration(body):
                return
        for statement in orelse:
            statement()
    return work
