"""The pieces of the compiled expressions (compiled_expressions.py) that compile no child node: the
step-and-position wrapper every compiled node without its own folds in (_positioned), constants and
names, the attribute-name and argument-form tests that decide what is compiled, and apply_binary's
first tests of two numbers (small_ints, small_power and the type pairs)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import attributes
from autogradlab.lang.operators import python_error
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


Run = Callable[[], Any]
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
# Values is_data accepts at a glance (its first test): bound to a name without the generic checks.
_PLAIN_VALUES = frozenset({torch.Tensor, int, float, bool, str, type(None)})
# apply_binary's own first test: a float result never outgrows its operands, nothing to size
_FLOAT_PAIRS = frozenset({(float, float), (float, int), (int, float)})
_INT_PAIR = (int, int)
_LINEAR_OPS = frozenset({"add", "sub", "mul"})


def small_ints(interp: Interpreter, a: int, b: int) -> bool:
    """SizeGuard._clearly_small for `+`, `-`, `*` of two ints (apply_binary's second test)."""
    return a.bit_length() + b.bit_length() < interp.limits.max_int_bits - 8


def small_power(interp: Interpreter, a: int, b: int) -> bool:
    """SizeGuard._clearly_small for `**` of two ints (apply_binary's second test)."""
    return b <= 0 or abs(a) <= 1 or b * abs(a).bit_length() < interp.limits.max_int_bits - 8


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
        return interp.lookup(name, False)   # `cat += 1`: a read, no callee (lang/bare_names.py)
    return work
