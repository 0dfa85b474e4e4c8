"""Python forms that the generic eval still walked node by node, compiled like the rest (issue 9, session 43):
`a if c else b`, `x and y` / `x or y`, comparisons beyond one plain operator (`v not in visited`,
`x is None`, `0 < x < 1`), and a single-underscore name read or called on a value (`out._backward()`,
`v._prev`: micrograd's Value). micrograd's engine took 127k generic evals a run, ~35 % of its time.

Each closure does what Interpreter.eval does for its node (compiled_basics._positioned: one step, the
same budget and time check, the node's position on errors), and inside it what the node's handler does
(expressions._ifexp, _boolop, _attribute, _call; operators.compare with compare_one per link), its
operands through compile_expression (each doing what eval of it does). A private name keeps its
refusal: attribute_allowed, else check_attribute_name, after the base is read, as the handler does.
A dunder (`__x`) stays with the generic eval. Each form has its switch (tests compare them off).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang import attributes, method_binding
from autogradlab.lang.calls import require_data
from autogradlab.lang.compiled_basics import Run, _plain_arguments, _positioned, _public
from autogradlab.lang.operators import COMPARE
from autogradlab.lang.plain_classes import ProgramObject, attribute_allowed
from autogradlab.lang.plain_classes import read_attribute as object_read

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

IF_EXPRESSIONS = True    # `a if c else b`
BOOL_OPERATORS = True    # `x and y`, `x or y`
COMPARE_CHAINS = True    # `in`, `not in`, `is`, `is not`, and chains of any operators
PRIVATE_NAMES = True     # `v._prev`, `v._backward()` (one leading underscore)


def compiled_form(interp: Interpreter, node: ast.expr) -> Run | None:
    """The node's closure, or None: the generic eval (compiled_expressions.compile_expression)."""
    from autogradlab.lang.compiled_expressions import compile_expression  # (it imports this module)
    kind = type(node)
    if kind is ast.IfExp and IF_EXPRESSIONS:
        work = _if_expression(interp, node, compile_expression)
    elif kind is ast.BoolOp and BOOL_OPERATORS:
        work = _bool_operator(interp, node, compile_expression)
    elif kind is ast.Compare and COMPARE_CHAINS:
        work = _comparison(interp, node, compile_expression)
    elif kind is ast.Attribute and PRIVATE_NAMES and _private(node.attr):
        work = _private_read(interp, node, compile_expression)
    elif kind is ast.Call and PRIVATE_NAMES and type(node.func) is ast.Attribute \
            and _private(node.func.attr) and _plain_arguments(node):
        work = _private_call(interp, node, compile_expression)
    else:
        return None
    return _positioned(interp, node, work)


def _private(attr: str) -> bool:
    """`_prev`: refused by check_attribute_name unless the base allows it; never a dunder."""
    return not attr.startswith("__") and not _public(attr)


def _if_expression(interp: Interpreter, node: ast.IfExp, compile_expression: Any) -> Run:
    test_of, body_of, orelse_of = (compile_expression(interp, part)
                                   for part in (node.test, node.body, node.orelse))

    def work() -> Any:   # expressions._ifexp
        return body_of() if interp.truth(test_of(), node) else orelse_of()
    return work


def _bool_operator(interp: Interpreter, node: ast.BoolOp, compile_expression: Any) -> Run:
    is_and = isinstance(node.op, ast.And)
    operands = [compile_expression(interp, operand) for operand in node.values]

    def work() -> Any:   # expressions._boolop
        value: Any = None
        for operand in operands:
            value = operand()
            if type(value) is not ProgramObject:   # `node or Node()`: its own truth (object_protocols)
                value = require_data(value, "in `and`/`or`")
            if interp.truth(value, node) != is_and:
                return value
        return value
    return work


def _comparison(interp: Interpreter, node: ast.Compare, compile_expression: Any) -> Run:
    left_of = compile_expression(interp, node.left)
    last = len(node.ops) - 1
    links = [(*COMPARE[type(op)], compile_expression(interp, right), k == last)
             for k, (op, right) in enumerate(zip(node.ops, node.comparators, strict=True))]

    def work() -> Any:   # operators.compare
        left = left_of()
        result: Any = True
        for name, fn, right_of, final in links:
            right = right_of()
            result = interp.compare_one(name, fn, left, right, node)
            if not final and not interp.truth(result, node):
                return result
            left = right
        return result
    return work


def _private_read(interp: Interpreter, node: ast.Attribute, compile_expression: Any) -> Run:
    base_of, attr = compile_expression(interp, node.value), node.attr
    read = attributes.read_attribute

    def work() -> Any:   # expressions._attribute
        base = base_of()
        if type(base) is ProgramObject:   # allowed (not a dunder); read_attribute's first way
            return object_read(interp, base, attr)
        if not attribute_allowed(base, attr):
            attributes.check_attribute_name(attr)
        return read(interp, base, attr, node)
    return work


def _private_call(interp: Interpreter, node: ast.Call, compile_expression: Any) -> Run:
    base_of, attr = compile_expression(interp, node.func.value), node.func.attr
    args_of = [compile_expression(interp, arg) for arg in node.args]
    keywords_of = [(keyword.arg, compile_expression(interp, keyword.value)) for keyword in node.keywords]
    bind = method_binding.bind

    def work() -> Any:   # expressions._call of `base._name(...)`
        base = base_of()
        if not attribute_allowed(base, attr):
            attributes.check_attribute_name(attr)
        call = bind(interp, base, attr, node)   # looked up first, as in Python
        args = [arg() for arg in args_of]
        # (a plain call's keywords are distinct: a repeated one is refused by the parse, as by CPython)
        return call(args, {key: value_of() for key, value_of in keywords_of})
    return work
