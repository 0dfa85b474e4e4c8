"""`obj.m(...)`, `Name.m(...)`, `super().m(...)` of the program's own classes, looked up before the
arguments run (issue 9, session 41; split out of plain_classes.py).

CPython evaluates `a.f(args)` as: `a`, then the attribute `a.f` (LOAD_ATTR: a missing name raises
AttributeError, a property runs its getter, `__getattr__` runs), then the arguments, then the call.
So `a.nothing(print('x'))` prints nothing, and `a.f(change())` calls the `f` that was there before
change() rebound it. bind() does the lookup half and returns the call half as a function of the
arguments; call_method is the two at once (the callers that have their arguments already).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import (
    CLASS,
    METHOD,
    PROPERTY,
    ProgramClass,
    ProgramObject,
    SuperProxy,
    _check_name,
    _lookup,
    _no_attribute,
    _self_of,
    attribute_allowed,
    call_function,
    class_of,
    read_attribute,
)
from autogradlab.lang.safe_values import UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Call = Callable[[list, dict], Any]


def plain_method(base: Any, name: str) -> tuple[Any, Any] | None:
    """The usual `self.forward(x)`: (the function, its class) when `name` is a plain method of the
    object's class and not one of its own attributes; None for every other way (bind's)."""
    if type(base) is ProgramObject and name not in base.values and not name.startswith("__"):
        found = base.cls.find(name)
        if found is not None and found[1] == METHOD and type(found[2]) is UserFunction:
            return found[2], found[0]
    return None


def call_plain(interp: Interpreter, fn: UserFunction, owner: Any, base: ProgramObject, args: list,
               kwargs: dict, node: ast.AST) -> Any:
    """plain_method's function called with `base` first; `super()` inside it sees `owner`."""
    frames = interp.method_frames   # (call_function's, for the method's `super()`)
    frames.append((interp._depth + 1, owner, base))
    try:
        return interp.call_user(fn, [base, *args], dict(kwargs) if kwargs else {}, node)
    finally:
        frames.pop()


def call_method(interp: Interpreter, base: Any, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
    """The lookup and the call at once (the arguments were evaluated by a caller that could not look
    the method up first: a builtin, `str.upper(s)`, ...)."""
    plain = plain_method(base, name)
    if plain is not None:
        return call_plain(interp, plain[0], plain[1], base, args, kwargs, node)
    return bind(interp, base, name, node)(args, kwargs)


def bind(interp: Interpreter, base: Any, name: str, node: ast.AST) -> Call:
    """The lookup of `base.name` for a call (its errors, a property's getter, `__getattr__`, the
    instance's own attribute: all now), and the call as a function of the arguments."""
    plain = plain_method(base, name)
    if plain is not None:
        fn, owner = plain
        return lambda args, kwargs: call_plain(interp, fn, owner, base, args, kwargs, node)
    if not attribute_allowed(base, name):
        _check_name(name)
    found = _lookup(base, name)
    me = _self_of(base)
    if isinstance(me, ProgramObject) and name in me.values and not isinstance(base, SuperProxy):
        value = me.values[name]
        return lambda args, kwargs: interp.call_value(value, args, kwargs, node)
    if found is None and isinstance(base, SuperProxy) and base.owner.exception is not None:
        from autogradlab.lang.exception_objects import base_method  # BaseException's own methods
        return lambda args, kwargs: base_method(interp, base, name, args, kwargs)
    if found is None and isinstance(me, ProgramObject) and me is base and not name.startswith("__"):
        value = read_attribute(interp, base, name)   # __getattr__, or Python's AttributeError
        return lambda args, kwargs: interp.call_value(value, args, kwargs, node)
    if found is None and name == "mro" and type(base) is ProgramClass:   # C.mro() (class_introspection)
        value = read_attribute(interp, base, name)
        return lambda args, kwargs: interp.call_value(value, args, kwargs, node)
    if found is None:
        if name == "__init__" and isinstance(base, SuperProxy):   # object.__init__
            return _object_init
        raise _no_attribute(base, name)
    owner, kind, value = found
    if kind == METHOD and isinstance(me, ProgramObject):
        return lambda args, kwargs: call_function(interp, value, [me, *args], kwargs, node, owner)
    if kind == CLASS:
        cls = class_of(me)
        return lambda args, kwargs: call_function(interp, value, [cls, *args], kwargs, node, owner)
    if kind == PROPERTY and isinstance(me, ProgramObject):
        from autogradlab.lang.attribute_returns import call_for_attribute
        got = call_for_attribute(interp, lambda: call_function(interp, value, [me], {}, node))
        return lambda args, kwargs: interp.call_value(got, args, kwargs, node)
    if kind == PROPERTY:
        raise NotSupported(f"calling the property `{name}` of the class `{owner.name}` is not "
                           "supported in Autograd Lab")
    if kind == METHOD:   # `Base.method(self, ...)`: super() inside it sees Base
        return lambda args, kwargs: call_function(interp, value, args, kwargs, node, owner) if args \
            else interp.call_value(value, args, kwargs, node)
    return lambda args, kwargs: interp.call_value(value, args, kwargs, node)   # a static method


def _object_init(args: list, kwargs: dict) -> None:
    if args or kwargs:
        raise python_error(TypeError("object.__init__() takes exactly one argument (the instance to "
                                     "initialize)"))
