"""Exceptions as values (issue 9 part 2): `ValueError("msg")`, `class MyError(Exception)` and the
`raise` statement.

A builtin exception the program makes is a SafeException (its class, its args and their text); an
instance of the program's own exception class is a ProgramObject whose class has a builtin exception
at the root of its bases (ProgramClass.exception) and whose `state` holds BaseException's args. Only the
classes of lang/exceptions.EXCEPTION_TYPES can be named, so MemoryError, RecursionError, SystemExit or
the engine's own limit errors can never be made or raised; a limit stays uncatchable however the
handler is written (lang/exceptions.as_caught).

`raise value` ends the statement with a ProgramError that carries the value (`raised`): `except`
catches that value itself, and an uncaught one is the program's error, `Name: text` as Python's last
traceback line, at the line where it was first raised.
"""

from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING, Any

from autogradlab.errors import (
    NameNotDefined,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
)
from autogradlab.lang.instances import instantiate
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import PLAIN_VALUES, ProgramClass, ProgramObject, storable
from autogradlab.lang.safe_values import SafeException, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class ExceptionState:
    """BaseException's part of an instance of the program's exception class."""

    __slots__ = ("args", "error", "text")

    def __init__(self, args: tuple) -> None:
        self.args = args
        self.error: ProgramError | None = None
        self.text: str | None = None   # str() of a UnicodeEncodeError's kind (unicode_errors.py)


def is_exception_type(value: Any) -> bool:
    """A builtin exception class the program may name (`ValueError`), or one of its own."""
    if isinstance(value, SafeType):
        from autogradlab.lang.exceptions import exception_type
        return exception_type(value.text_name) == value
    return isinstance(value, ProgramClass) and value.exception is not None


def is_exception(value: Any) -> bool:
    return isinstance(value, SafeException) or isinstance(value, ProgramObject) and value.state is not None


def _args(interp: Interpreter, args: list) -> tuple:
    interp.sizes.charge_sequence(0, "the arguments of an exception", added=len(args))
    return tuple(storable(a, "as an exception's argument") for a in args)


# -- text ------------------------------------------------------------------------------------------
def _text(interp: Interpreter, value: Any, which: str) -> str:
    """A list or tuple goes to text_of whole, as print() does: weighed before any text is made
    ([[[0]*100]*100]*100 was built item by item, 3M characters in 5-10 s, and an own exception class's
    message was never limited), objects inside by their own __repr__, a list inside itself `[...]`."""
    if isinstance(value, PLAIN_VALUES):
        from autogradlab.lang.class_dispatch import object_text
        return object_text(interp, value, which)
    from autogradlab.lang.builtins import text_of
    return text_of(interp, value, str if which == "str" else repr)


def args_text(interp: Interpreter, py_type: type, args: tuple) -> str:
    """BaseException.__str__: '' for no args, the one arg's str (a KeyError's repr), else the tuple's."""
    if not args:
        return ""
    if len(args) == 1:
        return _text(interp, args[0], "repr" if issubclass(py_type, KeyError) else "str")
    if issubclass(py_type, OSError) and len(args) == 2:   # OSError(errno, strerror)
        return f"[Errno {_text(interp, args[0], 'str')}] {_text(interp, args[1], 'str')}"
    return _text(interp, args, "repr")


def args_repr(interp: Interpreter, name: str, args: tuple) -> str:
    """BaseException.__repr__: `ValueError('msg')`, `MyError()`, `Exception('spam', 'eggs')`."""
    text = ", ".join(_text(interp, a, "repr") for a in args)
    interp.sizes.check_length(len(text) + len(name) + 2, "the text")
    return f"{name}({text})"


def exception_text(interp: Interpreter, obj: ProgramObject, which: str) -> str:
    """str()/repr() of an instance of the program's exception class without its own method."""
    if which == "str":
        if obj.cls.exception in (UnicodeEncodeError, UnicodeDecodeError):   # set by its base's __init__
            return obj.state.text or ""
        return args_text(interp, obj.cls.exception, obj.state.args)
    return args_repr(interp, obj.cls.name, obj.state.args)


# -- making ----------------------------------------------------------------------------------------
def make_builtin(interp: Interpreter, kind: SafeType, args: list, kwargs: dict) -> SafeException:
    """`ValueError("msg")`, `Exception('spam', 'eggs')`, `KeyError(k)`."""
    if kwargs:
        raise python_error(TypeError(f"{kind.text_name}() takes no keyword arguments"))
    values = _args(interp, args)
    if issubclass(kind.py_type, OSError):
        from autogradlab.lang.os_errors import make_os_error
        return make_os_error(interp, kind, values)
    if kind.py_type in (UnicodeEncodeError, UnicodeDecodeError):   # CPython's checks and text (s43 red)
        from autogradlab.lang.unicode_errors import make_unicode_error
        return make_unicode_error(interp, kind.py_type, values)
    if not values or len(values) == 1 and type(values[0]) is str and not issubclass(kind.py_type, KeyError):
        text = values[0] if values else ""   # the common `ValueError("msg")`: no text to build (its
        return SafeException(kind.py_type, text, None, values)   # repr is made when it is shown)
    shown = args_repr(interp, kind.text_name, values)
    return SafeException(kind.py_type, args_text(interp, kind.py_type, values), shown, values)


def start_exception(obj: ProgramObject, cls: ProgramClass, args: list, kwargs: dict, no_init: bool,
                    interp: Interpreter | None = None) -> None:
    """BaseException.__new__: an instance keeps the arguments it was made with as its args."""
    if kwargs and no_init:
        raise python_error(TypeError(f"{cls.name}() takes no keyword arguments"))
    obj.state = ExceptionState(tuple(storable(a, "as an exception's argument") for a in args))
    if no_init and interp is not None and cls.exception in (UnicodeEncodeError, UnicodeDecodeError):
        # its base's __init__ runs: CPython's checks and text
        from autogradlab.lang.unicode_errors import unicode_text
        obj.state.text = unicode_text(interp, cls.exception, obj.state.args)


def set_args(interp: Interpreter, obj: ProgramObject, value: Any) -> None:
    """`self.args = ...`: Python keeps it as a tuple."""
    if not isinstance(value, tuple | list | str):
        from autogradlab.lang.safe_values import type_text
        raise python_error(TypeError(f"'{type_text(value)}' object is not iterable"))
    obj.state.args = _args(interp, list(value))


def base_method(interp: Interpreter, proxy: Any, name: str, args: list, kwargs: dict) -> Any:
    """`super().__init__(msg)`, `super().__str__()`, `super().__repr__()` reaching BaseException."""
    target = proxy.target
    if not isinstance(target, ProgramObject) or target.state is None:
        raise python_error(AttributeError(f"'super' object has no attribute '{name}'"))
    if name == "__init__":
        if kwargs:
            raise python_error(TypeError(f"{target.cls.name}() takes no keyword arguments"))
        target.state.args = _args(interp, args)
        if target.cls.exception in (UnicodeEncodeError, UnicodeDecodeError):   # CPython's fields and text
            from autogradlab.lang.unicode_errors import unicode_text
            target.state.text = unicode_text(interp, target.cls.exception, target.state.args)
        return None
    if name in ("__str__", "__repr__"):
        if args or kwargs:
            raise python_error(TypeError(f"{name}() takes no arguments ({len(args) + len(kwargs)} given)"))
        return exception_text(interp, target, "str" if name == "__str__" else "repr")
    raise python_error(AttributeError(f"'super' object has no attribute '{name}'"))


# -- raising ---------------------------------------------------------------------------------------
def _instance(interp: Interpreter, value: Any, node: ast.AST, what: str) -> Any:
    """The exception a `raise` names: an instance, or a class called without arguments."""
    if is_exception(value):
        return value
    if isinstance(value, SafeType) and is_exception_type(value):
        return make_builtin(interp, value, [], {})
    if isinstance(value, ProgramClass) and value.exception is not None:
        made = instantiate(interp, value, [], {}, node)
        if not is_exception(made):
            raise python_error(TypeError(f"calling {value!r} should have returned an instance of "
                                         f"BaseException, not {made.cls.name}"))
        return made
    raise python_error(TypeError(f"exception{what} must derive from BaseException"))


def _error_class(py_type: type) -> type[ProgramError]:
    """The engine's error for a raised class (all of them catchable: lang/exceptions._CATCHABLE_KINDS)."""
    if issubclass(py_type, TypeError):
        return ProgramTypeError
    if issubclass(py_type, LookupError):
        return ProgramIndexError
    if issubclass(py_type, NameError):
        return NameNotDefined
    return ProgramValueError


def raised_error(interp: Interpreter, value: Any) -> ProgramError:
    """The error a `raise value` ends with: the one it was raised or caught as before, if any, at the
    line where it first happened (as a bare `raise`: Python's traceback of `raise e` ends with that
    line, the innermost one, which is the line the report names for any error)."""
    state = value if isinstance(value, SafeException) else value.state
    if state.error is not None:
        again = copy.copy(state.error)
        state.error = again
        return again
    if isinstance(value, SafeException):
        py_type, name, text = value.py_type, value.py_type.__name__, value.message
    else:
        py_type, name = value.cls.exception, value.cls.name
        from autogradlab.lang.class_dispatch import object_text
        try:
            text = object_text(interp, value, "str")
        except ProgramError as error:   # Python prints this when the message cannot be made
            from autogradlab.lang.exceptions import as_caught
            if as_caught(error) is None:
                raise
            text = "<exception str() failed>"
    if text:
        error = _error_class(py_type)(f"{name}: {text}", key="errors_runtime.raised",
                                      params=(("type", name), ("text", text)))
    else:
        error = _error_class(py_type)(name, key="errors_runtime.raised_bare", params=(("type", name),))
    error.py_type, error.py_message, error.raised = py_type, text, value
    state.error = error
    return error


def run_raise(interp: Interpreter, node: ast.Raise) -> None:
    """`raise`, `raise X`, `raise X(...)`, `raise X from Y`, `raise X from None`."""
    if node.exc is None:
        handling = interp.handling
        if not handling:
            raise python_error(RuntimeError("No active exception to reraise"))
        raise handling[-1]
    value = _instance(interp, interp.eval(node.exc), node, "s")
    if node.cause is not None:   # the cause only shapes Python's traceback text: checked, not kept
        cause = interp.eval(node.cause)
        if cause is not None:
            _instance(interp, cause, node, " causes")
    raise raised_error(interp, value)
