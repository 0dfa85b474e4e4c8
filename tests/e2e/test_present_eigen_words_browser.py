"""Presentation mode's Eigen words and table sit under the figure (session 24's look): in the 1/4
column beside it the table's eigenvector column was cut off at 1280×720 (the table scrolled sideways)
and each sentence took four lines. Normal mode keeps them beside the figure.

Screenshots: test-artifacts/present-eigen-words-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

pytestmark = pytest.mark.e2e

SIZES = ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080})
MEASURE = """() => {
    const words = document.querySelector('.st-key-eigen_words');
    const table = document.querySelector('.st-key-eigen_table table');
    const wrapper = document.querySelector('.st-key-eigen_table [data-testid="stTable"]')
        || table.parentElement;
    const plot = document.querySelector('.st-key-present_figure_eigen');
    return {words: words.getBoundingClientRect().width, table: table.scrollWidth,
            room: wrapper.clientWidth, wordsLeft: words.getBoundingClientRect().left,
            plotLeft: plot ? plot.parentElement.getBoundingClientRect().left : null};
}"""


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_presentation_mode_shows_the_eigen_table_whole_under_the_figure(browser, server, artifacts, size):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}/eigen?matrix=[[2,1],[1,3]]&present=1")
        expect(page.locator(".st-key-eigen_table table")).to_be_visible(timeout=90_000)
        page.wait_for_timeout(500)
        page.locator(".st-key-eigen_table").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"present-eigen-words-{size['width']}.png"))
        measured = page.evaluate(MEASURE)
        assert measured["table"] <= measured["room"] + 1, measured      # no column cut off
        assert measured["words"] >= 0.5 * size["width"], measured       # the figure's column
        assert abs(measured["wordsLeft"] - measured["plotLeft"]) < 20, measured
    finally:
        context.close()


@pytest.mark.opens_its_own_url
def test_normal_mode_keeps_the_eigen_words_beside_the_figure(browser, server):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}/eigen?matrix=[[2,1],[1,3]]")
        expect(page.locator(".st-key-eigen_table table")).to_be_visible(timeout=90_000)
        words = page.locator(".st-key-eigen_words").bounding_box()
        assert words is not None and words["x"] < 200 and words["width"] < 0.4 * 1600, words
    finally:
        context.close()
