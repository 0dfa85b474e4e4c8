"""Python builtins a program may call: print, len, range, the conversions, min/max/sum, ...

Each is a small function `(interp, args, kwargs, node) -> value` in a table. Results are sized
(lists, strings) before they are built; tensors met on the way go through the interpreter's
operators so the engine sees every op.
"""

from __future__ import annotations

import builtins as py_builtins
import operator
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.calls import require_data, translate_torch_error
from autogradlab.lang.namespaces import NDARRAY_TYPE, TENSOR_TYPE
from autogradlab.lang.safe_values import SafeArray, SafeFunction, SafeType, type_text


def _data_args(name: str, args: list, kwargs: dict, allowed: tuple[str, ...] = ()) -> None:
    for key in kwargs:
        if key not in allowed:
            raise NotSupported(f"`{name}()` does not accept the keyword argument `{key}=` in "
                               f"Autograd Lab")
    for value in list(args) + list(kwargs.values()):
        require_data(value, f"in `{name}()`")


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
    text = converter(value)
    interp.sizes.charge_sequence(len(text), "the text")
    return text


def _print(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("print", args, kwargs, ("sep", "end", "flush"))
    sep, end = kwargs.get("sep", " "), kwargs.get("end", "\n")
    sep = " " if sep is None else sep
    end = "\n" if end is None else end
    if not isinstance(sep, str) or not isinstance(end, str):
        raise ProgramTypeError("print(): sep and end must be strings")
    text = sep.join(text_of(interp, value) for value in args) + end
    interp.hooks.on_print(text)
    return None


def _len(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("len", args, kwargs)
    if len(args) != 1:
        raise ProgramTypeError(f"len() takes exactly one argument ({len(args)} given)")
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


def _convert(py_type: type) -> Callable[..., Any]:
    def convert(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        name = py_type.__name__
        _data_args(name, args, kwargs)
        if py_type in (list, tuple):
            return py_type(_materialize(interp, args[0], node)) if args else py_type()
        if py_type is str:
            return text_of(interp, args[0]) if args else ""
        if len(args) > (2 if py_type is int else 1):
            raise ProgramTypeError(f"{name}() takes at most one argument here")
        return _torch_call(interp, name, py_type, *args)
    return convert


BUILTIN_TYPES: dict[str, SafeType] = {
    name: SafeType(name, getattr(py_builtins, name), _convert(getattr(py_builtins, name)))
    for name in ("int", "float", "bool", "str", "list", "tuple", "complex")}


def _abs(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("abs", args, kwargs)
    return interp.apply_unary("abs", abs, args[0], node)


def _round(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("round", args, kwargs, ("ndigits",))
    if isinstance(args[0], torch.Tensor):
        return interp.apply_unary("round", round, args[0], node)
    return round(*args, **kwargs)


def _min_max(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        _data_args(name, args, kwargs, ("default",))
        items = _materialize(interp, args[0], node) if len(args) == 1 else list(args)
        return _torch_call(interp, name, lambda values: fn(values, **kwargs), items)
    return impl


def _sum(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("sum", args, kwargs, ("start",))
    total = args[1] if len(args) > 1 else kwargs.get("start", 0)
    for item in interp.iterate(args[0], node):
        interp.charge_loop_iterations(1, "sum()")
        total = interp.apply_binary("add", operator.add, total, item, node)
    return total


def _enumerate(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("enumerate", args, kwargs, ("start",))
    start = args[1] if len(args) > 1 else kwargs.get("start", 0)
    return [(start + i, item) for i, item in enumerate(_materialize(interp, args[0], node))]


def _zip(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("zip", args, kwargs)
    return list(zip(*[_materialize(interp, a, node) for a in args], strict=False))


def _sorted(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("sorted", args, kwargs, ("reverse",))
    return _torch_call(interp, "sorted", lambda items: sorted(items, **kwargs),
                       _materialize(interp, args[0], node))


def _reversed(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("reversed", args, kwargs)
    return list(reversed(_materialize(interp, args[0], node)))


def _any_all(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        _data_args(name, args, kwargs)
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
    return any(isinstance(value, kind.py_type) for kind in kinds)


def _id(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("id", args, kwargs)
    return interp.identity(args[0])


def _repr(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data_args("repr", args, kwargs)
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
}
# Python builtins that exist but are outside the language: refused by name, not "undefined".
KNOWN_PYTHON_BUILTINS: frozenset[str] = frozenset(dir(py_builtins))
