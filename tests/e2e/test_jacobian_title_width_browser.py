"""Normal mode's Jacobian title fits its figure too (session 24): presentation mode learned the box's
width in session 23, but normal mode still broke the title at 48 characters, two lines at 1920 px
where one fits. The reporting script (components/present_fit.report_widths) gives Python the column's
width: the seed lesson's 79-character call is one line at 1920×1080, and at 1280×720 the call stays
whole on the first line (the shape below), in English and 简体中文, never wider than the figure.

Screenshots: test-artifacts/jacobian-title-<lang>-<width>.png.
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
CALL = "jacobian = torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)"
CASES = (({"width": 1920, "height": 1080}, 1), ({"width": 1280, "height": 720}, 2))
TITLE_LINES = """() => {
    const title = document.querySelector('[data-testid="stPlotlyChart"] .gtitle');
    if (!title) return null;
    const lines = title.querySelectorAll('tspan.line');
    return lines.length ? [...lines].map((l) => l.textContent) : [title.textContent];
}"""


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_jacobian_title_fits_the_normal_mode_figure(browser, server, artifacts, lang):
    code = links.encode_code(LESSON.read_text())
    for size, count in CASES:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            page.goto(f"{server['url']}/jacobian?code={code}&lang={lang}")
            # :visible and .first: while the page reruns for the width, the old chart can still be in the
            # DOM, hidden, beside the new one (a strict locator then matched 2 elements: CI of session 28)
            title_locator = page.locator('[data-testid="stPlotlyChart"] .gtitle:visible').first
            expect(title_locator).to_be_visible(timeout=90_000)
            # the width arrives after the first drawing: the page reruns once and redraws the title
            page.wait_for_function(f"() => ({TITLE_LINES})()?.length === {count}", timeout=60_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(artifacts / f"jacobian-title-{lang}-{size['width']}.png"))
            lines = page.evaluate(TITLE_LINES)
            assert len(lines) == count and lines[0].startswith(CALL), (size, lines)
            assert "4 × 4" in lines[-1], lines                    # nothing cut: the shape is there
            title = title_locator.bounding_box()
            chart = page.locator('[data-testid="stPlotlyChart"] .main-svg').first.bounding_box()
            assert title is not None and chart is not None
            assert title["x"] >= chart["x"] and title["x"] + title["width"] <= chart["x"] + chart["width"], \
                (lang, size, title, chart)
        finally:
            context.close()
