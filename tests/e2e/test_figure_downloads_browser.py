"""The PNG and SVG buttons under the Jacobian heatmap and the Eigen plot (components/figure_export.py,
made on the server with kaleido), clicked in Chromium: the downloaded file opens, has the slide size
(1600×900, or 1920×1080 in presentation mode), carries the figure's text, and is named for what it
shows. Files: test-artifacts/download-<name>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PIL import Image

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page = expect = None

from autogradlab import links
from components.heatmap import EXAMPLE as JACOBIAN_PROGRAM

pytestmark = pytest.mark.e2e

JACOBIAN = (f"/jacobian?code={links.encode_code(JACOBIAN_PROGRAM)}", '[class*="st-key-jacobian_chart_"]'
            '[class*="_downloads"]', "j-jacobian-tanh-sin-jacobian-1", "J is 2 × 3")
EIGEN = ("/eigen?matrix=[[2,1],[2,3]]", ".st-key-eigen_downloads", "matrix-2-1-2-3-eigen",
         "A = [[2, 1], [2, 3]]")


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=90_000)
    page.wait_for_timeout(500)


def svg_text(path) -> str:
    root = ET.parse(path).getroot()      # raises if the file is not well-formed XML
    assert root.tag.endswith("svg")
    return " ".join(" ".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("page_spec", [JACOBIAN, EIGEN], ids=["jacobian", "eigen"])
def test_figure_downloads_open_and_are_named(browser, server, artifacts, page_spec, presenting):
    path, bar_selector, name, words = page_spec
    size = (1920, 1080) if presenting else (1600, 900)
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server['url']}{path}{'&present=1' if presenting else ''}")
        bar = page.locator(bar_selector)
        expect(bar.get_by_role("button", name="PNG")).to_be_visible(timeout=90_000)
        settle(page)
        saved = {}
        for fmt in ("png", "svg"):
            with page.expect_download(timeout=120_000) as download:
                bar.get_by_role("button", name=fmt.upper()).click()
            assert download.value.suggested_filename == f"{name}.{fmt}"
            target = artifacts / f"download-{'present-' if presenting else ''}{name}.{fmt}"
            download.value.save_as(str(target))
            saved[fmt] = target
        assert saved["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with Image.open(saved["png"]) as image:
            image.load()
            assert image.size == size
        assert words in svg_text(saved["svg"])
    finally:
        context.close()
