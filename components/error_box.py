"""A program's error, shown where a student looks: kind, position, message, hint, and the line
itself with a caret under the column. Never a traceback."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import streamlit as st

from autogradlab import error_text
from autogradlab.report import ErrorInfo
from components import editor
from components.i18n import current_lang, t
from components.text import escape_markdown, markdown_with_code

KINDS = error_text.KINDS


def message_text(error: ErrorInfo) -> str:
    """The engine's message in the session's language (autogradlab/error_text.py)."""
    return error_text.message(current_lang(), error)


def hint_text(error: ErrorInfo) -> str | None:
    return error_text.hint(current_lang(), error)


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
    return error_text.position(current_lang(), error)


def quoted_line(source: str, line: int | None, column: int | None) -> str | None:
    """The offending source line with its number, and a caret under the 1-based column. The line's
    indentation is left out: in a narrow column (presentation mode's editor side) a line inside a
    loop inside a function showed only its gutter and spaces, the code and the caret off to the right."""
    lines = source.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return None
    raw = lines[line - 1]
    body = raw.lstrip(" \t")
    indent = _display_width(raw[: len(raw) - len(body)])
    gutter = f"{line} | "
    quoted = gutter + body.replace("\t", "    ")
    if column is not None and column >= 1:
        caret_at = max(_display_width(raw[: column - 1]) - indent, 0)
        quoted += "\n" + " " * (len(gutter) - 2) + "| " + " " * caret_at + "^"
    return quoted


def headline(error: ErrorInfo) -> str:
    return error_text.headline(current_lang(), error)


def show(error: ErrorInfo, source: str) -> None:
    """Draw the error box (keyed `error_box`, so browser tests can find it)."""
    with st.container(key="error_box"):
        st.error(f"**{escape_markdown(headline(error))}** — {markdown_with_code(message_text(error))}",
                 icon=":material/error:")
        quoted = quoted_line(source, error.line, error.column)
        if quoted:
            st.code(quoted, language=None)
        hint = hint_text(error)
        if hint:
            st.info(f"**{t('errors.hint')}** {markdown_with_code(hint)}", icon=":material/lightbulb:")
        editor.mark_error(replace(error, message=message_text(error)), headline(error))
