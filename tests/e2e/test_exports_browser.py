"""The download buttons of the Steps and Graph pages, clicked in Chromium on a gallery entry opened
through its card's link, in 简体中文: the current step as SVG and PNG and the step sequence as a GIF,
the graph as PNG at a chosen scale (2× by default, 3× when picked). Each file opens, is named for what
it is (`autograd-dot-example-reverse-step-3.png`, `autograd-dot-example-graph.png`) and carries the
page's Chinese words. The Jacobian and Eigen buttons: test_figure_downloads_browser.py; the graph's
SVG/PDF: test_present_browser.py. Files: test-artifacts/exports-<name>.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page = expect = None

from autogradlab import gallery

pytestmark = pytest.mark.e2e

ENTRY = gallery.find("autograd-dot-example")


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=90_000)
    page.wait_for_timeout(500)


def open_entry(browser, server: dict, path: str, params: str = "") -> tuple[object, Page]:
    """The entry's card link (its program and seed), on `path`, in Chinese."""
    assert ENTRY is not None and ENTRY.page == "steps"
    query = ENTRY.link().partition("?")[2]
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server['url']}{path}?{query}&lang=zh{params}")
    return context, page


def download(page: Page, bar, label: str, artifacts) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as got:
        bar.get_by_role("button", name=label, exact=True).click()
    name = got.value.suggested_filename
    target = artifacts / f"exports-{name}"
    got.value.save_as(str(target))
    return name, target.read_bytes()


def svg_words(data: bytes) -> str:
    root = ET.fromstring(data)            # raises if the file is not well-formed XML
    assert root.tag.endswith("svg")
    return " ".join(" ".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))


def test_graph_png_scale_can_be_chosen(browser, server, artifacts):
    context, page = open_entry(browser, server, "/")
    try:
        bar = page.locator(".st-key-graph_downloads")
        expect(bar.get_by_role("button", name="PNG", exact=True)).to_be_visible(timeout=120_000)
        settle(page)
        name, default = download(page, bar, "PNG", artifacts)
        assert name == f"{ENTRY.id}-graph.png"
        bar.get_by_role("combobox").click()
        page.get_by_role("option", name="PNG 3×").click()
        settle(page)
        _, bigger = download(page, bar, "PNG", artifacts)
        sizes = [Image.open(io.BytesIO(data)).size for data in (default, bigger)]
        assert abs(sizes[1][0] / sizes[0][0] - 1.5) < 0.05, sizes      # 3× against the default 2×
        _, svg = download(page, bar, "SVG", artifacts)
        words = svg_words(svg)
        assert "叶子张量" in words and "leaf tensor" not in words
    finally:
        context.close()


def test_steps_page_downloads_the_current_step_and_the_sequence(browser, server, artifacts):
    context, page = open_entry(browser, server, "/steps", "&mode=reverse&step=2")
    try:
        bar = page.locator(".st-key-steps_downloads")
        gif = bar.get_by_role("button", name="GIF")
        limit = page.get_by_text("超出时间限制")
        expect(gif.or_(limit)).to_be_visible(timeout=120_000)
        if limit.is_visible():      # the server's first steps run may still pay torch's lazy imports
            page.reload()           # on a loaded machine: the run again, once
        expect(gif).to_be_visible(timeout=120_000)
        settle(page)
        name, svg = download(page, bar, "SVG", artifacts)
        step = name.removeprefix(f"{ENTRY.id}-reverse-step-").removesuffix(".svg")
        assert step.isdigit() and name == f"{ENTRY.id}-reverse-step-{step}.svg", name
        words = svg_words(svg)
        assert "叶子张量" in words and "形状" in words, "the step is drawn in Chinese"
        assert "初始梯度 1." in words and "seed" not in words, words   # the slots' words too
        root = re.search(r"<svg\b[^>]*>", svg.decode("utf-8") if isinstance(svg, bytes) else svg).group(0)
        assert "vh" not in root and "style=" not in root, root   # a standalone file, not the page's sizing
        name, png = download(page, bar, "PNG", artifacts)
        assert name == f"{ENTRY.id}-reverse-step-{step}.png"
        with Image.open(io.BytesIO(png)) as image:
            image.load()
            assert image.format == "PNG" and image.width > 300
        name, gif = download(page, bar, "GIF", artifacts)
        assert name == f"{ENTRY.id}-reverse-steps.gif"
        with Image.open(io.BytesIO(gif)) as image:
            assert image.format == "GIF" and image.n_frames >= 2
    finally:
        context.close()
