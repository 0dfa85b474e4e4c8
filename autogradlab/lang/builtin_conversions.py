"""The builtin types a program may call to convert a value: int, float, bool, str, list, tuple,
complex (BUILTIN_TYPES); an int read from text is sized against max_int_bits before it is built.
"""

from __future__ import annotations

import builtins as py_builtins
import math
import operator
from collections.abc import Callable
from typing import Any

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.builtin_arguments import _arity, _data_args, _materialize, _torch_call, text_of
from autogradlab.lang.iterators import ITERATORS, materialize_iterator
from autogradlab.lang.safe_values import SafeArray, SafeType, type_text

_CODE_TYPES: dict[type, SafeType] = {}


def code_type(value: Any) -> SafeType:
    """type(f) of a function, type(g) of a generator: Python's `function` and `generator` (one object
    each, so `type(f) is type(g)`); not callable (no conversion)."""
    kind = type(value)
    if kind not in _CODE_TYPES:
        _CODE_TYPES[kind] = SafeType(type_text(value), kind)
    return _CODE_TYPES[kind]

# Most arguments each conversion takes, and CPython's text for more.
_CONVERT_MAX_ARGS: dict[type, tuple[int, str]] = {
    int: (2, "int() takes at most 2 arguments ({n} given)"),
    complex: (2, "complex() takes at most 2 arguments ({n} given)"),
    str: (3, "str() takes at most 3 arguments ({n} given)"),
}


_NUMBER_TYPES = (int, float, complex, bool)


def _convert(py_type: type) -> Callable[..., Any]:
    name = py_type.__name__
    high, too_many = _CONVERT_MAX_ARGS.get(py_type, (1, name + " expected at most 1 argument, got {n}"))

    def convert(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if len(args) == 1 and not kwargs and type(args[0]) is SafeArray and py_type in _NUMBER_TYPES:
            from autogradlab.lang.numpy_ops import _guarded  # int(np.array(3)), float(x) of np.nditer's 0-d
            array = args[0].array   # items: NumPy's own answer (its TypeError for more than one element)
            return _guarded(lambda: py_type(array))
        if py_type in (list, tuple) and len(args) == 1 and not kwargs and isinstance(args[0], ITERATORS):
            return py_type(materialize_iterator(interp, args[0], "the list"))   # list(data_iter(...))
        _data_args(name, args, kwargs, ("base",) if py_type is int else ())
        _arity(args, 0, high, "", too_many, keywords=len(kwargs))
        if py_type in (list, tuple):
            return py_type(_materialize(interp, args[0], node)) if args else py_type()
        if py_type is str:
            if len(args) > 1:
                raise NotSupported("only `str(x)` with one argument is supported in Autograd Lab")
            return text_of(interp, args[0]) if args else ""
        if py_type is bool and args:   # a numpy array's own answer too (interp.truth)
            return interp.truth(args[0], node)
        if args and type(args[0]) is SafeArray:   # float(np.array(1.5)); a 1-element 1-D one as NumPy says
            args = [args[0].array, *args[1:]]
        if py_type is int:
            return _to_int(interp, args, kwargs)
        return _torch_call(interp, name, py_type, *args)
    return convert


def _to_int(interp, args: list, kwargs: dict) -> Any:  # noqa: ANN001
    """int(x) or int(text, base); a string is sized against max_int_bits before it is converted."""
    if not args:
        if kwargs:
            raise ProgramTypeError("int() missing string argument")
        return 0
    if len(args) == 1 and not kwargs:
        if isinstance(args[0], str):
            return _int_from_text(interp, args[0], 10, ())
        return _torch_call(interp, "int", int, args[0])
    base = operator.index(args[1] if len(args) > 1 else kwargs["base"])
    if isinstance(args[0], str):
        return _int_from_text(interp, args[0], base, (base,))
    return int(args[0], base)   # CPython's "can't convert non-string with explicit base"


_PREFIX_BASES = {"0x": 16, "0o": 8, "0b": 2}


def _int_text_digits(text: str, base: int) -> tuple[int, float]:
    """(significant digits, bits per digit) of int(text, base): sign, spaces, underscores, the
    base prefix and leading zeros do not count. (0, 0.0) for a base CPython will refuse itself."""
    if not (base == 0 or 2 <= base <= 36):
        return 0, 0.0
    body = text.strip().lstrip("+-").replace("_", "").lower()
    prefix_base = _PREFIX_BASES.get(body[:2])
    if prefix_base is not None and base in (0, prefix_base):
        body, base = body[2:], prefix_base
    return len(body.lstrip("0")), math.log2(base or 10)


def _int_from_text(interp, text: str, base: int, base_args: tuple) -> int:  # noqa: ANN001
    """Refuse before converting when the value cannot fit max_int_bits: with d significant digits
    it is at least base**(d-1), so it has at least floor((d-1)*log2(base))+1 bits. Converting a long
    string is slow (decimal) and its int is what the limit forbids; near the limit the conversion
    is cheap and the exact bit_length decides, so a value of exactly max_int_bits bits is kept."""
    digits, bits_per_digit = _int_text_digits(text, base)
    what = f"int() of a {len(text):,}-character string"
    if digits and math.floor((digits - 1) * bits_per_digit) + 1 > interp.limits.max_int_bits:
        interp.sizes.check_int_bits(math.ceil(digits * bits_per_digit), what)
    result = int(text, *base_args)
    interp.sizes.check_int_bits(result.bit_length(), what)
    return result


BUILTIN_TYPES: dict[str, SafeType] = {
    name: SafeType(name, getattr(py_builtins, name), _convert(getattr(py_builtins, name)))
    for name in ("int", "float", "bool", "str", "list", "tuple", "complex")}
