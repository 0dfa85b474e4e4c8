"""A gallery card's link is an absolute path (`/?code=...`, `/steps?code=...`): opened in a new tab
(the href resolved against the gallery's own URL, as a middle-click does) it lands on the card's page,
not on /gallery; a plain click opens it in the same tab. Screenshot: gallery-new-tab-<page>.png."""

from __future__ import annotations

import urllib.parse

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import gallery, links

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]   # each test opens its link first

FIGURES = {"graph": ".st-key-graph_view svg", "steps": ".st-key-steps_graph svg"}


def first_on(page_name: str) -> gallery.Entry:
    return next(e for e in gallery.entries() if e.page == page_name and "backward" in e.program)


def test_card_links_open_their_page_in_a_new_tab_and_on_click(page, server, artifacts):
    page.goto(f"{server['url']}/gallery?lang=zh")
    for name, path in (("graph", "/"), ("steps", "/steps")):
        entry = first_on(name)
        link = page.locator(f".st-key-gallery_open_{entry.id} a")
        expect(link).to_be_visible(timeout=60_000)
        href = link.get_attribute("href")
        assert href.startswith(f"{path}?code="), href
        assert link.get_attribute("target") == "_self"
        tab = page.context.new_page()           # what "open in new tab" does: resolve against /gallery
        try:
            tab.goto(urllib.parse.urljoin(page.url, href))
            expect(tab.locator(FIGURES[name]).first).to_be_visible(timeout=90_000)
            parts = urllib.parse.urlsplit(tab.url)
            assert parts.path == path and "/gallery" not in tab.url
            query = urllib.parse.parse_qs(parts.query)
            assert links.decode_code(query["code"][0]) == entry.program and query["lang"] == ["zh"]
            tab.screenshot(path=str(artifacts / f"gallery-new-tab-{name}.png"))
        finally:
            tab.close()
    entry = first_on("graph")
    page.locator(f".st-key-gallery_open_{entry.id} a").click()    # same tab
    expect(page.locator(FIGURES["graph"]).first).to_be_visible(timeout=90_000)
    assert urllib.parse.urlsplit(page.url).path == "/"
    assert links.decode_code(urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["code"][0]) \
        == entry.program
