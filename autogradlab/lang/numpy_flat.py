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
            if item and all(isinstance(part, np.ndarray) for part in item):   # np.nditer([a, b])'s items
                return tuple(_wrap(part) for part in item)
        return _wrap(item) if isinstance(item, np.ndarray) else item


_BOOL_LIST = ("boolean indices for iterators are not supported because of previous behavior that was "
              "confusing (valid boolean indices are expected to work in the future)")


def _array_index(interp: Interpreter, index: list | SafeArray) -> Any:
    """A list or array index of a.flat, as NumPy's flatiter takes it: a list of bools is its IndexError (a
    bool array is a mask), an empty list selects nothing (red team 2 s43: the list was made an array first,
    so `a.flat[[True, False, True]]` read and wrote as a mask and `a.flat[[]]` was an IndexError)."""
    if type(index) is list and not index:
        return np.array([], dtype=np.intp)
    listed = type(index) is list
    index = _raw(lists_as_arrays(interp, [index])[0], "a.flat[...]")
    if isinstance(index, np.ndarray):
        if listed and index.dtype == np.bool_:
            raise python_error(IndexError(_BOOL_LIST))
        if index.dtype.kind not in "biu":
            raise python_error(IndexError("arrays used as indices must be of integer (or boolean) type"))
    return index


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
            index = _array_index(interp, index)
            charge(interp, int(np.size(index)), "a.flat[...]")
        else:
            raise NotSupported("a.flat[...] takes an int, a slice, `...` or a list or array of ints or bools "
                               "in Autograd Lab")
        return _wrap(_guarded(lambda: self._flat[index]))


    def set_item(self, interp: Interpreter, index: Any, value: Any) -> None:
        """`a.flat[i] = v`, `a.flat[1:3] = 0`, `a.flat[[0, 2]] = b`: written by NumPy's flatiter (its
        ValueError for a read-only array). Red team s43: was the engine's catchable TypeError
        "'numpy.flatiter' object does not support item assignment", where NumPy writes. Nothing is
        allocated but the index list or value list made into arrays, sized as np.array makes them."""
        if type(index) is list or isinstance(index, SafeArray):
            index = _array_index(interp, index)
        elif not (isinstance(index, (int, np.integer)) or type(index) is slice or index is Ellipsis):
            raise NotSupported("a.flat[...] takes an int, a slice, `...` or a list or array of ints or bools "
                               "in Autograd Lab")
        if type(value) in (list, tuple):
            value = lists_as_arrays(interp, [value])[0]
        if not isinstance(value, _OPERAND_TYPES):
            raise NotSupported("numpy arrays take numbers or arrays at int and slice indices in Autograd Lab")
        raw = value.array if isinstance(value, SafeArray) else value

        def write() -> None:
            self._flat[index] = raw

        _guarded(write)


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
    op_flags=['readwrite'], `x[...] = 2 * x` writes into `a`, as in NumPy; read-only by default).
    NumPy's tutorial loop reads the iterator itself: `it.multi_index` / `it.index` (with flags
    multi_index, c_index, f_index), `it.finished`, `it.iternext()` and `it[0]` (the current element)."""

    __slots__ = ("_it",)

    def __init__(self, interp: Interpreter, it: Any) -> None:
        self._it = it
        super().__init__(_Charged(interp, iter(it), "np.nditer()"), "numpy.nditer")

    def attribute(self, name: str) -> Any:
        if name not in _ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of np.nditer is not supported in Autograd Lab "
                               f"(supported: {', '.join(sorted(_ATTRIBUTES))}, iternext(), it[i])")
        return _guarded(lambda: getattr(self._it, name))   # NumPy's ValueError past the end, no flag

    def call_method(self, name: str, args: list, kwargs: dict) -> Any:
        if name != "iternext":
            raise NotSupported(f"the method `.{name}()` of np.nditer is not supported in Autograd Lab "
                               f"(supported: iternext())")
        if args or kwargs:
            raise python_error(TypeError("nditer.iternext() takes no arguments"))
        return _guarded(self._it.iternext)   # one O(1) step; the loop that repeats it is charged

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        if not isinstance(index, (int, np.integer)) or isinstance(index, (bool, np.bool_)):
            raise NotSupported("np.nditer's `it[i]` takes an int (the operand's number) in Autograd Lab")
        return _wrap(_guarded(lambda: self._it[int(index)]))   # a 0-d view of the current element

    def set_item(self, index: Any, value: Any) -> None:
        """`it[0] = 7`: writes the current element (NumPy's ValueError when the operand is read-only)."""
        if not isinstance(index, (int, np.integer)) or isinstance(index, (bool, np.bool_)):
            raise NotSupported("np.nditer's `it[i]` takes an int (the operand's number) in Autograd Lab")
        if not isinstance(value, _OPERAND_TYPES):
            raise NotSupported("np.nditer's `it[i] = value` takes a number or an array in Autograd Lab")
        raw = value.array if isinstance(value, SafeArray) else value   # an array the program already holds

        def write() -> None:
            self._it[int(index)] = raw

        _guarded(write)


NDIter.__name__ = "SequenceIterator"
_OP_FLAGS = frozenset({"readonly", "readwrite", "writeonly"})
_FLAGS = frozenset({"external_loop", "buffered", "zerosize_ok", "grow_inner",
                    "multi_index", "c_index", "f_index"})   # none allocates per element
_ATTRIBUTES = frozenset({"multi_index", "index", "finished", "ndim", "shape", "itersize", "iterindex"})
MAX_OPERANDS = 32   # NumPy takes up to 64
_FORM = "np.nditer(a, op_flags=[...], order=...)"
_REFUSED = (f"Autograd Lab supports `{_FORM}` and `np.nditer([a, b], flags=['external_loop'])` over arrays "
            "and numbers (flags external_loop, buffered, zerosize_ok, grow_inner, multi_index, c_index, "
            "f_index)")
_OPERAND_TYPES = (SafeArray, int, float, bool, complex, np.number, np.bool_)


def _nditer(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> NDIter:
    """np.nditer(a, op_flags=['readwrite'], order='F'), np.nditer([a, b]) (broadcast together, each item a
    tuple of 0-d arrays), flags=['external_loop'] (each item a 1-d chunk): views of the program's arrays,
    made lazily, each item charged to the loop budget; multi_index / c_index / f_index track the position
    (NDIter reads it). op_dtypes and `None` operands (allocated outputs) are refused by name."""
    named = {**dict(zip(("op", "flags", "op_flags", "op_dtypes", "order"), args, strict=False)), **kwargs}
    if len(args) > 5 or set(named) - {"op", "flags", "op_flags", "order"}:
        raise NotSupported(_REFUSED)
    if "op" not in named:
        raise python_error(TypeError("nditer() missing required argument 'op' (pos 1)"))
    op = named["op"]
    several = type(op) in (list, tuple)
    operands = list(op) if several else [op]
    if several and len(operands) > MAX_OPERANDS:
        raise NotSupported(f"np.nditer over more than {MAX_OPERANDS} operands is not supported in Autograd "
                           "Lab")
    operands = lists_as_arrays(interp, operands)   # a nested list is one operand, sized as np.array makes it
    if not all(isinstance(item, _OPERAND_TYPES) for item in operands):
        raise NotSupported(_REFUSED)
    flags = named.get("flags")
    if flags is not None and (type(flags) not in (list, tuple) or not all(isinstance(f, str) for f in flags)
                              or len(flags) > len(_FLAGS) or not set(flags) <= _FLAGS):
        raise NotSupported(_REFUSED)
    op_flags = _op_flags(named.get("op_flags"), len(operands), several)
    from autogradlab.lang.numpy_order_arg import order_arg
    order = order_arg(named.get("order", "K"))   # (None: NumPy's 'K'; session 36)
    raw = [item.array if isinstance(item, SafeArray) else item for item in operands]
    made = _guarded(lambda: np.nditer(raw if several else raw[0], flags=list(flags or ()), op_flags=op_flags,
                                      order=order))
    return NDIter(interp, made)


def _op_flags(op_flags: Any, count: int, several: bool) -> list:
    """One list of flags for every operand, or one per operand (NumPy's two forms), checked first."""
    if op_flags is None:
        return [["readonly"]] * count if several else ["readonly"]
    if type(op_flags) not in (list, tuple) or len(op_flags) > max(3, count):
        raise python_error(ValueError("op_flags must be a tuple or array of per-op flag-tuples"))
    per_op = bool(op_flags) and all(type(flags) in (list, tuple) for flags in op_flags)
    groups = op_flags if per_op else [op_flags]
    for flags in groups:
        if type(flags) not in (list, tuple) or len(flags) > 3 or not all(isinstance(f, str) for f in flags):
            raise python_error(ValueError("op_flags must be a tuple or array of per-op flag-tuples"))
        bad = next((flag for flag in flags if flag not in _OP_FLAGS), None)
        if bad is not None:
            raise python_error(ValueError(f'Unexpected per-op iterator flag "{bad[:40]}"'))
    if per_op:
        return [list(flags) for flags in op_flags]
    return [list(op_flags)] * count if several else list(op_flags)


NUMPY_FLAT_MEMBERS = {"ndindex": SafeFunction("numpy.ndindex", _ndindex),
                      "ndenumerate": SafeFunction("numpy.ndenumerate", _ndenumerate),
                      "nditer": SafeFunction("numpy.nditer", _nditer)}
