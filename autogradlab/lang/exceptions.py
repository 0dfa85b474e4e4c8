"""`try` / `except`: lessons show an error on purpose and `print(e)`.

A caught error is a SafeException holding the Python class and the message Python or PyTorch gave
(PyTorch's own text, not the engine's plain-word translation), so `print(e)` prints what plain
PyTorch prints. Limits, timeouts, memory, crashes and constructs outside the language are never
catchable: a bare `except:` around an infinite loop still stops at the limit.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import (
    AutogradError,
    LimitExceeded,
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


def _maker(name: str):  # noqa: ANN202
    def make(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        from autogradlab.lang.exception_objects import make_builtin
        return make_builtin(interp, exception_type(name), args, kwargs)
    return make


EXCEPTION_TYPES: dict[str, SafeType] = {
    cls.__name__: SafeType(cls.__name__, cls, _maker(cls.__name__)) for cls in (
        BaseException, Exception, RuntimeError, ValueError, TypeError, IndexError, KeyError,
        ZeroDivisionError,
        AssertionError, NameError, AttributeError, ArithmeticError, LookupError, OverflowError,
        NotImplementedError, UnboundLocalError, StopIteration, OSError, ConnectionError, FileNotFoundError,
        ImportError,   # `from torch import dott` (lang/statements.py)
        UnicodeError, UnicodeEncodeError, UnicodeDecodeError,   # s.encode('ascii'), b.decode() (session 42)
        Warning, UserWarning, DeprecationWarning, FutureWarning, RuntimeWarning)}   # warnings' categories


def _lin_alg_error() -> SafeType:
    """np.linalg.LinAlgError (a ValueError): named only as a member of np.linalg, never a builtin name."""
    import numpy as np
    kind = SafeType("LinAlgError", np.linalg.LinAlgError, _maker("LinAlgError"))
    kind.text = "<class 'numpy.linalg.LinAlgError'>"
    return kind


# Exception classes of the libraries a program may name through their modules (lang/numpy_linalg_family.py)
def _frozen_instance_error() -> SafeType:
    """dataclasses.FrozenInstanceError (an AttributeError): a member of dataclasses (dataclass_classes.py)."""
    import dataclasses
    kind = SafeType("FrozenInstanceError", dataclasses.FrozenInstanceError, _maker("FrozenInstanceError"))
    kind.text = "<class 'dataclasses.FrozenInstanceError'>"
    return kind


LIBRARY_EXCEPTION_TYPES: dict[str, SafeType] = {"LinAlgError": _lin_alg_error(),
                                                "FrozenInstanceError": _frozen_instance_error()}


def exception_type(name: str) -> SafeType | None:
    return EXCEPTION_TYPES.get(name) or LIBRARY_EXCEPTION_TYPES.get(name)


def _clear_frames(tb: Any) -> None:
    """traceback.clear_frames, innermost frame first: guards are undone in the order they were made (a
    repr inside a repr holds two; cleared outermost first, the inner one put back the outer's state)."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        try:
            frame.clear()
        except RuntimeError:   # a frame still running (the caller's): left as it is
            pass


def remember_python_error(error: ProgramError, exc: BaseException) -> ProgramError:
    """Keep the class and text of the Python/PyTorch exception a ProgramError translates; the frames it
    left are cleared (their locals freed now, not when the cyclic collector finds them: torch's tensor
    text holds a `torch._C._DisableFuncTorch()` guard in a local, and while its frame lived on in this
    error's context, torch.func was off for the rest of the run: a caught str(x) error inside
    jacobian(..., strategy='forward-mode') made a later linearize's jvp_fn answer zeros; red team s41)."""
    if exc.__traceback__ is not None:
        _clear_frames(exc.__traceback__)
    error.py_type = type(exc)
    error.py_message = str(exc)
    if type(exc) is KeyError or isinstance(exc, UnicodeError):   # str() is the key's repr: KeyError('k')
        error.py_repr = repr(exc)   # prints as 'k'; UnicodeEncodeError('ascii', 'ñ', 0, 1, '...') (s42)
    error.py_args = python_args(exc)
    return error


_PLAIN_ARGS = frozenset({int, float, complex, bool, str, type(None)})


def python_args(exc: BaseException) -> tuple | None:
    """e.args as Python's where they are not the message alone: KeyError(1).args is (1,), KeyError((1, 2))
    ((1, 2),), StopIteration(5) (5,) (red team s42: were their texts, ('1',), ("'k'",)); plain values only."""
    if exc.args == (str(exc),):
        return None
    if isinstance(exc, UnicodeError):   # ('utf-8', b'\xff', 0, 1, 'invalid start byte') (s43 red)
        from autogradlab.lang.unicode_errors import caught_args
        return caught_args(exc)
    todo, left = list(exc.args), 1000   # (a key nested 100,000 tuples deep: looked at 1,000 values at most)
    while todo:
        value = todo.pop()
        left -= 1
        if left < 0 or type(value) not in _PLAIN_ARGS and type(value) is not tuple:
            return None
        if type(value) is tuple:
            todo.extend(value)
    return exc.args


def as_caught(error: ProgramError) -> Any:
    """The value `except ... as e` binds, or None when the error must not be caught."""
    if getattr(error, "final", False):   # lang/batch_escapes.py: a batched gradient may outlive it
        return None
    raised = getattr(error, "raised", None)
    if raised is not None:   # the program's own `raise` (lang/exception_objects.py)
        return raised if type(error) in _CATCHABLE_KINDS else None
    py_type = getattr(error, "py_type", None)
    if py_type is None:
        py_type = _CATCHABLE_KINDS.get(type(error))
        if py_type is None:
            return None
        return _caught(SafeException(py_type, error.message), error)
    if not issubclass(py_type, Exception) or issubclass(py_type, (MemoryError, RecursionError)):
        return None
    if type(error) not in _CATCHABLE_KINDS:   # e.g. a MemoryError turned into LimitExceeded
        return None
    return _caught(SafeException(py_type, error.py_message, getattr(error, "py_repr", None),
                                 getattr(error, "py_args", None)), error)


def _caught(value: SafeException, error: ProgramError) -> SafeException:
    value.error = error   # `raise e` raises it again as it was
    return value


def _handles(interp: Interpreter, handler: ast.ExceptHandler, caught: Any) -> bool:
    """Whether the handler's class (or one of its tuple) is the caught exception's class or a base."""
    if handler.type is None:
        return True
    value = interp.eval(handler.type)
    if type(value) is SafeType and isinstance(caught, SafeException) \
            and EXCEPTION_TYPES.get(value.text_name) == value:
        return issubclass(caught.py_type, value.py_type)   # `except ValueError:` of a builtin one
    kinds = value if isinstance(value, tuple) else (value,)
    return caught_by(caught, kinds, lambda: ProgramTypeError(   # Python's words, at the except's line
        "catching classes that do not inherit from BaseException is not allowed").at(
            handler.lineno, handler.col_offset + 1))


def caught_by(caught: Any, kinds: tuple, not_classes: Any) -> bool:
    """Whether one of the classes `kinds` is the caught exception's class or a base (`except`, and
    contextlib.suppress); not_classes() is raised when one of them is no exception class."""
    from autogradlab.lang.exception_objects import is_exception_type
    if not all(is_exception_type(k) for k in kinds):
        raise not_classes()
    if isinstance(caught, SafeException):
        return any(isinstance(k, SafeType) and issubclass(caught.py_type, k.py_type) for k in kinds)
    mine = caught.cls
    return any(mine.is_subclass_of(k) if not isinstance(k, SafeType)
               else issubclass(mine.exception, k.py_type)
               for k in kinds)


def run_try(interp: Interpreter, node: ast.Try) -> None:
    try:
        _body_and_handlers(interp, node)
    except ProgramError as error:
        if as_caught(error) is None:
            # A limit, a timeout or a refusal ends the program here: no `finally` runs, so a
            # `return`/`break`/`continue` there cannot swallow it.
            raise
        try:
            interp.exec_block(node.finalbody)
        except BaseException as left:
            if not isinstance(left, Exception) and getattr(error, "raised", None) is None:
                count_caught(interp)   # `return`/`break`/`continue` in `finally` swallowed it: caught
            raise
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
        handler = next((h for h in node.handlers if _handles(interp, h, caught)), None)
        if handler is None:
            raise
        if getattr(error, "raised", None) is None:   # the program's own `raise` costs a step, no more
            count_caught(interp)
        handling = interp.handling   # a bare `raise` inside it raises this error again
        handling.append(error)
        try:
            _run_handler(interp, handler, caught)
        finally:
            handling.pop()
    else:
        interp.exec_block(node.orelse)


def count_caught(interp: Interpreter) -> None:
    """max_caught_errors: an operation failing on every pass of a long loop (x[5] of a 3-element x, 100k
    times); its error's text is built and translated each time."""
    caught = interp.__dict__.get("caught_errors", 0) + 1
    interp.caught_errors = caught
    limit = interp.limits.max_caught_errors
    if caught > limit:
        raise LimitExceeded(f"the program caught more than {limit:,} errors with try/except; the limit is "
                            f"{limit:,}", hint=CAUGHT_HINT)


CAUGHT_HINT = ("check the condition with an if before the operation instead of catching its error on every "
               "pass (limit max_caught_errors)")


def _run_handler(interp: Interpreter, handler: ast.ExceptHandler, caught: Any) -> None:
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


