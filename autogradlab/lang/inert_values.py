"""The base of the small library objects session 30 lets a program hold as data (issue 9, breadth):
typing's forms (`List[int]`), torch.finfo / np.iinfo results, np.mgrid / np.r_ (`a.flat` and np.nditer
are iterators instead: lang/numpy_flat.py).

Each subclass wraps one real object, prints as it does, and answers only what its module lists:
`subscript` for `x[...]` (item_access.get_item) and `attribute` for `x.name` (attributes.read_attribute).
safe_values counts InertValue among its atoms (a program may store, print and pass them); nothing else
of the wrapped object is reachable.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NAMED: dict[tuple[type, str], type] = {}


def named_kind(base: type, name: str) -> type:
    """A subclass of `base` whose class name is the one Python prints for the wrapped object's type
    (`typing._GenericAlias`), so type() and CPython's messages name it, never the engine's wrapper."""
    kind = _NAMED.get((base, name))
    if kind is None:
        kind = _NAMED[(base, name)] = type(name, (base,), {"__slots__": ()})
    return kind


class InertValue:
    """A library object held as data: prints as the wrapped one, exposes what its module lists."""

    __slots__ = ()
    listed = True   # in the Variables table (typing's forms are not: Python's are callable, or classes)

    def short_name(self) -> str:
        return type(self).__name__.rsplit(".", 1)[-1]

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError(f"'{self.short_name()}' object is not subscriptable"))

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        raise NotSupported(f"the attribute `.{name}` of {type(self).__name__} values is not supported in "
                           "Autograd Lab")


_LISTED_IMPORTS = (int, float, bool, str, dict, type(None),   # str: `from string import digits` (s38)
                   np.bool_,   # `from numpy import *` binds True_ and False_ (session 42)
                   list)   # `from keyword import kwlist` (session 43)


def listed_import(value: Any) -> bool:
    """A name bound by `from module import name` that Python's Variables would list: data, not a module,
    class or function (`from torch import pi, float64`, `from numpy import ogrid, newaxis, typecodes`)."""
    kind = type(value)
    return kind in _LISTED_IMPORTS or kind.__module__ == "torch" and kind.__name__ == "dtype" \
        or isinstance(value, InertValue) and value.listed
