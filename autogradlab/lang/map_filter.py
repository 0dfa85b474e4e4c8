"""map() and filter(), lazy as in Python: nothing is called until the program asks for the next item
(a `for` loop, list(...), next(...)), so the program's prints, ops and errors come in Python's order;
and functools.reduce (each step one loop iteration).

The function may be the program's own (`def`, `lambda`), a builtin (`str`, `abs`, `len`), a type
(`int`, `float`) or None for filter (keep the true items). Each item produced is charged to the loop
budget like one pass of a comprehension, and what it calls runs through the interpreter as usual;
list(map(...)) stops at max_sequence_len like any iterator (iterators.materialize_iterator)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError, ProgramTypeError
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.iterators import ITERATORS, SequenceIterator
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import (
    Namespace,
    SafeFunction,
    SafeNumpyDtype,
    SafeType,
    UserFunction,
    type_text,
)

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_CALLABLE = (UserFunction, SafeFunction, SafeType)
_OBJECT_KINDS = frozenset({"ProgramClass", "ProgramObject"})   # (by name, as introspection._CALLABLE_KINDS)


def _iterator(interp: Interpreter, value: Any, node: ast.AST, position: int, name: str) -> Iterator[Any]:
    if not isinstance(value, ITERATORS) and not _iterable(value) \
            and type(value).__name__ != "ProgramObject":   # map(f, obj): its __iter__ (or its refusal)
        raise ProgramTypeError(f"'{type_text(value)}' object is not iterable")
    return iter(interp.iterate(loop_iterable(value, f"in `{name}()`"), node))


def _iterable(value: Any) -> bool:
    import torch

    from autogradlab.lang.dicts import VIEW_TYPES
    from autogradlab.lang.safe_values import SafeArray
    from autogradlab.lang.set_value import ProgramSet
    return isinstance(value, (list, tuple, str, range, dict, ProgramSet, torch.Size, torch.Tensor, SafeArray,
                              *VIEW_TYPES))


def _map(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    if kwargs:
        raise python_error(TypeError("map() takes no keyword arguments"))
    if len(args) < 2:
        raise python_error(TypeError("map() must have at least two arguments."))
    function = args[0]
    sources = [_iterator(interp, value, node, i + 2, "map") for i, value in enumerate(args[1:])]
    return SequenceIterator(_MapItems(interp, function, sources, node), "map")


def _filter(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    if kwargs:
        raise python_error(TypeError("filter() takes no keyword arguments"))
    if len(args) != 2:
        raise python_error(TypeError(f"filter expected 2 arguments, got {len(args)}"))
    function, source = args[0], _iterator(interp, args[1], node, 2, "filter")
    return SequenceIterator(_FilterItems(interp, function, source, node), "filter")


class _MapItems:
    """map()'s items, one per __next__ (an iterator, not a generator: a StopIteration raised by the
    function must end the iteration that asked, as in CPython, and leave the map usable)."""

    __slots__ = ("_interp", "_function", "_sources", "_node")

    def __init__(self, interp: Interpreter, function: Any, sources: list[Iterator[Any]],
                 node: ast.AST) -> None:
        self._interp, self._function, self._sources, self._node = interp, function, sources, node

    def __iter__(self) -> _MapItems:
        return self

    def __next__(self) -> Any:
        values = []
        for source in self._sources:
            values.append(next(source))   # the shortest source ends the map
        self._interp.charge_loop_iterations(1, "map()")
        return _call_or_stop(self._interp, self._function, values, self._node)


class _FilterItems:
    """filter()'s kept items, one per __next__ (see _MapItems)."""

    __slots__ = ("_interp", "_function", "_source", "_node")

    def __init__(self, interp: Interpreter, function: Any, source: Iterator[Any], node: ast.AST) -> None:
        self._interp, self._function, self._source, self._node = interp, function, source, node

    def __iter__(self) -> _FilterItems:
        return self

    def __next__(self) -> Any:
        interp, function = self._interp, self._function
        for item in self._source:
            interp.charge_loop_iterations(1, "filter()")
            verdict = item if function is None else _call_or_stop(interp, function, [item], self._node)
            if interp.truth(verdict, self._node):
                return item
        raise StopIteration


def _call_or_stop(interp: Interpreter, function: Any, values: list, node: ast.AST) -> Any:
    """The function's value; a StopIteration it raised (next() of a spent iterator) is the end of
    the map/filter for whoever is reading it (list(), a `for` loop, next()), as in CPython."""
    try:
        return _call(interp, function, values, node)
    except ProgramError as error:
        if getattr(error, "py_type", None) is StopIteration:
            raise StopIteration from None
        raise


def _call(interp: Interpreter, function: Any, values: list, node: ast.AST) -> Any:
    """`map(Value, row)`, `map(model, inputs)` (micrograd's demo): a class of the program makes its objects,
    an object is called through its class's `__call__` (call_value: CPython's TypeError without one)."""
    if not isinstance(function, _CALLABLE) and not _scalar_type(function) \
            and type(function).__name__ not in _OBJECT_KINDS:   # CPython's text, raised
        raise ProgramTypeError(f"'{type_text(function)}' object is not callable")
    return interp.call_value(function, values, {}, node)


def _scalar_type(value: Any) -> bool:
    """np.float64 (a NumPy scalar type: `map(np.float64, xs)`), not an array's dtype (not callable in NumPy;
    red team s41: map refused the type itself)."""
    return isinstance(value, SafeNumpyDtype) and not value.instance


def _reduce(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """functools.reduce(function, iterable[, initial]): each step one loop iteration."""
    if kwargs:
        raise python_error(TypeError("reduce() takes no keyword arguments"))
    if not 2 <= len(args) <= 3:
        raise python_error(TypeError(f"reduce expected at least 2 arguments, got {len(args)}" if len(args) < 2
                                     else f"reduce expected at most 3 arguments, got {len(args)}"))
    try:
        function, source = args[0], _iterator(interp, args[1], node, 2, "reduce")
    except ProgramTypeError:   # CPython's words for reduce's own check (red team s44)
        raise python_error(TypeError("reduce() arg 2 must support iteration")) from None
    if len(args) == 3:
        total = args[2]
    else:
        try:
            total = next(source)
        except StopIteration:
            raise python_error(TypeError("reduce() of empty iterable with no initial value")) from None
    for item in source:
        interp.charge_loop_iterations(1, "reduce()")
        total = _call(interp, function, [total, item], node)
    return total


MAP_FILTER = {"map": _map, "filter": _filter}


def functools_namespace() -> Namespace:
    from autogradlab.lang.decorators import make_wraps
    from autogradlab.lang.function_cache import CACHE_MEMBERS
    from autogradlab.lang.partial_function import make_partial

    return Namespace("functools", {"reduce": SafeFunction("functools.reduce", _reduce),
                                   "partial": SafeFunction("functools.partial", make_partial),
                                   "wraps": SafeFunction("functools.wraps", make_wraps), **CACHE_MEMBERS})
