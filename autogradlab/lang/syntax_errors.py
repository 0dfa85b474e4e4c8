"""Python's SyntaxError, told in plain words with a hint where a student's usual slip is known.

The hints target what the lessons' readers actually type: `2x` for 2*x, a missing colon, brackets
that do not close, a notebook prompt `In [3]:` pasted with the code, and statements run together on
one line (pasting from a web page often loses the line breaks).
"""

from __future__ import annotations

import ast
import re
import warnings

from autogradlab.errors import ProgramSyntaxError

_SUGGESTION = re.compile(r"\.?\s*(Perhaps|Maybe|Did you mean)\b(.*)$")
_DETECTED = re.compile(r"\s*\(detected at line \d+\)")
_NOTEBOOK_PROMPT = re.compile(r"^\s*(In|Out)\s*\[\d*\]:")
_PASTED_ERROR = re.compile(
    r"^\s*(?:Traceback \(most recent call last\)|[A-Z]\w*(?:Error|Exception|Warning):)")
# A shell command pasted with the code (IPython runs `cat a.py`, `ls data`, `pip install x` in the shell:
# its aliases and automagics; README steps such as `git clone ...` come along too).
_SHELL_COMMAND = re.compile(
    r"^\s*(cat|cp|ls|ll|lf|lk|lx|ldir|mkdir|mv|rm|rmdir|cd|pwd|pip3?|conda|mamba|less|more|man|clear|wget|"
    r"curl|git|unzip|tar|head|tail|echo|which|python3?|sudo|apt|apt-get|nvidia-smi)\s+[^\s=(\[.,:;+*/%<>&|^@]")
_NUMBER_THEN_NAME = re.compile(r"(\d[\d_]*(?:\.\d*)?)([A-Za-z_]\w*)")

_PLAIN: tuple[tuple[str, str, str | None], ...] = (
    # (start of Python's message, plain message or "" to keep Python's, hint)
    ("invalid decimal literal", "a number is directly followed by letters", None),
    ("expected ':'", "a colon ':' is missing", "add ':' at the end of the `if`/`for`/`while`/`def` line"),
    ("unexpected indent", "this line is indented more than the line before it",
     "remove the spaces at the start of the line, or indent the whole block the same way"),
    ("unindent does not match", "this line's indentation does not match any block above it",
     "indent the lines of a block by the same number of spaces (4 is usual)"),
    ("expected an indented block", "", "indent the lines that belong to the block by 4 spaces"),
    ("unterminated string literal", "a string is not closed",
     "end the string with the same quote it starts with"),
    ("unterminated triple-quoted string", "a triple-quoted string is not closed",
     "end it with the same three quotes it starts with"),
    ("unmatched", "", "remove it, or add the matching opening bracket"),
    ("closing parenthesis", "", "make each closing bracket match the last opened one"),
    ("Missing parentheses in call to 'print'", "print needs parentheses in Python 3",
     "write print(...)"),
    ("unexpected EOF", "the program ends in the middle of a statement",
     "finish the statement or close its brackets"),
    ("inconsistent use of tabs and spaces", "", "indent with spaces only"),
)


def translate_syntax_error(exc: SyntaxError, text: str, indent: int) -> ProgramSyntaxError:
    """`text` is what was parsed (after common-indent removal of `indent` columns)."""
    message = _DETECTED.sub("", str(exc.msg or "invalid syntax")).strip()
    lines = text.split("\n") if text else [""]
    line_no = min(max(exc.lineno or 1, 1), len(lines))
    line = lines[line_no - 1].rstrip("\r")
    offset = exc.offset if exc.lineno == line_no and exc.offset and exc.offset > 0 else 1
    offset = min(offset, len(line) + 1)
    hint = None
    suggestion = _SUGGESTION.search(message)
    if suggestion:
        message = message[: suggestion.start()].strip()
        hint = (suggestion.group(1) + suggestion.group(2)).strip()
        hint = hint[0].lower() + hint[1:]
    for start, plain, plain_hint in _PLAIN:
        if message.startswith(start):
            message, hint = plain or message, plain_hint or hint
            break
    if message == "a number is directly followed by letters":
        hint = _times_hint(line) or hint
    if message.startswith("'") and message.endswith("was never closed"):
        hint = "close the bracket opened here, or remove it"
    if _NOTEBOOK_PROMPT.match(line):
        message, hint = "a notebook prompt was pasted with the code", "remove the `In [..]:` line"
        offset = len(line) - len(line.lstrip()) + 1
    elif _PASTED_ERROR.match(line):
        message = "an error message was pasted with the code"
        hint = "remove the output lines; only the code runs"
        offset = len(line) - len(line.lstrip()) + 1
    elif message == "invalid syntax" and _SHELL_COMMAND.match(line):
        command = line.strip()
        shown = command if len(command) <= 60 else command[:57] + "..."
        message = f"shell commands (`{shown}`) are not supported in Autograd Lab"
        hint = "remove this line: a notebook runs it in the shell, and Autograd Lab runs Python code only"
        offset = len(line) - len(line.lstrip()) + 1
    elif message == "invalid syntax" and _runs_together(line, offset):
        message = "two statements are run together on one line"
        hint = "put each statement on its own line"
    return ProgramSyntaxError(message, line=line_no, column=offset + indent, hint=hint)


def _times_hint(line: str) -> str | None:
    match = _NUMBER_THEN_NAME.search(line)
    if match is None or match.group(2)[0] in "eEjJ" and len(match.group(2)) == 1:
        return None
    return f"write {match.group(1)}*{match.group(2)}"


def _runs_together(line: str, offset: int) -> bool:
    """True when the line parses up to the error and the rest starts like a new statement."""
    before, after = line[: offset - 1].strip(), line[offset - 1:].lstrip()
    if not before or not re.match(r"[A-Za-z_]", after):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            body = ast.parse(before).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return not (len(body) == 1 and isinstance(body[0], ast.AnnAssign) and body[0].value is None)
