"""The program's own functions (`def`, `lambda`) for the Interpreter: made and called.

A function is interpreted here like the rest of the program: its arguments must be data (or the
program's own functions), its parameters are bound like Python binds them, each call gets its own
scope and counts against max_call_depth, and its body runs through the same compiled closures.
"""

from __future__ import annotations

import ast
import sys
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramTypeError
from autogradlab.lang.annotation_names import read_annotation_names
from autogradlab.lang.attribute_returns import returned_value
from autogradlab.lang.compiled import compile_block, compile_expression
from autogradlab.lang.custom_functions import ProgramContext
from autogradlab.lang.declarations import declarations_of, function_scope
from autogradlab.lang.generators import ProgramGenerator, has_yield
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.operators import python_error
from autogradlab.lang.parameters import (
    bind_star,
    default_value,
    missing_positional,
    star_parameters,
    too_many_positional,
)
from autogradlab.lang.plain_classes import RETURNABLE, STORABLE, ProgramObject
from autogradlab.lang.safe_values import (
    ATOM_TYPES,
    STORED_OBJECT_TYPES,
    SafeFunction,
    UserFunction,
    note_stored_object,
)
from autogradlab.lang.scope import Scope, outside_class
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue
from autogradlab.lang.stored_objects import require_storable
from autogradlab.lang.unbound import closure_for
from autogradlab.sandbox_position import pack

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# What a program may hand to its own functions besides data (d2l's numerical_lim(f, x, h)): both are
# interpreted here, so nothing escapes the engine.
_PASSABLE = (UserFunction, ProgramGenerator, SequenceIterator, ProgramContext, *STORABLE)
_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)
# From this many nested calls on, a call first makes sure Python's own stack has room for the call
# and for the error's way out (_STACK_MARGIN frames): deep recursion (through Function.apply each
# level takes ~16 frames) then stops as a limit at the call, not wherever Python's RecursionError hit.
# 200: a custom backward that calls torch.func.grad again runs >120 of PyTorch's frames between two
# calls of the program's, so a margin of 100 let Python's error hit first, at a line that depended on
# how deep the stack already was (tests/unit/test_breakout_func_s25.py, any starting depth 0-390).
_DEEP_CALLS = 8
POSITIONAL = True   # call_positional (tests compare with it off)
PARAMETERS_AT_ONCE = True   # call_positional tells the hooks all parameters in one call (tests compare)
_STACK_MARGIN = 200
QUIET_PARAMETERS = True   # call_positional sets the Recorder's last_line itself for parameters with no tensor
INLINE_BODY = True   # call_positional runs the body itself, not through run_def (tests compare with it off)



class UserFunctionsMixin:
    def make_function(self: Interpreter, name: str, args: ast.arguments, body: Any,
                      node: ast.AST) -> UserFunction:
        params = [a.arg for a in args.posonlyargs + args.args]
        defaults = [value if isinstance(value, UserFunction) or type(value) is SafeFunction   # f=np.square
                    else default_value(value)   # data or an object of the program's classes
                    for value in (self.eval(d) for d in args.defaults)] if args.defaults else []
        if type(node) is ast.FunctionDef:   # `def P(event: Event)`: Python reads Event here
            read_annotation_names(self, node)
        facts = self.function_facts.get(id(node))   # a `def` inside a method runs once per call (micrograd's
        if facts is None or facts[0] is not body:   # _backward): its body is walked once per run
            facts = (body, isinstance(body, list) and has_yield(body),
                     declarations_of(body) if isinstance(body, list) else None)
            self.function_facts[id(node)] = facts
        generator, declared = facts[1], facts[2]
        starred = args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs
        star = star_parameters(self, args) if starred else None
        closure = closure_for(self, node) if isinstance(body, list) else \
            outside_class(self.scope)   # lang/unbound.py; a lambda of a class body skips the class
        return UserFunction(name, params, defaults, body, closure, node, generator, star, declared)

    def call_user(self: Interpreter, fn: UserFunction, args: list, kwargs: dict, node: ast.AST) -> Any:
        if POSITIONAL and not kwargs and fn.star is None and fn.declared is None and not fn.generator \
                and type(fn.body) is list and len(args) == len(fn.params):
            return call_positional(self, fn, args, node)   # the usual call (issue 9): the way below, shorter
        for values in (args, kwargs.values()) if kwargs else (args,):
            for value in values:
                # a number, a tensor, a numpy scalar (the common arguments) pass as require_storable
                # would pass them, without its call (issue 9: a method call in a loop)
                if type(value) not in ATOM_TYPES and not isinstance(value, _PASSABLE):
                    require_storable(value, f"as an argument of {fn.name}")
        if not kwargs and fn.star is None and len(args) == len(fn.params):   # all given by position
            bound = dict(zip(fn.params, args, strict=True))
        elif fn.star is not None:   # *args, **kwargs, keyword-only parameters
            if any(type(v) in STORED_OBJECT_TYPES for v in (*args, *kwargs.values())):
                note_stored_object()   # `*args` holds them in a tuple
            bound = bind_star(self, fn, args, kwargs)
        elif len(args) > len(fn.params) and fn.defaults:   # "takes from 1 to 2 ...": CPython's text
            raise too_many_positional(fn, len(args), 0)
        elif len(args) > len(fn.params):
            raise ProgramTypeError(f"{fn.qualname}() takes {len(fn.params)} positional argument"
                                   f"{'' if len(fn.params) == 1 else 's'} but {len(args)} "
                                   f"{'was' if len(args) == 1 else 'were'} given")   # Python's words
        else:
            bound = dict(zip(fn.params, args, strict=False))
            first_default = len(fn.params) - len(fn.defaults)
            for word in kwargs:   # CPython reads each keyword in order (its name, then a second value)
                if word not in fn.params:   # before any missing argument
                    raise ProgramTypeError(f"{fn.qualname}() got an unexpected keyword argument '{word}'")
                if word in bound:
                    raise ProgramTypeError(f"{fn.qualname}() got multiple values for argument '{word}'")
            for position, param in enumerate(fn.params):
                if param in kwargs:
                    bound[param] = kwargs.pop(param)
                elif param not in bound:
                    if position < first_default:   # CPython names every missing one
                        raise missing_positional(fn, [p for p in fn.params[position:first_default]
                                                      if p not in bound and p not in kwargs])
                    bound[param] = fn.defaults[position - first_default]
        if fn.generator:   # the body runs at next() (lang/generators.py)
            if fn.managed:   # @contextmanager: its generator, entered by `with` (lang/context_managers.py)
                from autogradlab.lang.context_managers import GeneratorManager
                return GeneratorManager(ProgramGenerator(self, fn, bound, node))
            return ProgramGenerator(self, fn, bound, node)
        if self._depth >= self.limits.max_call_depth:
            raise _depth_limit(self.limits.max_call_depth)
        if self._depth >= _DEEP_CALLS and _too_deep():
            raise python_error(RecursionError())   # the text of any other RecursionError of a program
        outer = self.scope
        self.scope = Scope(fn.closure, fn.name) if fn.declared is None else function_scope(self, fn)
        self._depth += 1
        try:
            scope_vars, on_assign, name = self.scope.vars, self.hooks.on_assign, fn.name
            for param, value in bound.items():
                scope_vars[param] = value   # (Scope.set, or DeclaredVars' item assignment)
                on_assign(param, value, node, name)
            if isinstance(fn.body, list):
                return run_def(self, fn.body)
            value = self.eval_compiled(fn.body)
            return value if type(value) in ATOM_TYPES or isinstance(value, RETURNABLE) \
                else returned_value(self, value)
        finally:
            self._depth -= 1
            self.scope = outer

    def function_body(self: Interpreter, body: list[ast.stmt]) -> tuple[list, Any]:
        """A def's body compiled once per run: its statements and, when the last one is a `return`,
        that return as a closure that gives the value back (final_return) instead of raising
        ReturnValue through the block (an exception costs more than the rest of a small call)."""
        compiled = self._function_bodies.get(id(body))
        if compiled is None or compiled[0] is not body:
            last = body[-1] if body else None
            if isinstance(last, ast.Return):
                compiled = (body, compile_block(self, body[:-1]), final_return(self, last))
            else:
                compiled = (body, compile_block(self, body), None)
            self._function_bodies[id(body)] = compiled
        return compiled[1], compiled[2]


def call_positional(interp: Interpreter, fn: UserFunction, args: list, node: ast.AST) -> Any:
    """call_user of a `def` (no yield, no `global`/`nonlocal`, no *args/**kwargs/keyword-only
    parameters) given exactly its parameters by position: the same checks in the same order (each
    argument, the call depth, Python's stack), the same scope and hooks, with fewer steps of Python."""
    for value in args:
        kind = type(value)
        if kind not in ATOM_TYPES and kind is not ProgramObject and not isinstance(value, _PASSABLE):
            require_storable(value, f"as an argument of {fn.name}")
    depth = interp._depth
    if depth >= interp.limits.max_call_depth:
        raise _depth_limit(interp.limits.max_call_depth)
    if depth >= _DEEP_CALLS and _too_deep():
        raise python_error(RecursionError())   # the text of any other RecursionError of a program
    outer = interp.scope
    scope = interp.scope = Scope(fn.closure, fn.name)
    interp._depth = depth + 1
    try:
        scope_vars, on_assign, params = scope.vars, interp.hooks.on_assign, fn.params
        at_once = getattr(on_assign, "for_parameters", None) if PARAMETERS_AT_ONCE else None
        if at_once is not None:   # the Recorder's (engine/name_hooks.py), which reads no scope
            for param, value in zip(params, args):  # noqa: B905 - as many (call_user's test); strict= costs 0.3 us
                scope_vars[param] = value
            hooks = on_assign.__self__
            try:   # (name_hooks.py; an attribute read, not getattr's call)
                quiet = at_once.quiet_kinds if QUIET_PARAMETERS else None
            except AttributeError:   # a replaced for_parameters
                quiet = None
            if quiet is not None and not hooks._unnamed_outputs:   # on_parameters' work for no tensor bound
                for value in args:
                    if type(value) not in quiet:
                        at_once(hooks, params, args, node, fn.name)
                        break
                else:
                    try:
                        line = node.lineno
                    except AttributeError:
                        line = None
                    if line:
                        hooks.last_line = line
            else:
                at_once(hooks, params, args, node, fn.name)
        else:
            for param, value in zip(params, args):  # noqa: B905
                scope_vars[param] = value
                on_assign(param, value, node, fn.name)
        if not INLINE_BODY:
            return run_def(interp, fn.body)
        body = fn.body   # run_def, inline (session 42: one frame less a call)
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
        interp._depth -= 1   # (as call_user: a generator's resumer may have set it meanwhile)
        interp.scope = outer


def run_def(interp: Interpreter, body: list[ast.stmt]) -> Any:
    """A def's body in the call's scope: its statements (function_body), its value."""
    compiled = interp._function_bodies.get(id(body))   # function_body, inline
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


def _depth_limit(limit: int) -> LimitExceeded:
    return LimitExceeded(f"functions called each other more than {limit} levels deep; the limit is {limit}",
                         hint="limit max_call_depth")


def final_return(interp: Interpreter, node: ast.Return) -> Any:
    """The last statement of a def when it is a `return`: what compiled_statements.return_statement
    under positioned_statement does (the step, the position, the same checks and error positions),
    returning the value."""
    value_of = None if node.value is None else compile_expression(interp, node.value)
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)

    def run() -> Any:
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
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    run.parts = (value_of, line, column, spot)   # positional_sites runs it inline (FINAL_INLINE)
    return run


def _too_deep() -> bool:
    """Whether the stack (this function's frame and all below it) holds more than
    sys.getrecursionlimit() - _STACK_MARGIN frames: sys._getframe(k) walks k frames in C and raises
    ValueError when there are not that many below. (Counting every frame in Python, 30-40 ns a frame,
    cost a recursive program a walk of the whole stack at every call below _DEEP_CALLS levels: ~4 % of
    a micrograd-style lesson, whose topological sort recurses; issue 9.)"""
    try:
        sys._getframe(sys.getrecursionlimit() - _STACK_MARGIN)
    except ValueError:
        return False
    return True
