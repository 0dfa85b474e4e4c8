"""`global x` and `nonlocal x` in the program's functions.

A function whose body declares names gets a scope whose variables dict sends those names to the
scope they belong to: the globals for `global`, for `nonlocal` the scope of the nearest enclosing
function that binds the name in its text (CPython's lexical rule: a parameter, an assignment
anywhere in its body, even one that has not run yet, or its own `nonlocal`), found once per program
by nonlocal_levels. Every way the interpreter reads, binds or deletes a name (the generic walk and the
compiled closures alike) goes through the dict, so nothing else changes; functions without
declarations keep their plain dict. Declarations in the wrong place (`nonlocal` at the top level,
a name used before its `global`, a `nonlocal` with no binding) are CPython's SyntaxErrors, found
by CPython's own symbol table (check_placement) before the program runs."""

from __future__ import annotations

import ast
import symtable
import weakref
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NameNotDefined, ProgramSyntaxError
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

    __slots__ = ("_elsewhere", "_assigned", "_free", "_builtin")

    def __init__(self, elsewhere: dict[str, dict], assigned: dict[str, None], free: frozenset[str],
                 builtin: Callable[[str], Any]) -> None:
        super().__init__()
        self._elsewhere = elsewhere
        self._assigned = assigned   # Interpreter._assigned: a global made here is a program variable
        self._free = free   # the `nonlocal` names: held here even while unbound (CPython's cell)
        self._builtin = builtin   # a `global` name the globals lack: builtins, else NameError

    def __contains__(self, name: object) -> bool:
        home = self._elsewhere.get(name)   # type: ignore[call-overload]
        if home is None:
            return dict.__contains__(self, name)
        return True   # a declared name never falls through to an enclosing function's scope

    def __getitem__(self, name: str) -> Any:
        home = self._elsewhere.get(name)
        if home is None:
            return dict.__getitem__(self, name)
        if name not in home:
            if name in self._free:   # the binding has not run yet
                raise NameNotDefined(f"cannot access free variable '{name}' where it is not associated "
                                     "with a value in enclosing scope")   # CPython 3.11's words
            return self._builtin(name)
        return home[name]

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
        elif name not in home:
            raise NameNotDefined(f"cannot access free variable '{name}' where it is not associated with "
                                 "a value in enclosing scope" if name in self._free
                                 else f"name '{name}' is not defined")
        else:
            del home[name]


def function_scope(interp: Interpreter, fn: UserFunction) -> Scope:
    """The scope of one call of a function that declares names."""
    global_names, nonlocal_names = fn.declared
    elsewhere: dict[str, dict] = {"": interp.globals.vars}   # "" is never a name: the globals' marker
    for name in global_names:
        elsewhere[name] = interp.globals.vars
    if nonlocal_names:
        levels = nonlocal_levels(interp.tree).get(id(fn.node), {})
        for name in nonlocal_names:
            elsewhere[name] = _enclosing(fn.closure, name, levels.get(name))
    scope = Scope(fn.closure, fn.name)
    scope.vars = DeclaredVars(elsewhere, interp._assigned, nonlocal_names, partial(_global_lookup, interp))
    return scope


def _global_lookup(interp: Interpreter, name: str) -> Any:
    """A `global` name the globals do not hold: looked up as at the top level (a builtin, or the
    interpreter's NameError/refusal), never in an enclosing function. A torch function's bare name is
    not found (red team 2 s43: `global dot` then `return dot` gave torch's
    function; Python's NameError, as a read of `dot` anywhere: lang/bare_names.py)."""
    scope, interp.scope = interp.scope, interp.globals
    try:
        return interp.lookup(name, False)
    finally:
        interp.scope = scope


def _enclosing(scope: Scope | None, name: str, level: int | None) -> dict:
    """The vars of the enclosing function scope `level` functions out (0: the defining function's
    call); without a level (a node outside the program's tree), the nearest one that binds `name`
    now, else the nearest one."""
    nearest = None
    count = 0
    while scope is not None and scope.parent is not None:
        if not scope.comprehension:
            if level is not None and count == level:
                return scope.vars
            if level is None and name in scope.vars:
                return scope.vars
            nearest = scope.vars if nearest is None else nearest
            count += 1
        scope = scope.parent
    return nearest if nearest is not None else {}


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_LEVELS: weakref.WeakKeyDictionary[ast.AST, dict[int, dict[str, int]]] = weakref.WeakKeyDictionary()


def nonlocal_levels(tree: ast.AST) -> dict[int, dict[str, int]]:
    """id(def node) -> {nonlocal name: how many enclosing functions out its binding is}, for every
    def of the program that declares `nonlocal` (class bodies and comprehensions are no function
    scopes here, as in CPython); computed once per parsed program."""
    found = _LEVELS.get(tree)
    if found is None:
        found = {}
        _walk_levels(tree, [], found)
        _LEVELS[tree] = found
    return found


def _walk_levels(node: ast.AST, chain: list[frozenset[str]], found: dict[int, dict[str, int]]) -> None:
    stack: list[tuple[ast.AST, list[frozenset[str]]]] = [(node, chain)]
    while stack:
        current, outer = stack.pop()
        inner = outer
        if isinstance(current, _FUNCTIONS):
            body = current.body if isinstance(current.body, list) else [current.body]
            declared = declarations_of(body) if isinstance(current.body, list) else None
            if declared is not None and declared[1]:
                found[id(current)] = {name: level for name in declared[1]
                                      for level in [_nearest_binding(outer, name)] if level is not None}
            inner = [*outer, binds_of(current, declared)]
        stack.extend((child, inner) for child in ast.iter_child_nodes(current))


def _nearest_binding(chain: list[frozenset[str]], name: str) -> int | None:
    for level, names in enumerate(reversed(chain)):
        if name in names:
            return level
    return None


def binds_of(function: ast.AST, declared: tuple[frozenset[str], frozenset[str]] | None) -> frozenset[str]:
    """The names a function binds in its own scope, from its text: parameters, names stored or
    deleted, defs, classes, imports, `except ... as`, `case` captures, walrus targets inside its
    comprehensions, and its own `nonlocal` names (they pass the binding through); never its `global` names."""
    args = function.args   # type: ignore[attr-defined]
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    names.update(a.arg for a in (args.vararg, args.kwarg) if a is not None)
    body = function.body if isinstance(function.body, list) else [function.body]   # type: ignore[attr-defined]
    stack: list[tuple[ast.AST, bool]] = [(s, False) for s in body]
    while stack:
        node, in_comprehension = stack.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            if not in_comprehension:
                names.add(node.id)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            stack.extend((d, in_comprehension) for d in node.decorator_list)
            continue
        elif isinstance(node, ast.Lambda):
            continue
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:   # `case [x, *rest]:`
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:   # `case {**rest}:`
            names.add(node.rest)
        inside = in_comprehension or isinstance(node, _COMPREHENSIONS)
        stack.extend((child, inside) for child in ast.iter_child_nodes(node))
    if declared is not None:
        names.update(declared[1])
        names.difference_update(declared[0])
    return frozenset(names)


def check_placement(source: str) -> None:
    """CPython's SyntaxError for a misplaced declaration, with its line and column."""
    try:
        symtable.symtable(source, "<program>", "exec")
    except SyntaxError as error:
        raise ProgramSyntaxError(error.msg).at(error.lineno, error.offset) from None
