"""File names that say what a figure is (`dot-example-graph.svg`), and the one-line summary of a
program that presentation mode shows instead of the editor.

Pure text work on the program's source: no parsing into an AST is needed to name a file, and a
program that does not even parse still gets a name ("program").
"""

from __future__ import annotations

import io
import re
import tokenize
import unicodedata

PNG_SCALES = (1, 2, 3, 4)   # PNG export: 1x = the on-screen size (96 dpi, 1 pt = 4/3 px); 2x default
CSS_DPI = 96
MAX_SLUG = 40
FALLBACK = "program"
_NAME = r"([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)"
_ASSIGN = re.compile(r"^\s*" + _NAME + r"\s*(?:\[[^\]]*\]\s*)?[-+*/@]?=(?!=)\s*(.+)$")
_BACKWARD = re.compile(r"^\s*" + _NAME + r"(?:\.\w+\([^)]*\))*\.backward\(")
_CALL = re.compile(r"([A-Za-z_]\w*)\s*\(")
_SKIP_CALLS = {"tensor", "torch", "print", "float", "int", "len", "range", "list", "tuple"}


def _statement_starts(source: str) -> set[int] | None:
    """1-based numbers of the lines a statement starts on (not the continuation lines of a bracket, where
    `dtype=[...])` is an argument, not an assignment); None when the program does not tokenize."""
    starts, at_start = set(), True
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
                at_start = True
            elif token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER) and at_start:
                starts.add(token.start[0])
                at_start = False
    except (tokenize.TokenError, SyntaxError):
        return None
    return starts


def _meaningful(source: str) -> list[str]:
    """Lines that do something: no blanks, comments, imports, shell/magic lines or continuation lines."""
    starts = _statement_starts(source)
    out = []
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith(("#", "import ", "from ", "!", "%")):
            continue
        if starts is None or number in starts:
            out.append(line.rstrip())
    return out


def key_line(source: str, output: str | None = None) -> str | None:
    """The line that makes the output: the assignment of `output` (or of the tensor `.backward()` is
    called on), else the last assignment, else the first line that does something."""
    lines = _meaningful(source)
    if not lines:
        return None
    if output is None:
        for line in reversed(lines):
            found = _BACKWARD.match(line)
            if found:
                output = found.group(1)
                break
    assignments = [(m.group(1), line) for line in lines if (m := _ASSIGN.match(line))]
    for name, line in reversed(assignments):
        if name == output:
            return line.strip()
    return (assignments[-1][1] if assignments else lines[0]).strip()


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by '-', at most `limit` characters, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out


def program_slug(source: str, output: str | None = None, entry_id: str | None = None) -> str:
    """`entry_id` when known (a gallery entry), else the output variable and the functions its line
    calls (`y = 2 * torch.dot(x, x)` -> `y-dot`), else "program"."""
    if entry_id:
        slug = slugify(entry_id)
        if slug:
            return slug
    line = key_line(source, output)
    if line is None:
        return FALLBACK
    found = _ASSIGN.match(line)
    name, rest = (found.group(1), found.group(2)) if found else ("", line)
    calls = [c for c in _CALL.findall(rest) if c not in _SKIP_CALLS and c != name]
    slug = slugify(" ".join([name, *dict.fromkeys(calls)]))
    return slug or FALLBACK


def file_name(slug: str, figure: str, ext: str) -> str:
    """`dot-example`, `graph`, `svg` -> `dot-example-graph.svg`."""
    return f"{slug}-{figure}.{ext.lstrip('.')}"


def summary(source: str, output: str | None = None, limit: int = 60) -> tuple[int, str]:
    """(number of non-blank lines, the key line shortened to `limit` characters)."""
    count = sum(1 for line in source.splitlines() if line.strip())
    line = key_line(source, output) or ""
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return count, line


def gallery_id(source: str) -> str | None:
    """The id of the gallery entry whose program this is (opened from the gallery, or a lesson file),
    else None. The gallery is optional here: without it every program is named by its text."""
    try:
        from autogradlab import gallery
        wanted = source.strip()
        return next((e.id for e in gallery.entries() if e.program.strip() == wanted), None)
    except Exception:  # noqa: BLE001 - no gallery module or catalogue: name by the program instead
        return None
