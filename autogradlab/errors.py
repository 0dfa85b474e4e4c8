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
        return ErrorInfo(self.kind, self.message, self.line, self.column, self.hint, key=self.key,
                         params=self.params)


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
