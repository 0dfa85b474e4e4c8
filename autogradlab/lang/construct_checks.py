"""The per-construct rules of the static allowlist walk (checker.StaticChecker): one handler per
node type the language accepts, in _HANDLERS; node types without one fail safe through _UNSUPPORTED.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import NamedTuple

from autogradlab.errors import NotSupported, ProgramSyntaxError
from autogradlab.lang.allowed_imports import check_import
from autogradlab.lang.class_checks import (
    OPERATOR_DUNDERS,
    PLAIN_DUNDERS,
    check_plain_class,
    is_plain_class,
    is_super_call,
)
from autogradlab.lang.function_classes import check_function_class, is_staticmethod
from autogradlab.lang.grad_manager_forms import ARGUMENT_MANAGERS, GRAD_MODE_MANAGERS, grad_manager_of
from autogradlab.lang.module_constants import NAMES as MODULE_CONSTANT_NAMES
from autogradlab.lang.namedtuple_values import NAMEDTUPLE_MEMBERS

ASSIGNABLE_ATTRIBUTES = frozenset({"requires_grad", "grad", "data",
                                   "deterministic", "benchmark", "enabled", "allow_tf32"})   # cudnn_flags.py
_MODULE_NAMES = frozenset({"torch", "np", "numpy", "math", "F", "nn", "random", "time", "copy", "functools",
                           "warnings", "pprint", "collections", "contextlib", "plt", "matplotlib", "optim",
                           "autograd"})
_CONSTANT_TYPES = (int, float, complex, str, bool, type(None), type(Ellipsis))

# Constructs outside the language: (what it is called, verb, hint).
_UNSUPPORTED: dict[type, tuple[str, str, str | None]] = {
    ast.AsyncWith: ("`async with` statements", "are", None),
    ast.Await: ("`await`", "is", None),
    ast.AsyncFunctionDef: ("`async def` functions", "are", "use a plain `def`"),
    ast.AsyncFor: ("`async for` loops", "are", "use a plain `for`"),
}
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


CLASS_BODY_DUNDERS = frozenset({"__hash__", "__slots__", "__match_args__"})   # assigned in a class body
PUBLIC_DUNDER_ATTRIBUTES = frozenset({"__version__"})   # read-only module facts (torch.__version__)
# a notebook's first line `__author__ = "..."` (Kyubyong's numpy_exercises, session 39): plain variables of
# the program's own, as a Name only (`x.__author__` stays refused); no builtin or module here has one
MODULE_METADATA_NAMES = frozenset({"__author__", "__credits__", "__email__", "__license__", "__copyright__"})


_SAVED_NAME = re.compile(r"_saved_[a-z][a-z0-9_]*")


def is_saved_name(name: str) -> bool:
    """`_saved_self`, `_saved_exponent`: a backward node's saved values, read only (grad_fn_saved.py)."""
    return _SAVED_NAME.fullmatch(name) is not None and not name.endswith("__")


def _check_identifier(name: str | None, what: str) -> None:
    """Names the program makes up get "rename it"; attributes it reads belong to Python's
    internals (`x.__class__`), which no renaming reaches."""
    if name and is_dunder(name):
        hint = ("double-underscore attributes are Python's internals, which programs cannot reach "
                "in Autograd Lab (torch.__version__ is the one that is available)"
                if what == "attributes" else "rename it without the double underscores")
        raise _unsupported(f"double-underscore {what} such as `{name}`", hint=hint)


def _allow(node: ast.AST, ctx: _Context) -> None:
    """Node types that are fine whatever they hold (their children are checked on their own)."""


def _check_name(node: ast.Name, ctx: _Context) -> None:
    if node.id == "__name__" and isinstance(node.ctx, ast.Load) or node.id in MODULE_METADATA_NAMES:
        return
    if node.id in CLASS_BODY_DUNDERS and isinstance(node.ctx, ast.Store):   # `__hash__ = None`, `__slots__`,
        return   # `__match_args__`: in a class body only (_check_targets, class_checks.py)
    _check_identifier(node.id, "names")


def _check_attribute(node: ast.Attribute, ctx: _Context) -> None:
    if node.attr in PUBLIC_DUNDER_ATTRIBUTES and isinstance(node.ctx, ast.Load):
        return
    if node.attr in PLAIN_DUNDERS and isinstance(node.ctx, ast.Load) and (is_super_call(node.value) or (
            isinstance(node.value, ast.Name) and node.value.id in ctx.classes)):
        return   # `super().__init__(...)`, `Base.__init__(self, ...)` (lang/plain_classes.py)
    if node.attr in OPERATOR_DUNDERS and node.attr != "__hash__" and isinstance(node.ctx, ast.Load) \
            and ctx.plain:
        return   # `obj.__add__(other)`: the program's own operator only (plain_classes.attribute_allowed)
    if node.attr in ("__name__", "__doc__") and isinstance(node.ctx, ast.Load):
        return   # `type(err).__name__`, `f.__name__`: a class's or a function's name; `f.__doc__`: a def's
        # docstring (lang/function_names.py); each checked when it runs
    _check_identifier(node.attr, "attributes")
    if is_saved_name(node.attr) and isinstance(node.ctx, ast.Load):
        return   # `y.grad_fn._saved_self`: a backward node's saved values (lang/grad_fn_saved.py)
    if node.attr.startswith("_") and not (ctx.plain and not node.attr.startswith("__")) \
            and not (node.attr in NAMEDTUPLE_MEMBERS and isinstance(node.ctx, ast.Load)):   # `p._make`
        raise _unsupported(f"private attributes such as `.{node.attr}`",
                           hint="use the public name without the leading underscore")
    # a program with classes may set attributes (`self.n = 0`), one without classes a public name of its
    # own on a tensor (`inp.g = ...`, lang/tensor_own_attributes.py): the interpreter refuses other bases
    # and torch.Tensor's own names (`x.sum = 1`), the checker a module's usual name (`torch.x = 1`) and,
    # in a program with only autograd.Function classes, anything but `ctx.k = ...` in their methods
    if isinstance(node.ctx, ast.Store) and node.attr not in ASSIGNABLE_ATTRIBUTES and not ctx.plain \
            and not (ctx.ctx_name and isinstance(node.value, ast.Name) and node.value.id == ctx.ctx_name) \
            and (bool(ctx.classes) or _names_a_module(node.value)) and not _module_constant(node):
        raise _unsupported(f"assigning to the attribute `.{node.attr}`", "is",
                           hint="only .requires_grad, .grad and .data can be assigned")
    if isinstance(node.ctx, ast.Del) and _names_a_module(node.value):   # `del torch.sin`; `del obj.x` runs
        raise _unsupported("deleting attributes", "is", hint="delete a variable with `del name`")


def _module_constant(node: ast.Attribute) -> bool:
    """`torch.pi = ...`, `np.e = ...`: a number constant of a module, set in this run's copy only (the
    interpreter checks the value and the module: lang/module_constants.py)."""
    return node.attr in MODULE_CONSTANT_NAMES and isinstance(node.value, ast.Name) \
        and node.value.id in ("torch", "np", "numpy", "math")


def _names_a_module(node: ast.expr) -> bool:
    """`torch.x`, `np.random.x`, `time.time`: an attribute store whose base is an import's usual name."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in _MODULE_NAMES


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
    """`*args`, `**kwargs`, keyword-only and positional-only parameters are bound by lang/parameters.py."""


def _check_function(node: ast.FunctionDef, ctx: _Context) -> None:
    from autogradlab.lang.context_managers import is_contextmanager_decorated
    from autogradlab.lang.grad_decorators import is_grad_mode_decorated
    if ctx.in_class == "plain":   # a method of a plain class (class_checks.py has checked its form)
        if node.name not in PLAIN_DUNDERS:
            _check_identifier(node.name, "function names")
        _check_arguments(node.args)
        return
    if ctx.in_class and node.decorator_list and is_staticmethod(node.decorator_list[0]) \
            and len(node.decorator_list) <= 2:   # `@staticmethod`, above `@once_differentiable` (backward)
        pass   # a method of a Function class (_check_class has checked the class's body)
    elif ctx.in_class and node.decorator_list and not is_grad_mode_decorated(node) \
            and not is_contextmanager_decorated(node):   # a def's own decorators: lang/decorators.py
        raise _unsupported("decorators (`@...`) other than `@torch.no_grad()`, `@torch.enable_grad()`, "
                           "`@torch.set_grad_enabled(...)`, `@torch.inference_mode()` and `@contextmanager`",
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
    if isinstance(node.value, bytes):   # b"hello": a BytesValue (lang/bytes_values.py)
        return
    if not isinstance(node.value, _CONSTANT_TYPES):
        raise _unsupported(f"constants of type {type(node.value).__name__}")


def _check_comprehension_owner(node: ast.ListComp | ast.GeneratorExp | ast.DictComp, ctx: _Context) -> None:
    """Any number of `for` and `if` clauses (`[x*y for x in a for y in b if x != y]`), run in order
    like nested loops, each pass charged to the loop budget."""
    if any(generator.is_async for generator in node.generators):
        raise _unsupported("async comprehensions")
    for generator in node.generators:   # `[y for x in (y := [1, 2])]`: CPython's symtable refuses it
        walrus = [inner for inner in ast.walk(generator.iter) if isinstance(inner, ast.NamedExpr)]
        if walrus:
            first = min(walrus, key=lambda inner: (inner.lineno, inner.col_offset))
            raise ProgramSyntaxError("assignment expression cannot be used in a comprehension iterable "
                                     "expression").at(first.lineno, first.col_offset + 1)


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


GRAD_MANAGER_NAMES = frozenset(GRAD_MODE_MANAGERS) | ARGUMENT_MANAGERS


def _check_with(node: ast.With, ctx: _Context) -> None:
    """The grad-mode managers in the forms lang/grad_managers.py runs (any other use of their names is
    refused here, as before), and any other value: the interpreter runs an object of the program's classes
    with `__enter__`/`__exit__` and gives Python's TypeError for anything else (lang/with_objects.py)."""
    for item in node.items:
        call = item.context_expr
        func = call.func if isinstance(call, ast.Call) else None
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in GRAD_MANAGER_NAMES and grad_manager_of(item) is None:
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
    dunder = next((target.id for target in node.targets
                   if isinstance(target, ast.Name) and target.id in CLASS_BODY_DUNDERS), None)
    if dunder is not None and ctx.in_class != "plain":
        _check_identifier(dunder, "names")
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
    if ctx.in_function and isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
        raise ProgramSyntaxError("import * only allowed at module level")   # CPython's compile error


_Handler = Callable[[ast.AST, _Context], None]
_HANDLERS: dict[type, _Handler] = {
    # statements
    ast.Module: _allow, ast.Expr: _allow, ast.Assign: _check_targets, ast.AugAssign: _allow,
    ast.AnnAssign: _check_ann_assign, ast.If: _allow, ast.While: _check_loop, ast.For: _check_loop,
    ast.Break: _check_loop_jump, ast.Continue: _check_loop_jump, ast.Pass: _allow,
    ast.FunctionDef: _check_function, ast.Return: _check_return, ast.Import: _check_import,
    ast.ImportFrom: _check_import, ast.Assert: _allow, ast.Delete: _check_delete,
    ast.With: _check_with, ast.Try: _allow, ast.ClassDef: _check_class, ast.Raise: _allow,
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
    ast.NamedExpr: _allow,   # `(n := v)`: its target is a Name (the grammar's rule), checked as one
    ast.DictComp: _check_comprehension_owner, ast.SetComp: _check_comprehension_owner, ast.Set: _allow,
    # helper nodes
    ast.arguments: _allow, ast.arg: _check_arg, ast.keyword: _check_keyword,
    ast.alias: _allow, ast.comprehension: _allow, ast.withitem: _allow,
    ast.Load: _allow, ast.Store: _allow, ast.Del: _allow,
}
for _group in (ast.operator, ast.unaryop, ast.cmpop, ast.boolop):
    for _op in _group.__subclasses__():
        _HANDLERS[_op] = _allow
