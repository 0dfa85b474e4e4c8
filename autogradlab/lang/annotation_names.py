"""Python evaluates a `def`'s annotations when the `def` runs (3.11, without `from __future__ import
annotations`): `def P(event: Event) -> Fraction:` with Event undefined is a NameError at the def line
(session 41: Norvig's probability notebook, whose first cell defines Event; a class's method annotated
with the class's own name fails the same way). The engine kept annotations unread, so such a program ran
where Python stops. Only the names an annotation reads are looked up, as an ordinary read of each name
would (no call, no indexing); `from __future__ import annotations` makes them lazy, as in Python."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

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
            _read_names(interp, arg.annotation)
    if node.returns is not None:
        _read_names(interp, node.returns)


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
