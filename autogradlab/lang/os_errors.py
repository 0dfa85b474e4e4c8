"""`OSError(errno, strerror[, filename[, winerror[, filename2]]])` as CPython makes it (a student's
`raise FileNotFoundError(2, 'No such file or directory', path)`): `OSError(2, ...)` is a
FileNotFoundError (CPython's errno map); str() is `[Errno 2] msg: 'path'` (`-> 'other'` with a second
file name); args keep only (errno, strerror) when a file name is given; e.errno, e.strerror, e.filename
and e.filename2 read the parts. One argument, or more than five, is a plain exception's args."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.safe_values import SafeException, SafeType

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _subclass(kind: SafeType, errno: Any) -> type:
    """CPython maps the errno of a plain `OSError(...)` to its subclass (2 is FileNotFoundError)."""
    if kind.py_type is OSError and type(errno) in (int, bool):
        return type(OSError(errno, ""))   # CPython's own map: a dict lookup of a plain int
    return kind.py_type


def make_os_error(interp: Interpreter, kind: SafeType, values: tuple) -> SafeException:
    from autogradlab.lang.exception_objects import _text, args_repr, args_text
    fields: dict[str, Any] = dict.fromkeys(("errno", "strerror", "filename", "filename2"))
    py_type, args = kind.py_type, values
    if 2 <= len(values) <= 5:
        py_type = _subclass(kind, values[0])
        parts = [*values, None, None, None][:5]
        fields.update(errno=parts[0], strerror=parts[1], filename=parts[2], filename2=parts[4])
        text = f"[Errno {_text(interp, parts[0], 'str')}] {_text(interp, parts[1], 'str')}"
        if parts[2] is not None:   # CPython drops the file names from args only when there is one
            args = values[:2]
            text += f": {_text(interp, parts[2], 'repr')}"
            if parts[4] is not None:
                text += f" -> {_text(interp, parts[4], 'repr')}"
        interp.sizes.check_length(len(text), "the text")
    else:
        text = args_text(interp, py_type, values)
    made = SafeException(py_type, text, args_repr(interp, py_type.__name__, args), args)
    made.fields = fields
    return made
