"""NumPy as lessons use it, left refused by session 36's corpus (issue 9, session 37): out= of
np.percentile / np.quantile / np.nanpercentile / np.nanquantile; NumPy 2's np.unique_values /
unique_counts / unique_inverse / unique_all (their named results, as NumPy shows them) and np.unique of a
string array; np.isin with a set as test elements; np.common_type, np.mintypecode, np.real_if_close and
np.typename (the type-check helpers of NumPy's docs); np.ravel_multi_index; np.histogram's named bin
rules (bins='auto', 'fd', ...).

out= is the program's own array: NumPy writes the result into it (NumPy checks its shape and the cast, with
its own words) and returns it, as `r is o` shows. The result was counted as without out= (NumPy still makes
it before copying). Anything but an array never reaches NumPy as out=: a list, a tuple, a number or a word
is given to NumPy as a stand-in of its own kind (an empty list, the number itself), so NumPy's own
TypeError is the program's; any other value is refused with the ufuncs' message.

The unique functions make at most as many values as they are given, plus an index array of the input's
size for each of indices / inverse / counts, and sort a copy: charged before NumPy runs, as np.unique is.
A string array's values come back as a string array (its width is the input's: bounded already).

np.isin(x, {1, 2}): NumPy makes a 0-d object array of the set and compares each element with the set
itself (never equal: all False, or all True with invert=True). NumPy runs it with an empty frozenset in the
set's place (the same answer; the program's set never reaches NumPy).

np.common_type reads only its arrays' dtypes and answers one of the scalar types the namespace holds
(np.float64: the program's own object); np.mintypecode takes type characters (a word or a list of words
and numpy types) and answers one; np.typename looks one character up. np.real_if_close gives a.real, a
view of the program's array as NumPy's is (counted as a copy), or the array itself.

np.ravel_multi_index(multi_index, dims, mode, order): one int array of the index arrays' broadcast shape,
counted from their shapes first (NumPy checks dims' product itself, before it allocates); only arrays,
ints, words and tuples of them reach it.

np.histogram(a, bins='auto'): a rule picks the bin count from the data's spread, and NumPy caps nothing
('fd' of data with a tiny spread asks for millions of bins). The count is worked out first by NumPy's own
width estimator (numpy_signal.rule_bin_count, as np.histogram_bin_edges does) and charged before NumPy
makes the bins. 'stone' (a Python loop over every bin count inside NumPy) stays refused; an unknown word
is NumPy's ValueError, and a rule with weights NumPy's TypeError (neither counts anything).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import numpy_ops
from autogradlab.lang.numpy_strings import StringArray
from autogradlab.lang.safe_values import SafeArray, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_STAND_INS = {list: lambda value: [], tuple: lambda value: ()}
_PLAIN = (bool, int, float, complex, str)


def into_out(name: str, out: Any, compute: Callable[..., Any]) -> Any:
    """`compute(out=...)` with the program's array `out` (None: NumPy's new array); NumPy's result."""
    if out is None:
        return numpy_ops._wrap(numpy_ops._guarded(compute))
    if isinstance(out, SafeArray):
        raw = out.array
        result = numpy_ops._guarded(lambda: compute(out=raw))
        return out if result is raw else numpy_ops._wrap(result)
    kind = type(out)
    if kind not in _STAND_INS and kind not in _PLAIN:
        raise ProgramTypeError(f"np.{name}: out= must be a numpy array")
    stand_in = _STAND_INS[kind](out) if kind in _STAND_INS else out
    numpy_ops._guarded(lambda: compute(out=stand_in))   # NumPy's own TypeError
    raise ProgramTypeError(f"np.{name}: out= must be a numpy array")


def unique_input(interp: Interpreter, value: Any, what: str) -> Any:
    """The array np.unique and its NumPy 2 forms take: a string array's own, else numeric data."""
    if isinstance(value, StringArray):
        return value.array
    return numpy_ops._raw(numpy_ops.lists_as_arrays(interp, [value])[0], what)


def _part(value: Any) -> Any:
    if isinstance(value, np.ndarray) and value.dtype.kind == "U":
        return StringArray(value)   # (as wide as the input's strings, and no more of them)
    return numpy_ops._wrap(value)


def unique_results(value: Any) -> Any:
    """NumPy's result: an array, a tuple of arrays, or a named result (UniqueAllResult, ...) of them."""
    if not isinstance(value, tuple):
        return _part(value)
    parts = (_part(item) for item in value)
    return type(value)(*parts) if hasattr(type(value), "_fields") else tuple(parts)


_UNIQUE_EXTRA = {"unique_values": 0, "unique_counts": 1, "unique_inverse": 1, "unique_all": 3}


def _unique_named(name: str) -> SafeFunction:
    fn = getattr(np, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != 1 or kwargs:   # Python's TypeError of the call, with None for each value given
            numpy_ops._guarded(lambda: fn(*[None] * len(args), **dict.fromkeys(kwargs)))
            raise NotSupported(f"Autograd Lab supports `np.{name}(x)`")
        x = unique_input(interp, args[0], f"np.{name}")
        numpy_ops.charge(interp, int(np.size(x)) * (2 + _UNIQUE_EXTRA[name]), f"np.{name}")
        return unique_results(numpy_ops._guarded(lambda: fn(x)))
    return SafeFunction(f"numpy.{name}", impl)


def set_stand_in(value: Any) -> Any:
    """np.isin's test elements: a set or frozenset of the program as NumPy reads it (one object)."""
    from autogradlab.lang.set_value import ProgramSet
    if isinstance(value, (ProgramSet, set, frozenset)):
        return np.array(frozenset(), dtype=object)   # a 0-d object array, as np.asarray({1, 2}) is
    return None


def _python_error(exc: BaseException) -> Exception:
    from autogradlab.lang.operators import python_error
    return python_error(exc)


def _scalar_type(kind: type) -> Any:
    """np.float64 as the program's namespace holds it (the same object `np.float64` reads)."""
    from autogradlab.lang.namespaces import resolve_import
    member = resolve_import("numpy").members.get(kind.__name__)
    if member is None:   # (np.longdouble: no array of the program's has it)
        raise NotSupported(f"`numpy.{kind.__name__}` is not supported in Autograd Lab")
    return member


def _common_type(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs:
        numpy_ops._guarded(lambda: np.common_type(**dict.fromkeys(kwargs)))   # Python's TypeError
    arrays = []
    for value in args:   # only what NumPy reads: each one's dtype
        if isinstance(value, (SafeArray, StringArray)):
            arrays.append(value.array)
        elif isinstance(value, numpy_ops.NUMPY_SCALARS):
            arrays.append(value)
        else:
            from autogradlab.lang.safe_values import type_text
            raise _python_error(AttributeError(f"'{type_text(value)}' object has no attribute 'dtype'"))
    return _scalar_type(numpy_ops._guarded(lambda: np.common_type(*arrays)))


_TYPE_WORDS = (str, np.str_)


def _type_chars(value: Any, form: str) -> Any:
    """A word of type characters, or a list / tuple of words and numpy types (as their type)."""
    from autogradlab.lang.data_wrappers import SafeNumpyDtype
    if isinstance(value, _TYPE_WORDS):
        return str(value)
    if isinstance(value, (list, tuple)) and len(value) <= 64:
        if all(isinstance(item, _TYPE_WORDS + (SafeNumpyDtype,)) for item in value):
            return [item.dtype.type if isinstance(item, SafeNumpyDtype) else str(item) for item in value]
    raise NotSupported(f"Autograd Lab supports `{form}`")


def _mintypecode(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.numpy_lessons_s35 import _bind
    form = "np.mintypecode(typechars, typeset='GDFgdf', default='d')"
    bound = _bind(args, kwargs, ("typechars", "typeset", "default"), form)
    chars = _type_chars(bound["typechars"], form)
    typeset = _type_chars(bound.get("typeset", "GDFgdf"), form)
    default = bound.get("default", "d")
    if not isinstance(default, _TYPE_WORDS):
        raise NotSupported(f"Autograd Lab supports `{form}`")
    interp.sizes.charge_sequence(len(chars) + len(typeset), "np.mintypecode's characters")
    return numpy_ops._guarded(lambda: np.mintypecode(chars, typeset, str(default)))


def _real_if_close(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.numpy_breadth_s36 import _plain
    from autogradlab.lang.numpy_lessons_s35 import _array, _bind
    form = "np.real_if_close(a, tol=100)"
    bound = _bind(args, kwargs, ("a", "tol"), form)
    given = bound["a"]
    a = given.array if isinstance(given, SafeArray) else _array(interp, given, "np.real_if_close")
    tol = _plain(bound.get("tol", 100), form)
    numpy_ops.charge(interp, 2 * int(np.size(a)), "np.real_if_close")   # |a.imag| and its comparison
    result = numpy_ops._guarded(lambda: np.real_if_close(a, tol))
    return given if isinstance(given, SafeArray) and result is given.array else numpy_ops._wrap(result)


def _typename(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.numpy_lessons_s35 import _bind
    form = "np.typename(char)"
    char = _bind(args, kwargs, ("char",), form)["char"]
    if not isinstance(char, (str, int, float, type(None))):   # a dict key NumPy looks up (KeyError else)
        raise NotSupported(f"Autograd Lab supports `{form}`")
    return numpy_ops._guarded(lambda: np.typename(char))


_MAX_DIMS = 64   # NumPy's NPY_MAXDIMS


def _words(value: Any, form: str) -> Any:
    """mode=: a word, or a tuple / list of words (NumPy's error for a wrong one)."""
    if isinstance(value, str) or isinstance(value, (tuple, list)) and len(value) <= _MAX_DIMS \
            and all(isinstance(word, str) for word in value):
        return value if isinstance(value, str) else tuple(str(word) for word in value)
    raise NotSupported(f"Autograd Lab supports `{form}`")


def _ravel_multi_index(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    from autogradlab.lang.numpy_counting import _bind, _shape_of
    from autogradlab.lang.numpy_lessons_s35 import _array
    from autogradlab.lang.numpy_order_arg import order_arg
    form = "np.ravel_multi_index(multi_index, dims, mode='raise', order='C')"
    bound = _bind("np.ravel_multi_index", ("multi_index", "dims", "mode", "order"), 2, args, kwargs)
    given = bound["multi_index"]
    if isinstance(given, (tuple, list)) and len(given) <= _MAX_DIMS:
        index = tuple(_array(interp, item, "np.ravel_multi_index") for item in given)
        shapes = [np.shape(item) for item in index]
    elif isinstance(given, SafeArray):
        index, shapes = given.array, [np.shape(given.array)[1:]]
    else:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    dims = _shape_of(bound["dims"])
    if dims is None or len(dims) > _MAX_DIMS:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    mode = _words(bound.get("mode", "raise"), form)
    order = order_arg(bound.get("order", "C"))
    try:
        size = math.prod(np.broadcast_shapes(*shapes))   # (shapes only: nothing is made)
    except ValueError:
        size = 0   # NumPy's own error, before it allocates
    numpy_ops.charge(interp, size, "np.ravel_multi_index")
    return numpy_ops._wrap(numpy_ops._guarded(lambda: np.ravel_multi_index(index, dims, mode, order)))


def rule_edges(interp: Interpreter, a: Any, rule: str, options: dict, form: str) -> int:
    """How many edges np.histogram's rule `rule` makes of `a` (its counts: one fewer)."""
    from numpy.lib import _histograms_impl as histograms

    from autogradlab.lang.numpy_signal import BIN_RULES, rule_bin_count
    if rule not in histograms._hist_bin_selectors:
        raise _python_error(ValueError(f"{rule!r} is not a valid estimator for `bins`"))
    if rule not in BIN_RULES:
        raise NotSupported(f"Autograd Lab supports `{form}` with bins an int, a list of edges or one of "
                           f"{', '.join(repr(r) for r in BIN_RULES)}")
    if options.get("weights") is not None:
        return 0   # NumPy's TypeError, before it counts anything
    numpy_ops.charge(interp, int(np.size(a)), "np.histogram")   # the flattened copy the rule reads
    flat = numpy_ops._guarded(lambda: np.asarray(a).ravel())
    return numpy_ops._guarded(lambda: rule_bin_count(flat, rule, options.get("range")))


def numpy_breadth_s37_members() -> dict[str, SafeFunction]:
    return {**{name: _unique_named(name) for name in _UNIQUE_EXTRA},
            "common_type": SafeFunction("numpy.common_type", _common_type),
            "mintypecode": SafeFunction("numpy.mintypecode", _mintypecode),
            "real_if_close": SafeFunction("numpy.real_if_close", _real_if_close),
            "typename": SafeFunction("numpy.typename", _typename),
            "ravel_multi_index": SafeFunction("numpy.ravel_multi_index", _ravel_multi_index)}
