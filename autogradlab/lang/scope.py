"""Name scopes: the program's globals, one per user-function call, one per comprehension.

Lookup walks outwards (comprehension -> function -> the scope the function was defined in ->
globals), which gives closures and reading globals from functions; assignment binds in the
innermost scope, as Python does.
"""

from __future__ import annotations

import ast
from typing import Any

from autogradlab.errors import NameNotDefined


class Scope:
    # slots: every call of the program's functions makes one (issue 9)
    __slots__ = ("parent", "function_name", "comprehension", "vars", "block")

    def __init__(self, parent: Scope | None, function_name: str | None, comprehension: bool = False) -> None:
        self.parent = parent
        self.function_name = function_name
        self.comprehension = comprehension
        self.vars: dict[str, Any] = {}
        self.block: str | None = None   # a comprehension's: "<listcomp>", ... (__qualname__ of its lambdas)

    @property
    def is_global(self) -> bool:
        return self.parent is None

    def find(self, name: str) -> tuple[bool, Any]:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.vars:
                return True, scope.vars[name]
            scope = scope.parent
        return False, None

    def set(self, name: str, value: Any) -> None:
        self.vars[name] = value

    def delete(self, name: str) -> None:
        if name not in self.vars:
            raise NameNotDefined(f"name '{name}' is not defined")
        del self.vars[name]


class ClassBodyScope(Scope):
    """A class body's names (lang/class_dispatch.py). As in CPython, a comprehension in the body reads
    them in its first iterable only (evaluated in the body): its other parts skip the class's scope, so
    `n = 2; zs = [x * n for x in xs]` is Python's NameError for `n` (session 44)."""

    __slots__ = ()


def hide_class_scope(scope: Scope) -> None:
    """Called once a comprehension's first iterable is evaluated in its scope: a class body around it is
    no longer seen (one test per comprehension, none per item)."""
    if type(scope.parent) is ClassBodyScope:
        scope.parent = scope.parent.parent


def outside_class(scope: Scope) -> Scope:
    """The scope a function made in a class body closes over: the one around the class. CPython's class
    body is no enclosing scope of its functions: `x = 1; f = lambda self: x` in a class body reads a global
    `x` when called, never the class attribute (a NameError without one; session 45)."""
    return scope.parent if type(scope) is ClassBodyScope and scope.parent is not None else scope


# CPython 3.11 runs each comprehension as a function of its own, named so in its functions' __qualname__
COMPREHENSION_BLOCKS = {ast.ListComp: "<listcomp>", ast.SetComp: "<setcomp>", ast.DictComp: "<dictcomp>",
                        ast.GeneratorExp: "<genexpr>"}
