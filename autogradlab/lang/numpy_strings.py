"""NumPy arrays of strings as lessons hold them (issue 9, session 32): `labels = np.array(['cat', 'dog'])`,
printed (`['cat' 'dog']`, dtype `<U3`), indexed (`labels[np.argmax(p)]`, a mask, a slice), compared
(`labels == 'cat'`), `.tolist()`, `len`, a loop over them, and `a.astype(str)` of a numeric array.

A StringArray is not a SafeArray: no numeric path of the engine ever sees one (a NumPy function given
one refuses it as it refuses a list of strings). Its size is bounded before NumPy makes it: every
element takes the width of the longest string (NumPy's fixed-width '<U' dtype, 4 bytes a character), so
elements * width is at most MAX_STRING_CHARS, worked out from the data, the index or the source dtype
first. An element read out is NumPy's np.str_ (a str: str's methods, sized alike; its repr np.str_('a')
as NumPy shows it; operators read it as the str it is).
"""

from __future__ import annotations

import ast
import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.inert_values import InertValue, named_kind
from autogradlab.lang.numpy_ops import _guarded, _wrap, charge

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_STRING_CHARS = 1_000_000   # elements * width of one string array (4 MB)
SLOW_CHARS = 50_000   # from these characters a string array is made only within the time limit (charge_chars)
_WIDTHS = {"b": 5, "i": 21, "u": 20, "f": 32, "c": 64}   # NumPy's str width of each number kind
_ATTRIBUTES = ("shape", "ndim", "size", "dtype")


def check_chars(elements: int, width: int, what: str) -> None:
    chars = elements * max(width, 1)
    if chars > MAX_STRING_CHARS:
        raise LimitExceeded(f"{what} would make a string array of {elements:,} elements of {width:,} "
                            f"characters ({chars:,} in all); the limit is {MAX_STRING_CHARS:,}",
                            hint="use fewer or shorter strings")


def charge_chars(interp: Interpreter, elements: int, width: int, what: str) -> None:
    """A string array of `elements` strings of `width` characters about to be made: check_chars, then
    counted as its characters' worth of elements (a character is 4 bytes, as a float32 element): red team
    s45, `a.astype('U999999')` of a 1-element array was charged one element for 4 MB, so a loop of 1,000
    ended as "ran out of memory" instead of the run's total."""
    check_chars(elements, width, what)
    if elements * width >= SLOW_CHARS:   # NumPy writes a number as text at ~0.6 us a character: 1M of them
        interp.check_time()   # take ~0.6 s, and the time limit is read every 32 steps only (red team s45:
    sizes = interp.sizes      # a loop of `a.astype('U999999')` ran 8.9 s under the 5 s limit)
    sizes.check_elements(elements, what)   # one array: its strings (MAX_STRING_CHARS bounds its characters)
    weight = elements * max(width, 1)
    sizes.check_total(weight, what)   # the run: their characters
    sizes.total_elements += weight


class StringDtype(InertValue):
    """`labels.dtype`: prints `<U3`, repr `dtype('<U3')`; `.name`, `.itemsize`, `.kind` as NumPy's."""

    __slots__ = ("dtype",)

    def __new__(cls, dtype: np.dtype) -> StringDtype:
        return object.__new__(named_kind(StringDtype, "numpy.dtypes.StrDType"))

    def __init__(self, dtype: np.dtype) -> None:
        self.dtype = dtype

    def __repr__(self) -> str:
        return repr(self.dtype)

    def __str__(self) -> str:
        return str(self.dtype)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StringDtype) and other.dtype == self.dtype or \
            isinstance(other, str) and other in (str(self.dtype), self.dtype.name)

    def __hash__(self) -> int:
        return hash(self.dtype)

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name not in ("name", "itemsize", "kind", "char", "str"):
            raise NotSupported(f"the attribute `.{name}` of a string dtype is not supported in Autograd Lab")
        return getattr(self.dtype, name)


class StringArray(InertValue):
    """A NumPy array of strings ('<U' dtype), at most MAX_STRING_CHARS characters in all."""

    __slots__ = ("array",)

    def __new__(cls, array: np.ndarray) -> StringArray:
        return object.__new__(named_kind(StringArray, "numpy.ndarray"))

    def __init__(self, array: np.ndarray) -> None:
        self.array = array

    def __repr__(self) -> str:
        return repr(self.array)

    def __str__(self) -> str:
        return str(self.array)

    def __len__(self) -> int:
        return len(self.array)

    def __contains__(self, item: object) -> bool:
        """`'cat' in labels`: NumPy's (labels == 'cat').any() (one pass over at most MAX_STRING_CHARS)."""
        if not isinstance(item, (str, bool, int, float)):
            raise NotSupported("`x in` a numpy array of strings takes a string in Autograd Lab")
        return bool((self.array == item).any())

    def width(self) -> int:
        return self.array.dtype.itemsize // 4

    def attribute(self, interp: Interpreter, name: str, node: ast.AST) -> Any:
        if name not in _ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of a numpy array of strings is not supported in "
                               f"Autograd Lab (supported: {', '.join(_ATTRIBUTES)}, tolist(), astype(), "
                               "indexing, ==)")
        if name == "dtype":
            return StringDtype(self.array.dtype)
        return getattr(self.array, name)

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        if name == "tolist" and not args and not kwargs:   # a list of `size` new strings: their characters
            # count too (red team, session 33: [a.tolist() for i in range(1000)] of 1,000 strings of 1,000
            # characters counted 1,000,000 items and held ~1 GB)
            size = int(self.array.size)
            interp.sizes.charge_sequence(size, "the list", added=size * (1 + self.width()))
            return _guarded(self.array.tolist)
        as_str = name == "astype" and len(args) == 1 and is_str_type(args[0])
        if (as_str or name == "copy" and not args) and not kwargs:   # a new array: NumPy's astype makes one
            # too (it gave the same array here: a write to it changed the source; red team, session 33)
            charge(interp, self.array.size, "copy")
            return StringArray(self.array.copy())
        width = fixed_width(args[0]) if name == "astype" and len(args) == 1 and not kwargs else None
        if width is not None:   # a.astype('U5'): each string cut to (or padded to) 5 characters (session 44)
            charge_chars(interp, int(self.array.size), width, "astype")
            return StringArray(_guarded(lambda: self.array.astype(f"<U{width}")))
        if name == "astype" and len(args) == 1 and not kwargs:   # str_data.astype(np.int64) (session 43)
            return _as_numbers(interp, self.array, args[0])
        if name == "take" and len(args) == 1 and not kwargs and self.array.ndim == 1:   # values.take(order)
            return self.subscript(interp, _take_index(interp, args[0]), None)   # (wesm appendix A, s40)
        raise NotSupported(f"the method `.{name}()` of a numpy array of strings is not supported in Autograd "
                           "Lab (supported: tolist(), astype(str), astype(a number type), copy(), take())")

    def subscript(self, interp: Interpreter, index: Any, node: ast.AST) -> Any:
        from autogradlab.lang.numpy_ops import lists_as_arrays
        from autogradlab.lang.safe_values import SafeArray
        if isinstance(index, list):   # labels[[0, 2]]: the array np.array makes of it, sized first
            index = lists_as_arrays(interp, [index])[0]
        raw = index.array if isinstance(index, SafeArray) else index
        if isinstance(raw, np.ndarray) and raw.dtype.kind not in "biu":
            raise NotSupported("a numpy array of strings takes ints, slices, a mask or an int array as "
                               "index in Autograd Lab")
        if isinstance(raw, np.ndarray) and raw.dtype.kind in "iu":   # a gather: as many as the index
            check_chars(int(raw.size) * max(math.prod(self.array.shape[1:]), 1), self.width(),
                        "indexing the string array")
        elif not isinstance(raw, (int, np.integer, slice, tuple, np.ndarray)) and raw is not Ellipsis \
                and raw is not None:
            raise NotSupported("a numpy array of strings takes ints, slices, a mask or an int array as "
                               "index in Autograd Lab")
        if isinstance(raw, tuple) and any(isinstance(part, (list, np.ndarray, SafeArray)) for part in raw):
            raise NotSupported("index a numpy array of strings with one array at a time in Autograd Lab")
        return _element(interp, _guarded(lambda: self.array[raw]))


def _as_numbers(interp: Interpreter, array: np.ndarray, dtype: Any) -> Any:
    """`np.array(['1', '2']).astype(np.int64)` (fengdu78's NumPy notes): NumPy parses each text, a number
    array of the same size (charged first); a text that is no number is NumPy's ValueError."""
    from autogradlab.lang.numpy_ops import _dtype
    kind = np.dtype(_dtype({"dtype": dtype}))
    if kind.kind not in "biufc":
        raise NotSupported("Autograd Lab supports `.astype(str)` and `.astype(number type)` of a numpy "
                           "array of strings")
    charge(interp, array.size, "astype")
    return _wrap(_guarded(lambda: array.astype(kind)))


def _take_index(interp: Interpreter, index: Any) -> Any:
    """take's indices (an int or ints) as an index: a mask, slice or tuple means something else there."""
    from autogradlab.lang.numpy_ops import lists_as_arrays
    from autogradlab.lang.safe_values import SafeArray
    index = lists_as_arrays(interp, [index])[0] if isinstance(index, list) else index
    raw = index.array if isinstance(index, SafeArray) else index
    if isinstance(raw, (int, np.integer)) and not isinstance(raw, bool) or \
            isinstance(raw, np.ndarray) and raw.dtype.kind in "iu":
        return index
    raise NotSupported("Autograd Lab supports `.take(indices)` of a numpy array of strings with int indices")


def set_item(interp: Interpreter, base: StringArray, index: Any, value: Any) -> None:
    """`labels[0] = 'cow'`: NumPy cuts a longer string to the array's width (the array never grows)."""
    from autogradlab.lang.numpy_ops import lists_as_arrays
    from autogradlab.lang.safe_values import SafeArray
    if not isinstance(value, (str, StringArray, bool, int, float, np.number)):   # a number: its text
        raise NotSupported("a numpy array of strings takes strings or numbers in Autograd Lab")
    if isinstance(index, list):
        index = lists_as_arrays(interp, [index])[0]
    raw = index.array if isinstance(index, SafeArray) else index
    plain = (int, np.integer, slice)
    if not (isinstance(raw, plain) or isinstance(raw, np.ndarray) and raw.dtype.kind in "biu"
            or isinstance(raw, tuple) and all(isinstance(part, plain) for part in raw)):
        raise NotSupported("a numpy array of strings takes ints, slices, a mask or an int array as "
                           "index in Autograd Lab")
    new = value.array if isinstance(value, StringArray) else value

    def write() -> None:
        base.array[raw] = new

    _guarded(write)


def items(interp: Interpreter, value: StringArray) -> Any:
    """`for label in labels`: each row (a string array) or string, as NumPy's iteration gives them."""
    return array_rows(interp, value.array, _element)


def array_rows(interp: Interpreter, array: np.ndarray, element: Any) -> Any:
    """An iterator over the rows of a wrapped array (numpy_records.py's too), each made by `element`."""
    if array.ndim == 0:
        from autogradlab.lang.operators import python_error
        raise python_error(TypeError("iteration over a 0-d array"))
    interp.sizes.check_length(len(array), "iterating over the array")
    return iter([element(interp, row) for row in array])


def _element(interp: Interpreter, value: Any) -> Any:
    if isinstance(value, np.ndarray):
        charge(interp, value.size, "the string array")
        return StringArray(value)
    return value   # np.str_, as NumPy gives it: a str (str's methods), shown np.str_('a') (session 37)


STR_SCALAR = np.str_
_STR_BUILDING = frozenset({"add", "mul", "remainder"})   # the operators whose result is a new string


def str_operands(op: str, left: Any, right: Any) -> tuple[Any, Any]:
    """The operands of `left <op> right` with an np.str_ among them read as the str it is (NumPy's results
    are str's: `s + 'x'`, `s * 2`, `s % 5`, `s == 'a'`), so the engine's str paths size them. An np.str_
    right of `%` stays itself: `'%r' % s` shows np.str_('a') as Python does; comparisons are NumPy's own
    (a bool; Python's TypeError names numpy.str_)."""
    if op not in _STR_BUILDING:
        return left, right
    if type(left) is np.str_:
        left = str(left)
    if type(right) is np.str_ and op != "remainder":
        right = str(right)
    return left, right


def is_str_type(value: Any) -> bool:
    """`str`, 'str' or 'U': the string dtype of np.array(..., dtype=str) and a.astype(str)."""
    from autogradlab.lang.safe_values import SafeType
    return isinstance(value, SafeType) and value.py_type in (str, np.str_) or \
        type(value) is str and value in ("str", "U")


_NESTED = (list, tuple)


def _leaves(data: Any, out: list) -> None:
    """The leaves of a nested list or tuple, in any order (a walk without recursion: any depth)."""
    stack = [data]
    while stack:
        seq = stack.pop()
        if _NESTED[0] in (kinds := set(map(type, seq))) or _NESTED[1] in kinds:
            for item in seq:
                (stack if type(item) in _NESTED else out).append(item)
        else:
            out.extend(seq)


def holds_text(data: Any) -> bool:
    """A nested list or tuple with a string among its leaves (np.array makes a '<U' array of it). Each
    list's item types are read in C (set(map(type, ...))): a 1,000,000-number list costs ~15 ms. A
    list shared in several places is looked at once: `[[[0] * 1000] * 1000] * 1000` is three lists (it
    took 24 s to walk as 10**9 items before its size was refused)."""
    stack = [data]
    seen = {id(data)}
    while stack:
        seq = stack.pop()
        kinds = set(map(type, seq))
        if str in kinds or np.str_ in kinds:
            return True
        if list in kinds or tuple in kinds:
            for item in seq:
                if type(item) in _NESTED and id(item) not in seen:
                    seen.add(id(item))
                    stack.append(item)
    return False


def fixed_width(value: Any) -> int | None:
    """The width of a fixed-width string dtype named as NumPy's user guide does (`dtype="U5"`), else None."""
    match = re.fullmatch(r"<?U([1-9][0-9]{0,6})", value) if type(value) is str else None
    return int(match.group(1)) if match else None


def make_string_array(interp: Interpreter, data: Any, typed: bool = False,
                      fixed: int | None = None) -> StringArray:
    """np.array([...]) of strings (numbers among them become strings, as NumPy makes them): the width
    worked out from the data before NumPy makes the array (the list's size was checked by the caller)."""
    leaves: list = []
    _leaves(data, leaves)
    check_chars(len(leaves), 1, "np.array")   # before the walk below: at most MAX_STRING_CHARS leaves
    width = 0
    for kind in set(map(type, leaves)):
        if issubclass(kind, str):
            width = max(width, max(len(leaf) for leaf in leaves if type(leaf) is kind))
        elif issubclass(kind, (bool, int, float, complex, np.number, np.bool_)):
            width = max(width, _WIDTHS.get(np.dtype(kind if issubclass(kind, np.generic) else
                                                    {bool: np.bool_, int: np.int64, float: np.float64,
                                                     complex: np.complex128}[kind]).kind, 64))
        else:
            raise NotSupported("Autograd Lab supports numpy arrays of numbers, or of strings")
    if fixed is not None:   # dtype="U5": each string cut to (or padded to) 5 characters, as NumPy does
        width, typed = fixed, True
    check_chars(len(leaves), width, "np.array")
    array = _guarded(lambda: np.array(data, dtype=(f"U{fixed}" if fixed else str) if typed else None))
    if array.dtype.kind != "U":
        raise NotSupported("Autograd Lab supports numpy arrays of numbers, or of strings")
    charge_chars(interp, int(array.size), array.dtype.itemsize // 4, "np.array")
    return StringArray(array)


def string_array(interp: Interpreter, data: Any, typed: bool, fixed: int | None = None) -> StringArray:
    """np.array(data) of strings, of a string array (a copy), or `dtype=str` of numbers or an array;
    `fixed`: the width of dtype="U5" (strings only)."""
    from autogradlab.lang.safe_values import SafeArray
    if isinstance(data, StringArray):
        charge_chars(interp, int(data.array.size), data.array.dtype.itemsize // 4 if fixed is None else fixed,
                     "np.array")
        return StringArray(data.array.astype(f"U{fixed}") if fixed else data.array.copy())
    if isinstance(data, SafeArray):
        return as_strings(interp, data.array)
    if not isinstance(data, (list, tuple)):   # np.array('abc', dtype=str), np.array(3, dtype=str): 0-d
        one = make_string_array(interp, [data], typed, fixed)
        return StringArray(one.array.reshape(()))
    return make_string_array(interp, data, typed, fixed)


def as_strings(interp: Interpreter, array: np.ndarray, width: int | None = None) -> StringArray:
    """a.astype(str) of a numeric array: NumPy's width of its kind; a.astype('U5'): 5 (session 44)."""
    charge_chars(interp, int(array.size), _WIDTHS.get(array.dtype.kind, 64) if width is None else width,
                 "a.astype(str)")
    return StringArray(_guarded(lambda: array.astype(str if width is None else f"<U{width}")))


def _width(value: Any) -> int:
    return value.dtype.itemsize // 4 if isinstance(value, np.ndarray) else len(value)


def _check_compared(pairs: int, width: int, op: str) -> None:
    """Broadcasting compares every pair of the result, each up to `width` characters: a (2000, 1) and a
    (1, 2000) array of 500-character strings (1,000,000 characters each) compared 2e9 characters, 4.8 s in
    one call (red team, session 33). At most MAX_STRING_CHARS characters compared, as one array holds."""
    chars = pairs * max(width, 1)
    if chars > MAX_STRING_CHARS:
        raise LimitExceeded(f"`{op}` of string arrays would compare {pairs:,} pairs of up to {width:,} "
                            f"characters ({chars:,} in all); the limit is {MAX_STRING_CHARS:,}",
                            hint="use fewer or shorter strings")


def binary(interp: Interpreter, op: str, fn: Any, left: Any, right: Any) -> Any:
    """`labels == 'cat'`, `a != b`: NumPy's elementwise bool array; other operators refused by name."""
    if op not in ("eq", "ne"):
        raise NotSupported(f"the operator `{op}` on numpy arrays of strings is not supported in Autograd Lab "
                           "(supported: ==, !=)")
    a, b = (v.array if isinstance(v, StringArray) else v for v in (left, right))
    for value in (a, b):
        if not isinstance(value, (np.ndarray, str)):
            raise NotSupported("numpy arrays of strings compare with a string or another such array in "
                               "Autograd Lab")
    try:
        shape = np.broadcast_shapes(np.shape(a), np.shape(b))
    except ValueError:
        shape = np.shape(a)   # NumPy says so
    _check_compared(math.prod(shape), max(_width(a), _width(b)), "==" if op == "eq" else "!=")
    charge(interp, math.prod(shape), f"`{op}` of string arrays")
    if isinstance(a, str) and isinstance(b, str):
        return fn(a, b)
    return _wrap(_guarded(lambda: fn(a, b)))
