"""`a.flat` (read it, loop over it, `a.flat[i]`), `np.ndindex(*shape)` and `np.ndenumerate(a)` (issue 9,
session 30), as NumPy lessons walk an array element by element.

All three are lazy iterators, as in NumPy: each item made is charged to the loop budget
(max_loop_iterations), so `for i in np.ndindex(10**6, 10**6)` stops at the budget and nothing is made
ahead; each index tuple is charged to the run's list items. `a.flat[...]` reads NumPy's own flatiter: an
int gives one element; a slice, `...`, or a list/array of ints or bools gives a new array whose size is
worked out first (the slice's length, the index's size) and counted before NumPy makes it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class _Charged:
    """A NumPy iterator's items, each charged to the loop budget (and an index tuple to the list items)."""

    __slots__ = ("_interp", "_source", "_label")

    def __init__(self, interp: Interpreter, source: Iterator[Any], label: str) -> None:
        self._interp, self._source, self._label = interp, source, label

    def __iter__(self) -> _Charged:
        return self

    def __next__(self) -> Any:
        item = next(self._source)
        self._interp.charge_loop_iterations(1, self._label)
        if type(item) is tuple:
            index = item[0] if item and type(item[0]) is tuple else item   # ndenumerate's (index, value)
            self._interp.sizes.charge_sequence(len(index), f"a tuple of {self._label}")
        return _wrap(item) if isinstance(item, np.ndarray) else item


class FlatIter(SequenceIterator):
    """`a.flat`: NumPy's flatiter over the program's array (it moves with next() as NumPy's does)."""

    __slots__ = ("_array", "_flat")

    def __init__(self, interp: Interpreter, array: SafeArray) -> None:
        self._array, self._flat = array, array.array.flat
        super().__init__(_Charged(interp, self._flat, "a.flat"), "numpy.flatiter")

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        size = self._array.array.size
        if isinstance(index, (int, np.integer)):   # one element (True is 1, as in NumPy)
            return _guarded(lambda: self._flat[index])
        if type(index) is slice:
            charge(interp, len(range(*index.indices(size))), "a.flat[...]")
        elif index is Ellipsis:
            charge(interp, size, "a.flat[...]")
        elif type(index) is list or isinstance(index, SafeArray):
            index = _raw(lists_as_arrays(interp, [index])[0], "a.flat[...]")
            if isinstance(index, np.ndarray) and index.dtype.kind not in "biu":
                raise python_error(IndexError("arrays used as indices must be of integer (or boolean) type"))
            charge(interp, int(np.size(index)), "a.flat[...]")
        else:
            raise NotSupported("a.flat[...] takes an int, a slice, `...` or a list or array of ints or bools "
                               "in Autograd Lab")
        return _wrap(_guarded(lambda: self._flat[index]))


FlatIter.__name__ = "SequenceIterator"   # an iterator as the others are (their type checks read the name)


def flat_of(interp: Interpreter, array: SafeArray) -> FlatIter:
    return FlatIter(interp, array)


def _ndindex(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    if kwargs:
        raise python_error(TypeError(f"ndindex() got an unexpected keyword argument '{next(iter(kwargs))}'"))
    shape = args[0] if len(args) == 1 and type(args[0]) is tuple else tuple(args)
    for n in shape:
        if not isinstance(n, (int, np.integer)):   # NumPy's own TypeError, before it makes anything
            raise python_error(TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer"))
    made = _guarded(lambda: np.ndindex(*shape))   # lazy: a zero-strided view, no memory per element
    return SequenceIterator(_Charged(interp, made, "np.ndindex()"), "numpy.ndindex")


def _ndenumerate(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SequenceIterator:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"ndenumerate.__init__() takes 2 positional arguments but "
                                     f"{len(args) + 1} were given") if not kwargs else
                           TypeError(f"ndenumerate.__init__() got an unexpected keyword argument "
                                     f"'{next(iter(kwargs))}'"))
    array = np.asarray(_raw(lists_as_arrays(interp, args)[0], "np.ndenumerate"))   # a number: 0-d
    return SequenceIterator(_Charged(interp, np.ndenumerate(array), "np.ndenumerate()"), "numpy.ndenumerate")


class NDIter(SequenceIterator):
    """np.nditer(a): NumPy's own iterator over one array, each element a 0-d array (a view: with
    op_flags=['readwrite'], `x[...] = 2 * x` writes into `a`, as in NumPy; read-only by default)."""

    __slots__ = ("_it",)

    def __init__(self, interp: Interpreter, it: Any) -> None:
        self._it = it
        super().__init__(_Charged(interp, iter(it), "np.nditer()"), "numpy.nditer")


NDIter.__name__ = "SequenceIterator"
_OP_FLAGS = frozenset({"readonly", "readwrite", "writeonly"})


def _nditer(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> NDIter:
    """np.nditer(a, op_flags=['readwrite'], order='F'): one operand, no flags (several operands, buffering,
    multi_index, external_loop: refused by name)."""
    named = {**dict(zip(("op", "flags", "op_flags", "op_dtypes", "order"), args, strict=False)), **kwargs}
    if len(args) > 5 or set(named) - {"op", "flags", "op_flags", "order"} or named.get("flags"):
        raise NotSupported("Autograd Lab supports `np.nditer(a, op_flags=[...], order=...)` over one array "
                           "(no flags)")
    if "op" not in named:
        raise python_error(TypeError("nditer() missing required argument 'op' (pos 1)"))
    op = named["op"]
    if not isinstance(op, (SafeArray, int, float, bool, np.number, np.bool_)):
        raise NotSupported("Autograd Lab supports `np.nditer(a, op_flags=[...], order=...)` over one array "
                           "(no flags)")
    op_flags = named.get("op_flags")
    if op_flags is not None and (type(op_flags) not in (list, tuple) or len(op_flags) > 3
                                 or not all(isinstance(flag, str) for flag in op_flags)):
        raise python_error(ValueError("op_flags must be a tuple or array of per-op flag-tuples"))
    if op_flags is not None and not set(op_flags) <= _OP_FLAGS:
        bad = next(flag for flag in op_flags if flag not in _OP_FLAGS)
        raise python_error(ValueError(f'Unexpected per-op iterator flag "{bad[:40]}"'))
    order = named.get("order", "K")
    if not isinstance(order, str):
        raise python_error(TypeError(f"order must be str, not {type(order).__name__}"))
    array = op.array if isinstance(op, SafeArray) else op
    made = _guarded(lambda: np.nditer(array, op_flags=list(op_flags or ["readonly"]), order=order))
    return NDIter(interp, made)


NUMPY_FLAT_MEMBERS = {"ndindex": SafeFunction("numpy.ndindex", _ndindex),
                      "ndenumerate": SafeFunction("numpy.ndenumerate", _ndenumerate),
                      "nditer": SafeFunction("numpy.nditer", _nditer)}
