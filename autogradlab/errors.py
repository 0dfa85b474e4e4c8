"""Errors a user program can cause, named after the failure (as simpleeval does).

Every error carries a kind (see report.ERROR_KINDS), a message in plain words, the 1-based line and
column where it happened, and a hint where one helps. Nothing else may escape the engine.
"""

from __future__ import annotations

from autogradlab.report import ErrorInfo


class ProgramError(Exception):
    kind = "internal"

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 hint: str | None = None, key: str | None = None,
                 params: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.key, self.params = key, params  # catalogue key of the message (see error_keys.py)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint

    def at(self, line: int | None, column: int | None) -> ProgramError:
        """Fill in the position if it is not known yet; returns self for `raise err.at(...)`."""
        if self.line is None:
            self.line, self.column = line, column
        return self

    def to_info(self) -> ErrorInfo:
        key, params = self.key, self.params
        if key is None:
            key, params = _origin_key(self)
        from autogradlab.message_quotes import capped  # the program's words, cut when huge
        from autogradlab.utf8_text import encodable
        hint = None if self.hint is None else encodable(capped(self.hint))
        params = tuple((name, encodable(capped(value)) if isinstance(value, str) else value)
                       for name, value in params)
        return ErrorInfo(self.kind, encodable(capped(self.message)), self.line, self.column, hint, key=key,
                         params=params)


def _origin_key(error: ProgramError) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """A message no rule recognises that is Python's or NumPy's own text (kept for `except ... as e`,
    lang/exceptions.remember_python_error), or Python's syntax message, is framed as their words in
    the reader's language (errors_runtime.python_said); a KeyError's text is the missing key."""
    from autogradlab import error_keys
    from autogradlab.message_quotes import capped
    key, params = error_keys.recognise(capped(error.message))   # as the report will say it
    if key is not None:
        return key, params
    py_type = getattr(error, "py_type", None)
    if py_type is not None and getattr(error, "py_message", None) == error.message:
        if issubclass(py_type, KeyError):
            return "errors_runtime.key_error", (("key", error.message),)
        return "errors_runtime.python_said", (("text", error.message),)
    if error.kind == "syntax":
        return "errors_runtime.python_said", (("text", error.message),)
    return None, ()


class ProgramSyntaxError(ProgramError):
    kind = "syntax"


class NotSupported(ProgramError):
    """Valid Python outside the language; the message names the construct."""
    kind = "unsupported"


class NameNotDefined(ProgramError):
    kind = "name"


class ProgramTypeError(ProgramError):
    kind = "type"


class ProgramValueError(ProgramError):
    kind = "value"


class ProgramIndexError(ProgramError):
    kind = "index"


class ShapeMismatch(ProgramError):
    kind = "shape"


class AutogradError(ProgramError):
    kind = "autograd"


class LimitExceeded(ProgramError):
    """A named limit from limits.Limits was reached; the message names it and its value."""
    kind = "limit"


class TimeLimitExceeded(ProgramError):
    kind = "timeout"


class MemoryLimitExceeded(ProgramError):
    kind = "memory"


class WorkerCrashed(ProgramError):
    kind = "crash"


class InternalError(ProgramError):
    kind = "internal"
