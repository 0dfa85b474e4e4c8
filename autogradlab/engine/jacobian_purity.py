"""May the program's functions run more than once? torch's jacobian calls f once; the fast strategies
and the checks call it again (muted). That is invisible only if f changes nothing outside itself, so
every def and lambda of the program is scanned (conservatively: a function may call any other) for
changes to outer state: list/dict/set/deque/Counter mutators, in-place tensor methods, item or
attribute assignment or `del` on names the function did not bind itself, global/nonlocal, `next(...)`
and a generator's send/throw/close, and any use of a name the program binds to an iterator (a
generator, `iter(...)`, `zip(...)`, `map(...)`...: a loop over it inside f takes its items).
"""

from __future__ import annotations

import ast

MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault",
                      "sort", "reverse", "add", "discard", "popitem", "retain_grad", "backward",
                      "register_hook", "register_prehook", "appendleft", "extendleft", "popleft", "rotate",
                      "subtract", "move_to_end", "difference_update", "intersection_update",
                      "symmetric_difference_update", "send", "throw", "close"})
# calls whose result is an iterator: a function that uses a name bound to one advances it
ITERATOR_MAKERS = frozenset({"iter", "zip", "map", "filter", "enumerate", "reversed", "count", "cycle",
                             "repeat", "islice", "chain", "accumulate", "product", "permutations",
                             "combinations", "combinations_with_replacement", "groupby", "pairwise",
                             "starmap", "takewhile", "dropwhile", "zip_longest", "compress", "tee",
                             "batched", "filterfalse"})


def _base_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


_ALIASES = (ast.Name, ast.Attribute, ast.Subscript, ast.Starred, ast.IfExp, ast.BoolOp)


def _locals(fn: ast.AST) -> set[str]:
    """Names the function binds itself to a new value (its parameters are not among them: they may
    be the caller's objects; nor is a name bound to another name, an item or attribute of one, or
    by a loop, a comprehension or `with ... as`: `rows = table` or `for row in table` holds the
    outer objects themselves, and `rows.append(...)` changes them)."""
    names: set[str] = set()
    aliases: set[str] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        value = node.value if isinstance(node, (ast.Assign, ast.NamedExpr, ast.AnnAssign)) else None
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, (ast.NamedExpr, ast.AnnAssign, ast.For, ast.AsyncFor, ast.comprehension)) else \
            [item.optional_vars for item in node.items if item.optional_vars is not None] \
            if isinstance(node, ast.With) else []
        if targets and (value is None or isinstance(value, _ALIASES)):
            aliases.update(n.id for t in targets for n in ast.walk(t)
                           if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    return names - aliases


def _iterator_names(tree: ast.AST) -> frozenset[str]:
    """Names the program binds to an iterator or generator anywhere (conservatively, by the value's
    form: a generator expression, a call of an iterator maker or of a def that yields)."""
    generators = {fn.name for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef)
                  and any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(fn))}
    names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        value = node.value
        called = value.func if isinstance(value, ast.Call) else None
        name = called.id if isinstance(called, ast.Name) else \
            called.attr if isinstance(called, ast.Attribute) else None
        if isinstance(value, ast.GeneratorExp) or name in ITERATOR_MAKERS or name in generators:
            names.update(t.id for target in node.targets for t in ast.walk(target) if isinstance(t, ast.Name))
    return frozenset(names)


def _side_effect(fn: ast.AST, iterators: frozenset[str] = frozenset()) -> ast.AST | None:
    own = _locals(fn)
    for node in ast.walk(fn):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return node
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "next":
            return node
        if isinstance(node, ast.Name) and node.id in iterators and node.id not in own:
            return node
        if isinstance(node, ast.Delete) and any(isinstance(t, (ast.Subscript, ast.Attribute))
                                                and _base_name(t) not in own for t in node.targets):
            return node
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            inplace = name.endswith("_") and not name.startswith("_")
            if (name in MUTATORS or inplace) and _base_name(node.func.value) not in own:
                return node
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
        for target in targets:
            if isinstance(target, (ast.Subscript, ast.Attribute)) and _base_name(target) not in own:
                return node
    return None


def first_side_effect(tree: ast.AST) -> tuple[int, str] | None:
    """(line, text) of the first change to outer state inside any function of the program."""
    iterators = _iterator_names(tree)
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.Lambda)):
            hit = _side_effect(fn, iterators)
            if hit is not None:
                text = ast.unparse(hit)
                return getattr(hit, "lineno", 0), text if len(text) <= 40 else text[:39] + "…"
    return None
