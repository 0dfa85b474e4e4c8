"""The Gallery page: every code example of the lessons as a card (titles in English and 简体中文, the
lesson, a small figure) with one link that opens it on the page that shows it best."""

from __future__ import annotations

import streamlit as st

from autogradlab import gallery
from components import gallery_cards, state
from components.i18n import current_lang, t, worded


def _lesson_label(lesson_id: str) -> str:
    if not lesson_id:
        return t("gallery.all_lessons")
    lesson = gallery.lesson(lesson_id)
    title = "" if lesson is None else (lesson.title_zh if current_lang() == "zh" else lesson.title)
    return t("gallery.lesson_option", id=lesson_id, title=title)


def main() -> None:
    state.init()
    st.markdown(f"#### {t('gallery.heading')}")
    st.caption(t("gallery.intro"))
    search, lesson = st.columns([3, 2])
    with search:
        query = st.text_input(t("gallery.search"), key=state.GALLERY_SEARCH, help=t("gallery.search_help"))
    with lesson:
        options = ["", *(item.id for item in gallery.lessons())]
        lesson_id = st.selectbox(t("gallery.lesson_filter"), options, key=worded(state.GALLERY_LESSON),
                                 format_func=_lesson_label)
    shown = gallery.search(query, lesson_id or None)
    st.caption(t("gallery.count", shown=len(shown), total=len(gallery.entries())))
    if not shown:
        st.info(t("gallery.none_match"), icon=":material/search_off:")
        return
    gallery_cards.grid(shown)


main()
