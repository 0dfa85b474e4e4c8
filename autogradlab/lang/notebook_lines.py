"""Notebook lines a pasted lesson carries that change nothing a program computes: skipped, with a note.

A cell copied from a Jupyter notebook (d2l's chapters begin with `%matplotlib inline`; a course's
first cell is `!pip install pandas`) was refused at that line, so nothing of the lesson ran. The lines
below only set up the notebook (plots drawn inline, an extension loaded, a package installed: torch,
NumPy and the rest are installed here), so the program is run without them: each such line becomes
a comment (`#` before its `%` or `!`, after a `pass` when the line begins a block: it may be its only
statement; line numbers and every other line's columns stay as typed) and a note names it. Any other `!`
or `%` line (a shell command, `%time`, `%pylab` that defines names) is still refused by guards.scan_code as
before, and so is a program with more than MAX_SKIPPED of them.

Pure text work on the lines guards.scan_code finds at a statement's start (never inside a string or
brackets): nothing here runs, imports or evaluates anything.
"""

from __future__ import annotations

import re

from autogradlab.errors import NotSupported
from autogradlab.lang.guards import scan_code
from autogradlab.limits import Limits

MAX_SKIPPED = 20
# Whole-line commands that only set up the notebook: plots, display, extensions, package installs.
HARMLESS = re.compile(
    r"%\s*(matplotlib|config|load_ext|reload_ext|autoreload|aimport)\b"
    r"|[!%]\s*(pip3?|python3?\s+-m\s+pip|conda|mamba)\s+install\b")
_NEWLINE = re.compile(r"(\r\n|\r|\n)")   # the tokenizer's line breaks (guards.split_lines)


def harmless(command: str) -> bool:
    return HARMLESS.match(command.strip()) is not None


def skip_notebook_lines(source: str, limits: Limits) -> tuple[str, tuple[tuple[int, str], ...]] | None:
    """(source with its harmless notebook lines commented out, (line, command) of each), or None when
    its first refused notebook line is not harmless or it has none (parse_program then refuses it with
    its usual words). A line that is not harmless after skipped ones raises its own refusal (naming
    the line the user must change, not the first one); past MAX_SKIPPED lines, the first is refused.
    Errors of other kinds are left to parse_program on the text returned."""
    text, skipped = source, []
    while True:
        try:
            scan_code(text, limits)
        except NotSupported as exc:
            found = getattr(exc, "notebook_line", None)
            if found is not None and harmless(found[1]) and len(skipped) < MAX_SKIPPED:
                text = _commented(text, found[0])
                skipped.append(found)
                continue
            if found is not None and not harmless(found[1]) and skipped:
                raise
            if found is not None:   # the first one is not harmless, or too many lines
                return None
        except Exception:   # noqa: BLE001 - any other refusal: parse_program raises it on `text`
            pass
        break
    return (text, tuple(skipped)) if skipped else None


def _commented(text: str, line: int) -> str:
    parts = _NEWLINE.split(text)   # lines at even places, their line breaks between
    index = 2 * (line - 1)
    body = parts[index]
    start = len(body) - len(body.lstrip())
    # indented deeper than the code line before it, the line begins a block and may be its only statement
    # (`if show:` / `    %matplotlib inline`, which IPython runs): a `pass` keeps the block, where a comment
    # alone left "expected an indented block"
    before = next((line for line in reversed(parts[0:index:2]) if line.strip() and
                   not line.lstrip().startswith("#")), None)
    # or the code line before it ends a block's header (`def f(a,` / `      b):` indents its last line deeper
    # than the block: "expected an indented block" after it; red team, session 41)
    opens = before is not None and (start > len(before) - len(before.lstrip())
                                    or before.split("#", 1)[0].rstrip().endswith(":"))
    parts[index] = f"{body[:start]}{'pass' if opens else ''}#{body[start:]}"
    return "".join(parts)


def skipped_notes(skipped: tuple[tuple[int, str], ...]) -> tuple[str, ...]:
    """A note for every skipped line (messages: notes.notebook_skipped)."""
    from autogradlab import messages

    return tuple(messages.text("en", "notes.notebook_skipped", line=line, command=_short(command))
                 for line, command in skipped)


def _short(command: str) -> str:
    """The command as the note quotes it in a `code` span, which the page shows as markdown: cut before
    its first backtick (a backtick would end the span, and the rest of the line, from a link anyone
    may open, became markdown: an image fetched from another site, a link), and to 60 characters."""
    command = command.strip()
    cut = command.find("`")
    if cut >= 0:
        command = command[:cut].rstrip() + "..."
    return command if len(command) <= 60 else command[:57] + "..."
