"""`layer.forward(x)`, `loss(a, b)`: a call site's own closure for a program's `def` given exactly its
parameters by position (issue 9, session 44).

user_functions.call_positional does this call's work for any site: it reads the call-depth limit, the
hooks' way of telling parameters (getattr on the bound on_assign, then its quiet kinds) and the body's
compiled statements (the run's table, by the body's id) at every call; method_runs.run_plain adds a
frame between a method's site and it. Session 43 measured ~2.6 us a method call here against ~0.1 us
in CPython, call_positional's own work ~1.8 us of it.

A site made here (one per call site, per run: the site belongs to the compiled closures of one
Interpreter) does call_positional's work in the same order with the same checks (each argument; the
call depth against max_call_depth; Python's own stack from _DEEP_CALLS levels on; for a method, the
frame `super()` reads, pushed first as run_plain pushes it), the same scope and hooks, the same body,
and keeps what does not change between two calls of the site:
- the function's shape (no yield, no `global`/`nonlocal`, no *args/**kwargs/keyword-only parameters,
  a `def` body) and its compiled body, for each of the last MAX_FUNCTIONS functions it called (a
  UserFunction's body and shape never change; another function, or the same one redefined, is looked
  at first);
- the hooks' way of telling parameters, for the hooks object the interpreter holds now (the Jacobian's
  passes put another one in and back: looked at again when it is another object).
A function of another shape, or another number of arguments, goes where it went before (call_plain for
a method, Interpreter.call_value for a function), as do all calls with the switch off.
"""

from __future__ import annotations

import ast
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang import method_runs, user_functions
from autogradlab.lang.attribute_returns import returned_value
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import NOT_TAKEN, RETURNABLE, ProgramObject
from autogradlab.lang.safe_values import ATOM_TYPES
from autogradlab.lang.scope import Scope
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import UserFunction

SITES = True   # tests compare with it off (then run_plain / call_positional, as before)
MAX_FUNCTIONS = 8   # functions a site keeps what it knows of
FINAL_INLINE = True   # a body's last `return` run by the site itself (tests compare with it off)

_depth_limit, _too_deep = user_functions._depth_limit, user_functions._too_deep
_PASSABLE = user_functions._PASSABLE
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)


def parameter_hooks(hooks: Any) -> tuple[Any, Any, Any]:
    """(for_parameters, its recorder, its quiet kinds) of the hooks' on_assign as call_positional reads
    them (engine/name_hooks.py: the Recorder's on_parameters; a value of a quiet kind bound in a function,
    with no op output waiting for its name, needs only the recorder's last_line), Nones for other hooks."""
    on_assign = hooks.on_assign
    at_once = getattr(on_assign, "for_parameters", None) if user_functions.PARAMETERS_AT_ONCE else None
    recorder = quiet = None
    if at_once is not None:
        recorder = on_assign.__self__
        try:
            quiet = at_once.quiet_kinds if user_functions.QUIET_PARAMETERS else None
        except AttributeError:
            quiet = None
    return at_once, recorder, quiet


DEFAULTS = True   # `Value(x)` of `def __init__(self, data, _children=(), _op='')`: its defaults filled here
# (session 45; call_user's way before, as with the switch off)


def _takes(fn: UserFunction, count: int) -> bool:
    """call_positional's shape (call_user's test): a `def` of exactly `count` plain parameters, or (DEFAULTS)
    of `count` and some of its defaults (call_user's binding: the given ones, then the rest's defaults)."""
    if not (user_functions.POSITIONAL and fn.star is None and fn.declared is None and not fn.generator
            and type(fn.body) is list):
        return False
    total = len(fn.params)
    return total == count or (DEFAULTS and count < total <= count + len(fn.defaults))


def positional_site(interp: Interpreter, node: ast.AST) -> Callable[..., Any]:
    """site(fn, args, owner, base): call_positional(interp, fn, args, node) when fn takes exactly
    len(args) by position (for a method, args[0] is base and the frame (depth, owner, base) is kept
    for `super()` as run_plain keeps it); None when it does not (the caller takes its usual way)."""
    limit = interp.limits.max_call_depth
    frames, board = interp.method_frames, interp.board
    try:
        line = node.lineno
    except AttributeError:
        line = None
    # the functions called here (a site of `layer.forward(x)` calls each layer class's): id(fn) -> [its
    # argument count, its statements, its final return, a weak reference to fn] (the body compiled at its
    # first call, where call_positional compiles it); at most MAX_FUNCTIONS (a lambda made anew each pass
    # is a new function each call). Weak: a function the program let go (and what its closure holds, a
    # tensor the Recorder names while it lives) goes when it would have gone.
    known: dict = {}
    # the hooks the last call told: (hooks, on_assign, for_parameters or None, its recorder, quiet kinds)
    told: list = [None, None, None, None, None]

    def body_of(fn: UserFunction, entry: list) -> tuple[list, Any]:
        body = fn.body
        compiled = interp._function_bodies.get(id(body))   # call_positional's way to the body
        if compiled is None or compiled[0] is not body:
            statements, final = interp.function_body(body)
        else:
            statements, final = compiled[1], compiled[2]
        entry[1], entry[2] = statements, final
        entry[4] = getattr(final, "parts", None) if FINAL_INLINE else None
        return statements, final

    def hooks_of(hooks: Any) -> None:
        told[0], told[1] = hooks, hooks.on_assign
        told[2], told[3], told[4] = parameter_hooks(hooks)

    def site(fn: UserFunction, args: list, owner: Any, base: Any) -> Any:
        entry = known.get(id(fn))
        if entry is None or entry[0] != len(args) or entry[3]() is not fn:
            if not (SITES and user_functions.INLINE_BODY and _takes(fn, len(args))
                    and (base is None or method_runs.RUN_PLAIN)):   # (a switch off: its way as before)
                return NOT_TAKEN
            if len(known) >= MAX_FUNCTIONS:
                known.clear()
            entry = known[id(fn)] = [len(args), None, None, weakref.ref(fn), None]
        if base is not None:
            frames.append((interp._depth + 1, owner, base))
        try:
            for value in args:
                kind = type(value)
                if kind not in ATOM_TYPES and kind is not ProgramObject and not isinstance(value, _PASSABLE):
                    require_storable(value, f"as an argument of {fn.name}")
            missing = len(fn.params) - len(args)
            if missing:   # call_user's binding: the last `missing` parameters take their defaults (unchecked)
                args = [*args, *fn.defaults[len(fn.defaults) - missing:]]
            depth = interp._depth
            if depth >= limit:
                raise _depth_limit(limit)
            if depth >= user_functions._DEEP_CALLS and _too_deep():
                raise python_error(RecursionError())
            outer = interp.scope
            scope = interp.scope = Scope(fn.closure, fn.name)
            interp._depth = depth + 1
            try:
                hooks = interp.hooks
                if hooks is not told[0]:
                    hooks_of(hooks)
                params, at_once = fn.params, told[2]
                if at_once is not None:
                    scope_vars = scope.vars
                    for param, value in zip(params, args):  # noqa: B905 - as many (_takes)
                        scope_vars[param] = value
                    recorder, quiet = told[3], told[4]
                    if quiet is not None and not recorder._unnamed_outputs:
                        for value in args:
                            if type(value) not in quiet:
                                at_once(recorder, params, args, node, fn.name)
                                break
                        else:
                            if line:
                                recorder.last_line = line
                    else:
                        at_once(recorder, params, args, node, fn.name)
                else:
                    scope_vars, on_assign, name = scope.vars, told[1], fn.name
                    for param, value in zip(params, args):  # noqa: B905
                        scope_vars[param] = value
                        on_assign(param, value, node, name)
                statements, final = entry[1], entry[2]
                if statements is None:   # compiled where call_positional compiles it
                    statements, final = body_of(fn, entry)
                try:
                    for statement in statements:
                        statement()
                    if final is None:
                        return None
                    parts = entry[4]
                    if parts is None:
                        return final()
                    # user_functions.final_return's run, inline (`return x + self.b`: one Python call less)
                    value_of, final_line, final_column, spot = parts
                    board[0] = spot
                    interp._steps += 1
                    if interp._steps > interp._max_steps or interp._steps % 32 == 0:
                        interp._steps -= 1
                        interp._tick()
                    try:
                        if interp.scope.function_name is None:
                            raise NotSupported("`return` outside a function")
                        value = None if value_of is None else value_of()
                        return value if type(value) in ATOM_TYPES or isinstance(value, RETURNABLE) \
                            else returned_value(interp, value)
                    except ProgramError as err:
                        raise err.at(final_line, final_column) from None
                    except _CONTROL:
                        raise
                    except Exception as exc:  # noqa: BLE001
                        raise python_error(exc).at(final_line, final_column) from None
                except ReturnValue as returned:
                    return returned.value
            finally:
                interp._depth -= 1
                interp.scope = outer
        finally:
            if base is not None:
                frames.pop()
    return site

