"""`vars(obj)` of an object of the program's classes (ThinkPython ch. 14 shows `vars(start)` of a Time;
session 43): its attributes as a dict, in the order they were set, as Python's `obj.__dict__` lists them.
The dict is a copy (Python gives the live `__dict__`: writing into it would set attributes here too, which
the engine's object does not offer); an object whose class declares `__slots__` has no `__dict__`: Python's
TypeError. `vars()` (the scope) and `vars` of anything else stay refused by name, as before."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramObject
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


VARS_ONLY = "`vars` is supported in Autograd Lab only as `vars(obj)` of an object of your own class"
_NO_DICT = (bool, int, float, complex, str, list, tuple, dict, type(None))


def vars_builtin(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        raise python_error(TypeError("vars() takes no keyword arguments"))
    if len(args) > 1:
        raise python_error(TypeError(f"vars expected at most 1 argument, got {len(args)}"))
    if args and type(args[0]) in _NO_DICT:   # vars(5): Python's TypeError
        raise python_error(TypeError("vars() argument must have __dict__ attribute"))
    if args and type(args[0]) is not ProgramObject:   # vars(C) of a class (session 44)
        from autogradlab.lang.class_introspection import class_vars
        view = class_vars(args[0])
        if view is not None:
            return view
    if not args or type(args[0]) is not ProgramObject:
        raise NotSupported(VARS_ONLY)
    obj = args[0]
    if obj.cls.slots is not None:
        raise python_error(TypeError("vars() argument must have __dict__ attribute"))
    # the copy counted as dict(...) and d.copy() count theirs (red team s44: 200k vars() of a 100-attribute
    # object held ~240 MB that no limit saw)
    interp.sizes.charge_sequence(len(obj.values), "the copy of the attributes")
    return dict(obj.values)


VARS = SafeFunction("vars", vars_builtin)
