"""The Jacobian page in a real browser draws a torch.func program (session 38): the PyTorch tutorial
"Jacobians, Hessians, hvp, vhp, and more" opens on its first jacrev call's heatmap with agreeing checks
and names its vmap batches; a hovered cell shows its ∂ entry. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

from autogradlab import links

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = (ROOT / "tests" / "programs" / "tutorial_jacobians_hessians_func.py").read_text()
HESSIAN = ("import torch\nfrom torch.func import hessian\n"
           "def f(x):\n    return (torch.sin(x) * x).sum()\n"
           "x = torch.tensor([0.5, -1.0, 2.0])\nH = hessian(f)(x)\n")
PLOT = ".js-plotly-plot"


def test_the_tutorials_jacrev_heatmap_and_its_notes(page: Page, server: dict, artifacts: Path) -> None:
    page.goto(f"{server['url']}/jacobian?code={links.encode_code(TUTORIAL)}")
    expect(page.locator(PLOT).first).to_be_visible(timeout=90_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.get_by_text("PyTorch computed it in reverse mode", exact=False)).to_be_visible()
    expect(page.get_by_text("checks agree", exact=False).first).to_be_visible()
    expect(page.get_by_text("under vmap computes a batch of Jacobians", exact=False)).to_be_attached()
    box = page.locator(f"{PLOT} .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 2.5 / 16, box["y"] + box["height"] * 2.5 / 16)
    expect(page.locator(".hoverlayer").get_by_text("∂", exact=False).first).to_be_visible()
    page.screenshot(path=str(artifacts / "func-jacobian-tutorial.png"), full_page=True)


def test_a_hessian_is_titled_as_one(page: Page, server: dict, artifacts: Path) -> None:
    page.goto(f"{server['url']}/jacobian?code={links.encode_code(HESSIAN)}")
    expect(page.locator(PLOT).first).to_be_visible(timeout=90_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator(f"{PLOT} .gtitle").first).to_contain_text("Hessian H is 3 × 3")
    expect(page.get_by_text("PyTorch computed this Hessian", exact=False)).to_be_visible()
    page.screenshot(path=str(artifacts / "func-jacobian-hessian.png"), full_page=True)
