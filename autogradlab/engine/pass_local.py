"""Whether a loop's passes each run the same statements, so what one pass shows predicts the next
(issue 9: skim.py may then skim a training loop's passes that are not among its last ones).

A pass of a training loop builds a graph, calls backward() and lets the graph go when the next pass
rebinds its names; skim.py checks that after every pass (pass_checks.py) and skims the later passes
on that evidence. The evidence only predicts the next passes when nothing a pass does depends on
which pass it is: `pass_local_body` says yes only for bodies made of

- assignments to plain names (`l = ...`, `a, b = f(...)`, `w -= ...`), `a.grad = None` and
  expression statements, directly in the body or in `with` blocks (run every pass);
- `if` blocks that only hold expression statements (a `print` every 50 epochs) and `pass`;
- inner `for` loops over a list or tuple of names the body never assigns (`for p in [W1, b1]:`),
  whose body only updates the loop variable in place (`p -= ...`) or holds expression statements;

with no call of a function the program defines (only methods, `torch....` and a few builtins), no
method that stores a value in a container (`append`, `insert`, ...), no `min` / `max`, no list,
tuple, set or dict display except as a call's argument, no conditional expression, `and` / `or`,
comprehension, lambda, walrus or starred value. A program that mentions what can keep
or reuse a pass's graph on purpose (`retain_graph`, `create_graph`, `autograd`, `jacobian`,
`grad_fn`, `register_hook`, `set_grad_enabled`, ...) or that defines a `backward` of its own is not
trusted at all (program_allows). Nor is a body whose `backward` calls all stand in `if` blocks
(`if i % 7 == 0: y.backward()`): the recorder keeps the tensor last backwarded, whose graph the
report draws, and its pass may then be any pass, not one of the last ones (a skimmed pass: op nodes
without line, op index and value); one `backward` that runs every pass puts the last one in the
last pass (backward_every_pass). Everything else keeps today's rule (skim.py).
"""

from __future__ import annotations

import ast

from autogradlab.engine.sure_backwards import _continues
from autogradlab.lang.ast_walk import walk

_WORDS = ("retain_graph", "create_graph", "autograd", "jacobian", "hessian", "grad_fn", "register_hook",
          "register_prehook",
          "retain_grad", "set_grad_enabled", "inference_mode", "Function", "vmap", "functional_call",
          "exec", "eval")
# (not min / max: `best = min(best, loss)` keeps the pass whose loss was smallest, which pass depends
# on the data)
_BUILTINS = frozenset({"print", "range", "len", "float", "int", "round", "abs", "str", "bool", "format",
                       "repr"})
_DISPLAYS = (ast.List, ast.Tuple, ast.Set, ast.Dict)
_STORING = frozenset({"append", "extend", "insert", "add", "update", "setdefault", "register_hook",
                      "register_prehook",
                      "retain_grad", "register_forward_hook", "__setitem__", "put_",
                      "index_put_", "setattr"})
_SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Pass, ast.Delete, ast.Import,
           ast.ImportFrom, ast.Assert, ast.Raise)
_BANNED = (ast.Lambda, ast.IfExp, ast.BoolOp, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
           ast.NamedExpr, ast.Starred, ast.Yield, ast.YieldFrom, ast.Await)


def program_allows(tree: ast.AST) -> bool:
    """Whether the program names none of the things that can keep or reuse a pass's graph (its
    names, attributes, keywords and imports; comments and strings do not count)."""
    for node in walk(tree):
        kind = type(node)
        if kind is ast.Name:
            word = node.id
        elif kind is ast.Attribute:
            word = node.attr
        elif kind is ast.keyword:
            word = node.arg or ""
        elif kind is ast.alias:
            word = node.asname or node.name
        elif kind in (ast.Global, ast.Nonlocal):
            return False
        else:
            continue
        if any(w in word for w in _WORDS):
            return False
    return True


def program_facts(tree: ast.AST) -> tuple[bool, frozenset[str]]:
    """(program_allows(tree), defined_names(tree)) in one walk of the tree."""
    allows = True
    defined: set[str] = set()
    for node in walk(tree):
        kind = type(node)
        if kind is ast.Name:
            word = node.id
        elif kind is ast.Attribute:
            word = node.attr
        elif kind is ast.keyword:
            word = node.arg or ""
        elif kind is ast.alias:
            word = node.asname or node.name
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            defined.add(node.name)
            continue
        elif kind in (ast.Global, ast.Nonlocal):
            allows = False
            continue
        else:
            continue
        if allows and any(w in word for w in _WORDS):
            allows = False
    return allows, frozenset(defined)


def pass_local_body(body: list[ast.stmt], defined: frozenset[str]) -> bool:
    """Whether every pass of a loop with this body runs the same statements (see the module's
    docstring). `defined`: the names the program binds with def/class/lambda assignments."""
    assigned = _assigned_names(body)
    return all(_statement(s, defined, assigned, inner=None) for s in body) and backward_every_pass(body)


def backward_every_pass(body: list[ast.stmt]) -> bool:
    """Whether a pass-local body's last `backward` surely runs in its last pass: it names `backward`
    in no `if` block, or also in a statement that runs every pass (directly in the body, in a `with`
    block or an inner `for` over names, or an `if`'s test). (An `if` block of a pass-local body binds
    nothing, so a tensor it backwards was made in this pass or the one before.)"""
    every = sometimes = False
    stack = list(body)
    while stack:
        s = stack.pop()
        kind = type(s)
        if kind is ast.If:
            every = every or _names_backward(s.test)
            sometimes = sometimes or any(_names_backward(b) for b in (*s.body, *s.orelse))
        elif kind in (ast.With, ast.For):
            every = every or any(_names_backward(part) for part in
                                 (s.items if kind is ast.With else (s.target, s.iter)))
            stack.extend(s.body)
        else:
            every = every or _names_backward(s)
    return every or not sometimes


def _names_backward(node: ast.AST) -> bool:
    """Whether `node` reads an attribute named `backward` (`y.backward()`, `y.sum().backward`)."""
    return any(type(sub) is ast.Attribute and sub.attr == "backward" for sub in walk(node))


def defined_names(tree: ast.AST) -> frozenset[str]:
    """Names the program defines as functions or classes (calling them is not trusted)."""
    return frozenset(node.name for node in walk(tree)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))


def steady_lines(body: list[ast.stmt]) -> frozenset[int]:
    """The lines of a loop's body that run in every pass: its simple statements', directly in the body
    or in `with` blocks and inner `for` loops, but not those of an `if`, `while` or other compound
    statement (a line shared with one is left out too); none when a `continue` of the loop can skip
    statements. An op made on one of them in every pass so far tells that the later passes run ops
    too, so a loop's last passes hold its last ops (skim.py's pass-aware window keeps them in full).
    (Ops of a function the body calls are made on the function's lines: they do not count.)"""
    if _continues(body):
        return frozenset()
    lines: set[int] = set()
    branches: set[int] = set()
    stack = list(body)
    while stack:
        s = stack.pop()
        span = range(s.lineno, (getattr(s, "end_lineno", None) or s.lineno) + 1)
        kind = type(s)
        if kind in (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor):
            stack.extend(s.body)
            if getattr(s, "orelse", None):
                branches.update(range(s.orelse[0].lineno, span[-1] + 1))
        elif kind in _SIMPLE:
            lines.update(span)
        else:
            branches.update(span)
    return frozenset(lines - branches)


def _assigned_names(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for statement in body:
        for node in walk(statement):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                names.add(node.id)
    return names


def _statement(s: ast.stmt, defined: frozenset[str], assigned: set[str], inner: str | None) -> bool:
    kind = type(s)
    if kind is ast.Pass:
        return True
    if kind is ast.Expr:
        return _expression(s.value, defined)
    if kind is ast.Assign:
        if _clears_grad(s):
            return True
        return inner is None and all(_names_target(t) for t in s.targets) and _expression(s.value, defined)
    if kind is ast.AugAssign:
        target = s.target
        return (type(target) is ast.Name and (inner is None or target.id == inner)
                and _expression(s.value, defined))
    if kind is ast.With:
        return (all(item.optional_vars is None and _expression(item.context_expr, defined)
                    for item in s.items)
                and all(_statement(b, defined, assigned, inner) for b in s.body))
    if kind is ast.If:
        return _expression(s.test, defined) and all(_quiet(b, defined) for b in (*s.body, *s.orelse))
    if kind is ast.For:
        return (inner is None and type(s.target) is ast.Name and not s.orelse
                and type(s.iter) in (ast.List, ast.Tuple) and s.iter.elts
                and all(type(e) is ast.Name and e.id not in assigned for e in s.iter.elts)
                and all(_statement(b, defined, assigned, s.target.id) for b in s.body))
    return False


def _quiet(s: ast.stmt, defined: frozenset[str]) -> bool:
    """A statement of an `if` block: it may run in some passes only, so it must bind nothing."""
    if type(s) is ast.Expr:
        return _expression(s.value, defined)
    if type(s) is ast.If:
        return _expression(s.test, defined) and all(_quiet(b, defined) for b in (*s.body, *s.orelse))
    return type(s) is ast.Pass


def _clears_grad(s: ast.Assign) -> bool:
    """`a.grad = None` (or `p.grad = None` for the variable of an inner loop): it keeps nothing."""
    return (type(s.value) is ast.Constant and s.value.value is None
            and all(type(t) is ast.Attribute and t.attr == "grad" and type(t.value) is ast.Name
                    for t in s.targets))


def _names_target(target: ast.expr) -> bool:
    if type(target) is ast.Name:
        return True
    return type(target) in (ast.Tuple, ast.List) and all(type(e) is ast.Name for e in target.elts)


def _expression(expr: ast.expr, defined: frozenset[str]) -> bool:
    """A list, tuple, set or dict display only as a call's argument (`torch.stack([a, b])`): bound
    to a name or indexed (`pair = [loss, keep]`, `keep = [loss, keep][i > 250]`, `a, b = b, a`) it
    can keep a tensor of whichever pass the data picks, which no evidence of earlier passes predicts."""
    nodes = walk(expr)
    arguments = {id(a) for node in nodes if type(node) is ast.Call
                 for a in (*node.args, *(k.value for k in node.keywords))}
    for node in nodes:
        if isinstance(node, _BANNED) or (isinstance(node, _DISPLAYS) and id(node) not in arguments):
            return False
        if type(node) is ast.Call:
            func = node.func
            if type(func) is ast.Name:
                if func.id not in _BUILTINS or func.id in defined:
                    return False
            elif type(func) is ast.Attribute:
                if func.attr in _STORING:
                    return False
                if func.attr == "requires_grad_" and not all(
                        type(a) is ast.Constant for a in (*node.args, *(k.value for k in node.keywords))):
                    return False   # requires_grad_(epoch > 5): a pass that depends on which pass it is
            else:
                return False
        elif type(node) is ast.Name and node.id in defined:
            return False
    return True
