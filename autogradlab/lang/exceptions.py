"""`try` / `except`: lessons show an error on purpose and `print(e)`.

A caught error is a SafeException holding the Python class and the message Python or PyTorch gave
(PyTorch's own text, not the engine's plain-word translation), so `print(e)` prints what plain
PyTorch prints. Limits, timeouts, memory, crashes and constructs outside the language are never
catchable: a bare `except:` around an infinite loop still stops at the limit.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from autogradlab.errors import (
    AutogradError,
    NameNotDefined,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
    ShapeMismatch,
)
from autogradlab.lang.safe_values import SafeException, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_CATCHABLE_KINDS: dict[type, type] = {   # the engine's own errors, as the Python class they stand for
    NameNotDefined: NameError, ProgramTypeError: TypeError, ProgramValueError: ValueError,
    ProgramIndexError: IndexError, ShapeMismatch: RuntimeError, AutogradError: RuntimeError,
}
EXCEPTION_TYPES: dict[str, SafeType] = {
    cls.__name__: SafeType(cls.__name__, cls) for cls in (
        Exception, RuntimeError, ValueError, TypeError, IndexError, KeyError, ZeroDivisionError,
        AssertionError, NameError, AttributeError, ArithmeticError, LookupError, OverflowError,
        NotImplementedError, UnboundLocalError, StopIteration)}


def remember_python_error(error: ProgramError, exc: BaseException) -> ProgramError:
    """Keep the class and text of the Python/PyTorch exception a ProgramError translates."""
    error.py_type = type(exc)
    error.py_message = str(exc)
    if type(exc) is KeyError:   # str() is the key's repr: KeyError('k') prints as 'k'
        error.py_repr = repr(exc)
    return error


def as_caught(error: ProgramError) -> SafeException | None:
    """The value `except ... as e` binds, or None when the error must not be caught."""
    if getattr(error, "final", False):   # lang/batch_escapes.py: a batched gradient may outlive it
        return None
    py_type = getattr(error, "py_type", None)
    if py_type is None:
        py_type = _CATCHABLE_KINDS.get(type(error))
        if py_type is None:
            return None
        return SafeException(py_type, error.message)
    if not issubclass(py_type, Exception) or issubclass(py_type, (MemoryError, RecursionError)):
        return None
    if type(error) not in _CATCHABLE_KINDS:   # e.g. a MemoryError turned into LimitExceeded
        return None
    return SafeException(py_type, error.py_message, getattr(error, "py_repr", None))


def _handler_types(interp: Interpreter, handler: ast.ExceptHandler) -> tuple[type, ...]:
    if handler.type is None:
        return (Exception,)
    value = interp.eval(handler.type)
    kinds = value if isinstance(value, tuple) else (value,)
    if not all(isinstance(k, SafeType) and isinstance(k.py_type, type)
               and issubclass(k.py_type, BaseException) for k in kinds):
        raise ProgramTypeError("catching classes that do not inherit from BaseException is not allowed")
    return tuple(k.py_type for k in kinds)


def run_try(interp: Interpreter, node: ast.Try) -> None:
    try:
        _body_and_handlers(interp, node)
    except ProgramError as error:
        if as_caught(error) is None:
            # A limit, a timeout or a refusal ends the program here: no `finally` runs, so a
            # `return`/`break`/`continue` there cannot swallow it.
            raise
        interp.exec_block(node.finalbody)
        raise
    except Exception:   # not the program's own error (none should get here): no `finally` either
        raise
    except BaseException:   # break/continue/return leaving the block: `finally` runs, as in Python
        interp.exec_block(node.finalbody)
        raise
    interp.exec_block(node.finalbody)


def _body_and_handlers(interp: Interpreter, node: ast.Try) -> None:
    try:
        interp.exec_block(node.body)
    except ProgramError as error:
        caught = as_caught(error)
        if caught is None:
            raise
        handler = next((h for h in node.handlers
                        if issubclass(caught.py_type, _handler_types(interp, h))), None)
        if handler is None:
            raise
        _run_handler(interp, handler, caught)
    else:
        interp.exec_block(node.orelse)


def _run_handler(interp: Interpreter, handler: ast.ExceptHandler, caught: SafeException) -> None:
    if handler.name is None:
        interp.exec_block(handler.body)
        return
    interp.assign(ast.Name(handler.name, ast.Store()), caught, handler)
    try:
        interp.exec_block(handler.body)
    finally:   # Python unbinds the name when the handler ends
        found, _ = interp.scope.find(handler.name)
        if found and handler.name in interp.scope.vars:
            interp.scope.delete(handler.name)


