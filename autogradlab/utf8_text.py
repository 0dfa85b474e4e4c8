"""Text that UTF-8 can carry. A Python string may hold a lone surrogate (`"\\ud800"` in a program);
the Report goes to the browser (protobuf strings) and to the CLI's JSON as UTF-8, where such a string
fails to encode after the run. Python itself shows it escaped in a repr or a traceback and refuses to
print() it to a UTF-8 stdout: the engine does the same (lang/builtins._print, errors.to_info,
engine/single_values)."""

from __future__ import annotations


def encodable(text: str) -> str:
    """`text`, with each lone surrogate written as Python's escape (`\\ud800`)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def encode_error(text: str) -> UnicodeEncodeError | None:
    """Python's error for writing `text` to a UTF-8 stream, or None when it can be written."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc
    return None
