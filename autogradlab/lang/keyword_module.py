"""Python's `keyword` module as lessons on Python basics use it (`import keyword; print(keyword.kwlist)`,
`from keyword import kwlist`, `keyword.iskeyword('for')`; session 43: fengdu78's Python_Basic, ThinkPython
ch. 2): kwlist and softkwlist (this run's own copy, made at its first read and the same list after it, as
Python's module holds one list: another run never sees what this one appended), iskeyword and issoftkeyword
(a text in, a bool out)."""

from __future__ import annotations

import ast
import keyword
from typing import TYPE_CHECKING, Any

from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

KEYWORD_NAMES = ("kwlist", "softkwlist", "iskeyword", "issoftkeyword")


def _test(name: str) -> SafeFunction:
    words = frozenset(getattr(keyword, "kwlist" if name == "iskeyword" else "softkwlist"))

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:   # CPython's iskeyword is frozenset.__contains__ of the keyword list
            raise python_error(TypeError("frozenset.__contains__() takes no keyword arguments"))
        if len(args) != 1:
            raise python_error(TypeError("frozenset.__contains__() takes exactly one argument "
                                         f"({len(args)} given)"))
        try:   # frozenset.__contains__: a text or a number answers, a list is Python's TypeError
            return args[0] in words
        except TypeError as exc:
            raise python_error(exc) from None
    return SafeFunction(f"keyword.{name}", impl)


def run_list(interp: Interpreter, namespace: Namespace, name: str, member: list) -> list:
    """The run's copy of a module's list member (`keyword.kwlist`), the same object at every read."""
    copies = interp.__dict__.setdefault("_module_lists", {})
    key = (namespace.qualname, name)
    if key not in copies:
        copies[key] = list(member)
    return copies[key]


def keyword_namespace() -> Namespace:
    return Namespace("keyword", {"kwlist": list(keyword.kwlist), "softkwlist": list(keyword.softkwlist),
                                 "iskeyword": _test("iskeyword"), "issoftkeyword": _test("issoftkeyword")})
