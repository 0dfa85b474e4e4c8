"""What every builtin of builtins.py shares: refusing arguments that are not data (or keywords it
does not take) with CPython's own texts, running work torch may do with torch's errors translated,
turning a value into text or a list of items, each sized before it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.calls import require_data, translate_torch_error
from autogradlab.lang.safe_values import ATOM_TYPES, SafeArray, is_data, objects_stored
from autogradlab.lang.stored_objects import require_item, require_storable
from autogradlab.lang.tensor_text import tensor_repr

_TENSOR = torch.Tensor
ATOMS_AT_ONCE = True   # _data_args' answer for arguments that are all atoms (tests compare with it off)

# Builtins that hand a list's items back without looking at them: they take lists of the program's
# objects (lang/stored_objects.py); print/repr/str show them. sum, sorted, max, ... still refuse them.
_STORING = frozenset({"len", "list", "tuple", "enumerate", "zip", "reversed", "type", "isinstance", "id",
                      "print", "repr", "str", "bool"})


def _data_args(name: str, args: list, kwargs: dict, allowed: tuple[str, ...] = (),
               storing: bool = False) -> None:
    """Refuse keywords the builtin does not take, and values that are no data; storing: the builtin
    hands the items only to the program's own code (a key= function, the program's operators)."""
    if ATOMS_AT_ONCE and not kwargs:   # `len(xs)`, `abs(x)` (issue 9): atoms pass every check below as is
        for value in args:
            if type(value) not in ATOM_TYPES:
                break
        else:
            return
    for key in kwargs:
        if key not in allowed:
            raise NotSupported(f"`{name}()` does not accept the keyword argument `{key}=` in "
                               f"Autograd Lab")
    check = require_item if storing else require_storable if name in _STORING else require_data
    for index, value in enumerate(list(args) + list(kwargs.values())):
        if storing and index == 0 and (name == "sum" or len(args) == 1):   # the iterable: no lone object
            require_storable(value, f"in `{name}()`")
        else:
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
    from autogradlab.lang.stored_objects import CONTAINERS, container_text
    if objects_stored() and isinstance(value, CONTAINERS) and not is_data(value):   # holds objects
        return container_text(interp, value)
    text = None
    if type(value) is _TENSOR and (converter is str or converter is repr):   # print(x), str(x), f"{x!r}"
        try:   # torch's own text, made ~5x faster (tensor_text.py); None: not its common case
            text = tensor_repr(value)
        except Exception:  # noqa: BLE001 - whatever it cannot do, torch's own repr does (or says why)
            text = None
    if text is None and not isinstance(value, _PLAIN_TEXT) and (converter is str or converter is repr):
        from autogradlab.lang.function_text import printed_code_text  # `<function f at 0x7f0000000000>`
        text = printed_code_text(value)
    if text is None:
        text = converter(value)
    interp.sizes.charge_sequence(len(text), "the text")
    return text


_PLAIN_TEXT = (str, int, float, bool, _TENSOR, list, tuple, dict)


def _charge_printed(interp, length: int) -> None:  # noqa: ANN001
    """All print() output goes to the browser: bounded per run (what was printed before stays)."""
    limit = interp.limits.max_printed_chars
    interp.sizes.printed_chars += length
    if interp.sizes.printed_chars > limit:
        raise LimitExceeded(f"the program printed more than {limit:,} characters; the limit is {limit:,}",
                            hint="print less, e.g. only every 100th pass of a loop (limit max_printed_chars)")


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
