"""math.prod(iterable, *, start=1) (session 38: a beginner idiom beside math.comb and math.fsum): the items
read as `list(iterable)` reads them (max_sequence_len), then multiplied one by one through the
interpreter's own `*` (interp.apply_binary): every int product checked against max_int_bits before it is
made, tensors and arrays with their size checks, each product a step of the run."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import BINARY, python_error
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _prod(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if set(kwargs) - {"start"}:
        name = next(iter(set(kwargs) - {"start"}))
        raise python_error(TypeError(f"'{name}' is an invalid keyword argument for prod()"))
    if len(args) != 1:
        raise python_error(TypeError(f"prod() takes exactly 1 positional argument ({len(args)} given)"))
    op, fn, _, _ = BINARY[ast.Mult]
    result = kwargs.get("start", 1)
    for item in interp.materialize(args[0], node):
        interp._tick()   # a step each, as `result *= item` in a loop would take
        result = interp.apply_binary(op, fn, result, item, node)
    return result


MATH_PROD = SafeFunction("math.prod", _prod)
