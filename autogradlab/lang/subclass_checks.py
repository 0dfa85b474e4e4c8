"""`issubclass(C, K)` as CPython answers it, for the classes a program can name: the builtin types
(`int`, `bool`, `ValueError`, `torch.Tensor`, ...) and its own classes (single inheritance, an exception
class rooted in a builtin one). Anything else is Python's TypeError, worded as CPython words it."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import ProgramClass

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_MAX_TUPLE_DEPTH = 20   # a nested tuple of classes deeper than this is no lesson; CPython recurses too


def _is_class(value: Any) -> bool:
    return isinstance(value, SafeType | ProgramClass)


def _one(cls: Any, kind: Any) -> bool:
    if isinstance(kind, ProgramClass):
        return isinstance(cls, ProgramClass) and cls.is_subclass_of(kind)
    if isinstance(cls, ProgramClass):   # a class of the program derives from object, or its exception root
        return kind.py_type is object or cls.exception is not None and issubclass(cls.exception, kind.py_type)
    return issubclass(cls.py_type, kind.py_type)


def _matches(cls: Any, kinds: Any, depth: int) -> bool:
    if isinstance(kinds, tuple) and depth < _MAX_TUPLE_DEPTH:
        return any(_matches(cls, kind, depth + 1) for kind in kinds)
    if not _is_class(kinds):
        raise python_error(TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return _one(cls, kinds)


def is_subclass(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> bool:
    if kwargs:
        raise python_error(TypeError("issubclass() takes no keyword arguments"))
    if len(args) != 2:
        raise python_error(TypeError(f"issubclass expected 2 arguments, got {len(args)}"))
    cls, kinds = args
    if not _is_class(cls):
        raise python_error(TypeError("issubclass() arg 1 must be a class"))
    return _matches(cls, kinds, 0)
