"""The Gallery page (AppTest, real sandbox): a card per entry with both titles and its lesson, a
figure or the example's error in each, open links that decode back to the entry's program on its
page, the search box and lesson filter, and the page in Chinese."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import gallery, links
from components import state
from components.text import escape_markdown

TIMEOUT = 180
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE_PATHS = {"graph": "", "steps": "steps", "jacobian": "jacobian", "eigen": "eigen"}


def open_gallery(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(str(Path(APP).parent / "views" / "gallery.py"))
    return at.run()


@pytest.fixture(scope="module")
def at() -> AppTest:
    return open_gallery()


def texts(at: AppTest) -> str:
    return " ".join(str(m.value) for m in [*at.markdown, *at.caption, *at.warning])


def test_every_entry_has_a_card_with_both_titles_its_lesson_and_an_open_link(at):
    assert not at.exception
    entries = gallery.entries()
    page_links = at.get("page_link")
    assert len(page_links) == len(entries)
    shown = texts(at)
    for entry, link in zip(entries, page_links, strict=True):
        assert escape_markdown(gallery.lesson(entry.lesson).title) in shown
        assert escape_markdown(entry.title) in shown and escape_markdown(entry.title_zh) in shown
        assert link.proto.page == PAGE_PATHS[entry.page], entry.id
        query = {key: values[0] for key, values in parse_qs(link.proto.query_string).items()}
        assert links.decode_code(query.pop("code")) == entry.program, entry.id
        assert int(query.pop("seed", "0")) == entry.seed
        assert query == dict(entry.params)


def test_cards_show_figures_and_failing_examples_their_error(at):
    assert "Drawing…" not in texts(at), "every placeholder was replaced"
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 6, warnings   # the lesson's two cat errors and four pandas/os cells
    assert any("dimension out of range" in w for w in warnings)
    shown = texts(at)
    assert "autograd graph of `y`" in shown and "`J (4×4)` as a heatmap" in shown


def test_search_and_lesson_filter_narrow_the_cards():
    at = open_gallery()
    at.text_input(key=state.GALLERY_SEARCH).input("雅可比").run()
    assert len(at.get("page_link")) == len(gallery.search("雅可比")) == 6
    at.text_input(key=state.GALLERY_SEARCH).input("").run()
    at.selectbox(key=state.GALLERY_LESSON).select("004").run()
    assert [p.proto.page for p in at.get("page_link")] == ["jacobian"]
    at.text_input(key=state.GALLERY_SEARCH).input("no such words").run()
    assert not at.get("page_link") and at.info


def test_page_in_chinese():
    at = open_gallery(lang="zh")
    assert not at.exception
    assert "示例库" in texts(at)
    assert at.get("page_link")[0].proto.label == "在计算图页打开"
