"""`str.lower`, `str.strip`, ...: a string method read from the type, as lessons hand it to sorted(),
max() or map() (`sorted(words, key=str.lower)`). It is a library function like `len` (callable, and
handed to allowlisted higher-order functions, never stored); calling it with a string calls that
string's method through attributes.call_method, every check and limit included."""

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
