"""The static allowlist walk: every node type the language accepts has a handler in _HANDLERS.

Anything without a handler fails safe with a NotSupported that names the construct in plain words.
The walk is iterative (an explicit stack, preorder, so the first offending construct in reading
order is reported) and bounds the parse-tree depth and block nesting, because the interpreter that
runs the tree afterwards recurses.
"""


from __future__ import annotations

import ast

from autogradlab.errors import LimitExceeded, ProgramError
from autogradlab.lang.ast_walk import child_nodes, statement_fields
from autogradlab.lang.class_checks import is_plain_class, program_classes
from autogradlab.lang.construct_checks import (  # noqa: F401 - re-exported (keyword_unpacking.py)
    _HANDLERS,
    _UNSUPPORTED,
    _check_identifier,
    _Context,
    _unsupported,
)
from autogradlab.lang.function_classes import ctx_parameter, methods_of
from autogradlab.lang.grad_manager_forms import (  # noqa: F401 - re-exported (statements.py, ...)
    ARGUMENT_MANAGERS,
    grad_manager_of,
    grad_mode_of,
)
from autogradlab.lang.match_checks import PATTERN_HANDLERS
from autogradlab.limits import Limits

_COMPOUND = (ast.If, ast.For, ast.While, ast.FunctionDef, ast.With, ast.Try, ast.ClassDef, ast.Match)
_DECLARATIONS = (ast.Global, ast.Nonlocal)
# the per-node tests' classes as tuples (`ast.For | ast.While` would build a union on every node)
_FOR_WHILE = (ast.For, ast.While)
_YIELDS = (ast.Yield, ast.YieldFrom)
_DEF_LAMBDA = (ast.FunctionDef, ast.Lambda)


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
            handler = PATTERN_HANDLERS.get(type(node))   # `match` (lang/match_checks.py)
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
