"""torch's exception -> a ProgramError in plain words, for every library call of a program
(lang/calls.py and the call sites that inline it): torch_errors.translate when present, else a
fallback by the exception's type and words."""

from __future__ import annotations

from typing import Any

from autogradlab.errors import (
    AutogradError,
    LimitExceeded,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
    ShapeMismatch,
)


def _fallback_translate(exc: BaseException, op_name: str) -> ProgramError:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = text.lower()
    said = {"key": "errors_torch.op_said", "params": (("op", op_name), ("text", text))}  # PyTorch's words
    if any(key in lowered for key in ("backward", "grad", "leaf variable", "inplace", "in-place")):
        return AutogradError(f"{op_name}: {text}", **said)
    if any(key in lowered for key in ("shape", "size", "cannot be multiplied", "broadcast")):
        return ShapeMismatch(f"{op_name}: {text}", **said)
    if isinstance(exc, IndexError) and "dimension out of range" not in lowered:
        return ProgramIndexError(f"{op_name}: {text}", **said)
    if isinstance(exc, TypeError):
        return ProgramTypeError(f"{op_name}: {text}", **said)
    return ProgramValueError(f"{op_name}: {text}", **said)


def translate_torch_error(exc: BaseException, op_name: str, args: Any) -> ProgramError:
    """torch's exception -> a ProgramError with plain words (torch_errors.translate when present)."""
    if isinstance(exc, ProgramError):
        return exc
    if isinstance(exc, MemoryError):
        return LimitExceeded(f"{op_name} ran out of memory")
    from autogradlab.lang.exceptions import remember_python_error  # for `except ... as e`
    return remember_python_error(_translate(exc, op_name, args), exc)


def _translate(exc: BaseException, op_name: str, args: Any) -> ProgramError:
    try:
        from autogradlab.lang.torch_errors import translate
    except ImportError:
        return _fallback_translate(exc, op_name)
    try:
        error = translate(exc, op_name, args)
    except Exception:  # noqa: BLE001 - a broken translation must not hide the user's error
        return _fallback_translate(exc, op_name)
    return error if isinstance(error, ProgramError) else _fallback_translate(exc, op_name)
