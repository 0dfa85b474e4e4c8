"""The step drawing is the Graph page's clickable view: zoom in, step, and the zoom stays (each step
recolours the same layout); a click on a node selects it, and the Graph page shows the same
selection. Screenshot: test-artifacts/steps-drawing-zoomed.png."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

from autogradlab import links

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]   # each test opens its link first

DRAWING = ".st-key-steps_graph"
SVG = f"{DRAWING} svg"
FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)
    page.wait_for_timeout(300)


def zoom(page: Page) -> str | None:
    return page.locator(SVG).get_attribute("data-zoom")


def test_zoom_survives_steps_and_a_click_selects_the_node(page: Page, server, artifacts):
    page.goto(f"{server['url']}/steps?code={links.encode_code(FAN_OUT)}&mode=reverse")
    expect(page.locator(SVG)).to_be_visible(timeout=90_000)
    settle(page)
    before = page.locator(SVG).inner_html()
    start = float(zoom(page) or 1)   # a drawing too small to read starts at the readable scale (s26)
    page.locator(f'{DRAWING} button[data-act="in"]').click()
    page.locator(f'{DRAWING} button[data-act="in"]').click()
    zoomed = zoom(page)
    assert abs(float(zoomed) - start * 1.69) < 0.002
    step = page.evaluate("location.search")
    page.locator(".st-key-steps_next button").click()
    page.wait_for_function(f"() => location.search !== {step!r}", timeout=20_000)
    settle(page)
    assert page.locator(SVG).inner_html() != before, "the next step recoloured the drawing"
    assert zoom(page) == zoomed, "the zoom stays while stepping"
    transform = page.locator(SVG).evaluate("svg => svg.style.transform") or ""
    assert f"scale({zoomed[:-1]}" in transform, transform
    page.screenshot(path=str(artifacts / "steps-drawing-zoomed.png"))

    leaf = page.locator(f"{SVG} g.node", has_text="x").filter(has_not_text="Backward").first
    node_id = leaf.get_attribute("id").split("~")[0]
    leaf.click()
    expect(page.locator(".st-key-fold_selection")).to_contain_text("Selected node", timeout=30_000)
    expect(page.locator(".st-key-fold_selection")).to_contain_text("x")
    settle(page)
    assert zoom(page) == zoomed, "selecting keeps the zoom"

    leaf = page.locator(f"{SVG} g.node").filter(has_text="x").filter(has_not_text="Backward").first
    leaf.focus()                            # keyboard: Tab to a node, Enter selects it (same node)
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator(".st-key-fold_selection")).to_contain_text("Selected node")

    page.get_by_role("link", name="Graph").first.click()   # the shared selection on the Graph page
    selected = page.locator(".st-key-graph_view svg g.node.selected")
    expect(selected.first).to_be_visible(timeout=90_000)
    assert selected.first.get_attribute("id").split("~")[0] == node_id
