"""Presentation mode at projector and laptop sizes: every Steps control is whole, and the page
controls (language, presentation) share one row in the header on every page.

Screenshots: test-artifacts/present-steps-controls-<lang>-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page = expect = None

from autogradlab import messages

pytestmark = pytest.mark.e2e

SIZES = ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080})
CONTROLS = ".st-key-steps_controls"


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=90_000)   # "Running…"
    page.wait_for_timeout(500)


def one_row_and_drawing_on_screen(page: Page, size: dict, lang: str) -> None:
    """The step buttons share one row (icons, the words as tooltips), so the drawing starts on screen."""
    buttons = page.locator(".st-key-steps_buttons button")
    expect(buttons).to_have_count(4)
    boxes = [buttons.nth(k).bounding_box() for k in range(4)]
    assert max(b["y"] for b in boxes) - min(b["y"] for b in boxes) < 2, boxes
    assert all(b["x"] + b["width"] <= size["width"] for b in boxes), boxes
    for name in ("first", "previous", "next", "last"):   # the word stays the button's name
        expect(page.get_by_role("button", name=messages.text(lang, f"steps.{name}"))).to_have_count(1)
    drawing = page.locator(".st-key-steps_drawing").bounding_box()
    assert drawing is not None and drawing["y"] < size["height"] - 150, drawing


def whole(page: Page, locator, box: dict, size: dict, controls=None) -> None:
    """`locator` lies inside `box` and the viewport's width, and its text is not cut (no ellipsis).
    With `controls`, box and locator are measured again until the layout is still: a loaded CI run
    measured the box before and the option after presentation mode's re-layout (x 80 vs 33)."""
    for _ in range(20 if controls is not None else 0):
        first = (controls.bounding_box(), locator.bounding_box())
        page.wait_for_timeout(250)
        if first == (controls.bounding_box(), locator.bounding_box()):
            box = first[0]
            break
    mine = locator.bounding_box()
    assert mine is not None and mine["width"] > 0
    assert mine["x"] >= box["x"] - 1 and mine["x"] + mine["width"] <= box["x"] + box["width"] + 1, (mine, box)
    assert mine["x"] + mine["width"] <= size["width"], (mine, size)
    cut = locator.evaluate("""e => [e, ...e.querySelectorAll('*')].some(
        n => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible')""")
    assert not cut, f"the text of {locator} is clipped"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_steps_controls_are_whole_in_presentation_mode(browser, server, artifacts, lang):
    for size in SIZES:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            page.goto(f"{server['url']}/steps?present=1&lang={lang}")
            controls = page.locator(CONTROLS)
            tangent = controls.get_by_role("radio", name=messages.text(lang, "steps.mode_tangent"))
            expect(tangent).to_be_visible(timeout=90_000)
            expect(page.locator(".st-key-steps_drawing")).to_be_visible(timeout=90_000)   # the run ended
            settle(page)
            box = controls.bounding_box()
            whole(page, tangent, box, size, controls)
            for mode in ("forward", "reverse"):
                whole(page, controls.get_by_role("radio", name=messages.text(lang, f"steps.mode_{mode}")),
                      box, size, controls)
            label = controls.locator('[data-testid="stCheckbox"] [data-testid="stWidgetLabel"]')
            expect(label).to_contain_text(messages.text(lang, "steps.backward"))
            whole(page, label, box, size, controls)
            page.screenshot(path=str(artifacts / f"present-steps-controls-{lang}-{size['width']}.png"))
            one_row_and_drawing_on_screen(page, size, lang)
            tangent.click()       # the whole option is there to click
            expect(tangent).to_have_attribute("aria-checked", "true")
        finally:
            context.close()


@pytest.mark.parametrize("path", ["/", "/steps", "/jacobian", "/eigen", "/gallery", "/about"])
def test_language_and_presentation_toggles_share_one_row(browser, server, path):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}{path}?present=1")
        bar = page.locator(".st-key-present_bar")
        lang = bar.locator(".st-key-lang_bar [role=radiogroup]")
        toggle = bar.locator('[data-testid="stCheckbox"]')
        expect(lang).to_be_visible(timeout=60_000)
        expect(toggle).to_be_visible()
        settle(page)
        a, b = lang.bounding_box(), toggle.bounding_box()
        for _ in range(60):   # retried like expect(...): a loaded machine may still be laying the page out
            # (presentation mode's padding and figure box are applied after the first paint)
            if abs((a["y"] + a["height"] / 2) - (b["y"] + b["height"] / 2)) < 8 and a["y"] < 60:
                break
            page.wait_for_timeout(500)
            a, b = lang.bounding_box(), toggle.bounding_box()
        assert abs((a["y"] + a["height"] / 2) - (b["y"] + b["height"] / 2)) < 8, (a, b)
        assert a["x"] + a["width"] <= b["x"], "the language toggle sits left of the presentation toggle"
        assert b["x"] + b["width"] <= 1280 and a["y"] < 60, "both in the header's row"
        assert page.locator(".st-key-lang_bar").count() == 1
    finally:
        context.close()

