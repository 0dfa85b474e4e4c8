"""More builtins of the Python-basics lessons: divmod, pow, hex/bin/oct, chr/ord, and dict(...).

Each result is sized as the others are: pow of two ints goes through apply_binary (the int-size
check before the power is computed; pow(a, b, m) is at most m), hex/bin/oct write at most
max_int_bits digits, dict(...) counts its items like a dict display and checks its keys
(dicts.check_key). Tensors reach divmod and pow through the interpreter's operators, so the engine
sees every op; Python's own errors keep Python's words (divmod(1.0, 0): "float divmod()")."""

from __future__ import annotations

import ast
from typing import Any

from autogradlab.errors import ProgramTypeError, ProgramValueError
from autogradlab.lang import dicts
from autogradlab.lang.calls import require_data
from autogradlab.lang.operators import BINARY, python_error
from autogradlab.lang.safe_values import SafeFunction, SafeType

_NUMBERS = (bool, int, float)


def _data(name: str, args: list, kwargs: dict, low: int, high: int) -> None:
    for value in list(args) + list(kwargs.values()):
        require_data(value, f"in `{name}()`")
    if not low <= len(args) <= high:
        expected = f"{low}" if low == high else f"{low} to {high}"
        raise ProgramTypeError(f"{name} expected {expected} arguments, got {len(args)}")


def _python(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001
        raise python_error(exc) from None


def _divmod(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data("divmod", args, kwargs, 2, 2)
    a, b = args
    if type(a) in _NUMBERS and type(b) in _NUMBERS:   # never larger than its operands
        return _python(divmod, a, b)
    floor_name, floor_fn, _, _ = BINARY[ast.FloorDiv]
    mod_name, mod_fn, _, _ = BINARY[ast.Mod]
    quotient = interp.apply_binary(floor_name, floor_fn, a, b, node)
    return quotient, interp.apply_binary(mod_name, mod_fn, a, b, node)


def _pow(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    _data("pow", args, kwargs, 2, 3)
    if len(args) == 3:   # modular: the result is smaller than the modulus
        if not all(type(v) in (bool, int) for v in args):
            raise ProgramTypeError("pow() 3rd argument not allowed unless all arguments are integers")
        interp.sizes.check_int_bits(max(abs(int(v)).bit_length() for v in args), "pow()")
        return _python(pow, *args)
    name, fn, _, _ = BINARY[ast.Pow]
    return interp.apply_binary(name, fn, args[0], args[1], node)


def _digits(name: str, fn: Any) -> Any:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if name != "ord" and len(args) == 1 and type(args[0]).__name__ == "ProgramObject":
            from autogradlab.lang.object_protocols import index_of
            count = index_of(interp, args[0], node)   # hex(obj): Python reads its __index__
            if count is args[0]:
                raise python_error(TypeError(f"'{count.cls.name}' object cannot be interpreted as an "
                                             "integer"))
            args = [count]
        _data(name, args, kwargs, 1, 1)
        result = _python(fn, args[0])
        if isinstance(result, str):
            interp.sizes.charge_sequence(len(result), f"the result of {name}()")
        return result
    return impl


def _format(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    """format(value, spec=''): an f-string field's formatting (lang/format_spec.py: the length known
    before the text is built, under the string limit)."""
    from autogradlab.lang.format_spec import format_field
    _data("format", args, kwargs, 1, 2)
    if kwargs:
        raise ProgramTypeError("format() takes no keyword arguments")
    spec = args[1] if len(args) == 2 else ""
    if not isinstance(spec, str):
        raise ProgramTypeError(f"format() argument 2 must be str, not {type(spec).__name__}")
    return format_field(interp, args[0], None, spec, 0, "the formatted string")


def make_dict(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    """dict(), dict(a=1), dict(pairs), dict(mapping, b=2): counted like a dict display."""
    from autogradlab.lang.iterators import ITERATORS, materialize_iterator
    if args and isinstance(args[0], ITERATORS):   # dict(map(...)), dict(zip-like generator)
        args = [materialize_iterator(interp, args[0], "the list"), *args[1:]]
    from autogradlab.lang.stored_objects import require_item, require_storable
    for value in args:   # dict(zip(nodes, names)): keys and values may be the program's objects
        require_storable(value, "in `dict()`")
    for value in kwargs.values():
        require_item(value, "in `dict()`")
    if len(args) > 1:
        raise ProgramTypeError(f"dict expected at most 1 argument, got {len(args)}")
    result: dict = {}
    if args:
        source = args[0]
        pairs = list(source.items()) if isinstance(source, dict) else interp.materialize(source, node)
        for index, pair in enumerate(pairs):
            if isinstance(source, dict):
                key, value = pair
            else:
                items = interp.materialize(require_storable(pair, "in `dict()`"), node) \
                    if isinstance(pair, list | tuple | str) else None
                if items is None:
                    raise ProgramTypeError(f"cannot convert dictionary update sequence element #{index} to a "
                                           f"sequence")
                if len(items) != 2:
                    raise ProgramValueError(f"dictionary update sequence element #{index} has length "
                                           f"{len(items)}; 2 is required")
                key, value = items
                require_item(value, "as a dictionary value")
            dicts.set_item(interp, result, key, value)
    for key, value in kwargs.items():
        dicts.set_item(interp, result, key, value)
    return result


NUMBER_BUILTINS: dict[str, Any] = {
    **{name: SafeFunction(name, impl) for name, impl in {
        "divmod": _divmod, "pow": _pow, "hex": _digits("hex", hex), "bin": _digits("bin", bin),
        "oct": _digits("oct", oct), "chr": _digits("chr", chr), "ord": _digits("ord", ord),
        "format": _format,
    }.items()},
    "dict": SafeType("dict", dict, make_dict),
}
