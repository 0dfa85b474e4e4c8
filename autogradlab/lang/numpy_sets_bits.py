"""More NumPy functions from Datawhale's powerful-numpy lessons (issue 9, session 33): `np.isin`,
`np.setxor1d`, `np.lexsort`, `np.sort_complex`, `np.array_equiv`, `np.resize`, `np.modf` / `np.divmod`
(two arrays back), `np.packbits` / `np.unpackbits`.

numpy_everyday's rules hold: lists become arrays as np.array makes them (sized first), every result's
element count is worked out from the shapes and charged before NumPy runs (np.unpackbits makes 8 values
of each byte; np.resize the new shape's product), keyword arguments are allow-listed and plain, NumPy
words its own errors. np.isin sorts both inputs or, for ints, NumPy builds a lookup table only when
its range is within a few times the inputs' sizes (NumPy's own rule): charged as their sizes.
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_breadth_s37 import set_stand_in
from autogradlab.lang.numpy_everyday import _array, _axis, _boolean, _options, _plain_int
from autogradlab.lang.numpy_ops import _check_result, _guarded, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _isin(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.isin(element, test_elements, assume_unique=False, invert=False)"
    if len(args) != 2:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    options = _options(kwargs, {"assume_unique": _boolean, "invert": _boolean}, "np.isin", form)
    stand_in = set_stand_in(args[1])   # np.isin(x, {1, 2}): NumPy's 0-d object array (numpy_breadth_s37)
    element = _array(interp, args[0], "np.isin")
    tests = stand_in if stand_in is not None else _array(interp, args[1], "np.isin")
    charge(interp, 2 * (int(np.size(element)) + int(np.size(tests))), "np.isin")   # sorted copies
    return _wrap(_guarded(lambda: np.isin(element, tests, **options)))


def _setxor1d(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.setxor1d(ar1, ar2, assume_unique=False)"
    if len(args) != 2:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    options = _options(kwargs, {"assume_unique": _boolean}, "np.setxor1d", form)
    a, b = (_array(interp, v, "np.setxor1d") for v in args)
    charge(interp, 2 * (int(np.size(a)) + int(np.size(b))), "np.setxor1d")
    return _wrap(_guarded(lambda: np.setxor1d(a, b, **options)))


def _lexsort(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.lexsort(keys, axis=-1)"
    if len(args) != 1:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    options = _options(kwargs, {"axis": _plain_int}, "np.lexsort", form)
    keys = args[0]
    if isinstance(keys, (list, tuple)):
        from autogradlab.lang.numpy_strings import holds_text  # a list of texts: make_string_array's limits
        interp.sizes.check_nested([k for k in keys if not (isinstance(k, (list, tuple)) and holds_text(k))],
                                  "np.lexsort")   # all the keys' values first (numpy_joins.py)
        keys = tuple(_key(interp, k) for k in keys)
        size = max((int(np.size(k)) for k in keys), default=0)
        _check_sorted(interp, len(keys), sum(int(np.size(k)) for k in keys))
    else:
        keys = _array(interp, keys, "np.lexsort")
        size = int(np.size(keys))
    charge(interp, size, "np.lexsort")
    return _wrap(_guarded(lambda: np.lexsort(keys, **options)))


def _key(interp: Interpreter, key: Any) -> Any:
    """One key of np.lexsort: an array, or a numpy array of strings (Python for Data Analysis' appendix A
    sorts by last and first names, session 40; such an array holds at most MAX_STRING_CHARS characters)."""
    from autogradlab.lang.numpy_strings import StringArray, holds_text, make_string_array
    if isinstance(key, (list, tuple)) and holds_text(key):   # ('Hertz', 'Galilei') (Kyubyong's exercises)
        return make_string_array(interp, key).array
    return key.array if isinstance(key, StringArray) else _array(interp, key, "np.lexsort")


def _check_sorted(interp: Interpreter, count: int, values: int) -> None:
    """np.lexsort sorts once a key: the keys' values counted as the 2-D array they make, at most
    max_tensor_elements (np.lexsort([a, b] * 10) of 1,000,000 values each ran 4.4 s in one call when only
    the longest key was counted, and a list holding one array many times holds no more memory; red team,
    session 34)."""
    limit = interp.sizes.limits.max_tensor_elements
    if values > limit:
        raise LimitExceeded(f"`np.lexsort` of {count:,} keys would sort {values:,} values in one call; the "
                            f"limit is {limit:,}", hint="use fewer or shorter keys")


def _sort_complex(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise NotSupported("Autograd Lab supports `np.sort_complex(a)`")
    a = _array(interp, args[0], "np.sort_complex")
    charge(interp, int(np.size(a)), "np.sort_complex")
    return _wrap(_guarded(lambda: np.sort_complex(a)))


def _array_equiv(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 2 or kwargs:
        raise NotSupported("Autograd Lab supports `np.array_equiv(a1, a2)`")
    a, b = (_array(interp, v, "np.array_equiv") for v in args)
    try:
        shape = np.broadcast_shapes(np.shape(a), np.shape(b))
    except ValueError:
        return False   # NumPy's answer for shapes that do not broadcast
    charge(interp, math.prod(shape), "np.array_equiv")
    return bool(_guarded(lambda: np.array_equiv(a, b)))


def _new_shape(value: Any, what: str) -> tuple[int, ...]:
    shape = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    if len(shape) > 32:
        raise ProgramTypeError(f"{what}: at most 32 dimensions")
    return tuple(_plain_int(n, what) for n in shape)


def _resize(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    """np.resize(a, new_shape): a's values repeated (or cut) to fill the new shape."""
    if len(args) + len(kwargs) != 2 or set(kwargs) - {"new_shape"}:
        raise NotSupported("Autograd Lab supports `np.resize(a, new_shape)`")
    shape = _new_shape(args[1] if len(args) == 2 else kwargs["new_shape"], "np.resize: new_shape")
    if any(n < 0 for n in shape):
        raise ProgramTypeError("all elements of `new_shape` must be non-negative")
    a = _array(interp, args[0], "np.resize")
    charge(interp, math.prod(shape) + int(np.size(a)), "np.resize")   # the result and a's flat copy
    return _wrap(_guarded(lambda: np.resize(a, shape)))


def _two_results(name: str, arity: int) -> SafeFunction:
    """np.modf(x) / np.divmod(x1, x2): two arrays (or numbers) of the operands' broadcast size."""
    ufunc = getattr(np, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if len(args) != arity or kwargs:
            names = "x" if arity == 1 else "x1, x2"
            raise NotSupported(f"Autograd Lab supports `np.{name}({names})`")
        values = lists_as_arrays(interp, args)
        raw = [v.array if hasattr(v, "array") else v for v in values]
        for v in raw:
            if not isinstance(v, (np.ndarray, bool, int, float, np.number, np.bool_)):
                raise NotSupported(f"np.{name}: numpy arrays combine only with numbers and other arrays in "
                                   "Autograd Lab (convert tensors with .numpy(), lists with np.array(...))")
        _check_result(interp, raw, f"np.{name}")
        _check_result(interp, raw, f"np.{name}")   # two results
        return tuple(_wrap(r) for r in _guarded(lambda: ufunc(*raw)))
    return SafeFunction(f"numpy.{name}", impl)


def _packbits(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.packbits(a, axis=None, bitorder='big')"
    if len(args) != 1:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    options = _options(kwargs, {"axis": _axis, "bitorder": _bitorder}, "np.packbits", form)
    a = _array(interp, args[0], "np.packbits")
    charge(interp, int(np.size(a)) // 8 + np.ndim(a) + 1, "np.packbits")
    return _wrap(_guarded(lambda: np.packbits(a, **options)))


def _unpackbits(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    form = "np.unpackbits(a, axis=None, count=None, bitorder='big')"
    if len(args) != 1:
        raise NotSupported(f"Autograd Lab supports `{form}`")
    readers = {"axis": _axis, "bitorder": _bitorder,
               "count": lambda v, w: None if v is None else _plain_int(v, w)}
    options = _options(kwargs, readers, "np.unpackbits", form)
    a = _array(interp, args[0], "np.unpackbits")
    count = options.get("count")
    size = 8 * int(np.size(a)) + (max(count, 0) * int(np.size(a)) if count is not None else 0)
    charge(interp, size, "np.unpackbits")
    return _wrap(_guarded(lambda: np.unpackbits(a, **options)))


def _bitorder(value: Any, what: str) -> str:
    if value in ("big", "little"):
        return value
    raise ProgramTypeError(f"{what} must be 'big' or 'little'")


def numpy_sets_bits_members() -> dict[str, SafeFunction]:
    return {"isin": SafeFunction("numpy.isin", _isin), "setxor1d": SafeFunction("numpy.setxor1d", _setxor1d),
            "lexsort": SafeFunction("numpy.lexsort", _lexsort),
            "sort_complex": SafeFunction("numpy.sort_complex", _sort_complex),
            "array_equiv": SafeFunction("numpy.array_equiv", _array_equiv),
            "resize": SafeFunction("numpy.resize", _resize),
            "modf": _two_results("modf", 1), "divmod": _two_results("divmod", 2),
            "frexp": _two_results("frexp", 1),
            "packbits": SafeFunction("numpy.packbits", _packbits),
            "unpackbits": SafeFunction("numpy.unpackbits", _unpackbits)}
