"""Equal constants of a program are one object, as CPython's compiler makes them for one module (its
constant cache spans the module's functions too): ThinkPython ch. 9 shows `a = 'banana'; b = 'banana';
a is b` giving True (session 43; it gave False here, each literal its own str). Texts, ints, floats and
complex numbers: keyed by type and value (`1` and `1.0` and `True` stay apart, `-0.0` apart from `0.0`).
Tuples Python folds at compile time (`(1, 2) is (1, 2)`) are not merged: the interpreter builds them."""

from __future__ import annotations

import ast
from typing import Any

_MERGED = (str, int, float, complex)


def merge_constants(tree: ast.AST) -> None:
    seen: dict[tuple[type, Any], Any] = {}
    for node in ast.walk(tree):   # ast.walk is iterative
        if type(node) is ast.Constant and type(node.value) in _MERGED:
            value = node.value
            key = (type(value), value if type(value) in (str, int) else repr(value))
            node.value = seen.setdefault(key, value)
