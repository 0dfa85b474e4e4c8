"""`UnicodeEncodeError(encoding, object, start, end, reason)` / `UnicodeDecodeError(...)` made by the program,
and the args of one caught from `s.encode(...)` / `b.decode(...)` (red team, session 43).

Session 42 made both classes catchable; made by the program they took any arguments and printed their
args tuple (`str(e)` was "('ascii', 'ñ', 0, 1, 'bad')" where CPython says "'ascii' codec can't encode
character '\\xf1' in position 0: bad"), and a caught one's `e.args` was its message alone. CPython's own class
is made here from the plain values (a text, a bytes value, ints), so its checks (five arguments, their
types) and its text are CPython's; anything else stands in as an empty object of the same class name,
which CPython refuses by that name without looking inside it.

A class of the program's own on top of one (`class E(UnicodeEncodeError)`) keeps CPython's text made when
its base's __init__ runs (made without an __init__ of its own, or through `super().__init__(...)`), and
'' when it never ran, as CPython's fields stay unset then (exception_objects.ExceptionState.text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.bytes_values import BytesValue
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeException, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MADE = (UnicodeEncodeError, UnicodeDecodeError)   # the classes whose constructor CPython checks
_PLAIN = (str, int, bool, float, type(None))


def _stand_in(value: Any) -> Any:
    """What CPython's constructor sees of one argument: a plain value, bytes, or an empty stand-in."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, BytesValue):   # (its class is named `bytes`: a subclass)
        return value.data
    return type(type_text(value).rsplit(".", 1)[-1], (), {})()   # refused by CPython by its class's name


def unicode_text(interp: Interpreter, py_type: type, values: tuple) -> str:
    """str() of CPython's UnicodeEncodeError / UnicodeDecodeError made from `values`, and its TypeError
    ("function takes exactly 5 arguments (1 given)") where CPython's constructor refuses them."""
    try:
        real = py_type(*[_stand_in(value) for value in values])
    except (TypeError, ValueError, OverflowError) as exc:
        raise python_error(exc) from None
    message = str(real)   # (the encoding's and the reason's texts, within the limits, and ~60 characters)
    interp.sizes.check_length(len(message), "the text")
    return message


def make_unicode_error(interp: Interpreter, py_type: type, values: tuple) -> SafeException:
    """`UnicodeEncodeError('ascii', 'ñ', 0, 1, 'bad')`: CPython's checks, str() and repr()."""
    from autogradlab.lang.exception_objects import args_repr
    message = unicode_text(interp, py_type, values)
    return SafeException(py_type, message, args_repr(interp, py_type.__name__, values), values)


def caught_args(exc: BaseException) -> tuple | None:
    """e.args of a UnicodeEncodeError / UnicodeDecodeError Python raised (its five values, the bytes as
    the program's bytes value), else None."""
    if type(exc) not in MADE or len(exc.args) != 5:
        return None
    return tuple(BytesValue(value) if type(value) is bytes else value for value in exc.args)
