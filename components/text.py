"""Text helpers for showing program-derived strings safely in Streamlit markdown."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """Backslash-escape markdown, HTML and LaTeX syntax, so `2*x` stays `2*x` and a program's text
    can never become a link, an image or markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
