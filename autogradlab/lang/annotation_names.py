"""Python evaluates a `def`'s annotations when the `def` runs (3.11, without `from __future__ import
annotations`): `def P(event: Event) -> Fraction:` with Event undefined is a NameError at the def line
(session 41: Norvig's probability notebook, whose first cell defines Event; a class's method annotated
with the class's own name fails the same way). The engine kept annotations unread, so such a program ran
where Python stops. Only the names an annotation reads are looked up, as an ordinary read of each name
would (no call, no indexing); `from __future__ import annotations` makes them lazy, as in Python.
Session 43: an annotation with a call in it is evaluated whole (`def f(x: print('a'))` prints), and a
variable's annotation at the top level or in a class body is read too (`x: undefined = 1`: NameError)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

LAZY_KEY = "_lazy_annotations"   # set in the interpreter's __dict__ by `from __future__ import annotations`


def note_future(interp: Interpreter, node: ast.ImportFrom) -> None:
    if any(alias.name == "annotations" for alias in node.names):
        interp.__dict__[LAZY_KEY] = True


def read_annotation_names(interp: Interpreter, node: ast.AST) -> None:
    """Look up each bare-name annotation of a `def` (parameters in order, then the return), as Python."""
    if not isinstance(node, ast.FunctionDef) or interp.__dict__.get(LAZY_KEY):
        return
    args = node.args
    for arg in (*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg):
        if arg is not None and arg.annotation is not None:
            evaluate_annotation(interp, arg.annotation)
    if node.returns is not None:
        evaluate_annotation(interp, node.returns)


def read_variable_annotation(interp: Interpreter, node: ast.AnnAssign) -> None:
    """`x: int = 0` at the top level or in a class body: Python evaluates the annotation after the value
    (session 43: `x: undefined = 1` is its NameError, `y: print('a')` prints); in a def's body it does not
    (the caller asks only outside one)."""
    if not interp.__dict__.get(LAZY_KEY):
        evaluate_annotation(interp, node.annotation)


def evaluate_annotation(interp: Interpreter, annotation: ast.expr) -> None:
    """An annotation with a call in it (`x: print('a')`, `-> make_type()`) is evaluated as Python does
    (session 43: the engine read its names only, so the call never ran); any other only reads its names
    (an annotation such as `list[int]` or `Optional[Tensor]` may be a form the engine does not build as a
    value: nothing is lost, since evaluating it changes nothing). A typing form around a call
    (`List[kind()]`, `Tuple[int, make()]`, `int | kind()`) has its parts evaluated in Python's order and is
    not built itself. A call the engine refuses stays refused (red team s43: `def f(x: open('f'))` ran
    on, the refusal dropped)."""
    _evaluated(interp, annotation)


_FORM = object()   # a part of an annotation that was not built (a typing form, or only its names read)


def _evaluated(interp: Interpreter, annotation: ast.expr) -> Any:
    """evaluate_annotation's work: the value, or _FORM where none was built. A subscript or `|` of data
    (`print(1)[0]`, `[1][f()]`, `5 | f()`) is done as Python does it, its error kept (red team s44: the
    parts ran and the error Python raises after them was lost)."""
    kind = type(annotation)
    if not _calls(annotation):
        if kind in _DISPLAYS:   # `[1]` of `[1][f()]`: built (it reads names only, as _read_names would)
            try:
                return interp.eval(annotation)
            except NotSupported:   # `[frozenset]`: a name the engine does not offer as a value
                pass
        _read_names(interp, annotation)
        return _FORM
    if kind is ast.Subscript:
        base = _evaluated(interp, annotation.value)
        if _data(base):
            from autogradlab.lang import attributes
            from autogradlab.lang.plain_classes import subscript_base
            index = interp.index_value(annotation.slice)
            return attributes.get_item(interp, subscript_base(base), index, annotation)
        _evaluated(interp, annotation.slice)
    elif (kind is ast.Tuple or kind is ast.List) and not any(type(p) is ast.Starred for p in annotation.elts):
        parts = [_evaluated(interp, part) for part in annotation.elts]   # Callable[[int], f()]'s list
        if all(map(_data, parts)):   # `[print(1), 2][5]`: the list itself, subscripted above
            return parts if kind is ast.List else tuple(parts)
    elif kind is ast.BinOp and type(annotation.op) is ast.BitOr:
        left, right = _evaluated(interp, annotation.left), _evaluated(interp, annotation.right)
        if _data(left) and _data(right):
            from autogradlab.lang.operators import BINARY
            name, fn, _, _ = BINARY[ast.BitOr]
            return interp.apply_binary(name, fn, left, right, annotation)
    else:
        return interp.eval(annotation)
    return _FORM


def _data(value: Any) -> bool:
    """A value no typing form is made of (`int | None` is a form; `print(1)[0]` subscripts None)."""
    import torch

    from autogradlab.lang.safe_values import SafeArray
    return value is not _FORM and (type(value) in _DATA or isinstance(value, (torch.Tensor, SafeArray)))


_DATA = (list, tuple, dict, str, int, float, complex, bool, type(None))
_DISPLAYS = (ast.Constant, ast.List, ast.Tuple, ast.Dict)


def _calls(annotation: ast.expr) -> bool:
    """A call or a walrus the def's own scope runs (not inside a lambda's body)."""
    todo: list[ast.AST] = [annotation]
    while todo:
        part = todo.pop()
        if isinstance(part, ast.Call | ast.NamedExpr):
            return True
        if isinstance(part, ast.Lambda):
            todo.extend([*part.args.defaults, *filter(None, part.args.kw_defaults)])
        else:
            todo.extend(ast.iter_child_nodes(part))
    return False


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _read_names(interp: Interpreter, annotation: ast.expr) -> None:
    """Each name the annotation reads (`Event`, `List` and `str` of `List[str]`, `torch` of `torch.Tensor`),
    in Python's order of evaluation (depth first, fields in order); nothing is called or indexed."""
    for part in _loaded_names(annotation):
        _read(interp, part)


def _loaded_names(annotation: ast.expr) -> list[ast.Name]:
    """The names the def's own scope reads: not a lambda's body (run when called) nor a comprehension's
    own variables (only its first `in` is read here), not a walrus's target (bound, not read)."""
    found: list[ast.Name] = []
    todo: list[ast.AST] = [annotation]
    while todo:
        part = todo.pop()
        if type(part) is ast.Name:
            if type(part.ctx) is ast.Load:
                found.append(part)
            continue
        if isinstance(part, ast.Lambda):
            children: list[ast.AST] = [*part.args.defaults, *filter(None, part.args.kw_defaults)]
        elif isinstance(part, _COMPREHENSIONS):
            children = [part.generators[0].iter]
        else:
            children = list(ast.iter_child_nodes(part))
        todo.extend(reversed(children))
    return found


def _read(interp: Interpreter, name: ast.Name) -> None:
    try:
        interp.eval(name)
    except NotSupported:   # `x: frozenset`, `-> property`: a name Python has and the engine does not
        pass               # offer as a value; the def runs as before (only a missing name stops it)
