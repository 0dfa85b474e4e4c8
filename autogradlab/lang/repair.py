"""Repairs one common paste accident: statements run together on one line.

Lessons scraped from web pages often lose their line breaks, so a student pastes
`import torch mat = torch.tensor([[1.0, 2.0]]) print(mat)`. Python rejects it; when splitting at
the places where one complete statement visibly ends and another begins gives a program that
parses, the engine runs that program instead and says so in a note. Only used after a syntax error.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import tokenize
import warnings

# Tokens after which an expression can be complete.
_ENDS = {tokenize.NAME, tokenize.NUMBER, tokenize.STRING}
_CLOSERS = {")", "]", "}"}
# Keywords that continue an expression or a statement rather than start a new one.
_CONTINUING = {"and", "or", "not", "in", "is", "if", "else", "for", "as", "lambda", "from",
               "import"}
_BARE_NAME = re.compile(r"\s*[A-Za-z_]\w*\s*")
_STARTERS = {"import", "from", "def", "return", "if", "for", "while", "print", "assert", "del",
             "pass", "break", "continue"}


def _split_points(line: str) -> list[int]:
    """Column offsets in `line` where a new statement appears to start."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    points: list[int] = []
    depth = 0
    previous: tokenize.TokenInfo | None = None
    open_from = False   # inside `from m import …` before its `import`
    for tok in tokens:
        if tok.type == tokenize.NAME and depth == 0 and tok.string in {"from", "import"}:
            if tok.string == "from":
                open_from = True
            elif open_from:
                open_from = False
                previous = tok
                continue
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in _CLOSERS:
            depth -= 1
        spaced = previous is not None and tok.start > previous.end   # `2x` is no split point
        if depth == 0 and spaced and tok.type == tokenize.NAME and _ends(previous):
            starts = tok.string in _STARTERS or not keyword.iskeyword(tok.string)
            if previous.string == "import" and tok.string != "import":
                starts = False        # `from m import name`
            if starts and tok.string not in _CONTINUING - {"import", "from"}:
                if not (previous.type == tokenize.NAME and previous.string in _CONTINUING):
                    points.append(tok.start[1])
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.ENDMARKER):
            previous = tok
    return points


def _ends(tok: tokenize.TokenInfo) -> bool:
    if tok.type == tokenize.OP:
        return tok.string in _CLOSERS
    if tok.type == tokenize.NAME:
        return not keyword.iskeyword(tok.string) or tok.string in {"True", "False", "None"}
    return tok.type in _ENDS


def split_run_together(source: str) -> str | None:
    """The source with run-together statements put on separate lines, if that parses; else None.
    A line whose first piece would be a bare name (`cat scripts/a.py`, `ls data`, `pip install x`) is
    left whole: that is a shell command IPython runs for a notebook, not statements that lost their line
    break, and split it ran as `cat` then `scripts/a.py` (a NameError on a line the user did not write)."""
    out: list[str] = []
    changed = False
    for line in source.split("\n"):
        points = _split_points(line)
        if points and _BARE_NAME.fullmatch(line[:points[0]]):
            points = []
        if not points:
            out.append(line)
            continue
        changed = True
        pieces, start = [], 0
        for point in points:
            pieces.append(line[start:point].rstrip())
            start = point
        pieces.append(line[start:])
        out.extend(pieces)
    if not changed:
        return None
    repaired = "\n".join(out)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(repaired)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return repaired

