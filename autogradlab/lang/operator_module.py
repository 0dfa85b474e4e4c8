"""Python's `operator` module as lessons use it (`reduce(operator.mul, shape)`, fast.ai's notebooks import
it): each function is the interpreter's own operator, `operator.add(a, b)` being `a + b` through
apply_binary (the same size checks, op records and error texts), `operator.neg(x)` `-x`, `operator.lt`
`a < b`, `operator.not_(x)` `not x`; `operator.itemgetter(i)` (item_getter.py). attrgetter and the rest
are not offered.
"""

from __future__ import annotations

import ast
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.item_getter import ATTRGETTER, ITEMGETTER
from autogradlab.lang.operators import BINARY, COMPARE, UNARY
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

from autogradlab.lang.operator_names import _BINARY, _COMPARE, _UNARY, OPERATOR_NAMES  # noqa: F401


def _two(name: str, args: list, kwargs: dict) -> list:
    if kwargs:
        raise ProgramTypeError(f"_operator.{name}() takes no keyword arguments")
    if len(args) != 2:
        raise ProgramTypeError(f"{name} expected 2 arguments, got {len(args)}")
    return args


def _binary(name: str, op: str, fn: Any) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        left, right = _two(name, args, kwargs)
        return interp.apply_binary(op, fn, left, right, node)
    return SafeFunction(f"operator.{name}", impl)


def _one(name: str, args: list, kwargs: dict) -> Any:
    if kwargs:
        raise ProgramTypeError(f"_operator.{name}() takes no keyword arguments")
    if len(args) != 1:   # CPython's METH_O text
        raise ProgramTypeError(f"_operator.{name}() takes exactly one argument ({len(args)} given)")
    return args[0]


def _unary(name: str, op: str, fn: Any) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        value = _one(name, args, kwargs)
        return interp.apply_unary(op, fn, value, node)
    return SafeFunction(f"operator.{name}", impl)


def _truth(name: str, negate: bool) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
        value = _one(name, args, kwargs)
        return interp.truth(value, node) != negate
    return SafeFunction(f"operator.{name}", impl)


def operator_namespace() -> Namespace:
    members: dict[str, Any] = {}
    for name, kind in _BINARY.items():
        op, fn, _, _ = BINARY[kind]
        members[name] = _binary(name, op, fn)
    for name, kind in _COMPARE.items():
        op, fn = COMPARE[kind]
        members[name] = _binary(name, op, fn)
    for name, kind in _UNARY.items():
        op, fn = UNARY[kind]
        members[name] = _unary(name, op, fn)
    members["not_"], members["truth"] = _truth("not_", True), _truth("truth", False)
    members["itemgetter"] = ITEMGETTER   # `key=itemgetter(1)` (item_getter.py)
    members["attrgetter"] = ATTRGETTER   # `key=attrgetter('x')` (item_getter.py)
    assert set(members) == set(OPERATOR_NAMES) and all(hasattr(operator, n) for n in members)
    return Namespace("operator", members)
