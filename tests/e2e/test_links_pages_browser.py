"""Every page's link in a real browser, as issue #10 § 6 asks (`../shared/links.md`): open a link,
change something on the page (a step, a heatmap cell, the probe vector, the language), read the
address bar, open it in a fresh browser context, and compare screenshots of the page's main figure.
A trip through every page keeps the parameters the pages do not use (Streamlit empties the query
string on a page switch: `components.links.carry` puts them back), and the state they stand for.
Screenshots go to test-artifacts/links-<page>-{changed,reopened}.png."""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

from autogradlab import links

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x * x).sin().sum()\n"
           "y.backward()\n")
LESSON = (ROOT / "lessons" / "seed004_jacobian_funx.py").read_text()
MAX_DIFFERENT = 0.002     # share of pixels that may differ (font hinting); a changed view differs far more


def open_tab(browser, url: str) -> tuple[object, Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    return context, page


def settled(page: Page, figure: str) -> None:
    expect(page.locator(figure).first).to_be_visible(timeout=120_000)
    expect(page.locator(".st-key-lang_bar")).to_be_visible()        # the page's frame is drawn too
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=60_000)
    expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=60_000)
    # a fresh tab shows skeletons (620 px tall on Eigen) until Plotly's script has loaded
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=120_000)
    # drawn, not only mounted: a loaded CI run shot the graph's container at 41 px, before its drawing.
    # A locator, not document.querySelector: the Steps drawing lives in svg_view's shadow root.
    deadline = time.monotonic() + 120
    while (box := page.locator(figure).first.bounding_box()) is None or box["height"] <= 100:
        assert time.monotonic() < deadline, f"{figure} was not drawn within 120 s (box {box})"
        page.wait_for_timeout(250)
    page.mouse.move(0, 999)                  # no hover effects (Plotly's mode bar) in the picture
    page.wait_for_timeout(1_500)             # Plotly and Graphviz finish drawing after the DOM settles


def shot(page: Page, figure: str, path: Path) -> Path:
    page.locator(figure).first.screenshot(path=str(path), animations="disabled")
    return path


def differing_share(a: Path, b: Path) -> float:
    from PIL import Image, ImageChops

    first, second = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    if first.size != second.size:
        return 1.0
    diff = ImageChops.difference(first, second).convert("L").point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255] / (first.size[0] * first.size[1])


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(url).query).items()}


def to_chinese(page: Page) -> None:
    page.locator(".st-key-lang_bar").get_by_text("简体中文").click()


def three_reverse_steps(page: Page) -> None:
    page.locator(".st-key-steps_mode").get_by_text("Reverse", exact=False).first.click()
    expect(page).to_have_url(re.compile("mode=reverse"))
    settled(page, ".st-key-steps_graph svg")
    for step in range(1, 4):
        page.locator(".st-key-steps_next button").click()
        expect(page).to_have_url(re.compile(f"step={step}(&|$)"))


def click_lower_left_cell(page: Page) -> None:
    box = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)   # J is 2 × 2


def turn_the_probe(page: Page) -> None:
    thumb = page.locator('.st-key-eigen_angle input[type="range"]')
    thumb.focus()
    for _ in range(60):                       # 0.5° a step: 0° → 30°
        thumb.press("ArrowRight")


CASES: dict[str, tuple[str, str, Callable[[Page], None], dict[str, str]]] = {
    # page: (link, main figure, change, what the URL then says)
    "graph": (f"/?code={links.encode_code(PROGRAM)}&seed=2", ".st-key-graph_view", to_chinese,
              {"lang": "zh", "seed": "2"}),
    "steps": (f"/steps?code={links.encode_code(PROGRAM)}", ".st-key-steps_graph svg", three_reverse_steps,
              {"mode": "reverse", "step": "3"}),
    "jacobian": (f"/jacobian?code={links.encode_code(LESSON)}", ".js-plotly-plot", click_lower_left_cell,
                 {"cell": "1,0", "call": "0"}),
    "eigen": ("/eigen?matrix=[[2,1],[1,2]]&v=1,0", ".st-key-eigen_figure", turn_the_probe,
              {"v": "0.866,0.5", "matrix": "[[2,1],[1,2]]"}),
    "gallery": ("/gallery", ".stMain", to_chinese, {"lang": "zh"}),
    "about": ("/about", ".stMain", to_chinese, {"lang": "zh"}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_changed_view_reopens_identically_in_a_fresh_context(browser, server, artifacts, name):
    link, figure, change, expected = CASES[name]
    context, page = open_tab(browser, server["url"] + link)
    try:
        settled(page, figure)
        before = shot(page, figure, artifacts / f"links-{name}-opened.png")
        change(page)
        for key, value in expected.items():
            expect(page).to_have_url(re.compile(f"[?&]{key}={re.escape(urllib.parse.quote(value))}(&|$)"))
        settled(page, figure)
        changed = shot(page, figure, artifacts / f"links-{name}-changed.png")
        kept = page.url
    finally:
        context.close()
    assert differing_share(before, changed) > MAX_DIFFERENT, "the change did not change the figure"
    context, again = open_tab(browser, kept)
    try:
        settled(again, figure)
        reopened = shot(again, figure, artifacts / f"links-{name}-reopened.png")
        assert query(again.url) == query(kept), "opening the link rewrote it"
    finally:
        context.close()
    share = differing_share(changed, reopened)
    assert share <= MAX_DIFFERENT, f"{name}: {share:.2%} of the figure differs in a fresh context"


TRIP = [("Steps", "/steps", ".st-key-steps_graph svg"), ("Jacobian", "/jacobian", ".js-plotly-plot"),
        ("Graph", "/", ".st-key-graph_view svg"), ("About", "/about", ".stMain"),
        ("Gallery", "/gallery", ".stMain"), ("Eigen", "/eigen", ".st-key-eigen_figure")]


def test_a_trip_through_every_page_keeps_every_parameter_and_the_eigen_matrix(browser, server, artifacts):
    params = {"code": links.encode_code(PROGRAM), "seed": "4", "matrix": "[[3,1],[0,2]]", "v": "0,1",
              "mode": "reverse", "step": "2"}
    context, page = open_tab(browser, f"{server['url']}/eigen?{urllib.parse.urlencode(params)}")
    try:
        settled(page, ".st-key-eigen_figure")
        expect(page.locator(".st-key-eigen_figure .gtitle")).to_have_text("A = [[3, 1], [0, 2]]")
        for label, path, figure in TRIP:
            page.get_by_role("link", name=label).first.click()
            expect(page).to_have_url(re.compile(f"{re.escape(server['url'] + path)}\\?"))
            settled(page, figure)
            now = query(page.url)
            for key in ("code", "seed", "matrix", "v", "mode", "step"):
                assert now.get(key) == params[key], f"{label}: `{key}` is {now.get(key)!r}"
            if label == "Steps":       # the link's mode and step, read on arrival
                expect(page.locator(".st-key-steps_mode [aria-checked='true'], "
                                    ".st-key-steps_mode [aria-pressed='true']")).to_contain_text("Reverse")
        expect(page.locator(".st-key-eigen_figure .gtitle")).to_have_text("A = [[3, 1], [0, 2]]")
        page.screenshot(path=str(artifacts / "links-trip-eigen-again.png"))
    finally:
        context.close()
