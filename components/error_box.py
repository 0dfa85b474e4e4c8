"""A program's error, shown where a student looks: kind, position, message, hint, and the line
itself with a caret under the column. Never a traceback."""

from __future__ import annotations

import unicodedata

import streamlit as st

from autogradlab.report import ErrorInfo
from components import editor
from components.text import escape_markdown, markdown_with_code

KIND_TITLES = {
    "syntax": "Syntax error",
    "unsupported": "Not supported",
    "name": "Name error",
    "type": "Type error",
    "value": "Value error",
    "index": "Index error",
    "shape": "Shape error",
    "autograd": "Autograd error",
    "limit": "Limit reached",
    "timeout": "Time limit reached",
    "memory": "Memory limit reached",
    "crash": "The worker stopped",
    "internal": "Internal error in Autograd Lab",
    "busy": "Server busy",
}


def _display_width(text: str) -> int:
    """Columns a monospace font gives `text`: wide (CJK) characters take two, tabs four."""
    width = 0
    for ch in text:
        if ch == "\t":
            width += 4
        elif unicodedata.combining(ch):
            continue
        else:
            width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def position_text(error: ErrorInfo) -> str:
    if error.line is None:
        return ""
    if error.column is None:
        return f"line {error.line}"
    return f"line {error.line}, column {error.column}"


def quoted_line(source: str, line: int | None, column: int | None) -> str | None:
    """The offending source line with its number, and a caret under the 1-based column."""
    lines = source.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return None
    text = lines[line - 1].replace("\t", "    ")
    gutter = f"{line} | "
    quoted = gutter + text
    if column is not None and column >= 1:
        raw = lines[line - 1]
        caret_at = _display_width(raw[: column - 1])
        quoted += "\n" + " " * (len(gutter) - 2) + "| " + " " * caret_at + "^"
    return quoted


def headline(error: ErrorInfo) -> str:
    title = KIND_TITLES.get(error.kind, error.kind.capitalize())
    where = position_text(error)
    return f"{title} at {where}" if where else title


def show(error: ErrorInfo, source: str) -> None:
    """Draw the error box (keyed `error_box`, so browser tests can find it)."""
    with st.container(key="error_box"):
        st.error(f"**{escape_markdown(headline(error))}** — {markdown_with_code(error.message)}",
                 icon=":material/error:")
        quoted = quoted_line(source, error.line, error.column)
        if quoted:
            st.code(quoted, language=None)
        if error.hint:
            st.info(f"**Hint:** {markdown_with_code(error.hint)}", icon=":material/lightbulb:")
        editor.mark_error(error, headline(error))
