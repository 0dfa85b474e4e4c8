"""What the loop and size limits call a comprehension in their messages (issue 9): `[... for ...]`
is a list comprehension; `(... for ...)` a generator expression, named with the call it is handed
to (`sum(x for x in xs)`: "a generator expression inside sum()"), found once per parsed program."""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

LIST_WORDS = ("a list comprehension", "the list comprehension")
_OWNERS: weakref.WeakKeyDictionary[ast.AST, dict[int, str]] = weakref.WeakKeyDictionary()


# Builtins that look at a generator object itself rather than read its items (CPython prints it, bool() of it
# is True, len() and reversed() refuse it): a generator expression passed to them stays one, read lazily.
_SEES_THE_GENERATOR = frozenset({"print", "str", "repr", "type", "len", "reversed", "iter", "bool",
                                 "isinstance", "callable"})


# Builtins that read a generator only as far as they are asked (zip stops at its shortest input): given one
# built at once, `zip((x for x in range(10**9)), 'ab')` ran into the loop limit (red team s44).
_READ_AS_NEEDED = frozenset({"zip", "map", "filter", "enumerate", "islice", "takewhile", "dropwhile"})


def _program_callables(tree: ast.AST) -> tuple[set[str], set[str], set[str]]:
    """The names of the program's own defs, classes and lambdas (`def f`, `class A`, `f = lambda ...`), of
    its classes' methods, and of the modules it imports (`np` of `np.sum(...)` is no object of the
    program's): a generator expression handed to one of the program's is a generator object there, as in
    CPython (red team s44: it was a list, so `def f(g): return next(g)` said "'list' object is not an
    iterator" and a generator of a huge range ran into the loop limit where f reads one item)."""
    names: set[str] = set()
    methods: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            if isinstance(node, ast.ClassDef):
                methods.update(part.name for part in node.body if isinstance(part, ast.FunctionDef))
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names, methods, modules


def loop_words(interp: Interpreter, node: ast.ListComp | ast.GeneratorExp) -> tuple[str, str]:
    """(what ran past the loop limit, what grew past the length limit)."""
    if not isinstance(node, ast.GeneratorExp):
        return LIST_WORDS
    owner = _owners(interp.tree).get(id(node))
    inside = f" inside {owner}" if owner else ""
    return f"a generator expression{inside}", f"the generator expression{inside}"


def short_circuit(interp: Interpreter, node: ast.AST) -> bool:
    """`any(... for ...)` / `all(... for ...)`: the generator expression is read lazily
    (lang/lazy_genexp.py), as CPython stops at the first true / false item."""
    return type(node) is ast.GeneratorExp and _owners(interp.tree).get(~id(node)) is not None


def _owners(tree: ast.AST) -> dict[int, str]:
    """id(generator expression) -> "name()" of the call it is an argument of; ~id for the plain
    names any/all/next, the value of an assignment or a `return`, the element of a comprehension and an
    item of a list, tuple, set or dict display, read lazily (a method such as torch.any is no
    short-circuit)."""
    found = _OWNERS.get(tree)
    if found is None:
        found = {}
        defined, methods, modules = _program_callables(tree)
        for call in ast.walk(tree):
            if type(call) is ast.Attribute and type(call.value) is ast.GeneratorExp:
                found[~id(call.value)] = "="   # `(x for x in xs).foo`: the generator's own attribute
            if type(call) in (ast.Assign, ast.Return, ast.Expr) and type(call.value) is ast.GeneratorExp:
                found[~id(call.value)] = "="   # g = (...): kept lazy, next(g) reads one item, as in CPython;
                # a bare `(n ** 2 for n in xs)` line shows a generator object (Whirlwind Tour, session 38)
            if type(call) in (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):   # [(...) for i]
                for item in ((call.key, call.value) if type(call) is ast.DictComp else (call.elt,)):
                    if type(item) is ast.GeneratorExp:
                        found[~id(item)] = "="   # each a generator object, as in CPython (session 27)
            if type(call) in (ast.List, ast.Tuple, ast.Set, ast.Dict):   # {'g': (... for ...)}
                for item in (call.values if type(call) is ast.Dict else call.elts):
                    if type(item) is ast.GeneratorExp:
                        found[~id(item)] = "="   # stored as a generator object, read when it is read
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else ""
            for arg in call.args:
                if isinstance(arg, ast.GeneratorExp) and name:
                    found[id(arg)] = f"{name}()"
                    if isinstance(func, ast.Name) and name in ("any", "all", "next") and \
                            (len(call.args) == 1 or name == "next"):
                        found[~id(arg)] = name
                    elif isinstance(func, ast.Name) and name in _SEES_THE_GENERATOR | _READ_AS_NEEDED:
                        found[~id(arg)] = "="   # print(x for x in L) shows the generator, len() refuses it
            if name in (defined if isinstance(func, ast.Name) else methods) and not (
                    isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id in modules):   # f(x for x in xs) of the program's def, class or method
                for arg in (*call.args, *(keyword.value for keyword in call.keywords)):
                    if isinstance(arg, ast.GeneratorExp):
                        found[~id(arg)] = "="
        _OWNERS[tree] = found
    return found
