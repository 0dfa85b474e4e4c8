"""The Steps page's tangent-direction field: its hint (placeholder) is whole in the field at a desktop
size and at projector size in presentation mode, en and zh (it ran past the field's right end)."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links

pytestmark = pytest.mark.e2e

FIELD = ".st-key-steps_direction input"
SOURCE = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\n"
# The placeholder's text width in the input's own font, against the room inside the field.
FITS_JS = """(input) => { const s = getComputedStyle(input); const ctx = document.createElement('canvas')
    .getContext('2d'); ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return [ctx.measureText(input.placeholder).width, room]; }"""


@pytest.mark.parametrize(("lang", "width", "height", "present"),
                         [("en", 1600, 1000, ""), ("zh", 1600, 1000, ""), ("en", 1280, 720, "1"),
                          ("zh", 1280, 720, "1")])
def test_the_direction_hint_is_whole(browser, server, artifacts, lang, width, height, present):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        extra = f"&present={present}" if present else ""
        page.goto(f"{server['url']}/steps?lang={lang}&mode=tangent{extra}&code={links.encode_code(SOURCE)}")
        field = page.locator(FIELD)
        expect(field).to_be_visible(timeout=60_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(artifacts / f"steps-direction-hint-{lang}-{width}.png"))
        text, room = field.evaluate(FITS_JS)
        assert 0 < text <= room, (text, room, field.get_attribute("placeholder"))
    finally:
        context.close()
