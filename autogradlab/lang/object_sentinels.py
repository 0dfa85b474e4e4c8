"""`_no_value = object()`: a bare object, the sentinel a default argument is compared with by `is`
(草根学Python ch. 6, session 45). It has no attributes and no operators but `==` / `!=` (identity), hashes
by identity, is true, and prints as CPython's `<object object at 0x...>` without the address (as the
program's own objects print here)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class BareObject(InertValue):
    __slots__ = ()

    def __new__(cls) -> BareObject:
        return object.__new__(named_kind(BareObject, "object"))

    def __repr__(self) -> str:
        return "<object object>"

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        raise python_error(AttributeError(f"'object' object has no attribute '{name}'"))


def make_object(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> BareObject:
    if args or kwargs:
        raise python_error(TypeError("object() takes no arguments"))
    return BareObject()
