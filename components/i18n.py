"""The session's language and its texts: `t("common.run")` -> "Run" or "运行".

The language comes from, in order: the URL's `lang` parameter, the session's choice, the browser's
language (`st.context.locale`), English. The catalogue itself is `autogradlab.messages` (pure).
"""

from __future__ import annotations

import streamlit as st

from autogradlab import messages

LANG = "ui_lang"  # session_state key: "en" | "zh"


def current_lang() -> str:
    linked = st.query_params.get("lang")
    if linked in messages.LANGS:
        st.session_state[LANG] = linked
        return linked
    chosen = st.session_state.get(LANG)
    if chosen in messages.LANGS:
        return chosen
    try:
        browser = st.context.locale
    except Exception:  # noqa: BLE001 - no browser context (bare script, old client)
        browser = None
    return messages.normalize(browser)


def t(key: str, /, **params: object) -> str:
    """The text of `key` in the session's language."""
    return messages.text(current_lang(), key, **params)
