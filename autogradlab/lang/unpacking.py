"""Starred assignment targets: `a, *rest = seq`, `first, *_, last = ...`, `for head, *tail in rows:`.

The value is read item by item as Python reads it (a list, tuple, string, range, dict, set, tensor
rows, a generator or iterator), counted like the list it becomes (Interpreter.materialize: the
sequence limits); the starred name gets a new list of the middle items. A value with too few items
is CPython's ValueError, word for word; a value that is not iterable is CPython's TypeError."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.iterators import ITERATORS
from autogradlab.lang.safe_values import type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def has_star(target: ast.Tuple | ast.List) -> bool:
    return any(type(element) is ast.Starred for element in target.elts)


def unpacked_items(interp: Interpreter, value: Any, node: ast.AST) -> list:
    """The items an unpacking assignment binds (Interpreter.materialize); a value that is not iterable
    is CPython's `cannot unpack non-iterable print object` TypeError (`a, b = print`, `a, b = np.int64(1)`:
    the iteration's own words named the engine's class, 'SafeFunction'; red team, session 41)."""
    try:
        return interp.materialize(value, node)
    except ProgramTypeError as exc:
        if getattr(exc, "not_iterable", exc) is not value:   # another error, or one inside a generator the
            raise                                             # unpacking ran: as it is
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"cannot unpack non-iterable {type_text(value)} object")) from None


def assign_starred(interp: Interpreter, target: ast.Tuple | ast.List, value: Any, node: ast.AST,
                   hook: bool) -> None:
    from autogradlab.lang.operators import python_error
    if not isinstance(value, ITERATORS):
        from autogradlab.lang.stored_objects import require_storable
        require_storable(value, "in an unpacking assignment")
        if isinstance(value, bool | int | float | complex) or value is None:
            raise python_error(TypeError(f"cannot unpack non-iterable {type_text(value)} object"))
    items = unpacked_items(interp, value, node)
    elements = target.elts
    star = next(i for i, element in enumerate(elements) if type(element) is ast.Starred)
    before, after = star, len(elements) - star - 1
    if len(items) < before + after:
        raise python_error(ValueError(f"not enough values to unpack (expected at least {before + after}, "
                                      f"got {len(items)})"))
    middle = items[before:len(items) - after]
    for element, item in zip(elements[:before], items[:before], strict=True):
        interp.assign(element, item, node, hook)
    interp.assign(elements[star].value, middle, node, hook)
    for element, item in zip(elements[star + 1:], items[len(items) - after:], strict=True):
        interp.assign(element, item, node, hook)
