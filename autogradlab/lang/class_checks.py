"""The static form of a plain `class` (lang/plain_classes.py runs it), checked without touching torch.

    class Accumulator:            # or `class Name():`, `class Name(object):`, `class Name(Base):`
        \"\"\"docstring\"\"\"
        count = 0                 # class attributes: plain assignments to names
        def __init__(self, n): ...
        @staticmethod / @classmethod / @property
        def method(self, ...): ...

The one base, if any, is `object`, a builtin exception class the language names (`class
MyError(ValueError):`, lang/exception_objects.py) or another class of the program (a name a
`class` statement of the program defines). The dunder methods a class may define are those the
interpreter dispatches itself (PLAIN_DUNDERS); every other one is refused by name, at its `def`. No
keywords (`metaclass=`), no class decorators but `@dataclass` (lang/dataclass_classes.py), no
nested classes; `name: type` lines without a value are annotations (a dataclass's fields). A class
whose one base names `Function` and is no class of the program stays the custom autograd Function of
lang/function_classes.py.
"""

from __future__ import annotations

import ast

from autogradlab.errors import NotSupported
from autogradlab.lang.function_classes import base_name

# The dunders the interpreter calls itself: Name(...), x[i], x[i] = v, len(x), x(...), repr/str/print.
# The operators' methods lang/object_operators.py calls; __eq__/__ne__/__hash__ also from inside CPython's
# dicts, sets and lists while the program runs (lang/object_equality.py); __bool__, __abs__, __iter__ and
# __contains__ from the interpreter's truth, abs(), loops and `in` (lang/object_protocols.py).
OPERATOR_DUNDERS = tuple(f"__{side}{stem}__" for stem in ("add", "sub", "mul", "truediv", "floordiv", "mod",
                                                          "pow", "matmul") for side in ("", "r", "i")) + \
    ("__lt__", "__le__", "__gt__", "__ge__", "__neg__", "__pos__", "__abs__", "__eq__", "__ne__", "__hash__")
PLAIN_DUNDERS = ("__init__", "__getitem__", "__setitem__", "__len__", "__call__", "__repr__", "__str__",
                 "__bool__", "__iter__", "__next__", "__contains__", "__format__", "__getattr__", "__index__",
                 "__enter__", "__exit__", "__post_init__", "__reversed__", *OPERATOR_DUNDERS)
METHOD_DECORATORS = ("staticmethod", "classmethod", "property")
CLASS_HINT = ("a class may define `__init__`, `__getitem__`, `__setitem__`, `__len__`, `__iter__`, "
              "`__next__`, `__contains__`, `__call__`, `__repr__`, `__str__`, `__format__`, `__getattr__`, "
              "`__index__`, `__bool__`, `__enter__`, `__exit__`, `__reversed__`, `__eq__`, "
              "`__hash__` (or `__hash__ = None`), `__slots__`, "
              "`__match_args__` and operators such as `__add__`, `__radd__`, `__iadd__`, `__neg__` and "
              "`__lt__`, "
              "plain, `@staticmethod`, `@classmethod` and `@property` "
              "methods, and class attributes; its base may be `object`, another class of the program or "
              "an exception class such as `Exception` or `ValueError`")


def program_classes(tree: ast.AST) -> frozenset[str]:
    """The names the program's `class` statements define (anywhere in it)."""
    return frozenset(node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef))


def is_plain_class(node: ast.ClassDef, classes: frozenset[str]) -> bool:
    """Not a custom autograd Function: no base names `Function`, unless it is a class of the program."""
    return not any(base_name(base) == "Function" and not (isinstance(base, ast.Name) and base.id in classes)
                   for base in node.bases)


def _refuse(text: str, node: ast.AST | None = None, verb: str = "is", hint: str = CLASS_HINT) -> NotSupported:
    error = NotSupported(f"{text} {verb} not supported in Autograd Lab", hint=hint)
    return error.at(node.lineno, node.col_offset + 1) if node is not None else error


def check_plain_class(node: ast.ClassDef, classes: frozenset[str]) -> None:
    """Raise NotSupported naming the first part outside the supported form (the checker calls it,
    and the interpreter again before it runs the class)."""
    name = node.name
    if node.keywords:
        word = node.keywords[0].arg or "**"
        raise _refuse(f"`class {name}(..., {word}=...)`: a class keyword such as `{word}=`")
    if len(node.decorator_list) > 1 or node.decorator_list and not is_dataclass_form(node.decorator_list[0]):
        raise _refuse(f"a decorator on `class {name}`")   # but `@dataclass`
    if getattr(node, "type_params", None):
        raise _refuse(f"type parameters of `class {name}`", verb="are")
    if len(node.bases) > 1:
        raise _refuse(f"`class {name}({', '.join(ast.unparse(b) for b in node.bases)})`: more than one base")
    if node.bases and is_named_tuple_base(node.bases[0]):   # `class P(NamedTuple):` fields only
        _check_named_tuple(node)
        return
    if node.bases:
        base = node.bases[0]
        from autogradlab.lang.exceptions import EXCEPTION_TYPES
        if not (isinstance(base, ast.Name) and (base.id in ("object", "Protocol", "TypedDict")
                                                or base.id in classes or base.id in EXCEPTION_TYPES)
                or _is_typing_protocol(base)):   # what `Protocol` names: checked when the class is made
            raise _refuse(f"`class {name}({ast.unparse(base)})`: a base that is not `object`, a builtin "
                          "exception class such as `Exception` or another class of your program")
    for statement in node.body:
        _check_member(name, statement)


def _is_typing_protocol(base: ast.expr) -> bool:
    """`typing.Protocol` (lang/protocol_classes.py)."""
    return isinstance(base, ast.Attribute) and base.attr in ("Protocol", "TypedDict") \
        and isinstance(base.value, ast.Name)


def is_named_tuple_base(base: ast.expr) -> bool:
    """`NamedTuple` or `typing.NamedTuple` (what it names is checked when the class is defined)."""
    return isinstance(base, ast.Name) and base.id == "NamedTuple" \
        or isinstance(base, ast.Attribute) and base.attr == "NamedTuple" and isinstance(base.value, ast.Name)


def _check_named_tuple(node: ast.ClassDef) -> None:
    if node.decorator_list:
        raise _refuse(f"a decorator on `class {node.name}`")
    for statement in node.body:
        if isinstance(statement, ast.Pass) or is_docstring(statement) or (
                isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            for part in _class_scope_parts(statement):
                _check_no_walrus(node.name, part)
            continue
        shown = ast.unparse(statement).splitlines()[0]
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise _refuse(f"`{shown}` in the body of `class {node.name}(NamedTuple)` (it may hold its fields, "
                      "`name: type` or `name: type = default`)", statement)


def _check_member(name: str, statement: ast.stmt) -> None:
    if isinstance(statement, ast.Pass) or is_docstring(statement):
        return
    for part in _class_scope_parts(statement):
        _check_no_walrus(name, part)
    if isinstance(statement, ast.Assign) and all(isinstance(t, ast.Name) for t in statement.targets):
        dunder = next((t.id for t in statement.targets if is_dunder_name(t.id)), None)
        hash_none = dunder == "__hash__" and isinstance(statement.value, ast.Constant) \
            and statement.value.value is None
        # `__slots__` (lang/class_slots.py), `__match_args__` (lang/match_statement.py)
        if dunder is not None and not (len(statement.targets) == 1 and (
                hash_none or dunder in ("__slots__", "__match_args__"))):
            raise _refuse(f"defining `{dunder}` in `class {name}`", statement)   # but `__hash__ = None`
        return
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return   # `x: float = 0.0`, and `x: float` (a dataclass's field; else only an annotation)
    if isinstance(statement, ast.FunctionDef):
        decorators = statement.decorator_list
        if len(decorators) > 1 or decorators and not (
                isinstance(decorators[0], ast.Name) and decorators[0].id in METHOD_DECORATORS
                or is_property_setter(statement)):
            shown = " ".join(f"@{ast.unparse(d)}" for d in decorators)
            raise _refuse(f"`{shown}` on the method `{statement.name}` of `class {name}` (only "
                          "@staticmethod, @classmethod and @property)", decorators[0])
        method = statement.name
        if method.startswith("__") and method.endswith("__") and (method not in PLAIN_DUNDERS or decorators):
            raise _refuse(f"defining `{method}` in `class {name}`", statement)
        return
    shown = ast.unparse(statement).splitlines()[0]
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    call = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)   # `plt.plot(x)`
    raise _refuse(f"`{shown}` in the body of `class {name}` (it may hold a docstring, class attributes "
                  "`name = value` and methods)", statement, hint=CALL_HINT if call else CLASS_HINT)


# (session 40: a lesson's plotting call in a class body got the list of what a class may define)
CALL_HINT = ("make the call after the class or inside a method (a plotting statement such as `plt.plot(...)` "
             "outside a class body is skipped, its arguments run)")


def _class_scope_parts(statement: ast.stmt) -> list[ast.expr]:
    """What a class body's statement evaluates in the class's own scope: an assignment's value and
    annotation, a method's decorators, defaults and annotations (red team s44: `y: (z := 2)` and
    `def m(self, x=(z := 2))` bound z around the class, where Python makes it a class attribute)."""
    if isinstance(statement, ast.Assign):
        return [statement.value]
    if isinstance(statement, ast.AnnAssign):
        return [part for part in (statement.value, statement.annotation) if part is not None]
    if isinstance(statement, ast.FunctionDef):
        args = statement.args
        every = [*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg]
        return [*statement.decorator_list, *args.defaults, *filter(None, args.kw_defaults),
                *(arg.annotation for arg in every if arg is not None and arg.annotation is not None),
                *filter(None, [statement.returns])]
    return []


def _check_no_walrus(name: str, value: ast.expr) -> None:
    """`y = (z := 1)` in a class body: Python binds z as a class attribute (inside a comprehension it
    refuses the program); the class body's scope would bind it around the class instead. A lambda's
    own `:=` binds in the lambda and is left alone."""
    stack: list[ast.AST] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.NamedExpr):
            target = node.target.id
            raise _refuse(f"`{target} :=` in the body of `class {name}` (write `{target} = ...` on a line of "
                          "its own)", node)
        if not isinstance(node, ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))


def is_dataclass_form(decorator: ast.expr) -> bool:
    """`@dataclass`, `@dataclass(...)`, `@dataclasses.dataclass(...)`: what it names is checked when the
    class is defined (lang/dataclass_classes.py)."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Name) and target.id == "dataclass" \
        or isinstance(target, ast.Attribute) and target.attr == "dataclass" \
        and isinstance(target.value, ast.Name)


def is_dunder_name(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def is_super_call(node: ast.expr) -> bool:
    """`super()` or `super(Name, self)`: the base of `super().__init__(...)`."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def is_property_setter(method: ast.FunctionDef) -> bool:
    """`@name.setter` on `def name(self, value)`: the setter of the property `name` (its getter must come
    first in the class: lang/class_dispatch.py says so when it does not)."""
    decorators = method.decorator_list
    return len(decorators) == 1 and isinstance(decorators[0], ast.Attribute) \
        and decorators[0].attr == "setter" and isinstance(decorators[0].value, ast.Name) \
        and decorators[0].value.id == method.name
