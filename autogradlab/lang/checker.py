"""The static allowlist walk: every node type the language accepts has a handler in _HANDLERS.

Anything without a handler fails safe with a NotSupported that names the construct in plain words.
The walk is iterative (an explicit stack, preorder, so the first offending construct in reading
order is reported) and bounds the parse-tree depth and block nesting, because the interpreter that
runs the tree afterwards recurses.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import NamedTuple

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramSyntaxError
from autogradlab.lang.allowed_imports import check_import
from autogradlab.lang.ast_walk import child_nodes, statement_fields
from autogradlab.lang.class_checks import (
    PLAIN_DUNDERS,
    check_plain_class,
    is_plain_class,
    is_super_call,
    program_classes,
)
from autogradlab.lang.function_classes import (
    check_function_class,
    ctx_parameter,
    is_staticmethod,
    methods_of,
)
from autogradlab.limits import Limits

ASSIGNABLE_ATTRIBUTES = frozenset({"requires_grad", "grad", "data",
                                   "deterministic", "benchmark", "enabled", "allow_tf32"})   # cudnn_flags.py
_CONSTANT_TYPES = (int, float, complex, str, bool, type(None), type(Ellipsis))
_COMPOUND = (ast.If, ast.For, ast.While, ast.FunctionDef, ast.With, ast.Try, ast.ClassDef)
GRAD_MODE_MANAGERS = {"no_grad": False, "enable_grad": True}  # `with torch.no_grad():` -> grad mode
# ... and the managers whose mode is an argument (lang/grad_managers.py checks it when it runs)
ARGUMENT_MANAGERS = frozenset({"set_grad_enabled", "inference_mode"})

# Constructs outside the language: (what it is called, verb, hint).
_UNSUPPORTED: dict[type, tuple[str, str, str | None]] = {
    ast.AsyncWith: ("`async with` statements", "are", None),
    ast.Await: ("`await`", "is", None),
    ast.AsyncFunctionDef: ("`async def` functions", "are", "use a plain `def`"),
    ast.AsyncFor: ("`async for` loops", "are", "use a plain `for`"),
    ast.Raise: ("`raise` statements", "are", "use `assert` to check a condition"),
    ast.NamedExpr: ("walrus `:=` assignments", "are", "assign on a line of its own first"),
    ast.Match: ("`match` statements", "are", "use `if`/`elif`"),
}
_DECLARATIONS = (ast.Global, ast.Nonlocal)
# the per-node tests' classes as tuples (`ast.For | ast.While` would build a union on every node)
_FOR_WHILE = (ast.For, ast.While)
_YIELDS = (ast.Yield, ast.YieldFrom)
_DEF_LAMBDA = (ast.FunctionDef, ast.Lambda)
_TRY_STAR = getattr(ast, "TryStar", None)
if _TRY_STAR is not None:
    _UNSUPPORTED[_TRY_STAR] = ("`except*` blocks", "are", "use a plain `except`")


class _Context(NamedTuple):
    depth: int
    blocks: int
    in_function: bool
    in_loop: bool
    position: tuple[int, int]   # (line, column) of the nearest node that has one
    in_class: str | None = None   # a Function class's methods: "ctx" (forward has ctx) or "setup"
    ctx_name: str | None = None   # inside such a method: the name of its ctx (`ctx.k = 3` allowed)
    classes: frozenset[str] = frozenset()   # the names the program's classes have (class_checks.py)
    plain: bool = False   # the program has a plain class (attributes may be assigned)


def _unsupported(subject: str, verb: str = "are", hint: str | None = None) -> NotSupported:
    return NotSupported(f"{subject} {verb} not supported in Autograd Lab", hint=hint)


def is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


PUBLIC_DUNDER_ATTRIBUTES = frozenset({"__version__"})   # read-only module facts (torch.__version__)


def _check_identifier(name: str | None, what: str) -> None:
    """Names the program makes up get "rename it"; attributes it reads belong to Python's
    internals (`x.__class__`), which no renaming reaches."""
    if name and is_dunder(name):
        hint = ("double-underscore attributes are Python's internals, which programs cannot reach "
                "in Autograd Lab (torch.__version__ is the one that is available)"
                if what == "attributes" else "rename it without the double underscores")
        raise _unsupported(f"double-underscore {what} such as `{name}`", hint=hint)


class StaticChecker:
    """Walks a parsed module and raises the first construct outside the language."""

    def __init__(self, lines: list[str], limits: Limits) -> None:
        self.lines = lines
        self.max_blocks = limits.max_nesting
        self.max_depth = limits.max_tree_depth
        self._statement_yields: set[int] = set()

    def check(self, tree: ast.AST) -> None:
        self._statement_yields = _statement_yields(tree)
        classes = program_classes(tree) if any("class" in line for line in self.lines) else frozenset()
        plain = bool(classes) and any(isinstance(node, ast.ClassDef) and is_plain_class(node, classes)
                                      for node in ast.walk(tree))
        stack = [(tree, _Context(0, 0, False, False, (1, 1), classes=classes, plain=plain))]
        declares = False
        while stack:
            node, ctx = stack.pop()
            declares = declares or type(node) in _DECLARATIONS
            if hasattr(node, "lineno"):   # ctx._replace(position=...), without its map and pop
                ctx = _Context(ctx.depth, ctx.blocks, ctx.in_function, ctx.in_loop, self.position(node),
                               ctx.in_class, ctx.ctx_name, ctx.classes, ctx.plain)
            try:
                self._check_node(node, ctx)
            except ProgramError as error:
                raise error.at(*ctx.position) from None
            children = child_nodes(node)   # list(ast.iter_child_nodes(node))
            child_ctx = self._child_context(node, ctx)
            if isinstance(node, _FOR_WHILE) and node.orelse:   # a loop's `else` is outside it
                outside, orelse = child_ctx._replace(in_loop=ctx.in_loop), {id(s) for s in node.orelse}
                stack.extend((child, outside if id(child) in orelse else child_ctx)
                             for child in reversed(children))
                continue
            stack.extend((child, child_ctx) for child in reversed(children))
        if declares:   # `global` / `nonlocal` where CPython allows them
            from autogradlab.lang.declarations import check_placement
            check_placement("\n".join(self.lines))

    def position(self, node: ast.AST) -> tuple[int, int]:
        """1-based (line, column) in characters; ast's col_offset counts UTF-8 bytes."""
        line = node.lineno
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return line, node.col_offset + 1
        prefix = text.encode("utf-8")[: node.col_offset].decode("utf-8", errors="ignore")
        return line, len(prefix) + 1

    def _check_node(self, node: ast.AST, ctx: _Context) -> None:
        if ctx.depth > self.max_depth:
            raise LimitExceeded(
                f"the program is nested more than {self.max_depth} levels deep "
                f"(limit max_nesting = {self.max_blocks}, times 5 for the parse tree)",
                hint="split the expression into several assignments")
        if isinstance(node, _YIELDS) and id(node) not in self._statement_yields:
            word = "`yield`" if isinstance(node, ast.Yield) else "`yield from`"
            raise _unsupported(f"{word} anywhere but as a statement of its own inside a `def`", "is",
                               hint="write `yield value` on a line of its own in the function's body")
        handler = _HANDLERS.get(type(node))
        if handler is None:
            subject, verb, hint = _UNSUPPORTED.get(
                type(node), (f"`{type(node).__name__}` constructs", "are", None))
            raise _unsupported(subject, verb, hint)
        handler(node, ctx)

    def _child_context(self, node: ast.AST, ctx: _Context) -> _Context:
        blocks = ctx.blocks + 1 if isinstance(node, _COMPOUND) else ctx.blocks
        if blocks > self.max_blocks:
            raise LimitExceeded(
                f"blocks nested more than {self.max_blocks} levels deep "
                f"(limit max_nesting = {self.max_blocks})", line=ctx.position[0],
                column=ctx.position[1], hint="move inner blocks into functions")
        in_function, in_loop = ctx.in_function, ctx.in_loop
        in_class, ctx_name = None, ctx.ctx_name
        if isinstance(node, _DEF_LAMBDA):
            in_function, in_loop = True, False
            ctx_name = None
            if isinstance(node, ast.FunctionDef) and ctx.in_class and \
                    not (ctx.in_class == "setup" and node.name == "forward"):
                ctx_name = ctx_parameter(node)
        elif isinstance(node, _FOR_WHILE):
            in_loop = True
        elif isinstance(node, ast.ClassDef):   # _check_class has accepted it
            in_class = "plain" if is_plain_class(node, ctx.classes) else \
                "setup" if "setup_context" in methods_of(node) else "ctx"
        return _Context(ctx.depth + 1, blocks, in_function, in_loop, ctx.position, in_class, ctx_name,
                        ctx.classes, ctx.plain)


def _allow(node: ast.AST, ctx: _Context) -> None:
    """Node types that are fine whatever they hold (their children are checked on their own)."""


def _statement_yields(tree: ast.AST) -> set[int]:
    """The `yield` nodes that are a statement of their own inside a `def` (lang/generators.py: a
    generator's body is only ever suspended between statements)."""
    found: set[int] = set()
    # The `yield` statements inside some `def`: an Expr statement, like a `def`, sits only in the
    # statement lists of the module and of compound statements, never inside an expression, so
    # only those lists are walked (as ast.walk of every def found by ast.walk of the tree finds them).
    stack = [(tree, False)]
    while stack:
        node, in_def = stack.pop()
        in_def = in_def or isinstance(node, ast.FunctionDef)
        if in_def and isinstance(node, ast.Expr) and isinstance(node.value, _YIELDS):
            found.add(id(node.value))
        for name in statement_fields(node):
            stack.extend((child, in_def) for child in getattr(node, name, None) or ())
    return found


def _check_name(node: ast.Name, ctx: _Context) -> None:
    if node.id == "__name__" and isinstance(node.ctx, ast.Load):
        return
    _check_identifier(node.id, "names")


def _check_attribute(node: ast.Attribute, ctx: _Context) -> None:
    if node.attr in PUBLIC_DUNDER_ATTRIBUTES and isinstance(node.ctx, ast.Load):
        return
    if node.attr in PLAIN_DUNDERS and isinstance(node.ctx, ast.Load) and (is_super_call(node.value) or (
            isinstance(node.value, ast.Name) and node.value.id in ctx.classes)):
        return   # `super().__init__(...)`, `Base.__init__(self, ...)` (lang/plain_classes.py)
    if node.attr == "__name__" and ctx.plain and isinstance(node.ctx, ast.Load):
        return   # `type(self).__name__`: a class of the program's only (checked when it runs)
    _check_identifier(node.attr, "attributes")
    if node.attr.startswith("_") and not (ctx.plain and not node.attr.startswith("__")):   # `self._n`
        raise _unsupported(f"private attributes such as `.{node.attr}`",
                           hint="use the public name without the leading underscore")
    # a program with classes may set attributes (`self.n = 0`); the interpreter refuses other values
    if isinstance(node.ctx, ast.Store) and node.attr not in ASSIGNABLE_ATTRIBUTES and not ctx.plain \
            and not (ctx.ctx_name and isinstance(node.value, ast.Name) and node.value.id == ctx.ctx_name):
        raise _unsupported(f"assigning to the attribute `.{node.attr}`", "is",
                           hint="only .requires_grad, .grad and .data can be assigned")
    if isinstance(node.ctx, ast.Del):
        raise _unsupported("deleting attributes", "is", hint="delete a variable with `del name`")


def _check_target_sequence(node: ast.Tuple | ast.List, ctx: _Context) -> None:
    if isinstance(node.ctx, ast.Load):
        return
    if sum(isinstance(element, ast.Starred) for element in node.elts) > 1:   # CPython's compile-time text
        raise ProgramSyntaxError("multiple starred expressions in assignment")
    for element in node.elts:   # `a.grad, b.grad = None, None` and `x[0], x[1] = ...` too
        if not isinstance(element, ast.Name | ast.Tuple | ast.List | ast.Starred | ast.Attribute
                          | ast.Subscript):
            raise _unsupported("unpacking into anything but names (`a, b = ...`)", "is",
                               hint="assign to names first, then store them one by one")


def _check_delete(node: ast.Delete, ctx: _Context) -> None:
    targets = list(node.targets)
    while targets:   # `del a, b[0]`, `del (a, b)`: names, items and attributes (refused by name)
        target = targets.pop()
        if isinstance(target, ast.Tuple | ast.List):
            targets.extend(target.elts)
        elif not isinstance(target, ast.Name | ast.Subscript | ast.Attribute):
            raise _unsupported("deleting anything but a variable", "is", hint="write `del name`")


def _check_starred(node: ast.Starred, ctx: _Context) -> None:
    """`f(*args)`, `zip(*matrix)`, `[*a, *b]`: unpacking a value into a call or a display (sized
    like the list it makes); `a, *rest = x` (a starred target, lang/unpacking.py): where it may
    stand is checked with its tuple (_check_target_sequence) and its statement (_check_targets)."""


def _check_ann_assign(node: ast.AnnAssign, ctx: _Context) -> None:
    if not node.simple or not isinstance(node.target, ast.Name):
        raise _unsupported("annotated assignments to anything but a name",
                           hint="remove the annotation")


def _check_arguments(args: ast.arguments) -> None:
    """`*args`, `**kwargs` and keyword-only parameters are bound by lang/parameters.py."""
    if args.posonlyargs:
        raise _unsupported("positional-only parameters (before `/`)", hint="remove the `/`")


def _check_function(node: ast.FunctionDef, ctx: _Context) -> None:
    from autogradlab.lang.grad_decorators import is_grad_mode_decorated
    if ctx.in_class == "plain":   # a method of a plain class (class_checks.py has checked its form)
        if node.name not in PLAIN_DUNDERS:
            _check_identifier(node.name, "function names")
        _check_arguments(node.args)
        return
    if ctx.in_class and len(node.decorator_list) == 1 and is_staticmethod(node.decorator_list[0]):
        pass   # a method of a Function class (_check_class has checked the class's body)
    elif node.decorator_list and not is_grad_mode_decorated(node):
        raise _unsupported("decorators (`@...`) other than `@torch.no_grad()`, `@torch.enable_grad()`, "
                           "`@torch.set_grad_enabled(...)` and `@torch.inference_mode()`",
                           "are", hint="remove the @ line")
    _check_identifier(node.name, "function names")
    _check_arguments(node.args)


def _check_lambda(node: ast.Lambda, ctx: _Context) -> None:
    _check_arguments(node.args)


def _check_arg(node: ast.arg, ctx: _Context) -> None:
    _check_identifier(node.arg, "parameter names")


def _check_keyword(node: ast.keyword, ctx: _Context) -> None:
    """`f(**options)` too (lang/keyword_unpacking.py)."""
    _check_identifier(node.arg, "keyword arguments")


def _check_constant(node: ast.Constant, ctx: _Context) -> None:
    if isinstance(node.value, bytes):
        raise _unsupported("bytes literals (`b'...'`)", hint="use a normal string")
    if not isinstance(node.value, _CONSTANT_TYPES):
        raise _unsupported(f"constants of type {type(node.value).__name__}")


def _check_comprehension_owner(node: ast.ListComp | ast.GeneratorExp | ast.DictComp, ctx: _Context) -> None:
    """Any number of `for` and `if` clauses (`[x*y for x in a for y in b if x != y]`), run in order
    like nested loops, each pass charged to the loop budget."""
    if any(generator.is_async for generator in node.generators):
        raise _unsupported("async comprehensions")


def _check_binop(node: ast.BinOp, ctx: _Context) -> None:
    if isinstance(node.op, ast.BitXor) and any(
            isinstance(side, ast.Constant) and type(side.value) in (int, float)
            for side in (node.left, node.right)):
        raise ProgramSyntaxError("`^` is exclusive-or in Python, not a power",
                                 hint="use ** for powers: write x**2")


def _check_loop(node: ast.For | ast.While, ctx: _Context) -> None:
    """`else` after a loop runs when the loop ends without `break` (statements.py, compiled_statements.py)."""
    if isinstance(node, ast.For) and isinstance(node.target, ast.Starred):   # CPython's compile-time text
        raise ProgramSyntaxError("starred assignment target must be in a list or tuple")
    if isinstance(node, ast.For) and not isinstance(node.target, ast.Name | ast.Tuple | ast.List):
        raise _unsupported("loop variables that are not names", hint="write `for name in ...`")


def grad_mode_of(item: ast.withitem) -> bool | None:
    """True/False for `torch.enable_grad()` / `torch.no_grad()` (any module alias, or the bare
    name), None for anything else (the fast path of compiled_blocks.py)."""
    call = item.context_expr
    if item.optional_vars is not None or not isinstance(call, ast.Call) or call.args or call.keywords:
        return None
    return GRAD_MODE_MANAGERS.get(grad_manager_of(item) or "")


def grad_manager_of(item: ast.withitem) -> str | None:
    """The name of a grad-mode manager as `with` takes it: `torch.no_grad()`, `torch.enable_grad()`
    (no arguments), `torch.set_grad_enabled(...)`, `torch.inference_mode(...)` (plain arguments; any
    module alias, or the bare name), None for anything else."""
    call = item.context_expr
    if item.optional_vars is not None or not isinstance(call, ast.Call):
        return None
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if isinstance(func, ast.Attribute) and not isinstance(func.value, ast.Name):
        return None
    if name in GRAD_MODE_MANAGERS:
        return name if not (call.args or call.keywords) else None
    plain = not any(isinstance(a, ast.Starred) for a in call.args) and all(k.arg for k in call.keywords)
    return name if name in ARGUMENT_MANAGERS and plain else None


def _check_with(node: ast.With, ctx: _Context) -> None:
    for item in node.items:
        if grad_manager_of(item) is None:
            raise _unsupported("`with` statements other than `with torch.no_grad():`, "
                               "`torch.enable_grad()`, `torch.set_grad_enabled(...)` and "
                               "`torch.inference_mode()`", "are",
                               hint="write the code without `with`")


def _check_except_handler(node: ast.ExceptHandler, ctx: _Context) -> None:
    _check_identifier(node.name, "names")


def _check_class(node: ast.ClassDef, ctx: _Context) -> None:
    bases = [ast.unparse(b) for b in node.bases]
    if any(b.split(".")[-1] == "Module" and b not in ctx.classes for b in bases):   # not the program's own
        from autogradlab.lang.allowed_imports import MODEL_HINT
        raise NotSupported(f"`class {node.name}({', '.join(bases)})`: nn.Module models are not covered "
                           "by Autograd Lab yet", hint=MODEL_HINT)
    _check_identifier(node.name, "class names")
    if is_plain_class(node, ctx.classes):
        check_plain_class(node, ctx.classes)   # lang/class_checks.py
        return
    check_function_class(node)   # a custom autograd Function (lang/function_classes.py)


def _check_return(node: ast.Return, ctx: _Context) -> None:
    if not ctx.in_function:
        raise ProgramSyntaxError("`return` outside a function", hint="use `return` inside a `def`")


def _check_targets(node: ast.Assign, ctx: _Context) -> None:
    if any(isinstance(target, ast.Starred) for target in node.targets):   # `*a = x`: CPython's text
        raise ProgramSyntaxError("starred assignment target must be in a list or tuple")


def _check_declaration(node: ast.Global | ast.Nonlocal, ctx: _Context) -> None:
    """`global x` / `nonlocal x` (lang/declarations.py); misplaced ones are found by
    declarations.check_placement with CPython's own symbol table, as SyntaxErrors."""
    for name in node.names:
        _check_identifier(name, "names")


def _check_loop_jump(node: ast.Break | ast.Continue, ctx: _Context) -> None:
    if not ctx.in_loop:
        word = "break" if isinstance(node, ast.Break) else "continue"
        raise ProgramSyntaxError(f"`{word}` outside a loop", hint=f"use `{word}` inside `for` or `while`")


def _check_import(node: ast.Import | ast.ImportFrom, ctx: _Context) -> None:
    check_import(node)


_Handler = Callable[[ast.AST, _Context], None]
_HANDLERS: dict[type, _Handler] = {
    # statements
    ast.Module: _allow, ast.Expr: _allow, ast.Assign: _check_targets, ast.AugAssign: _allow,
    ast.AnnAssign: _check_ann_assign, ast.If: _allow, ast.While: _check_loop, ast.For: _check_loop,
    ast.Break: _check_loop_jump, ast.Continue: _check_loop_jump, ast.Pass: _allow,
    ast.FunctionDef: _check_function, ast.Return: _check_return, ast.Import: _check_import,
    ast.ImportFrom: _check_import, ast.Assert: _allow, ast.Delete: _check_delete,
    ast.With: _check_with, ast.Try: _allow, ast.ClassDef: _check_class,
    ast.ExceptHandler: _check_except_handler,
    ast.Global: _check_declaration, ast.Nonlocal: _check_declaration,
    # expressions
    ast.BinOp: _check_binop, ast.UnaryOp: _allow, ast.BoolOp: _allow, ast.Compare: _allow,
    ast.Call: _allow, ast.Attribute: _check_attribute, ast.Subscript: _allow,
    ast.Slice: _allow, ast.Tuple: _check_target_sequence, ast.List: _check_target_sequence,
    ast.Dict: _allow, ast.Constant: _check_constant, ast.Name: _check_name, ast.IfExp: _allow,
    ast.JoinedStr: _allow, ast.FormattedValue: _allow, ast.Starred: _check_starred, ast.Lambda: _check_lambda,
    ast.ListComp: _check_comprehension_owner, ast.GeneratorExp: _check_comprehension_owner,
    ast.Yield: _allow, ast.YieldFrom: _allow,   # where: StaticChecker._check_node
    ast.DictComp: _check_comprehension_owner, ast.SetComp: _check_comprehension_owner, ast.Set: _allow,
    # helper nodes
    ast.arguments: _allow, ast.arg: _check_arg, ast.keyword: _check_keyword,
    ast.alias: _allow, ast.comprehension: _allow, ast.withitem: _allow,
    ast.Load: _allow, ast.Store: _allow, ast.Del: _allow,
}
for _group in (ast.operator, ast.unaryop, ast.cmpop, ast.boolop):
    for _op in _group.__subclasses__():
        _HANDLERS[_op] = _allow
