"""The Jacobian page in a real browser: open a /jacobian?code=... link, see the heatmap, hover a
cell (the exact ∂yᵢ/∂xⱼ), click one and see the chain-rule paths highlighted on the graph.
Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

from autogradlab import links

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]   # each test opens its link first

LESSON = (Path(__file__).resolve().parents[2] / "lessons" / "seed004_jacobian_funx.py").read_text()
PLOT = ".js-plotly-plot"
PATH_COLOR = "#f5a623"


def cell_center(page: Page, i: int, j: int, rows: int, cols: int) -> tuple[float, float]:
    box = page.locator(f"{PLOT} .nsewdrag").first.bounding_box()
    return box["x"] + box["width"] * (j + 0.5) / cols, box["y"] + box["height"] * (i + 0.5) / rows


def test_link_heatmap_hover_and_click_shows_paths(page: Page, server: dict, artifacts: Path) -> None:
    page.goto(f"{server['url']}/jacobian?code={links.encode_code(LESSON)}")
    expect(page.locator(PLOT)).to_be_visible(timeout=60_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.get_by_text("2 outputs, 2 inputs", exact=False)).to_be_visible()

    x, y = cell_center(page, 1, 1, 2, 2)
    page.mouse.move(x, y)
    expect(page.locator(".hoverlayer").get_by_text("∂", exact=False).first).to_be_visible()
    expect(page.locator(".hoverlayer")).to_contain_text("16")
    page.screenshot(path=str(artifacts / "jacobian-hover.png"))

    page.mouse.click(x, y)
    expect(page.get_by_text("sum over paths", exact=False)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="∂", exact=False)).to_contain_text("= 16")
    highlighted = page.locator(f'svg path[stroke="{PATH_COLOR}"], svg polygon[stroke="{PATH_COLOR}"]')
    expect(highlighted.first).to_be_attached()
    assert "cell=1%2C1" in page.url or "cell=1,1" in page.url
    page.screenshot(path=str(artifacts / "jacobian-paths.png"), full_page=True)
    highlighted.first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "jacobian-path-graph.png"))


BIG = ("import torch\nfrom torch.autograd.functional import jacobian\ntorch.manual_seed(1)\n"
       "W = torch.randn(90, 50)\nx = torch.randn(50)\n"
       "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)\n")


def test_click_on_a_big_jacobian_follows_that_cells_paths(page: Page, server: dict, artifacts: Path) -> None:
    """4,500 entries: the paths are followed for the clicked cell's row, in a run made for the click."""
    page.goto(f"{server['url']}/jacobian?code={links.encode_code(BIG)}")
    expect(page.locator(PLOT).first).to_be_visible(timeout=60_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    x, y = cell_center(page, 42, 7, 90, 50)
    page.mouse.move(x, y)
    page.screenshot(path=str(artifacts / "jacobian-big-hover.png"))
    page.mouse.click(x, y)
    expect(page.get_by_text("sum over paths", exact=False)).to_be_visible(timeout=60_000)
    i, j = (int(k) for k in unquote(page.url.split("cell=")[1].split("&")[0]).split(","))
    assert abs(i - 42) <= 1 and abs(j - 7) <= 1, page.url         # the cell under the mouse
    expect(page.get_by_text(f"row ({i})", exact=False)).to_be_visible()
    expect(page.get_by_text(f"the sum equals J[{i}, {j}]", exact=False)).to_be_visible()
    highlighted = page.locator(f'svg path[stroke="{PATH_COLOR}"], svg polygon[stroke="{PATH_COLOR}"]')
    expect(highlighted.first).to_be_attached()
    page.screenshot(path=str(artifacts / "jacobian-big-paths.png"), full_page=True)
