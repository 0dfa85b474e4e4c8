"""`f.__name__` of a function (issue 9: Python lessons print a function's name: a decorator's
`print(f"{func.__name__} took ...")`, `for f in [np.sin, np.cos]: print(f.__name__)`).

The name is text, read from what the engine holds: a `def`'s or lambda's own name ("<lambda>"), the
name functools.wraps gave it, a bound method's function's name, and for a library function the real
object's `__name__` (np.abs's is 'absolute', as NumPy's), found from its qualified name through the
modules already imported (no import, no name with an underscore followed); anything else keeps the
general way (a module's `__name__`: its name; other values: refused by the attribute rules).

`f.__doc__` of the program's own def (session 43, Made With ML's Python lesson prints
`operations.__name__, operations.__doc__`): its docstring as Python 3.11 keeps it (the literal, not
cleaned), None without one and for a lambda; functools.wraps(fn) gives fn's. Other values' `__doc__`
stay refused by the attribute rules."""

from __future__ import annotations

import ast
import builtins
import sys
from typing import Any

from autogradlab.errors import NotSupported
from autogradlab.lang.plain_classes import NAMED_FUNCTION_TYPES, BoundMethod
from autogradlab.lang.safe_values import Namespace, UserFunction

NAMED = NAMED_FUNCTION_TYPES   # (exact types: a FunctionValue, functools.partial, takes the general way)


def doc_of(function: UserFunction) -> str | None:
    """`function.__doc__` of a def or lambda of the program (read from its tree, never run); after
    functools.wraps(fn), fn's as it was then (CPython copies it: red team 2 s43, `w = functools.wraps(w)(w)`
    followed w to itself without end, a limit error where Python prints w's docstring)."""
    if function.doc_copy is not None:
        return function.doc_copy[0]
    if function.wraps is not None:   # functools.wraps of a library function (no copy made)
        raise NotSupported("`__doc__` of a function that wraps a library function is not supported in "
                           "Autograd Lab")
    node = function.node
    return ast.get_docstring(node, clean=False) if isinstance(node, ast.FunctionDef) else None


def name_of(value: Any) -> str:
    """`value.__name__` for a value of a type in NAMED."""
    kind = type(value)
    if kind is UserFunction:
        return (value.shown_name or value.name).rsplit(".", 1)[-1]   # ("A.m" in a class body: 'm')
    if kind is BoundMethod:
        method = value.method
        if type(method) is UserFunction:
            return name_of(method)
        return value.qualname.split(" of ", 1)[0].rsplit(".", 1)[-1]
    if kind is Namespace:
        return value.qualname
    return library_name(value.qualname)


def library_name(qualname: str) -> str:
    """The `__name__` of the library object `qualname` names ("numpy.abs" -> 'absolute'), or its last
    part when the modules imported do not lead to one with a text name."""
    parts = qualname.split(".")
    found: Any = None
    rest = parts
    for cut in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None:
            found, rest = module, parts[cut:]
            break
    else:
        found = builtins
    for part in rest:
        if not part.isidentifier() or part.startswith("_"):
            return parts[-1]
        found = getattr(found, part, None)
        if found is None:
            return parts[-1]
    name = getattr(found, "__name__", None)
    return name if type(name) is str else parts[-1]
