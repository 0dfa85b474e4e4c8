"""Checks on the raw program text, run before `ast.parse` ever sees it.

CPython's parser recurses on nested brackets, unary chains and lambdas, and a hostile paste can make
it raise RecursionError/MemoryError or run for a long time. So size, line count, line length and
nesting are measured here by a cheap linear scan, and each is refused with the name of its limit.
The same scan finds characters that make code look different from what runs (invisible, bidi,
confusable look-alikes) and notebook shell lines (`!pip install ...`), and `remove_common_indent`
makes a cell pasted with a leading space still run.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from autogradlab.errors import LimitExceeded, NotSupported, ProgramSyntaxError
from autogradlab.limits import Limits

_NEWLINE = re.compile(r"\r\n|\r|\n")
_STRING_BODY = r"""(?:'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)|\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)"""
_STRING_BODY += r"""|'(?:[^'\\\r\n]|\\.)*'?|"(?:[^"\\\r\n]|\\.)*"?)"""
_TOKEN = re.compile(
    r"(?P<comment>\#[^\r\n]*)"
    r"|(?P<string>(?P<prefix>[rRbBuUfF]{0,2})" + _STRING_BODY + r")"
    r"|(?P<newline>\r\n|\r|\n)"
    r"|(?P<cont>\\(?:\r\n|\r|\n))"
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<space>[ \t\f]+)"
    r"|(?P<op>.)",
    re.DOTALL,
)
_OPEN, _CLOSE = "([{", ")]}"
_UNARY = frozenset({"-", "+", "~", "not", "await"})
# Characters refused anywhere, even in strings and comments: they are invisible or reorder text.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'", "\u2032": "'"}


class _Positions:
    """Maps a character offset in the text to a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def split_lines(text: str) -> list[str]:
    """Lines as Python's tokenizer sees them (\\r\\n, \\r and \\n only, unlike str.splitlines)."""
    return _NEWLINE.split(text)


def check_size(text: str, limits: Limits) -> None:
    if len(text) > limits.max_source_chars:
        raise LimitExceeded(
            f"the program is too long: {len(text):,} characters "
            f"(limit max_source_chars = {limits.max_source_chars:,})",
            line=1, column=1, hint="run a shorter program")
    lines = split_lines(text)
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) > limits.max_lines:
        raise LimitExceeded(
            f"the program has too many lines: {len(lines):,} (limit max_lines = {limits.max_lines:,})",
            line=limits.max_lines + 1, column=1, hint="run a shorter program")
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line_chars:
            raise LimitExceeded(
                f"line {number} is too long: {len(line):,} characters "
                f"(limit max_line_chars = {limits.max_line_chars:,})",
                line=number, column=limits.max_line_chars + 1, hint="split it over several lines")


def describe_char(ch: str) -> str:
    """'U+00A0 (NO-BREAK SPACE)': the code point and its Unicode name, never the raw character."""
    unnamed = {"Cc": "CONTROL", "Cn": "UNASSIGNED", "Co": "PRIVATE USE", "Cs": "SURROGATE"}
    name = unicodedata.name(ch, "") or unnamed.get(unicodedata.category(ch), "UNNAMED")
    return f"U+{ord(ch):04X} ({name})"


def _replacement_hint(ch: str) -> str:
    if unicodedata.category(ch) == "Zs":
        return "replace it with a normal space"
    ascii_form = _QUOTES.get(ch) or unicodedata.normalize("NFKC", ch)
    if len(ascii_form) == 1 and ascii_form.isascii() and ascii_form.isprintable():
        return f"replace it with the ASCII character {ascii_form!r}"
    return ("non-ASCII characters may only appear in strings and # comments; "
            "if this is text from the lesson, remove it or turn it into a # comment")


def check_forbidden_characters(text: str, positions: _Positions) -> None:
    """Invisible, bidi, control, private-use and unassigned characters are refused everywhere."""
    match = _ASCII_CONTROL.search(text)
    first = match.start() if match else None
    if not text.isascii():
        for found in _NON_ASCII.finditer(text):
            if first is not None and found.start() > first:
                break
            if unicodedata.category(found.group()) in _FORBIDDEN_CATEGORIES:
                first = found.start()
                break
    if first is None:
        return
    ch = text[first]
    line, column = positions.at(first)
    kind = "control" if ch.isascii() or unicodedata.category(ch) == "Cc" else "invisible"
    raise ProgramSyntaxError(
        f"{kind} character {describe_char(ch)} is not allowed anywhere in the program",
        line=line, column=column,
        hint="delete it: it cannot be seen, but it changes what the code means")


# Scripts whose letters a lesson may use in names (张量, θ, α): letters only, and only those NFKC leaves
# alone, so what Python runs is exactly what is shown (no fullwidth `ｐｒｉｎｔ` turning into print).
# One exception: a letter NFKC turns into one such letter, never into ASCII: the Greek symbol forms of
# math lessons (ϵ → ε, ϑ → θ, ϕ → φ), the micro sign (µ → μ), CJK compatibility ideographs. Python runs
# the name as normalized, so `ϵ` and `ε` are one variable there and here; no name can become a builtin,
# keyword or dunder (those are ASCII).
_IDENTIFIER_SCRIPTS = ("CJK UNIFIED IDEOGRAPH", "HIRAGANA", "KATAKANA", "HANGUL", "GREEK")
_LETTER_CATEGORIES = frozenset({"Lu", "Ll", "Lo", "Lm"})


def _is_plain_letter(ch: str) -> bool:
    return (unicodedata.category(ch) in _LETTER_CATEGORIES
            and unicodedata.normalize("NFKC", ch) == ch
            and unicodedata.name(ch, "").startswith(_IDENTIFIER_SCRIPTS))


def _is_identifier_letter(ch: str) -> bool:
    if ch.isascii() or _is_plain_letter(ch):
        return True
    form = unicodedata.normalize("NFKC", ch)
    return (len(form) == 1 and not form.isascii() and _is_plain_letter(form)
            and unicodedata.category(ch) in _LETTER_CATEGORIES)


def _is_readable_identifier(name: str) -> bool:
    return all(_is_identifier_letter(ch) for ch in name)


def _looks_like_prose(line: str) -> bool:
    """A line of Chinese text pasted with the code: ideographs outside any string or comment."""
    code = line.split("#", 1)[0]
    return "'" not in code and '"' not in code and any(
        unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH") for ch in code)


def _fstring_depth(body: str) -> int:
    """Bracket depth inside the replacement fields of an f-string body ({{ and }} are literal)."""
    depth = deepest = 0
    body = body.replace("{{", "").replace("}}", "") if "{" in body else body
    for ch in body:
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE and depth:
            depth -= 1
    return deepest


def scan_code(text: str, limits: Limits) -> None:
    """One linear pass: non-ASCII outside strings/comments, nesting, shell lines."""
    positions = _Positions(text)
    check_forbidden_characters(text, positions)
    limit = limits.max_nesting
    depth = unary_run = lambdas = 0
    line_start = True

    def too_deep(what: str, offset: int) -> LimitExceeded:
        line, column = positions.at(offset)
        return LimitExceeded(f"{what} (limit max_nesting = {limit})", line=line, column=column,
                             hint="split the expression into several assignments")

    for token in _TOKEN.finditer(text):
        kind, value, start = token.lastgroup, token.group(), token.start()
        if kind == "prefix":  # lastgroup names the innermost group that matched last
            kind = "string"
        if kind in ("space", "comment", "cont"):
            continue
        if kind == "newline":
            if depth == 0:
                line_start, lambdas = True, 0
            unary_run = 0
            continue
        if line_start and depth == 0 and value in ("!", "%"):
            raise _shell_line(text, positions, start)
        line_start = False
        if kind == "string":
            if "f" in token.group("prefix").lower() and depth + _fstring_depth(value) > limit:
                raise too_deep(f"brackets nested more than {limit} levels deep", start)
            unary_run = 0
            continue
        if not value.isascii() and not (kind == "name" and _is_readable_identifier(value)):
            bad = next(i for i, ch in enumerate(value) if not ch.isascii() and not (
                kind == "name" and _is_identifier_letter(ch)))
            line, column = positions.at(start + bad)
            hint = _replacement_hint(value[bad])
            if _looks_like_prose(split_lines(text)[line - 1]):
                hint = f"this line looks like text from the lesson: turn it into a # comment (or {hint})"
            raise ProgramSyntaxError(f"character {describe_char(value[bad])} is not allowed in code",
                                     line=line, column=column, hint=hint)
        if value in _UNARY:
            unary_run += 1
            if unary_run > limit:
                raise too_deep(f"more than {limit} unary operators in a row", start)
            continue
        unary_run = 0
        if value == "lambda":
            lambdas += 1
            if lambdas > limit:
                raise too_deep(f"more than {limit} `lambda`s in one statement", start)
        elif value in _OPEN:
            depth += 1
            if depth > limit:
                raise too_deep(f"brackets nested more than {limit} levels deep", start)
        elif value in _CLOSE:
            depth = max(depth - 1, 0)


def _shell_line(text: str, positions: _Positions, offset: int) -> NotSupported:
    line, _ = positions.at(offset)
    command = split_lines(text)[line - 1].strip()
    shown = command if len(command) <= 60 else command[:57] + "..."
    if command.startswith("!"):
        err = NotSupported(
            f"shell commands (`{shown}`) are not supported in Autograd Lab", line=line, column=1,
            hint="remove this line: torch is already installed, and Autograd Lab runs PyTorch code only")
    else:
        err = NotSupported(
            f"IPython magic commands (`{shown}`) are not supported in Autograd Lab", line=line, column=1,
            hint="remove this line")
    err.notebook_line = (line, command)   # lang/notebook_lines.py skips the harmless ones
    return err


def remove_common_indent(text: str) -> tuple[str, int]:
    """Strip the leading whitespace every non-blank line shares; returns (text, removed width).

    A notebook cell pasted as ` torch.zeros((2,3,4))` would otherwise be an IndentationError.
    The parser shifts column offsets back by the removed width, so positions match what the user
    typed.
    """
    parts = re.split(r"(\r\n|\r|\n)", text)
    lines = parts[0::2]
    indents = [line[: len(line) - len(line.lstrip(" \t\f"))] for line in lines if line.strip(" \t\f")]
    if not indents:
        return text, 0
    common = indents[0]
    for indent in indents[1:]:
        while not indent.startswith(common):
            common = common[:-1]
        if not common:
            return text, 0
    width = len(common)
    for index in range(0, len(parts), 2):
        line = parts[index]
        parts[index] = line[width:] if line.strip(" \t\f") else ""
    return "".join(parts), width
