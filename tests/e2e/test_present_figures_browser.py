"""Presentation mode at projector (1920×1080) and laptop (1280×720) size: every page's main figure
fills a 16:9 box that lies wholly on screen, below the header (components/present_fit.py); the Steps
page's box (a tall graph beside its step card) is as wide as its column and reaches the screen's
bottom instead (present_fit.TALL).

Screenshots: test-artifacts/present-figure-<page>-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page = expect = None

from autogradlab import links
from components.heatmap import EXAMPLE as JACOBIAN_PROGRAM
from components.present_fit import MARGIN_PX, TALL

pytestmark = pytest.mark.e2e

SIZES = ({"width": 1920, "height": 1080}, {"width": 1280, "height": 720})
PAGES = {   # page: (path, the figure's box, what is drawn inside it)
    "graph": ("/", ".st-key-present_figure_graph_view", ".st-key-graph_view"),
    "steps": ("/steps", ".st-key-present_figure_steps", ".st-key-steps_drawing"),
    "jacobian": (f"/jacobian?code={links.encode_code(JACOBIAN_PROGRAM)}&", ".st-key-present_figure_jacobian",
                 '[data-testid="stPlotlyChart"] .main-svg'),
    "eigen": ("/eigen", ".st-key-present_figure_eigen", '[data-testid="stPlotlyChart"] .main-svg'),
}
TOLERANCE = 0.03
GRAPHS = ("graph", "steps")   # pages whose figure is a graphviz drawing (g.graph inside the svg)
FILL = 0.70                   # the drawing reaches this share of its box's width or height
STEPS_SHARE = 0.45            # the Steps box's share of the screen width (0.38 -> 0.51 at 1280×720)


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    page.wait_for_timeout(800)


def fitted(page: Page, box_selector: str, tall: bool = False) -> None:
    """Wait (under load) until the page's skeletons are gone and the fitting script has shaped the box
    (`tall`: down to the screen's bottom, or square)."""
    page.wait_for_function("""([sel, aspect, tol, tall, margin]) => {
        if (document.querySelector('[data-testid="stSkeleton"]')) return false;
        const r = document.querySelector(sel)?.getBoundingClientRect();
        if (!r || r.height <= 0) return false;
        if (tall) return Math.abs(r.bottom - (innerHeight - margin)) <= 2
          || Math.abs(r.height - r.width) <= 2;
        return Math.abs(r.width / r.height / aspect - 1) <= tol;
    }""", arg=[box_selector, 16 / 9, TOLERANCE, tall, MARGIN_PX], timeout=60_000)
    page.wait_for_timeout(300)


def url(base: str, path: str) -> str:
    return f"{base}{path}{'' if path.endswith('&') else '?'}present=1"


@pytest.mark.parametrize("name", list(PAGES))
def test_the_main_figure_fills_a_16_9_box_on_screen(browser, server, artifacts, name):
    path, box_selector, inner_selector = PAGES[name]
    for size in SIZES:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            page.goto(url(server["url"], path))
            box = page.locator(box_selector)
            inner = box.locator(inner_selector).first
            expect(inner).to_be_visible(timeout=90_000)
            settle(page)
            fitted(page, box_selector, tall=name in TALL)
            page.screenshot(path=str(artifacts / f"present-figure-{name}-{size['width']}.png"))
            b = box.bounding_box()
            header = page.locator('[data-testid="stHeader"]').bounding_box()
            assert b is not None and header is not None
            ratio = b["width"] / b["height"]
            if name in TALL:     # the column's width, down to the screen's bottom (never taller than wide)
                assert ratio >= 1 - TOLERANCE, (name, size, b)
                assert b["y"] + b["height"] >= size["height"] - MARGIN_PX - 2 or ratio <= 1 + TOLERANCE, b
            else:
                assert abs(ratio / (16 / 9) - 1) <= TOLERANCE, (name, size, b)
            assert b["y"] >= header["y"] + header["height"] - 1, ("below the header", name, size, b, header)
            assert b["y"] + b["height"] <= size["height"] and b["x"] >= 0, ("on screen", name, size, b)
            assert b["x"] + b["width"] <= size["width"], ("on screen", name, size, b)
            assert b["width"] >= 0.33 * size["width"], ("the figure is big", name, size, b)
            if name == "steps":   # beside the controls and the step card, still most of the screen's width
                assert b["width"] >= STEPS_SHARE * size["width"], ("the step drawing is big", size, b)
            drawn = inner.bounding_box()
            assert drawn is not None
            assert drawn["width"] >= 0.97 * b["width"] and drawn["height"] >= 0.97 * b["height"], \
                ("the figure fills its box", name, size, drawn, b)
            assert drawn["y"] + drawn["height"] <= b["y"] + b["height"] + 1, (name, size, drawn, b)
            if name in GRAPHS:   # the graph itself, not only its frame, uses the box
                graph = box.locator("svg g.graph").first.bounding_box()
                assert graph is not None
                print(name, size, "box", b, "graph", graph)   # shown with -s
                assert graph["width"] >= FILL * b["width"] or graph["height"] >= FILL * b["height"], \
                    ("the drawing fills its box", name, size, graph, b)
        finally:
            context.close()


def test_a_box_refits_when_the_page_above_it_moves_without_a_dom_change(browser, server, artifacts):
    """A late web font or a scrollbar that makes the text above wrap moves the box with no mutation
    under stMain and no change of stMain's size: the fitting script still reshapes it (its poll)."""
    path, box_selector, inner_selector = PAGES["steps"]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(url(server["url"], path))
        expect(page.locator(box_selector).locator(inner_selector).first).to_be_visible(timeout=90_000)
        settle(page)
        fitted(page, box_selector, tall=True)
        before = page.locator(box_selector).bounding_box()
        # A stylesheet in <head> pushes everything in the main block down by 60 px: nothing changes
        # under stMain, and stMain (the scroller) keeps its size.
        page.evaluate("""() => { const s = document.createElement('style');
            s.textContent = '[data-testid="stMainBlockContainer"] '
              + '{ padding-top: calc(6rem + 60px) !important; }';
            document.head.appendChild(s); }""")
        page.wait_for_function("([s, y]) => document.querySelector(s).getBoundingClientRect().top > y + 30",
                               arg=[box_selector, before["y"]], timeout=10_000)
        fitted(page, box_selector, tall=True)
        after = page.locator(box_selector).bounding_box()
        page.screenshot(path=str(artifacts / "present-figure-steps-refit.png"))
        assert after["y"] > before["y"] + 30, (before, after)
        assert abs(after["y"] + after["height"] - (720 - MARGIN_PX)) <= 2, (before, after)
        assert after["height"] < before["height"] - 30, ("shorter, to stay on screen", before, after)
    finally:
        context.close()
