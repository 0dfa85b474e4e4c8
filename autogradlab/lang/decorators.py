"""Decorators the program writes itself (issue 9, session 27): `@timer` over a `def`, where `timer` is a
function of the program that returns a wrapper, and `functools.wraps(fn)` inside it.

`@d` over `def f` is `f = d(f)`, nothing more: as in CPython the decorator expressions are evaluated
first (top to bottom), then the function is made and the decorators are applied bottom-up, each through
Interpreter.call_value, the path of any call in the program. So a decorator of the program runs under
its limits (steps, max_call_depth, time), and a library function used as a decorator receives the
function only where it may receive one anyway (`@torch.func.grad`, `@functools.partial(...)`); any other
library call refuses it as an argument (lang/calls.py require_data), as `torch.sin(f)` is refused. A
grad-mode decorator (`@torch.no_grad()`) is the innermost one or alone (lang/grad_decorators.py): the
body runs inside its `with`; elsewhere it is refused with its name, as outside a `def` today.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.grad_decorators import body_under_grad_mode, grad_mode_call
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import FunctionValue, SafeFunction, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def decorated_function(interp: Interpreter, node: ast.FunctionDef) -> Any:
    """The value `def` binds under decorators other than one grad-mode or @contextmanager alone."""
    decorators = node.decorator_list
    grad_mode = grad_mode_call(decorators[-1]) is not None   # `@timer` over `@torch.no_grad()`
    applied = decorators[:-1] if grad_mode else decorators
    for decorator in applied:
        if grad_mode_call(decorator) is not None:   # over a wrapper: no def's body to put in a `with`
            refused = NotSupported(f"`@{ast.unparse(decorator)}` above another decorator is not supported in "
                                   "Autograd Lab", hint=_GRAD_MODE_HINT)
            raise refused.at(decorator.lineno, decorator.col_offset + 1)
    values = [_at(decorator, interp.eval, decorator) for decorator in applied]
    body = body_under_grad_mode(interp, node, decorators[-1]) if grad_mode else node.body
    value: Any = interp.make_function(node.name, node.args, body, node)
    for decorator, decorate in zip(reversed(applied), reversed(values), strict=True):
        value = _at(decorator, interp.call_value, decorate, [value], {}, decorator)
    return value


_GRAD_MODE_HINT = "put it right above the def, as its innermost decorator"


def _at(decorator: ast.expr, call: Any, *args: Any) -> Any:
    """Python's line for a failing decorator is the decorator's (an error inside its body keeps its own)."""
    try:
        return call(*args)
    except ProgramError as err:
        raise err.at(decorator.lineno, decorator.col_offset) from None


_WRAPS_FORM = ("`functools.wraps` with `assigned`, `updated` or more than one function is not supported in "
               "Autograd Lab")
_WRAPS_HINT = "write `@functools.wraps(fn)` over the def of the wrapper"


class WrapsDecorator(FunctionValue):
    """functools.wraps(fn): applied to a wrapper of the program, it gives the wrapper fn's name in its
    text (`<function add>`), as CPython copies __qualname__; the wrapper itself is returned, as CPython's."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped
        super().__init__("functools.wraps", self._apply)

    def _apply(self, interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if not args and not kwargs:
            raise python_error(TypeError("update_wrapper() missing 1 required positional argument: "
                                         "'wrapper'"))
        if kwargs or len(args) != 1:
            raise NotSupported(_WRAPS_FORM, hint=_WRAPS_HINT)
        wrapper = args[0]
        if type(wrapper) is not UserFunction:
            raise NotSupported("`functools.wraps(fn)` on anything but a `def` or lambda of your program is "
                               "not supported in Autograd Lab", hint=_WRAPS_HINT)
        shown = wrapped_name(self.wrapped)
        if shown is not None:
            wrapper.shown_name = shown
        if type(self.wrapped) is UserFunction:   # CPython copies __doc__ now (function_names.doc_of)
            from autogradlab.lang.function_names import doc_of
            wrapper.doc_copy = (doc_of(self.wrapped),)
        wrapper.wraps = self.wrapped   # (CPython's __wrapped__: help() shows its signature and doc)
        return wrapper

    def __repr__(self) -> str:
        from autogradlab.engine.values import safe_repr
        return (f"functools.partial(<function update_wrapper>, wrapped={safe_repr(self.wrapped)}, "
                "assigned=('__module__', '__name__', '__qualname__', '__doc__', '__annotations__'), "
                "updated=('__dict__',))")


def wrapped_name(wrapped: Any) -> str | None:
    """The __qualname__ functools.wraps copies: a program function's, a library function's short name, a
    bound method's `A.m`; None where CPython finds none (a partial) and leaves the wrapper's own."""
    from autogradlab.lang.function_text import function_qualname
    if type(wrapped) is UserFunction:
        return function_qualname(wrapped)
    if type(wrapped).__name__ == "BoundMethod":
        return wrapped.qualname.partition(" of ")[0]
    if type(wrapped) is SafeFunction:
        return wrapped.qualname.rsplit(".", 1)[-1]
    return None


def make_wraps(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> WrapsDecorator:
    """functools.wraps(wrapped): `assigned=` and `updated=` name attributes the program cannot read."""
    if not args and not kwargs:
        raise python_error(TypeError("wraps() missing 1 required positional argument: 'wrapped'"))
    if kwargs or len(args) != 1:
        raise NotSupported(_WRAPS_FORM, hint=_WRAPS_HINT)
    if not isinstance(args[0], UserFunction | SafeFunction):   # a value the decorator would hold and show
        raise NotSupported("`functools.wraps(...)` of anything but a function is not supported in "
                           "Autograd Lab", hint=_WRAPS_HINT)
    return WrapsDecorator(args[0])
