"""`global x` and `nonlocal x` in the program's functions.

A function whose body declares names gets a scope whose variables dict sends those names to the
scope they belong to: the globals for `global`, the nearest enclosing function's scope for
`nonlocal`. Every way the interpreter reads, binds or deletes a name (the generic walk and the
compiled closures alike) goes through the dict, so nothing else changes; functions without
declarations keep their plain dict. Declarations in the wrong place (`nonlocal` at the top level,
a name used before its `global`, a `nonlocal` with no binding) are CPython's SyntaxErrors, found
by CPython's own symbol table (check_placement) before the program runs."""

from __future__ import annotations

import ast
import symtable
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramSyntaxError
from autogradlab.lang.scope import Scope

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import UserFunction

_OWN_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp,
               ast.DictComp, ast.GeneratorExp)


def declarations_of(body: list[ast.stmt]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(global names, nonlocal names) declared by the body itself (not by functions nested in it)."""
    found_global: set[str] = set()
    found_nonlocal: set[str] = set()
    stack: list[ast.AST] = [s for s in body if not isinstance(s, _OWN_SCOPES)]   # a nested def's own
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Global):
            found_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            found_nonlocal.update(node.names)
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, _OWN_SCOPES))
    if not found_global and not found_nonlocal:
        return None
    return frozenset(found_global), frozenset(found_nonlocal)


class DeclaredVars(dict):
    """A function scope's variables; the declared names live in another scope's dict."""

    __slots__ = ("_elsewhere", "_assigned")

    def __init__(self, elsewhere: dict[str, dict], assigned: dict[str, None]) -> None:
        super().__init__()
        self._elsewhere = elsewhere
        self._assigned = assigned   # Interpreter._assigned: a global made here is a program variable

    def __contains__(self, name: object) -> bool:
        home = self._elsewhere.get(name)   # type: ignore[call-overload]
        return name in home if home is not None else dict.__contains__(self, name)

    def __getitem__(self, name: str) -> Any:
        home = self._elsewhere.get(name)
        return home[name] if home is not None else dict.__getitem__(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        home = self._elsewhere.get(name)
        return home.get(name, default) if home is not None else dict.get(self, name, default)

    def __setitem__(self, name: str, value: Any) -> None:
        home = self._elsewhere.get(name)
        if home is None:
            dict.__setitem__(self, name, value)
            return
        home[name] = value
        if home is self._elsewhere.get("", None):
            self._assigned.setdefault(name, None)

    def __delitem__(self, name: str) -> None:
        home = self._elsewhere.get(name)
        if home is None:
            dict.__delitem__(self, name)
        else:
            del home[name]


def function_scope(interp: Interpreter, fn: UserFunction) -> Scope:
    """The scope of one call of a function that declares names."""
    global_names, nonlocal_names = fn.declared
    elsewhere: dict[str, dict] = {"": interp.globals.vars}   # "" is never a name: the globals' marker
    for name in global_names:
        elsewhere[name] = interp.globals.vars
    for name in nonlocal_names:
        elsewhere[name] = _enclosing(fn.closure, name)
    scope = Scope(fn.closure, fn.name)
    scope.vars = DeclaredVars(elsewhere, interp._assigned)
    return scope


def _enclosing(scope: Scope | None, name: str) -> dict:
    """The vars of the nearest enclosing function scope that binds `name` (the nearest one if none
    does yet: the symbol table has already said some enclosing function assigns it)."""
    nearest = None
    while scope is not None and scope.parent is not None:
        if not scope.comprehension:
            if name in scope.vars:
                return scope.vars
            nearest = scope.vars if nearest is None else nearest
        scope = scope.parent
    return nearest if nearest is not None else {}


def check_placement(source: str) -> None:
    """CPython's SyntaxError for a misplaced declaration, with its line and column."""
    try:
        symtable.symtable(source, "<program>", "exec")
    except SyntaxError as error:
        raise ProgramSyntaxError(error.msg).at(error.lineno, error.offset) from None
