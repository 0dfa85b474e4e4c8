"""Text helpers for showing program-derived strings safely in Streamlit markdown."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """Backslash-escape markdown, HTML and LaTeX syntax, so `2*x` stays `2*x` and a program's text
    can never become a link, an image or markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_with_code(text: str) -> str:
    """Like escape_markdown, but `code` spans of an engine message (`!pip install d2l`,
    `torch.cat`) stay code spans: inside one, markdown is not interpreted, so only the text between
    them needs escaping. Unbalanced backticks: everything is escaped."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return escape_markdown(text)
    return "".join(f"`{part}`" if i % 2 and part.strip() else escape_markdown(part)
                   for i, part in enumerate(parts))
