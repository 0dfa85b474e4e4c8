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
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import allowlist as al
from autogradlab.lang import attributes, compiled_blocks
from autogradlab.lang.calls import call_method as call_tensor_method
from autogradlab.lang.calls import require_data
from autogradlab.lang.operators import BINARY, COMPARE, UNARY, python_error
from autogradlab.lang.safe_values import is_data
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
_PLAIN_COMPARE = frozenset({"eq", "ne", "lt", "le", "gt", "ge"})
# Values is_data accepts at a glance (its first test): bound to a name without the generic checks.
_PLAIN_VALUES = frozenset({torch.Tensor, int, float, bool, str, type(None)})


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


def _positioned(interp: Interpreter, node: ast.AST, work: Run) -> Run:
    line, column = node.lineno, node.col_offset + 1

    def run() -> Any:
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            return work()
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


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

    def work() -> None:
        value = value_of()
        current = interp.lookup(target.id)
        bind(interp.apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name))
    return work


def _if(interp: Interpreter, node: ast.If) -> Run:
    test_of, test = compile_expression(interp, node.test), node.test
    body, orelse = compile_block(interp, node.body), compile_block(interp, node.orelse)

    def work() -> None:
        for statement in (body if interp.truth(test_of(), test) else orelse):
            statement()
    return work


def _for(interp: Interpreter, node: ast.For) -> Run:
    iter_of, iter_node = compile_expression(interp, node.iter), node.iter
    body, orelse = compile_block(interp, node.body), compile_block(interp, node.orelse)
    bind = _name_binder(interp, node.target, node)

    def work() -> None:
        iterable = require_data(iter_of(), "in a for loop")
        for item in interp.iterate(iterable, iter_node):
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
        while interp.truth(test_of(), test):
            interp.charge_loop_iterations(1, "a while loop")
            if not _iteration(body):
                return
        for statement in orelse:
            statement()
    return work


# -- expressions --------------------------------------------------------------------------------
def compile_expression(interp: Interpreter, node: ast.expr) -> Run:
    kind = type(node)
    if kind is ast.Constant and not isinstance(node.value, bytes):
        return _constant(interp, node.value)
    if kind is ast.Name and not node.id.startswith("__"):
        return _positioned(interp, node, _name(interp, node.id))
    if kind is ast.BinOp and type(node.op) in BINARY:
        work = _binop(interp, node)
    elif kind is ast.Compare and len(node.ops) == 1 and type(node.ops[0]) in COMPARE \
            and COMPARE[type(node.ops[0])][0] in _PLAIN_COMPARE:
        work = _compare(interp, node)
    elif kind is ast.UnaryOp and (type(node.op) in UNARY or type(node.op) is ast.Not):
        work = _unaryop(interp, node)
    elif kind is ast.Attribute and _public(node.attr):
        work = _attribute(interp, node)
    elif kind is ast.Call and _plain_arguments(node) and (
            not isinstance(node.func, ast.Attribute) or _public(node.func.attr)):
        work = _call(interp, node)
    elif kind is ast.Subscript:
        work = _subscript(interp, node)
    elif kind in (ast.ListComp, ast.GeneratorExp) and \
            (work := compiled_blocks.list_comprehension(interp, node)) is not None:
        pass
    else:
        return lambda: interp.eval(node)
    return _positioned(interp, node, work)


def _public(attr: str) -> bool:
    """check_attribute_name would accept it (a refused name keeps the generic path's order)."""
    try:
        attributes.check_attribute_name(attr)
    except ProgramError:
        return False
    return True


def _plain_arguments(node: ast.Call) -> bool:
    return not any(isinstance(arg, ast.Starred) for arg in node.args) \
        and all(keyword.arg is not None for keyword in node.keywords)


def _constant(interp: Interpreter, value: Any) -> Run:
    def run() -> Any:
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        return value
    return run


def _name(interp: Interpreter, name: str) -> Run:
    def work() -> Any:
        scope = interp.scope   # Interpreter.lookup for a name that is not a dunder
        while scope is not None:
            values = scope.vars
            if name in values:
                return values[name]
            scope = scope.parent
        return interp.lookup(name)
    return work


def _binop(interp: Interpreter, node: ast.BinOp) -> Run:
    left_of, right_of = compile_expression(interp, node.left), compile_expression(interp, node.right)
    name, fn, _, _ = BINARY[type(node.op)]
    apply_binary = interp.apply_binary
    return lambda: apply_binary(name, fn, left_of(), right_of(), node)


def _compare(interp: Interpreter, node: ast.Compare) -> Run:
    left_of = compile_expression(interp, node.left)
    right_of = compile_expression(interp, node.comparators[0])
    name, fn = COMPARE[type(node.ops[0])]
    apply_binary = interp.apply_binary
    return lambda: apply_binary(name, fn, left_of(), right_of(), node)


def _unaryop(interp: Interpreter, node: ast.UnaryOp) -> Run:
    operand_of = compile_expression(interp, node.operand)
    if type(node.op) is ast.Not:
        return lambda: not interp.truth(operand_of(), node)
    name, fn = UNARY[type(node.op)]
    return lambda: interp.apply_unary(name, fn, operand_of(), node)


def _attribute(interp: Interpreter, node: ast.Attribute) -> Run:
    base_of, attr = compile_expression(interp, node.value), node.attr
    return lambda: attributes.read_attribute(interp, base_of(), attr, node)


def _call(interp: Interpreter, node: ast.Call) -> Run:
    args_of = [compile_expression(interp, arg) for arg in node.args]
    keywords_of = [(keyword.arg, compile_expression(interp, keyword.value)) for keyword in node.keywords]
    func = node.func
    if isinstance(func, ast.Attribute):
        base_of, attr = compile_expression(interp, func.value), func.attr
        spec = al.TENSOR_METHODS.get(attr)   # the call site's method, if its base is a tensor

        def method() -> Any:
            base = base_of()
            args = [arg() for arg in args_of]
            kwargs = {key: value() for key, value in keywords_of}
            if spec is not None and isinstance(base, torch.Tensor):
                return call_tensor_method(interp, base, attr, spec, args, kwargs, node)
            return attributes.call_method(interp, base, attr, args, kwargs, node)
        return method
    callee_of = compile_expression(interp, func)

    def function() -> Any:
        callee = callee_of()
        args = [arg() for arg in args_of]
        kwargs = {key: value() for key, value in keywords_of}
        return interp.call_value(callee, args, kwargs, node)
    return function


def _index(interp: Interpreter, node: ast.expr) -> Run:
    """Interpreter.index_value: a tuple's items one by one (the tuple itself takes no step)."""
    if isinstance(node, ast.Tuple):
        items = [_index(interp, item) for item in node.elts]
        return lambda: tuple(item() for item in items)
    value_of = compile_expression(interp, node)
    return lambda: require_data(value_of(), "as an index")


def _subscript(interp: Interpreter, node: ast.Subscript) -> Run:
    base_of, index_of = compile_expression(interp, node.value), _index(interp, node.slice)

    def work() -> Any:
        base = require_data(base_of(), "before `[...]`")
        return attributes.get_item(interp, base, index_of(), node)
    return work
