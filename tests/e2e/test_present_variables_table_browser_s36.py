"""Presentation mode's Variables table is as readable as the text around it, also after the window
changes size (session 36, components/variables_table._grid_key, present_fit.root_px).

Presentation mode's text follows the window (present.FONT_SIZE: a 16 px root at 1280 px, 22 px at 1920);
st.dataframe draws its text on a canvas at the root size it was mounted with. Before: a teacher who opened
the lesson in a 1280 px window and then went full screen on the projector (1920 x 1080) had every other
text at 19.25 px and the table's at 14 px. The canvas's font is read where the page sets it (a wrapper
of CanvasRenderingContext2D's `font`, installed before the page loads) and compared with a caption's.
Screenshots: test-artifacts/present-variables-<case>.png.
"""

from __future__ import annotations

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links

pytestmark = pytest.mark.e2e

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x * x).sin().sum()\n"
           "y.backward()\nz = x.detach() * 2\n")
TABLE = ".st-key-variables_table"
# every font the page's canvases are given, counted (the data grid's cells and headers among them)
FONTS = """window.__aglFonts = [];
const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, "font");
Object.defineProperty(CanvasRenderingContext2D.prototype, "font", {
  set(value) { window.__aglFonts.push(value); font.set.call(this, value); },
  get() { return font.get.call(this); } });"""
CAPTION = '.stMain [data-testid="stCaptionContainer"]'
SMALL, BIG = {"width": 1280, "height": 800}, {"width": 1920, "height": 1080}


def _grid_px(page) -> list[float]:
    """The pixel sizes of the fonts the data grid was drawn with since the last call, in order."""
    fonts = page.evaluate("window.__aglFonts.splice(0)")
    return [float(m[1]) for f in fonts if (m := re.search(r"([\d.]+)px", f))]


def _drawn(page) -> None:
    expect(page.locator(f"{TABLE} [data-testid='stDataFrame']").first).to_be_visible(timeout=120_000)
    expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=60_000)
    page.locator(TABLE).scroll_into_view_if_needed()
    page.wait_for_timeout(1_500)


def _caption_px(page) -> float:
    return float(page.locator(CAPTION).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize("sizes", [(SMALL, BIG, SMALL), (BIG,)], ids=["window_resized", "projector"])
def test_the_table_text_is_the_size_of_the_text_around_it(page, server, artifacts, sizes) -> None:
    page.add_init_script(FONTS)
    page.set_viewport_size(sizes[0])
    page.goto(f"{server['url']}/?code={links.encode_code(PROGRAM)}&present=1")
    _drawn(page)
    for step, size in enumerate(sizes):
        if step:
            _grid_px(page)
            page.set_viewport_size(size)
            _drawn(page)
        caption = _caption_px(page)
        assert caption == (19.25 if size["width"] == 1920 else 14.0)   # 0.875rem of a 22 / 16 px root
        # the table as it stays on screen: its last drawing (the fitting script reports the root size, the
        # page reruns and mounts the table afresh; until then the table it had may be redrawn as it was)
        drawn: list[float] = []
        for _ in range(60):
            drawn += _grid_px(page)
            if drawn and drawn[-1] == caption:
                break
            page.wait_for_timeout(500)
        page.locator(TABLE).screenshot(path=str(artifacts / f"present-variables-{size['width']}-{step}.png"))
        assert drawn and drawn[-1] == caption, (size, drawn[-5:], caption)
