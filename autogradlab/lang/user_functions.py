"""The program's own functions (`def`, `lambda`) for the Interpreter: made and called.

A function is interpreted here like the rest of the program: its arguments must be data (or the
program's own functions), its parameters are bound like Python binds them, each call gets its own
scope and counts against max_call_depth, and its body runs through the same compiled closures.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.calls import require_data
from autogradlab.lang.custom_functions import ProgramContext
from autogradlab.lang.declarations import declarations_of, function_scope
from autogradlab.lang.generators import ProgramGenerator, SequenceIterator, has_yield
from autogradlab.lang.parameters import bind_star, star_parameters, too_many_positional
from autogradlab.lang.safe_values import UserFunction
from autogradlab.lang.scope import Scope
from autogradlab.lang.statements import ReturnValue

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class UserFunctionsMixin:
    def make_function(self: Interpreter, name: str, args: ast.arguments, body: Any,
                      node: ast.AST) -> UserFunction:
        if args.posonlyargs:
            raise NotSupported("positional-only parameters (before `/`) are not supported in Autograd Lab")
        params = [a.arg for a in args.posonlyargs + args.args]
        defaults = [value if isinstance(value, UserFunction) else require_data(value, "as a default value")
                    for value in (self.eval(d) for d in args.defaults)]
        generator = isinstance(body, list) and has_yield(body)
        star = star_parameters(self, args) if args.vararg or args.kwarg or args.kwonlyargs else None
        declared = declarations_of(body) if isinstance(body, list) else None
        return UserFunction(name, params, defaults, body, self.scope, node, generator, star, declared)

    def call_user(self: Interpreter, fn: UserFunction, args: list, kwargs: dict, node: ast.AST) -> Any:
        for value in list(args) + list(kwargs.values()):
            # The program's own functions may be handed to its own functions (d2l's
            # numerical_lim(f, x, h)): both are interpreted here, so nothing escapes the engine.
            if not isinstance(value, UserFunction | ProgramGenerator | SequenceIterator | ProgramContext):
                require_data(value, f"as an argument of {fn.name}")
        if fn.star is not None:   # *args, **kwargs, keyword-only parameters
            bound = bind_star(self, fn, args, kwargs)
        elif len(args) > len(fn.params) and fn.defaults:   # "takes from 1 to 2 ...": CPython's text
            raise too_many_positional(fn, len(args), 0)
        elif len(args) > len(fn.params):
            raise ProgramTypeError(f"{fn.name}() takes {len(fn.params)} positional argument"
                                   f"{'' if len(fn.params) == 1 else 's'} but {len(args)} "
                                   f"{'was' if len(args) == 1 else 'were'} given")   # Python's words
        else:
            bound = dict(zip(fn.params, args, strict=False))
            first_default = len(fn.params) - len(fn.defaults)
            for position, param in enumerate(fn.params):
                if param in kwargs:
                    if param in bound:
                        raise ProgramTypeError(f"{fn.name}() got multiple values for argument '{param}'")
                    bound[param] = kwargs.pop(param)
                elif param not in bound:
                    if position < first_default:
                        raise ProgramTypeError(f"{fn.name}() missing required argument: '{param}'")
                    bound[param] = fn.defaults[position - first_default]
            if kwargs:
                word = next(iter(kwargs))
                raise ProgramTypeError(f"{fn.name}() got an unexpected keyword argument '{word}'")
        if fn.generator:   # the body runs at next() (lang/generators.py)
            return ProgramGenerator(self, fn, bound, node)
        if self._depth >= self.limits.max_call_depth:
            raise LimitExceeded(f"functions called each other more than {self.limits.max_call_depth} "
                                f"levels deep; the limit is {self.limits.max_call_depth}",
                                hint="limit max_call_depth")
        outer = self.scope
        self.scope = Scope(fn.closure, fn.name) if fn.declared is None else function_scope(self, fn)
        self._depth += 1
        try:
            for param, value in bound.items():
                self.scope.set(param, value)
                self.hooks.on_assign(param, value, node, fn.name)
            if isinstance(fn.body, list):
                try:
                    self.exec_block(fn.body)
                except ReturnValue as returned:
                    return returned.value
                return None
            return require_data(self.eval_compiled(fn.body), "as a return value")
        finally:
            self._depth -= 1
            self.scope = outer
