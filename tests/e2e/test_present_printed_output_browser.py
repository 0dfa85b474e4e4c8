"""Presentation mode's printed output is full width under the graph (session 24's look): beside the
editor it had 1/5 of the screen, 214 px at 1280×720, and every tensor row that PyTorch prints on one
line wrapped onto two or three. Each printed line is now one line on screen at 1280×720 and 1920×1080;
normal mode keeps it beside the editor.

Screenshots: test-artifacts/present-printed-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links

pytestmark = pytest.mark.e2e

PROGRAM = """import torch
x = torch.linspace(-2.0, 2.0, 8, requires_grad=True)
W = torch.arange(24.0).reshape(3, 8) / 7
loss = ((W @ x) ** 2).sum()
loss.backward()
print("x.grad:", x.grad)
print(W)
"""
SIZES = ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080})
# The printed block: its width, its text's lines and the lines the browser drew them on.
MEASURE = """() => {
    const code = document.querySelector('.st-key-printed_output code');
    if (!code) return null;
    const box = code.getBoundingClientRect();
    const block = document.querySelector('.st-key-printed_output').getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(code).lineHeight);
    return {width: block.width, lines: code.innerText.replace(/\\n$/, '').split('\\n').length,
            drawn: Math.round(box.height / lineHeight)};
}"""


def _open(browser, server, size: dict, present: bool):  # noqa: ANN202 - a Playwright page
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.set_default_timeout(30_000)
    flag = "&present=1" if present else ""
    page.goto(f"{server['url']}/?code={links.encode_code(PROGRAM)}{flag}")
    expect(page.locator(".st-key-printed_output code")).to_be_visible(timeout=90_000)
    page.wait_for_timeout(500)
    return context, page


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_presentation_mode_prints_each_line_on_one_screen_line(browser, server, artifacts, size):
    context, page = _open(browser, server, size, present=True)
    try:
        page.locator(".st-key-printed_output").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"present-printed-{size['width']}.png"))
        measured = page.evaluate(MEASURE)
        assert measured["lines"] == 4, measured   # x.grad (88 characters), W (3 rows of 75)
        assert measured["drawn"] == measured["lines"], measured
        assert measured["width"] >= 0.8 * size["width"], measured   # under the graph, not in a column
    finally:
        context.close()


@pytest.mark.opens_its_own_url
def test_normal_mode_keeps_the_printed_output_beside_the_editor(browser, server):
    context, page = _open(browser, server, {"width": 1600, "height": 1000}, present=False)
    try:
        printed = page.locator(".st-key-printed_output").bounding_box()
        assert printed is not None and printed["x"] < 200 and printed["width"] < 0.5 * 1600, printed
    finally:
        context.close()
