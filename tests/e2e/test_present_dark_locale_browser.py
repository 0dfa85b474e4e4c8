"""Two promises of issue 10 that only a real browser shows, checked the way a new user meets them.

- Presentation mode's high-contrast light theme holds when the browser prefers a dark theme
  (Chromium `color_scheme="dark"`): every page (Graph, Steps, Jacobian, Eigen, Gallery, About) has a
  white background, black text, projector-size fonts, and the folded editor's summary on at most
  two lines.
  Screenshots: test-artifacts/present-dark-<page>.png (1920×1080).
- With no `lang` in the link, a fresh browser session speaks the browser's language: `zh-CN` gets
  运行 and 计算图, `en-US` gets Run and Graph.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page = expect = None

pytestmark = pytest.mark.e2e

SIZE = {"width": 1920, "height": 1080}
PAGES = {   # page: (path, something the page draws once it has run)
    "graph": ("/", ".st-key-graph_view svg"),
    "steps": ("/steps", ".st-key-steps_drawing svg"),
    "jacobian": ("/jacobian", '[data-testid="stPlotlyChart"]'),
    "eigen": ("/eigen", '[data-testid="stPlotlyChart"]'),
    "gallery": ("/gallery", ".st-key-present_on"),
    "about": ("/about", "h1"),
}
PROGRAM_PAGES = ("graph", "steps", "jacobian")   # the Eigen page starts from numbers, not the editor
STYLE = """() => {
    const app = getComputedStyle(document.querySelector('.stApp'));
    const p = document.querySelector('[data-testid="stMain"] p');
    return {bg: app.backgroundColor, fg: p ? getComputedStyle(p).color : app.color,
            font: getComputedStyle(document.documentElement).fontSize}; }"""


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    page.wait_for_timeout(800)


@pytest.mark.parametrize("name", list(PAGES))
def test_presentation_theme_is_light_and_high_contrast_in_a_dark_browser(browser, server, artifacts, name):
    path, drawn = PAGES[name]
    context = browser.new_context(viewport=SIZE, color_scheme="dark")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{server['url']}{path}?present=1")
        if drawn == ".st-key-present_on":   # an empty 1 px marker block: in the page, not always "visible"
            expect(page.locator(drawn).first).to_be_attached(timeout=120_000)
        else:
            expect(page.locator(drawn).first).to_be_visible(timeout=120_000)
        settle(page)
        page.wait_for_function("getComputedStyle(document.documentElement).fontSize === '22px'",
                               timeout=30_000)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches"), "the browser prefers dark"
        style = page.evaluate(STYLE)
        assert style["bg"] == "rgb(255, 255, 255)", style
        assert style["fg"] == "rgb(0, 0, 0)", style
        if name in PROGRAM_PAGES:
            summary = page.locator('[data-testid="stExpander"]:has(.st-key-editor_source) summary p').first
            expect(summary).to_contain_text("Program:")
            lines = summary.evaluate("p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p)"
                                     ".lineHeight)")
            # at most two lines since session 26 (ui2: one line cut the zh '（编辑）' cue in the Graph
            # page's column); an English summary of the seed takes two in the Graph and Jacobian pages
            assert lines < 2.5, f"the editor's summary takes {lines:.1f} lines"
        page.screenshot(path=str(artifacts / f"present-dark-{name}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("locale, run, graph", [("zh-CN", "运行", "计算图"), ("en-US", "Run", "Graph")])
def test_the_browser_language_decides_without_a_lang_param(browser, server, artifacts, locale, run, graph):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(server["url"] + "/")
        expect(page.locator(".st-key-graph_view svg").first).to_be_visible(timeout=120_000)
        settle(page)
        assert "lang=" not in page.url, page.url
        expect(page.get_by_role("button", name=run).first).to_be_visible()
        expect(page.get_by_role("link", name=graph, exact=True).first).to_be_visible()
        page.screenshot(path=str(artifacts / f"browser-language-{locale}.png"))
    finally:
        context.close()
