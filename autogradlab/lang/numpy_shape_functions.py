"""NumPy's function forms of what arrays answer as attributes or methods, as older lessons call them
(jrjohansson's Lecture 2 after `from numpy import *`; issue 9, session 33): `np.shape(a)`, `np.size(a)`,
`np.ndim(a)`, `np.take(a, indices, axis=None)`, and `np.choose(a, choices)`.

A list argument becomes an array as np.array makes it (sized first); np.take counts what a.take counts
(numpy_array_methods._take); np.choose makes an array of the broadcast shape of the index and the
choices, charged before NumPy runs.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _one_array(interp: Interpreter, name: str, args: list, kwargs: dict, keyword: str | None = None) -> Any:
    allowed = {keyword} if keyword else set()
    if not 1 <= len(args) <= 1 + bool(keyword) or set(kwargs) - allowed or len(args) == 2 and kwargs:
        form = f"np.{name}(a, {keyword}=None)" if keyword else f"np.{name}(a)"
        raise NotSupported(f"Autograd Lab supports `{form}`")
    return _raw(lists_as_arrays(interp, args[:1])[0], f"np.{name}")


def _shape(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    return np.shape(_one_array(interp, "shape", args, kwargs))


def _size(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    a = _one_array(interp, "size", args, kwargs, "axis")
    axis = args[1] if len(args) == 2 else kwargs.get("axis")
    if axis is not None and (not isinstance(axis, int) or isinstance(axis, bool)):
        raise NotSupported("Autograd Lab supports `np.size(a, axis=None)` with axis an int")
    return _guarded(lambda: np.size(a, axis))


def _ndim(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    return np.ndim(_one_array(interp, "ndim", args, kwargs))


def _take(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.take(a, indices, axis=None): a.take's own checks."""
    from autogradlab.lang.numpy_array_methods import _take as take_method
    if not args:
        raise NotSupported("Autograd Lab supports `np.take(a, indices, axis=None)`")
    a = _raw(lists_as_arrays(interp, args[:1])[0], "np.take")
    return take_method(interp, a, list(args[1:]), kwargs)


def _choose(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.choose(a, choices): for each index in a, the value of that choice there."""
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.choose(a, choices)`")
    index = _raw(lists_as_arrays(interp, args[:1])[0], "np.choose")
    choices = args[1]
    if isinstance(choices, (list, tuple)):
        if len(choices) > 32:   # NumPy's own limit of choices (NPY_MAXARGS)
            raise NotSupported("Autograd Lab supports `np.choose` with at most 32 choices")
        choices = [_raw(c, "np.choose") for c in lists_as_arrays(interp, list(choices))]
        shapes = [np.shape(c) for c in choices]
    else:
        choices = _raw(choices, "np.choose")
        shapes = [np.shape(choices)[1:]]
    try:
        size = math.prod(np.broadcast_shapes(np.shape(index), *shapes))
    except ValueError:
        size = 0   # NumPy's own shape error follows
    charge(interp, size * 2, "np.choose")   # the result and NumPy's broadcast copy of the index
    return _wrap(_guarded(lambda: np.choose(index, choices)))


NUMPY_SHAPE_FUNCTIONS = {"shape": SafeFunction("numpy.shape", _shape),
                         "size": SafeFunction("numpy.size", _size),
                         "ndim": SafeFunction("numpy.ndim", _ndim),
                         "take": SafeFunction("numpy.take", _take),
                         "choose": SafeFunction("numpy.choose", _choose)}
