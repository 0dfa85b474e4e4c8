"""functools.partial(f, *args, **kw): the call of the partial is `f(*args, *more, **kw, **more_kw)`
made through Interpreter.call_value, so every check of a direct call applies (a user function's
scope and budgets, a torch function's keyword policy and size checks). The partial is a function
value like the program's own `def`s: it may be named, stored, printed and handed to map(), jacobian()
or the torch.func transforms (lang/func_transforms.py), never to a library call."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.safe_values import FunctionValue, SafeFunction, SafeType, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

CALLABLE_VALUES = (UserFunction, SafeFunction, SafeType)


class PartialFunction(FunctionValue):
    """A partial of a program function, a library function or another partial."""

    def __init__(self, func: Any, args: tuple, keywords: dict) -> None:
        if isinstance(func, PartialFunction):   # Python flattens a partial of a partial
            args, keywords = func.args + args, {**func.keywords, **keywords}
            func = func.func
        self.func, self.args, self.keywords = func, args, keywords
        super().__init__("functools.partial", self._call)

    def _call(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        return interp.call_value(self.func, [*self.args, *args], {**self.keywords, **kwargs}, node)

    def weighed_parts(self) -> list:
        """What its text shows (lang/text_weight.py weighs it before print() makes the text)."""
        return [*self.args, *self.keywords.values()]

    def __repr__(self) -> str:
        from autogradlab.engine.values import safe_repr

        parts = [safe_repr(self.func), *(safe_repr(a) for a in self.args),
                 *(f"{k}={safe_repr(v)}" for k, v in self.keywords.items())]
        return f"functools.partial({', '.join(parts)})"


def make_partial(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> PartialFunction:
    """functools.partial(func, /, *args, **keywords), with Python's refusals."""
    from autogradlab.lang.operators import python_error

    if not args:
        raise python_error(TypeError("type 'partial' takes at least one argument"))
    func = args[0]
    if not isinstance(func, CALLABLE_VALUES):
        raise python_error(TypeError("the first argument must be callable"))
    if isinstance(func, PartialFunction):   # flattened: a partial of a partial copies all the arguments
        # (functools.partial(g, i) 20,000 times in a loop: 2e8 references, 968 MB, with no size check)
        interp.sizes.charge_sequence(len(func.args) + len(args) - 1 + len(func.keywords) + len(kwargs),
                                     "the arguments of functools.partial")
    return PartialFunction(func, tuple(args[1:]), dict(kwargs))
