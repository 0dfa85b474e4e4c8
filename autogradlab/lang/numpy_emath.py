"""`np.emath` (numpy.lib.scimath): sqrt, log, log2, log10, logn, power, arccos, arcsin and arctanh whose
results turn complex where the real function has none (`np.emath.sqrt(-4)` is 2j), as NumPy's (issue 9,
session 31).

Each is NumPy's own function on the program's numbers and arrays (lists become arrays as np.array makes
them, sized first); its result is sized before NumPy makes it: one operand's size, or the broadcast of
two (logn, power), refused above max_tensor_elements and counted towards max_total_elements.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.lang.numpy_ops import _check_result, _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

ONE_OPERAND = ("sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh")
TWO_OPERANDS = {"logn": ("n", "x"), "power": ("x", "p")}


def _function(name: str) -> SafeFunction:
    real = getattr(np.emath, name)
    params = TWO_OPERANDS.get(name, ("x",))

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if set(kwargs) - set(params):
            word = next(iter(set(kwargs) - set(params)))
            raise python_error(TypeError(f"{name}() got an unexpected keyword argument '{word}'"))
        if len(args) > len(params):
            raise python_error(TypeError(f"{name}() takes {len(params)} positional argument"
                                         f"{'s' if len(params) > 1 else ''} but {len(args)} were given"))
        bound = dict(zip(params, args, strict=False))
        for word, value in kwargs.items():
            if word in bound:
                raise python_error(TypeError(f"{name}() got multiple values for argument '{word}'"))
            bound[word] = value
        missing = [p for p in params if p not in bound]
        if missing:
            raise python_error(TypeError(f"{name}() missing {len(missing)} required positional argument"
                                         f"{'s' if len(missing) > 1 else ''}: "
                                         + " and ".join(f"'{p}'" for p in missing)))
        operands = [_raw(v, f"np.emath.{name}") for v in lists_as_arrays(interp, [bound[p] for p in params])]
        if len(operands) == 1:
            charge(interp, int(np.size(operands[0])), f"np.emath.{name}")
        else:
            _check_result(interp, operands, f"np.emath.{name}")
        return _wrap(_guarded(lambda: real(*operands)))
    return SafeFunction(f"numpy.emath.{name}", impl)


def numpy_emath_members() -> dict[str, Namespace]:
    functions = {name: _function(name) for name in (*ONE_OPERAND, *TWO_OPERANDS)}
    return {"emath": Namespace("numpy.emath", functions)}
