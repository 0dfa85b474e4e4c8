"""How much of a program file or stdin the command line reads: a program may have max_source_chars
(50,000) and the engine names a longer one's exact length, so reading stops at 100 times that
(`run /dev/zero` or an endless stdin grew to gigabytes within seconds before)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from autogradlab.limits import DEFAULT_LIMITS

MAX_READ_CHARS = 100 * DEFAULT_LIMITS.max_source_chars


def too_long(name: str) -> str:
    return (f"{name}: longer than {MAX_READ_CHARS:,} characters (a program may have "
            f"{DEFAULT_LIMITS.max_source_chars:,})")


def read_bounded(stream: TextIO) -> str | None:
    """The whole text, or None when it is longer than MAX_READ_CHARS."""
    text = stream.read(MAX_READ_CHARS + 1)
    return text if len(text) <= MAX_READ_CHARS else None


def read_file_bounded(name: str) -> str | None:
    """A UTF-8 file as Path.read_text reads it (\\r\\n -> \\n), or None when too long; OSError and
    UnicodeDecodeError as read_text raises them."""
    with Path(name).open(encoding="utf-8") as file:
        return read_bounded(file)
