"""PyTorch's own message text made fit to show: torch's first line without C++ frames, file paths,
addresses or `[enforce fail ...]`, a memory failure in plain words, and words kept as torch wrote
them (`said`), which the page frames in its language. Used by the rules (torch_error_rules.py) and
by torch_errors.translate's fallback. torch.distributions' "... but found invalid values:" keeps the
values torch printed after it (at most MAX_VALUES_TEXT characters), as PyTorch's whole text does."""

from __future__ import annotations

import re

from autogradlab.errors import MemoryLimitExceeded, ProgramError

_FRAME_MARKERS = re.compile(r"Exception raised from|\nframe #|\(no backtrace available\)")
_ADDRESS = re.compile(r"\s*(?:at\s+)?0x[0-9a-fA-F]+")
_PATH = re.compile(r"(?:[A-Za-z]:\\|/)[\w.\-\\/]+\.(?:py|cpp|h|cc|so)(?::\d+)?")
_ENFORCE = re.compile(r"^\[enforce fail at [^\]]*\]\s*(?:\w+ == \w+\.\s*)?")


_INVALID_VALUES = "but found invalid values:"   # torch.distributions' checks: the values follow
MAX_VALUES_TEXT = 1_000   # characters of those values kept (torch's print options may print them all)


def first_line(text: str, op: str) -> str:
    text = _FRAME_MARKERS.split(text, maxsplit=1)[0]
    text = _ENFORCE.sub("", text.strip())
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")[:600]
    line = _PATH.sub("<file>", _ADDRESS.sub("", line))
    if line.endswith(_INVALID_VALUES):   # PyTorch's whole text: the sentence, then the values it found
        return _with_values(line, text)
    if line.endswith(":"):
        line = line[:-1]
    if len(line) > 300:
        line = line[:297] + "..."
    return line or f"{op} failed"


def _with_values(line: str, text: str) -> str:
    values = text.split(_INVALID_VALUES, 1)[1].strip()
    if len(values) > MAX_VALUES_TEXT:
        values = values[:MAX_VALUES_TEXT - 3] + "..."
    values = _PATH.sub("<file>", _ADDRESS.sub("", values))
    return f"{line}\n{values}" if values else line


def memory_error(op: str, text: str | None) -> ProgramError:
    detail = ""
    wanted = re.search(r"allocate (\d+) bytes", text or "")
    if wanted:
        detail = f" (it needs {int(wanted.group(1)):,} bytes)"
    return MemoryLimitExceeded(f"{op}: not enough memory for the result{detail}",
                               hint="use smaller sizes")


def said(kind: type[ProgramError], text: str) -> ProgramError:
    """PyTorch's own words, kept as written; the page frames them in its language (errors_torch.said)."""
    return kind(text, key="errors_torch.said", params=(("text", text),))
