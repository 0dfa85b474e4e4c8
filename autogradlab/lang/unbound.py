"""A function's local names read before they are bound (CPython's lexical scoping, issue 9).

CPython decides from a function's text which names are its locals (assigned anywhere in its body,
even after the read or in a branch that never runs): reading one before its binding ran is an
UnboundLocalError ("cannot access local variable 'x' ..."), never the global of the same name; a
function nested in it reading that name is a NameError ("cannot access free variable 'x' ...").

The engine's scopes are looked up by walking outwards (lang/scope.py). A function with locals other
than its parameters gets, as its closure, a guard scope between its calls' scopes and the scope it
was defined in: a dict holding exactly those names, whose reading raises CPython's error. A bound
local is found in the call's own scope first, so the guard is only reached (one C-level `in` on a
small dict per lookup that passes it) by names the call does not hold: a bound name never pays a
Python call, and reading every name through every path (the generic walk, the compiled closures)
meets the guard with no change to them. The guard scope is marked as a comprehension so that
`nonlocal` (declarations._enclosing) never counts it as a function.
"""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NameNotDefined
from autogradlab.lang.declarations import binds_of, declarations_of
from autogradlab.lang.exceptions import remember_python_error
from autogradlab.lang.scope import Scope

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_LOCALS: weakref.WeakKeyDictionary[ast.AST, frozenset[str]] = weakref.WeakKeyDictionary()


def local_names(node: ast.AST) -> frozenset[str]:
    """The names a def binds in its own scope besides its parameters (once per node): what its
    text assigns, defines or deletes; not its `global`/`nonlocal` names, not import aliases (the
    engine's `import torch` lines bind nothing)."""
    found = _LOCALS.get(node)
    if found is None:
        body = node.body if isinstance(node.body, list) else None   # type: ignore[attr-defined]
        if body is None:   # a lambda: only a walrus could bind, and it binds in the lambda
            found = frozenset()
        else:
            declared = declarations_of(body)
            args = node.args   # type: ignore[attr-defined]
            params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
            params.update(a.arg for a in (args.vararg, args.kwarg) if a is not None)
            imported = {(a.asname or a.name).split(".")[0] for n in ast.walk(node)
                        if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names}
            found = binds_of(node, declared) - params - imported
            if declared is not None:
                found = found - declared[0] - declared[1]
        _LOCALS[node] = found
    return found


class _Unbound(dict):
    """The guard's vars: `name in guard` is dict's own (C) test; reading a name raises."""

    __slots__ = ("_interp", "_scope")

    def __init__(self, names: frozenset[str], interp: Interpreter) -> None:
        super().__init__(dict.fromkeys(names))
        self._interp = interp
        self._scope: Scope | None = None

    def __getitem__(self, name: str) -> Any:
        if self._interp.scope.parent is self._scope:   # read by the function itself
            error = NameNotDefined(f"cannot access local variable '{name}' where it is not associated "
                                   "with a value")   # CPython 3.11's words
            return _raise(remember_python_error(error, UnboundLocalError(error.message)))
        error = NameNotDefined(f"cannot access free variable '{name}' where it is not associated with "
                               "a value in enclosing scope")   # a nested function or comprehension
        raise remember_python_error(error, NameError(error.message))

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self else default


def _raise(error: NameNotDefined) -> Any:
    raise error


def closure_for(interp: Interpreter, node: ast.AST) -> Scope:
    """The closure a def made now gets: the current scope, behind a guard when it has locals."""
    names = local_names(node)
    if not names:
        return interp.scope
    guard = Scope(interp.scope, interp.scope.function_name, comprehension=True)
    guard.vars = _Unbound(names, interp)
    guard.vars._scope = guard
    return guard
