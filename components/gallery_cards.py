"""The Gallery page's cards: titles, lesson, a small figure, a link that opens the example.

Cards are laid out first with a placeholder each; the figures are then filled in one by one (each run
goes through the shared sandbox cache, so the second visit, and opening an example on the Graph
page afterwards, cost a lookup). A failing example shows its error message in its card.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import streamlit as st

from autogradlab import gallery, note_keys
from autogradlab.gallery import Entry
from components import cached
from components.i18n import LANG, current_lang, localize, say_note, t
from components.text import escape_markdown

COLUMNS = 3
THUMB_HEIGHT_PX = 170
_SIZE = re.compile(r'\s(width|height)="[^"]*"')


def _titles(entry: Entry) -> tuple[str, str]:
    return (entry.title_zh, entry.title) if current_lang() == "zh" else (entry.title, entry.title_zh)


def _lesson_text(lesson_id: str) -> str:
    lesson = gallery.lesson(lesson_id)
    title = "" if lesson is None else (lesson.title_zh if current_lang() == "zh" else lesson.title)
    return t("gallery.from_lesson", id=lesson_id, title=title)


def card(entry: Entry):
    """One entry's card; returns the placeholder its figure goes into."""
    with st.container(border=True, key=f"gallery_card_{entry.id}"):
        first, second = _titles(entry)
        st.markdown(f"**{escape_markdown(first)}**  \n{escape_markdown(second)}")
        seed = f" · {t('gallery.seed', seed=entry.seed)}" if entry.seed else ""
        st.caption(escape_markdown(_lesson_text(entry.lesson)) + seed)
        slot = st.empty()
        slot.caption(t("gallery.drawing"))
        label = html.escape(t("gallery.open_on", page=t(f"gallery.page.{entry.page}")))
        with st.container(key=f"gallery_open_{entry.id}"):
            st.markdown(f'<a class="gallery-open" href="{html.escape(href(entry), quote=True)}" '
                        f'target="_self">{label}</a>', unsafe_allow_html=True)
    return slot


def href(entry: Entry) -> str:
    """The card's link as an absolute path (`/steps?code=...`, `/?code=...` for the Graph page, under
    the server's base path): the same page whether clicked or opened in a new tab (st.page_link
    wrote the Graph page's link as a relative `?code=...`, which a new tab resolved to /gallery).
    The session's language and presentation mode go along (a click loads the page afresh)."""
    from components import present

    base = "/" + (st.get_option("server.baseUrlPath") or "").strip("/")
    query = dict(entry.query())
    if st.query_params.get("lang") or st.session_state.get(LANG):
        query["lang"] = current_lang()
    if present.active():
        query["present"] = "1"
    return f"{base.rstrip('/')}{gallery.PAGE_PATHS[entry.page]}?{urlencode(query)}"


def _svg_block(svg: str, key: str, height: int = THUMB_HEIGHT_PX) -> None:
    """Inline SVG scaled to fit the thumbnail box (its viewBox keeps the proportions)."""
    start = svg.find("<svg")
    head_end = svg.find(">", start)
    head = _SIZE.sub("", svg[start:head_end])
    style = f'style="display:block;width:100%;height:{height}px"'
    svg = " ".join((head + f" {style}" + svg[head_end:]).split("\n"))
    with st.container(key=key):
        st.markdown(f"<div>{svg}</div>", unsafe_allow_html=True)


def figure(entry: Entry) -> None:
    """Run the entry (cached) and draw its card's figure, or say why there is none."""
    from autogradlab.render import thumbs

    report = cached.run_program(entry.program, entry.seed, None, None)
    thumb = thumbs.choose(report, entry.page, dict(entry.params))
    key = f"gallery_thumb_{entry.id}"
    if thumb.kind == "error":
        st.warning(t("gallery.stops_with", message=localize(thumb.message)), icon=":material/error:")
    elif thumb.kind == "graph":
        from autogradlab.grad_returned import returned_by_node
        from autogradlab.render.dot import annotated_dot
        from autogradlab.render.fold import has_repeats
        from components.graph_view import MAX_NODES, inert_svg

        graph = report.graph
        dot = annotated_dot(graph, max_nodes=MAX_NODES, fold=has_repeats(graph, MAX_NODES),
                            lang=current_lang(), returned=returned_by_node(report))   # drawn words
        _svg_block(inert_svg(cached.svg_for_web(dot)), key)
        st.caption(t("gallery.figure_graph", name=thumb.label))
    elif thumb.kind == "matrix":
        rows = min(thumb.matrix.shape[0], thumbs.MAX_CELLS)   # small matrices stay small (≤ 2×)
        _svg_block(thumbs.heatmap_svg(thumb.matrix), key, min(THUMB_HEIGHT_PX, 2 * thumbs.CELL_PX * rows))
        st.caption(t("gallery.figure_matrix", name=thumb.label))
    else:
        st.caption(t("gallery.no_figure"))


def fill(slot, entry: Entry) -> None:
    with slot.container():
        try:
            figure(entry)
        except Exception as exc:  # noqa: BLE001 - one card's failure must not take the page down
            st.warning(t("gallery.stops_with", message=say_note(str(exc), note_keys.RENDER) if str(exc)
                         else type(exc).__name__),
                       icon=":material/error:")


def grid(entries: tuple[Entry, ...]) -> None:
    """All cards, then their figures."""
    slots = []
    for start in range(0, len(entries), COLUMNS):
        row = entries[start:start + COLUMNS]
        for column, entry in zip(st.columns(COLUMNS), row, strict=False):
            with column:
                slots.append((card(entry), entry))
    for slot, entry in slots:
        fill(slot, entry)
