"""`layer.forward(x)`, `self.step(lr)`: the usual call of a program's method in one frame (issue 9,
session 42).

object_methods.call_plain hands the method to Interpreter.call_user, which takes call_positional for a
`def` given exactly its parameters by position, which runs the body through run_def: four frames and
their tests for every method call of a loop. run_plain does what the four do, in their order, for that
case (the frame for `super()`, each argument's check, the call depth, Python's stack, the scope, the
hooks told the parameters, the body, then the scope, depth and frame given back); anything else
(keywords, *args, a generator, `global`, another number of arguments) takes call_plain itself.
The program is entered from outside (hooks, custom backwards) only through interp.call_user /
call_value, which gradcheck_time may replace to refuse it; this runs inside the program only, from its
compiled call sites (compiled_module_calls, compiled_expressions).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang import user_functions
from autogradlab.lang.object_methods import call_plain
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramObject
from autogradlab.lang.safe_values import ATOM_TYPES, UserFunction
from autogradlab.lang.scope import Scope
from autogradlab.lang.statements import ReturnValue
from autogradlab.lang.stored_objects import require_storable
from autogradlab.lang.user_functions import _DEEP_CALLS, _PASSABLE, _depth_limit, _too_deep

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

RUN_PLAIN = True   # tests compare with it off (then call_plain, as before)


def run_plain(interp: Interpreter, fn: UserFunction, owner: Any, base: ProgramObject, args: list,
              node: ast.AST) -> Any:
    """call_plain(interp, fn, owner, base, args, {}, node), in one frame where it would take
    call_positional (see the module's docstring)."""
    if not (RUN_PLAIN and user_functions.POSITIONAL and fn.star is None and fn.declared is None
            and not fn.generator and type(fn.body) is list and len(args) + 1 == len(fn.params)):
        return call_plain(interp, fn, owner, base, args, {}, node)
    frames = interp.method_frames
    depth = interp._depth
    frames.append((depth + 1, owner, base))   # call_plain's, for the method's `super()`
    try:
        for value in args:   # call_positional's check of each argument (`base` is a ProgramObject)
            kind = type(value)
            if kind not in ATOM_TYPES and kind is not ProgramObject and not isinstance(value, _PASSABLE):
                require_storable(value, f"as an argument of {fn.name}")
        if depth >= interp.limits.max_call_depth:
            raise _depth_limit(interp.limits.max_call_depth)
        if depth >= _DEEP_CALLS and _too_deep():
            raise python_error(RecursionError())   # the text of any other RecursionError of a program
        outer = interp.scope
        scope = interp.scope = Scope(fn.closure, fn.name)
        interp._depth = depth + 1
        try:
            scope_vars, on_assign, params = scope.vars, interp.hooks.on_assign, fn.params
            values = [base, *args]
            at_once = getattr(on_assign, "for_parameters", None) \
                if user_functions.PARAMETERS_AT_ONCE else None
            if at_once is not None:   # the Recorder's (engine/name_hooks.py)
                for param, value in zip(params, values):  # noqa: B905 - as many (tested above)
                    scope_vars[param] = value
                at_once(on_assign.__self__, params, values, node, fn.name)
            else:
                for param, value in zip(params, values):  # noqa: B905
                    scope_vars[param] = value
                    on_assign(param, value, node, fn.name)
            body = fn.body   # run_def, inline
            compiled = interp._function_bodies.get(id(body))
            if compiled is None or compiled[0] is not body:
                statements, final = interp.function_body(body)
            else:
                statements, final = compiled[1], compiled[2]
            try:
                for statement in statements:
                    statement()
                return None if final is None else final()
            except ReturnValue as returned:   # a `return` inside a block (`if`, a loop)
                return returned.value
        finally:
            interp._depth -= 1   # (as call_positional)
            interp.scope = outer
    finally:
        frames.pop()
