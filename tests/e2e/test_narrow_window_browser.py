"""A narrow window (a laptop split screen, 800 px): the page controls (language, presentation) sit in
the header's right end only while the header has room for them; in a narrower window they drop
below the navigation instead of covering its links (at 800 px they covered Gallery and About).

Screenshots: test-artifacts/narrow-<lang>-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

pytestmark = pytest.mark.e2e

NAV_LINKS = '[data-testid="stTopNavLink"]'


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


@pytest.mark.parametrize(("lang", "width"), [("en", 800), ("zh", 800), ("en", 960), ("zh", 1280)])
def test_page_controls_never_cover_the_navigation(browser, server, artifacts, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}/gallery?lang={lang}")
        toggle = page.locator('.st-key-present_bar [data-testid="stCheckbox"]')
        expect(toggle).to_be_visible(timeout=60_000)
        expect(page.locator(NAV_LINKS)).to_have_count(6)
        page.wait_for_timeout(500)
        page.screenshot(path=str(artifacts / f"narrow-{lang}-{width}.png"))
        bar = page.locator(".st-key-present_bar").bounding_box()
        links = page.locator(NAV_LINKS)
        for k in range(6):
            link = links.nth(k).bounding_box()
            assert not _overlap(bar, link), (k, bar, link)
        assert bar["x"] + bar["width"] <= width, bar
        if width >= 1280:   # room enough: still in the header's row
            assert bar["y"] < 60, bar
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_graph_style_picker_is_whole_in_a_narrow_window(browser, server, artifacts, lang):
    """At 800 px the output box and the style picker shared a row as two columns and the picker's
    second option ("torchviz classic") was cut at the column's edge; now the row wraps."""
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}/?lang={lang}")
        toolbar = page.locator(".st-key-graph_toolbar")
        expect(toolbar.get_by_role("radio")).to_have_count(2, timeout=60_000)
        expect(page.locator(".st-key-graph_view svg g.node").first).to_be_visible(timeout=60_000)
        page.screenshot(path=str(artifacts / f"narrow-graph-toolbar-{lang}.png"))
        main = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
        column = toolbar.bounding_box()
        for k in range(2):
            option = toolbar.get_by_role("radio").nth(k).bounding_box()
            assert option["x"] + option["width"] <= min(column["x"] + column["width"],
                                                         main["x"] + main["width"]) + 1, (k, option, column)
    finally:
        context.close()
