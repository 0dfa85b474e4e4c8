"""`layer.forward(x)`, `self.step(lr)`: the usual call of a program's method, two frames shorter (issue 9,
session 42).

object_methods.call_plain hands the method to Interpreter.call_user, which takes call_positional for a
`def` given exactly its parameters by position (no yield, no `global`/`nonlocal`, no *args/**kwargs or
keyword-only parameters). run_plain does what call_plain does (the frame for `super()`, given back
after) and calls call_positional itself for that case; anything else (keywords, another number of
arguments, ...) takes call_plain. The program is entered from outside (hooks, custom backwards) only
through interp.call_user / call_value, which gradcheck_time may replace to refuse it; this runs inside
the program only, from its compiled call sites (compiled_module_calls, compiled_expressions).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang import user_functions
from autogradlab.lang.object_methods import call_plain
from autogradlab.lang.plain_classes import ProgramObject
from autogradlab.lang.safe_values import UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

RUN_PLAIN = True   # tests compare with it off (then call_plain, as before)


def run_plain(interp: Interpreter, fn: UserFunction, owner: Any, base: ProgramObject, args: list,
              node: ast.AST) -> Any:
    """call_plain(interp, fn, owner, base, args, {}, node) (see the module's docstring)."""
    if not (RUN_PLAIN and user_functions.POSITIONAL and fn.star is None and fn.declared is None
            and not fn.generator and type(fn.body) is list and len(args) + 1 == len(fn.params)):
        return call_plain(interp, fn, owner, base, args, {}, node)
    frames = interp.method_frames
    frames.append((interp._depth + 1, owner, base))   # call_plain's, for the method's `super()`
    try:
        return user_functions.call_positional(interp, fn, [base, *args], node)
    finally:
        frames.pop()
