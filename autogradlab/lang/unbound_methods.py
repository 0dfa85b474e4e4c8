"""Methods read without a call, as lessons hand them to sorted(), max() or map():
`sorted(words, key=str.lower)` (a string method read from the type), `max(d, key=d.get)` (a dict's
own get) and `dict.fromkeys(xs)`. Each is a library function like `len` (callable, and handed to
allowlisted higher-order functions, never stored: not data); calling it calls the method through
attributes.call_method / lang/dicts.py, every check and limit included."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.safe_values import SafeFunction, SafeType, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def string_method(base: Any, name: str) -> SafeFunction | None:
    """`str.name` as a function, or None when `base` is not the type str or the method is unknown."""
    from autogradlab.lang.attributes import PLAIN_METHODS
    if not (isinstance(base, SafeType) and base.py_type is str) or name.startswith("_"):
        return None
    if (str, name) not in PLAIN_METHODS and name != "format":
        return None

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.attributes import call_method
        if not args:
            raise ProgramTypeError(f"unbound method str.{name}() needs an argument")   # CPython's words
        if not isinstance(args[0], str):
            raise ProgramTypeError(f"descriptor '{name}' for 'str' objects doesn't apply to a "
                                   f"'{type_text(args[0])}' object")
        return call_method(interp, args[0], name, list(args[1:]), kwargs, node)
    return SafeFunction(f"str.{name}", impl)


def dict_get(base: Any, name: str) -> SafeFunction | None:
    """`d.get` of a dict of the program, bound to it (`max(d, key=d.get)`), or None."""
    if type(base) is not dict or name != "get":
        return None

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang.attributes import call_method
        return call_method(interp, base, "get", list(args), kwargs, node)
    return SafeFunction("dict.get", impl)


def dict_fromkeys(base: Any, name: str) -> SafeFunction | None:
    """`dict.fromkeys(keys, value=None)`: each key checked and counted as `d[k] = value` does."""
    if not (isinstance(base, SafeType) and base.py_type is dict and name == "fromkeys"):
        return None

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        from autogradlab.lang import dicts
        from autogradlab.lang.iteration import loop_iterable
        from autogradlab.lang.stored_objects import require_item, require_storable
        if kwargs or not 1 <= len(args) <= 2:
            raise ProgramTypeError(f"fromkeys expected at most 2 arguments, got {len(args)}"
                                   if not kwargs else "dict.fromkeys() takes no keyword arguments")
        value = require_item(args[1], "as a dictionary value") if len(args) == 2 else None
        result: dict = {}   # dict.fromkeys(nodes, 0): the program's objects as keys (dicts.check_key)
        for key in interp.materialize(loop_iterable(require_storable(args[0], "in `dict.fromkeys()`"),
                                                    "in `dict.fromkeys()`"), node):
            dicts.set_item(interp, result, key, value)
        return result
    return SafeFunction("dict.fromkeys", impl)


def read_method(base: Any, name: str) -> SafeFunction | None:
    """Any of the above for `base.name`, or None."""
    return string_method(base, name) or dict_get(base, name) or dict_fromkeys(base, name)
