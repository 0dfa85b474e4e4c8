"""NumPy's index tricks as lessons use them (issue 9, session 30): `np.mgrid[0:3, 0:2]`,
`np.mgrid[-1:1:5j]` (a complex step is a count of points), `np.ogrid[...]`, `np.r_[1:4, 0, [7, 8]]`,
`np.c_[a, b]` and `np.ix_(rows, cols)`; `np.s_[2::2]` / `np.index_exp[...]` give the index itself (nothing
made; session 36).

Each result's element count is worked out first with Python numbers, by NumPy's own arithmetic
(nd_grid: ceil((stop - start) / step) per axis, or int(abs(step)) for a complex step; one array per axis
for mgrid, their sum for ogrid; the pieces' sizes for r_ / c_, which concatenate without broadcasting),
and checked and counted (numpy_ops.charge) before NumPy allocates anything. Where NumPy would raise while
working out its sizes (a step of 0, a missing stop), it is called and says so itself: nothing is allocated
before that point. Only numbers reach the slices; lists become arrays as np.array makes them (sized first);
r_'s string directives ('0,2', '-1', '1,2,0') are NumPy's; 'r' and 'c', which make an np.matrix, are refused
by name (np.matrix is out of scope).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_NUMBERS = (bool, int, float, complex, np.number, np.bool_, type(None))
MAX_GRID_AXES = 32   # NumPy's own limit on dimensions (np.indices refuses more)


def _slice_parts(key: Any, what: str) -> None:
    """Only numbers (or None) in the slices, and numbers elsewhere in the key (NumPy then raises itself)."""
    for item in key if type(key) is tuple else (key,):
        parts = (item.start, item.stop, item.step) if type(item) is slice else (item,)
        if not all(isinstance(part, _NUMBERS) for part in parts):
            raise NotSupported(f"{what}[...] takes slices of numbers in Autograd Lab "
                               "(e.g. np.mgrid[0:3, 0:2], np.mgrid[-1:1:5j])")
        if type(item) is slice and any(isinstance(part, (complex, np.complexfloating))
                                       for part in (item.start, item.stop)):
            raise NotSupported(f"{what}[...] takes slices of numbers in Autograd Lab "
                               "(e.g. np.mgrid[0:3, 0:2], np.mgrid[-1:1:5j])")
        for part in parts:
            if type(part) is int and part.bit_length() > 64:
                raise python_error(OverflowError("Python int too large to convert to C long"))


def _grid_sizes(key: tuple) -> list[int] | None:
    """nd_grid's first loop, as NumPy runs it: the size of each axis; None where NumPy falls back to its
    one-slice path (a TypeError or IndexError there). Any other exception is NumPy's own, raised at the
    same point, before it allocates."""
    try:
        sizes = []
        for k in range(len(key)):
            step, start, stop = key[k].step, key[k].start, key[k].stop
            start = 0 if start is None else start
            step = 1 if step is None else step
            if isinstance(step, (np.complexfloating, complex)):
                sizes.append(int(abs(step)))
            else:
                sizes.append(math.ceil((stop - start) / step))
        return sizes
    except (IndexError, TypeError):
        return None


def _line_size(key: slice) -> int:
    """nd_grid's one-slice path: np.arange(start, stop, step), or int(abs(step)) points for a complex step."""
    start, stop, step = key.start, key.stop, key.step
    start = 0 if start is None else start
    if isinstance(step, (np.complexfloating, complex)):
        return int(abs(step))
    if stop is None:   # np.arange(5, None) is np.arange(5)
        start, stop = 0, start
    step = 1 if step is None else step
    if step == 0:
        raise python_error(ZeroDivisionError("division by zero"))
    count = (stop - start) / step
    if not math.isfinite(count):
        raise python_error(ValueError("Maximum allowed size exceeded"))
    return max(0, math.ceil(count))


class IndexTrick(InertValue):
    """np.mgrid, np.ogrid, np.r_, np.c_: NumPy's object, subscripted through the counts above."""

    __slots__ = ("name", "trick")

    def __new__(cls, name: str) -> IndexTrick:
        kind = type(getattr(np, name))
        return object.__new__(named_kind(IndexTrick, f"{kind.__module__}.{kind.__name__}"))

    def __init__(self, name: str) -> None:
        self.name, self.trick = name, getattr(np, name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object>"

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        if self.name == "s_":   # np.s_[2::2] is the index itself (slices, Ellipsis, numbers: session 36)
            return index
        if self.name == "index_exp":   # ... always as a tuple
            return index if type(index) is tuple else (index,)
        if self.name in ("mgrid", "ogrid"):
            return _grid(interp, self.name, self.trick, index)
        return _concatenated(interp, self.name, self.trick, index)


def _grid(interp: Interpreter, name: str, trick: Any, key: Any) -> Any:
    what = f"np.{name}"
    _slice_parts(key, what)
    sizes = _grid_sizes(key) if type(key) is tuple else None
    if sizes is not None:
        if len(sizes) > MAX_GRID_AXES:
            raise NotSupported(f"{what}[...] of more than {MAX_GRID_AXES} axes is not supported in "
                               "Autograd Lab")
        counts = [max(0, n) for n in sizes]
        if name == "mgrid":   # np.indices makes np.arange(n) for each axis too (np.mgrid[0:10**10, 0:0]:
            for n in counts:   # an empty grid, but an 80 GB arange on the way)
                charge(interp, n, f"{what}[...]")
        charge(interp, sum(counts) if name == "ogrid" else len(counts) * math.prod(counts), f"{what}[...]")
    elif type(key) is slice:
        charge(interp, _line_size(key), f"{what}[...]")
    result = _guarded(lambda: trick[key])   # (a tuple that fell back: NumPy's AttributeError, nothing made)
    return tuple(_wrap(a) for a in result) if type(result) is tuple else _wrap(result)


def _concatenated(interp: Interpreter, name: str, trick: Any, key: Any) -> Any:
    """np.r_[...] / np.c_[...]: each piece made (and counted) as NumPy makes it, then the result counted."""
    what = f"np.{name}"
    items = list(key) if type(key) is tuple else [key]
    pieces: list[Any] = []
    total = 0
    for k, item in enumerate(items):
        if isinstance(item, str):
            if k:
                raise python_error(ValueError("special directives must be the first entry."))
            if item in ("r", "c"):
                raise NotSupported(f"`{what}['{item}', ...]` makes a numpy.matrix, which is not supported in "
                                   "Autograd Lab", hint="np.matrix is deprecated in NumPy; for a 2-D array "
                                   "write np.r_['0,2', ...] (rows) or np.c_[...] (columns)")
            if not item or len(item) > 20:   # (NumPy reads the rest with int(): its own ValueError)
                raise NotSupported(f"{what}[...] with the string directive {item[:20]!r} is not supported in "
                                   "Autograd Lab (only slices, numbers and arrays)")
            pieces.append(str(item))
            continue
        if type(item) is slice:
            _slice_parts(item, what)
            size = _line_size(item)   # np.arange's count, or a complex step's (np.linspace's num)
            charge(interp, size, what)
            total += size
            pieces.append(item)
            continue
        value = _raw(_arrays(interp, [item])[0], what)
        total += int(np.size(value))
        pieces.append(value)
    charge(interp, total, what)
    return _wrap(_guarded(lambda: trick[tuple(pieces) if type(key) is tuple else pieces[0]]))


def _arrays(interp: Interpreter, values: list) -> list:
    """Lists become arrays as np.array makes them (sized first), a range as NumPy reads it (its length
    counted first); the rest is left for numpy_ops._raw to take or refuse."""
    made = []
    for value in values:
        if type(value) is range:
            try:
                length = len(value)
            except OverflowError:   # more than sys.maxsize items
                length = interp.limits.max_tensor_elements + 1
            charge(interp, length, "the range")
            value = SafeArray(np.arange(value.start, value.stop, value.step))
        made.append(value)
    return lists_as_arrays(interp, made)


def _ix(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> tuple:
    if kwargs:
        raise python_error(TypeError(f"ix_() got an unexpected keyword argument '{next(iter(kwargs))}'"))
    arrays = [_raw(value, "np.ix_") for value in _arrays(interp, list(args))]
    if len(arrays) > MAX_GRID_AXES:
        raise NotSupported(f"np.ix_ of more than {MAX_GRID_AXES} sequences is not supported in Autograd Lab")
    charge(interp, sum(int(np.size(a)) for a in arrays), "np.ix_")
    return tuple(_wrap(a) for a in _guarded(lambda: np.ix_(*arrays)))


_TRICKS = ("mgrid", "ogrid", "r_", "c_", "s_", "index_exp")   # s_, index_exp: session 36
NUMPY_GRID_MEMBERS = {**{name: IndexTrick(name) for name in _TRICKS},
                      "ix_": SafeFunction("numpy.ix_", _ix)}   # (np.unravel_index: numpy_counting.py)
