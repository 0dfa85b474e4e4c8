"""The session's language and its texts: `t("common.run")` -> "Run" or "运行".

The language comes from, in order: the URL's `lang` parameter, the session's choice, the browser's
language (`st.context.locale`), English. The catalogue itself is `autogradlab.messages` (pure).
"""

from __future__ import annotations

import streamlit as st

from autogradlab import error_keys, messages, note_keys

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


def localize(message: str, rules: tuple = error_keys.MESSAGES) -> str:
    """An English text made by the core (an engine note, a link's complaint) in the session's
    language when `rules` recognise it (autogradlab/error_keys.py), else as it is."""
    lang = current_lang()
    if lang == messages.DEFAULT_LANG:
        return message
    key, params = error_keys.recognise(message, rules)
    if key is None:
        return message
    try:
        return messages.text(lang, key, **dict(params))
    except (KeyError, IndexError, ValueError):
        return message


def say_note(note: str, rules: tuple = note_keys.REPORT) -> str:
    """An engine note (autogradlab/note_keys.py) in the session's language."""
    return note_keys.say(current_lang(), note, rules)


TOGGLE = "lang_toggle"  # session_state key of the language toggle widget
_WORDED = "_i18n_worded_choices"   # session_state key: keys of choice widgets whose options are words


def worded(key: str) -> str:
    """The key of a radio/selectbox whose option labels are translated (format_func says them in the
    session's language). Streamlit keeps such a widget's choice in the browser as its shown label, so
    after a language switch the old label matched no option: a radio showed nothing chosen, a
    selectbox its English label (AppTest: "'Numbers' is not in list"). `_toggled` hands each such
    choice back to the widget, which then sends it in the new language."""
    keys = st.session_state.setdefault(_WORDED, set())
    keys.add(key)
    return key


def _toggled() -> None:
    chosen = st.session_state.get(TOGGLE)
    if chosen in messages.LANGS:
        st.session_state[LANG] = chosen
        st.query_params["lang"] = chosen
        for key in st.session_state.get(_WORDED, ()):
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]


def toggle() -> str:
    """English / 简体中文, top right of every page. A choice (the toggle's or a link's) is kept in
    the session and in the URL's `lang`, so it survives page switches and shared links; without one
    the browser's language decides and the URL stays as it is."""
    lang = current_lang()
    st.session_state[TOGGLE] = lang
    with st.container(horizontal=True, horizontal_alignment="right", key="lang_bar"):
        st.segmented_control(messages.text(lang, "common.language"), messages.LANGS,
                             format_func=messages.LANG_NAMES.__getitem__, required=True, key=TOGGLE,
                             on_change=_toggled, label_visibility="collapsed")
    if st.session_state.get(LANG) in messages.LANGS and st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang
