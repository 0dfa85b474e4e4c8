"""Presentation mode's Jacobian title fits its figure (session 23's look): a plotly title never wraps,
so it was broken at 48 characters even at 1920 px, three lines of 26 px text above the heatmap. The
fitting script (components/present_fit.py) reports the box's width, and the title's lines fit it: the
seed lesson's 79-character call is one line at 1920×1080, two at 1280×720, in English and 简体中文,
and never wider than the figure.

Screenshots: test-artifacts/present-jacobian-title-<lang>-<width>.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links

pytestmark = pytest.mark.e2e

LESSON = Path(__file__).resolve().parents[2] / "lessons" / "seed002_jacobian_matmul.py"
CASES = (({"width": 1920, "height": 1080}, 1), ({"width": 1280, "height": 720}, 2))
TITLE_LINES = """() => {
    // while the page reruns, the chart drawn before the width arrived can stand beside the new one
    const titles = document.querySelectorAll('[data-testid="stPlotlyChart"] .gtitle');
    if (titles.length !== 1) return null;
    const title = titles[0];
    const lines = title.querySelectorAll('tspan.line');
    return lines.length || 1;
}"""


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_jacobian_title_fits_a_projector_size_figure(browser, server, artifacts, lang):
    code = links.encode_code(LESSON.read_text())
    for size, lines in CASES:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            page.goto(f"{server['url']}/jacobian?code={code}&lang={lang}&present=1")
            expect(page.locator('[data-testid="stPlotlyChart"] .gtitle').first).to_be_visible(timeout=90_000)
            # the width arrives after the first drawing: the page reruns once and redraws the title
            # (and only one chart stands: the one drawn before the rerun can stay a moment beside it)
            page.wait_for_function(f"() => ({TITLE_LINES})() === {lines}", timeout=60_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(artifacts / f"present-jacobian-title-{lang}-{size['width']}.png"))
            title = page.locator('[data-testid="stPlotlyChart"] .gtitle').bounding_box()
            chart = page.locator('[data-testid="stPlotlyChart"] .main-svg').first.bounding_box()
            assert title is not None and chart is not None
            assert title["x"] >= chart["x"] and title["x"] + title["width"] <= chart["x"] + chart["width"], \
                (lang, size, title, chart)
            assert page.evaluate(TITLE_LINES) == lines
        finally:
            context.close()
