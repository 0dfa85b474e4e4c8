"""Python builtins a program may call: print, len, range, the conversions, min/max/sum, ...

Each is a small function `(interp, args, kwargs, node) -> value` in a table. Results are sized
(lists, strings) before they are built; tensors met on the way go through the interpreter's
operators so the engine sees every op.
"""

from __future__ import annotations

import builtins as py_builtins
import math
import operator
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.calls import require_data, translate_torch_error
from autogradlab.lang.exceptions import EXCEPTION_TYPES
from autogradlab.lang.generators import ITERATOR_BUILTINS, ITERATORS, materialize_iterator
from autogradlab.lang.namespaces import NDARRAY_TYPE, TENSOR_TYPE
from autogradlab.lang.safe_values import (
    SafeArray,
    SafeException,
    SafeFunction,
    SafeType,
    is_data,
    objects_stored,
    type_text,
)
from autogradlab.lang.sorting import extreme, sort_keywords, sorted_items
from autogradlab.lang.stored_objects import require_storable

# Builtins that hand a list's items back without looking at them: they take lists of the program's
# objects (lang/stored_objects.py); print/repr/str show them. sum, sorted, max, ... still refuse them.
_STORING = frozenset({"len", "list", "tuple", "enumerate", "zip", "reversed", "type", "isinstance", "id",
                      "print", "repr", "str", "bool"})


def _data_args(name: str, args: list, kwargs: dict, allowed: tuple[str, ...] = ()) -> None:
    for key in kwargs:
        if key not in allowed:
            raise NotSupported(f"`{name}()` does not accept the keyword argument `{key}=` in "
                               f"Autograd Lab")
    check = require_storable if name in _STORING else require_data
    for value in list(args) + list(kwargs.values()):
        check(value, f"in `{name}()`")


def _arity(args: list, low: int, high: int | None, too_few: str, too_many: str = "",
           keywords: int = 0) -> None:
    """Refuse a wrong number of arguments with CPython's own TypeError text ({n}: the count) before
    args[0] is read, so `abs()` says what Python says rather than "list index out of range".
    Like CPython, too few counts positional arguments and too many counts `keywords` as well (the
    caller passes len(kwargs) when its keywords may also be given by position)."""
    if len(args) < low:
        raise ProgramTypeError(too_few.format(n=len(args)))
    given = len(args) + keywords
    if high is not None and given > high:
        raise ProgramTypeError((too_many or too_few).format(n=given))


def _exactly_one(name: str, args: list) -> None:
    _arity(args, 1, 1, name + "() takes exactly one argument ({n} given)")


def _torch_call(interp, op: str, fn: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN001
    """Run a Python builtin whose work may be done by torch, translating torch's errors."""
    try:
        result = fn(*args)
    except Exception as exc:  # noqa: BLE001
        if any(isinstance(a, torch.Tensor) for a in args):
            raise translate_torch_error(exc, op, list(args)) from None
        raise
    return result


def text_of(interp, value: Any, converter: Callable[[Any], str] = str) -> str:  # noqa: ANN001
    """str()/repr() of a data value, refusing huge nested lists first."""
    interp.sizes.check_text_weight(value, "the text")
    if objects_stored() and isinstance(value, list | tuple | dict) and not is_data(value):   # holds objects
        from autogradlab.lang.stored_objects import container_text
        return container_text(interp, value)
    text = converter(value)
    interp.sizes.charge_sequence(len(text), "the text")
    return text


def _charge_printed(interp, length: int) -> None:  # noqa: ANN001
    """All print() output goes to the browser: bounded per run (what was printed before stays)."""
    limit = interp.limits.max_printed_chars
    interp.sizes.printed_chars += length
    if interp.sizes.printed_chars > limit:
        raise LimitExceeded(f"the program printed more than {limit:,} characters; the limit is {limit:,}",
                            hint="print less, e.g. only every 100th pass of a loop (limit max_printed_chars)")


def _print(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("print", args, kwargs, ("sep", "end", "flush"))
    sep, end = kwargs.get("sep", " "), kwargs.get("end", "\n")
    sep = " " if sep is None else sep
    end = "\n" if end is None else end
    if not isinstance(sep, str) or not isinstance(end, str):
        raise ProgramTypeError("print(): sep and end must be strings")
    texts = [text_of(interp, value) for value in args]
    _charge_printed(interp, sum(map(len, texts)) + len(sep) * max(0, len(texts) - 1) + len(end))
    text = sep.join(texts) + end
    interp.hooks.on_print(text)
    return None


def _len(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("len", args, kwargs)
    _exactly_one("len", args)
    return _torch_call(interp, "len", len, args[0])


def _range(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("range", args, kwargs)
    return range(*[operator.index(a) for a in args])


def _materialize(interp, value: Any, node: Any) -> list:  # noqa: ANN001
    """All items of an iterable, refusing more than max_sequence_len."""
    length = len(value) if hasattr(value, "__len__") and not isinstance(value, SafeArray) else None
    if isinstance(value, range):
        try:
            length = len(value)
        except OverflowError:
            length = interp.limits.max_sequence_len + 1
    if length is not None:
        interp.sizes.charge_sequence(length, "the list")
    return list(interp.iterate(value, node))


# Most arguments each conversion takes, and CPython's text for more.
_CONVERT_MAX_ARGS: dict[type, tuple[int, str]] = {
    int: (2, "int() takes at most 2 arguments ({n} given)"),
    complex: (2, "complex() takes at most 2 arguments ({n} given)"),
    str: (3, "str() takes at most 3 arguments ({n} given)"),
}


def _convert(py_type: type) -> Callable[..., Any]:
    name = py_type.__name__
    high, too_many = _CONVERT_MAX_ARGS.get(py_type, (1, name + " expected at most 1 argument, got {n}"))

    def convert(interp, args, kwargs, node):  # noqa: ANN001, ANN202
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


def _abs(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("abs", args, kwargs)
    _exactly_one("abs", args)
    return interp.apply_unary("abs", abs, args[0], node)


def _round(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("round", args, kwargs, ("ndigits",))
    _arity(args, 1, 2, "round() missing required argument 'number' (pos 1)",
           "round() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    number = args[0]
    if isinstance(number, torch.Tensor):
        return interp.apply_unary("round", round, number, node)
    ndigits = args[1] if len(args) > 1 else kwargs.get("ndigits")
    if ndigits is None:
        return round(number)
    if type(number) in (int, bool):
        return _round_int(int(number), operator.index(ndigits))
    return round(number, ndigits)   # floats: CPython clamps a huge ndigits itself


def _round_int(n: int, ndigits: int) -> int:
    """round(n, ndigits) as CPython computes it, minus CPython's 10**-ndigits when that power dwarfs
    n: round(1, -10**8) would build a 330-million-bit int for minutes, yet the answer is always 0
    once 10**-ndigits > 2*|n| (n has at most bit_length//3 + 1 decimal digits)."""
    if ndigits < 0 and -ndigits > n.bit_length() // 3 + 2:
        return 0
    return round(n, ndigits)


def _min_max(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if kwargs.get("key") is not None:   # max(words, key=len): keys compared as plain values
            return _extreme_by_key(interp, name, args, kwargs, node)
        kwargs.pop("key", None)
        _data_args(name, args, kwargs, ("default",))
        _arity(args, 1, None, name + " expected at least 1 argument, got {n}")
        if len(args) > 1 and "default" in kwargs:
            raise ProgramTypeError(f"Cannot specify a default for {name}() with multiple positional "
                                   "arguments")
        items = _materialize(interp, args[0], node) if len(args) == 1 else list(args)
        interp.sizes.check_compared_items(f"{name}()", items)
        return _torch_call(interp, name, lambda values: fn(values, **kwargs), items)
    return impl


def _extreme_by_key(interp, name: str, args: list, kwargs: dict, node: Any) -> Any:  # noqa: ANN001
    key = kwargs.pop("key")
    _data_args(name, args, kwargs, ("default",))
    _arity(args, 1, None, name + " expected at least 1 argument, got {n}")
    if len(args) > 1 and "default" in kwargs:
        raise ProgramTypeError(f"Cannot specify a default for {name}() with multiple positional arguments")
    items = _materialize(interp, args[0], node) if len(args) == 1 else list(args)
    if not items and "default" in kwargs:
        return kwargs["default"]
    return extreme(interp, items, key, node, name)


def _sum(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("sum", args, kwargs, ("start",))
    _arity(args, 1, 2, "sum() takes at least 1 positional argument ({n} given)",
           "sum() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    total = args[1] if len(args) > 1 else kwargs.get("start", 0)
    for item in interp.iterate(args[0], node):
        interp.charge_loop_iterations(1, "sum()")
        total = interp.apply_binary("add", operator.add, total, item, node)
    return total


def _enumerate(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("enumerate", args, kwargs, ("start",))
    _arity(args, 1, 2, "enumerate() missing required argument 'iterable'",
           "enumerate() takes at most 2 arguments ({n} given)", keywords=len(kwargs))
    start = args[1] if len(args) > 1 else kwargs.get("start", 0)
    return [(start + i, item) for i, item in enumerate(_materialize(interp, args[0], node))]


def _zip(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("zip", args, kwargs)
    return list(zip(*[_materialize(interp, a, node) for a in args], strict=False))


def _sorted(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    """sorted(items, key=..., reverse=...): plain values compared only (sorting.py)."""
    key, reverse = sort_keywords(kwargs)
    _data_args("sorted", [*args, reverse], {})
    _arity(args, 1, 1, "sorted expected 1 argument, got {n}")
    return sorted_items(interp, _materialize(interp, args[0], node), key, reverse, node, "`sorted()`")


def _reversed(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("reversed", args, kwargs)
    _arity(args, 1, 1, "reversed expected 1 argument, got {n}")
    return list(reversed(_materialize(interp, args[0], node)))


def _any_all(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        _data_args(name, args, kwargs)
        _exactly_one(name, args)
        return _torch_call(interp, name, fn, _materialize(interp, args[0], node))
    return impl


def type_of(value: Any) -> SafeType:
    if isinstance(value, torch.Tensor):
        return TENSOR_TYPE
    if isinstance(value, SafeArray):
        return NDARRAY_TYPE
    builtin = BUILTIN_TYPES.get(type(value).__name__)
    if builtin is not None and builtin.py_type is type(value):
        return builtin
    return SafeType(type_text(value), type(value))


def _type(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("type", args, kwargs)
    if len(args) != 1:
        raise NotSupported("only `type(x)` with one argument is supported in Autograd Lab")
    return type_of(args[0])


def _isinstance(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("isinstance", args, kwargs)
    if len(args) != 2:
        raise ProgramTypeError(f"isinstance expected 2 arguments, got {len(args)}")
    value, kinds = args
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if not all(isinstance(kind, SafeType) for kind in kinds):
        raise ProgramTypeError("isinstance() arg 2 must be a type or tuple of types")
    if isinstance(value, SafeException):   # `isinstance(e, RuntimeError)` in an except block
        return any(issubclass(value.py_type, kind.py_type) for kind in kinds)
    return any(isinstance(value, kind.py_type) for kind in kinds)


def _id(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("id", args, kwargs)
    _exactly_one("id", args)
    return interp.identity(args[0])


def _repr(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("repr", args, kwargs)
    _exactly_one("repr", args)
    return text_of(interp, args[0], repr)


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "print": _print, "len": _len, "range": _range, "abs": _abs, "round": _round,
    "min": _min_max("min", min), "max": _min_max("max", max), "sum": _sum,
    "enumerate": _enumerate, "zip": _zip, "sorted": _sorted, "reversed": _reversed,
    "any": _any_all("any", any), "all": _any_all("all", all),
    "type": _type, "isinstance": _isinstance, "id": _id, "repr": _repr,
}
BUILTINS: dict[str, Any] = {
    **{name: SafeFunction(name, impl) for name, impl in _FUNCTIONS.items()},
    **BUILTIN_TYPES,
    **EXCEPTION_TYPES,   # for `except RuntimeError as e:` (not callable: there is no `raise`)
}
# Python builtins that exist but are outside the language: refused by name, not "undefined".
KNOWN_PYTHON_BUILTINS: frozenset[str] = frozenset(dir(py_builtins))

from autogradlab.lang.introspection import INTROSPECTION  # noqa: E402 - dir() and help() (d2l lookup-api)

BUILTINS.update(INTROSPECTION)
BUILTINS.update({name: SafeFunction(name, impl) for name, impl in ITERATOR_BUILTINS.items()})

from autogradlab.lang.number_builtins import NUMBER_BUILTINS  # noqa: E402 - divmod, pow, hex, dict(...)

BUILTINS.update(NUMBER_BUILTINS)

from autogradlab.lang.map_filter import MAP_FILTER  # noqa: E402 - map(), filter() (lazy iterators)
from autogradlab.lang.sets import ProgramSet  # noqa: E402 - set(...) (lang/sets.py)
from autogradlab.lang.sets import convert as _make_set  # noqa: E402

BUILTINS.update({name: SafeFunction(name, impl) for name, impl in MAP_FILTER.items()})
BUILTIN_TYPES["set"] = BUILTINS["set"] = SafeType("set", ProgramSet, _make_set)


def _reading_iterators(name: str, impl: Callable[..., Any]) -> Callable[..., Any]:
    """sum(map(...)), max(filter(...)), sorted(g), zip(map(...), ys), enumerate(it): a generator or
    iterator argument is read to its end first (counted like list(...)); any() and all() read it only
    as far as Python does (they stop at the first true / false item)."""
    def wrapped(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        for value in args:
            if isinstance(value, ITERATORS):
                break
        else:   # the common case: no iterator, one isinstance per argument
            return impl(interp, args, kwargs, node)
        if name in ("any", "all") and len(args) == 1 and not kwargs:
            for item in args[0]:
                interp.charge_loop_iterations(1, f"{name}()")
                if interp.truth(item, node) == (name == "any"):
                    return name == "any"
            return name == "all"
        args = [materialize_iterator(interp, value, "the list") if isinstance(value, ITERATORS) else value
                for value in args]
        return impl(interp, args, kwargs, node)
    return wrapped


for _name in ("sum", "min", "max", "sorted", "any", "all", "enumerate", "zip"):
    BUILTINS[_name] = SafeFunction(_name, _reading_iterators(_name, BUILTINS[_name].impl))

from autogradlab.lang.class_dispatch import super_of, wrap_builtins  # noqa: E402 - the program's classes

wrap_builtins(BUILTINS)
BUILTINS["super"] = SafeFunction("super", super_of)
