"""The Gallery in a real browser: every card shows its figure and carries its entry's link; one real
click opens the first entry; then one entry per target page (Graph, Steps, Jacobian, Eigen) and an
example that stops with an error, as in the lesson, are opened through their links, checked and
screenshot. EVERY entry is opened through its link at the AppTest level
(tests/app/test_gallery_entries_run.py: same page, runs, figure or error box)."""

from __future__ import annotations

import urllib.parse

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import gallery, links

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]   # each test opens its link first

ERROR = ".st-key-error_box"
EXCEPTION = '[data-testid="stException"]'
# What each page draws: the annotated graph, the step player's graph, the Jacobian heatmap, the
# eigen plot; a Graph-page example without autograd shows its variables table or expression values.
FIGURES = {"graph": ".st-key-graph_view svg", "steps": ".st-key-steps_graph svg",
           "jacobian": ".js-plotly-plot", "eigen": ".js-plotly-plot"}
NO_AUTOGRAD = "[data-testid='stDataFrame'], [data-testid='stExpander'] [data-testid='stCode']"
TABS = 3   # entries checked side by side (each tab is its own Streamlit session)
# Opened in the browser and screenshot: one per target page, and the example that stops with an error.
SCREENSHOTS = {"autograd-dot-example", "jacobian-funx", "symmetric-matrix", "d2l-autograd", "cat-dim2-error"}


def card(entry: gallery.Entry) -> str:
    return f".st-key-gallery_card_{entry.id}"


def figure(entry: gallery.Entry) -> str:
    if entry.page == "graph" and "backward" not in entry.program:
        return NO_AUTOGRAD
    return FIGURES[entry.page]


def check_opened(tab, entry: gallery.Entry) -> None:
    if expected_error(entry):
        expect(tab.locator(ERROR)).to_be_visible(timeout=90_000)
    else:
        expect(tab.locator(figure(entry)).first).to_be_visible(timeout=90_000)
        expect(tab.locator('[data-stale="true"]')).to_have_count(0)
        assert tab.locator(ERROR).count() == 0, tab.locator(ERROR).inner_text()
    assert tab.locator(EXCEPTION).count() == 0, tab.locator(EXCEPTION).inner_text()


def expected_error(entry: gallery.Entry) -> bool:
    from tests.programs.manifest import PROGRAMS

    return any(s.file == entry.file and s.seed == entry.seed and not s.ok for s in PROGRAMS)


def test_gallery_cards_then_one_entry_per_page_through_its_link(page, server, artifacts):
    entries = gallery.entries()
    page.goto(f"{server['url']}/gallery")
    expect(page.locator('[class*="st-key-gallery_card_"]')).to_have_count(len(entries), timeout=60_000)
    last = entries[-1]
    expect(page.locator(f".st-key-gallery_thumb_{last.id} svg")).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Drawing…")).to_have_count(0)
    assert page.locator(EXCEPTION).count() == 0
    page.set_viewport_size({"width": 1600, "height": 2600})   # Streamlit scrolls inside its own pane
    page.screenshot(path=str(artifacts / "gallery.png"))
    page.set_viewport_size({"width": 1600, "height": 1000})

    hrefs = {}
    for entry in entries:
        link = page.locator(f"{card(entry)} a[href*='code=']")
        href = link.get_attribute("href")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
        assert links.decode_code(query["code"][0]) == entry.program, entry.id
        if expected_error(entry):
            expect(page.locator(card(entry))).to_contain_text("Stops with an error")
        else:
            if page.locator(f".st-key-gallery_thumb_{entry.id} svg").count() != 1:   # figure drawn, or:
                expect(page.locator(card(entry))).to_contain_text("Tensors only: no figure")
        # The app's pages hang off its root; the Graph page IS the root, so its links are "?code=...".
        hrefs[entry.id] = urllib.parse.urljoin(f"{server['url']}/", href)

    first = entries[0]   # one real click: the link opens the example on its page in the same tab
    page.locator(f"{card(first)} a[href*='code=']").click()
    expect(page.locator(figure(first)).first).to_be_visible(timeout=60_000)
    expect(page.locator(".st-key-code_editor .cm-content")).to_contain_text("x**y")
    assert "/gallery" not in page.url and links.decode_code(
        urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["code"][0]) == first.program

    shown = [entry for entry in entries if entry.id in SCREENSHOTS]
    assert {entry.page for entry in shown} == set(FIGURES) and any(map(expected_error, shown))
    problems = []
    tabs = [page, *(page.context.new_page() for _ in range(TABS - 1))]
    for start in range(0, len(shown), TABS):
        batch = list(zip(tabs, shown[start:start + TABS], strict=False))
        for tab, entry in batch:
            tab.goto(hrefs[entry.id], wait_until="commit")
        for tab, entry in batch:
            try:
                check_opened(tab, entry)
            except AssertionError as exc:
                problems.append(f"{entry.id} ({entry.page}): {str(exc).splitlines()[0]}")
            tab.screenshot(path=str(artifacts / f"gallery-{entry.id}.png"))
    assert not problems, "\n".join(problems)
