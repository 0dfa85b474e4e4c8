"""`for name in range(...)` compiled (compiled_statements.for_statement's loop for a range; issue 9).

The name is bound as compiled_targets' binder binds an int, every pass charged before its body runs
(the iteration budget, as charge_loop_iterations charges it), the hooks told each pass
(ProgramHooks.on_assign, and on_loop while they count passes: loop_skim.py). Once they stop
counting, the rest of the passes run in plain_passes: the same pass without the count, a
one-statement body called without the inner loop (issue 9: a pass of `pass` ~0.53 us, was ~0.67).
In the engine's sparse window (on_loop answered an int `until`), a pass on_loop would only count
is not told: the Recorder's own condition is read here, and quiet_passes counts the untold passes
before on_loop_end (on_loop counts them itself at its next call).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.lang.compiled_number_statements import number_hook
from autogradlab.lang.loop_skim import known_length, loop_hooks
from autogradlab.lang.statements import BreakLoop, ContinueLoop

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]
QUIET_WINDOW = True   # leave the sparse window's passes untold (hooks.on_loop; tests compare with it off)


def range_loop(interp: Interpreter, name: str, node: ast.For, numbers: range, limit: int,
               body: list[Run], orelse: list[Run]) -> None:
    """for_statement's loop for `for name in range(...)`: the name bound as compiled_targets'
    binder binds an int (the scope is the same on every pass: calls and comprehensions restore it)."""
    scope = interp.scope
    values, in_function = scope.vars, scope.function_name
    # tell(name, item, node, last): the hooks' on_assign (last: in_function), or at the top level
    # the Recorder's on_number (last: the line; its on_assign's plain-value way, issue 9)
    on_number = number_hook(interp.hooks) if in_function is None else None
    tell, last = (interp.hooks.on_assign, in_function) if on_number is None else (on_number, node.lineno)
    unlisted = scope.parent is None   # the binder's _assigned entry, made at the first binding
    told = loop_hooks(interp, node, known_length(numbers))
    on_loop, left = (told.on_loop, len(numbers)) if told is not None else (None, 0)
    quiet = 0          # on_loop's answer `until` in the engine's sparse window, else 0
    untold = False     # passes not told since the last on_loop (quiet_passes counts them)
    passes = iter(numbers)   # interp.iterate(range) is iter(range)
    try:
        for item in passes:
            interp._iterations += 1
            if interp._iterations > limit:
                interp._iterations -= 1
                interp.charge_loop_iterations(1, "a for loop")
            if on_loop is not None:
                left -= 1
                # the sparse window's pass (skim.on_loop's condition, read here: a call per pass
                # cost python_sum ~0.25 us x 2,700): on_loop would only count it
                if quiet and left >= quiet and told.skimming and not told.skim_violated and told.skim_enabled:
                    untold = True
                else:
                    answer = on_loop(node, left)
                    untold = False
                    if answer is not True:   # (True: the usual answer, nothing more to look at)
                        if not answer:
                            on_loop = None
                        quiet = answer if QUIET_WINDOW and type(answer) is int else 0
                    elif quiet:
                        quiet = 0
            values[name] = item
            if unlisted:
                interp._assigned.setdefault(name, None)
                unlisted = False
            tell(name, item, node, last)
            try:
                for statement in body:
                    statement()
            except BreakLoop:
                return
            except ContinueLoop:
                pass
            if on_loop is None:   # nothing left to tell: the rest of the passes below
                break
        else:
            passes = None
        if passes is not None and plain_passes(interp, name, node, passes, limit, body, values,
                                               tell, last):
            return   # a `break` in the plain passes: no `else`
    finally:
        if told is not None:
            if untold:
                told.quiet_passes(left)
            told.on_loop_end(node)
    for statement in orelse:
        statement()


def plain_passes(interp: Interpreter, name: str, node: ast.For, passes: Any, limit: int,
                 body: list[Run], values: dict, tell: Any, last: Any) -> bool:
    """The passes of range_loop once no hook counts them and the name is listed: the same pass
    (the iteration charged, the name bound and told, the body run), a one-statement body called
    without the inner loop. True when a `break` ended them (the loop's `else` must not run)."""
    single = body[0] if len(body) == 1 else None
    for item in passes:
        count = interp._iterations + 1
        interp._iterations = count
        if count > limit:
            interp._iterations = count - 1
            interp.charge_loop_iterations(1, "a for loop")
        values[name] = item
        tell(name, item, node, last)
        try:
            if single is not None:
                single()
            else:
                for statement in body:
                    statement()
        except BreakLoop:
            return True
        except ContinueLoop:
            pass
    return False
