"""Tangent mode in a real browser for a model kept in a list of Layer objects: a link whose `dir`
names a leaf by its path (`layers[1].w=[0,1]`, percent-encoded as a browser would send it) opens the
tangent steps along it; the output's tangent is plain PyTorch's (torch.func.jvp), the picker shows
the path selected, and the address bar still carries the same direction."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from autogradlab import links

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]

GRAPH = ".st-key-steps_graph svg"
CARD = ".st-key-steps_card"
PICKER = ".st-key-steps_direction_leaf"
LAYERS = ("import torch\n"
          "class Layer:\n"
          "    def __init__(self, w):\n"
          "        self.w = torch.tensor(w, requires_grad=True)\n"
          "    def __call__(self, x):\n"
          "        return x * self.w\n"
          "layers = [Layer([1.0, 2.0]), Layer([3.0, -1.0])]\n"
          "x = torch.tensor([0.5, 2.0])\n"
          "for layer in layers:\n"
          "    x = layer(x)\n"
          "y = (x * x).sum()\n")
DIRECTION = "layers[1].w=[0,1]"


def expected_tangent() -> float:
    torch = pytest.importorskip("torch")
    w0 = torch.tensor([1.0, 2.0])

    def y(w1: torch.Tensor) -> torch.Tensor:
        return ((torch.tensor([0.5, 2.0]) * w0 * w1) ** 2).sum()

    _, tangent = torch.func.jvp(y, (torch.tensor([3.0, -1.0]),), (torch.tensor([0.0, 1.0]),))
    return float(tangent)


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    page.wait_for_timeout(200)


def test_a_link_naming_a_path_shows_the_tangents_along_it(page: Page, server, artifacts):
    query = urllib.parse.urlencode({"code": links.encode_code(LAYERS), "mode": "tangent", "dir": DIRECTION})
    assert "layers%5B1%5D.w%3D%5B0%2C1%5D" in query            # the path is percent-encoded in the link
    page.goto(f"{server['url']}/steps?{query}")
    expect(page.locator(GRAPH)).to_be_visible(timeout=90_000)
    settle(page)
    expect(page.locator(".st-key-steps_direction input")).to_have_value(DIRECTION)
    expect(page.locator(PICKER)).to_contain_text("layers[0].w")
    picked = page.locator(f"{PICKER} button", has_text="layers[1].w")
    expect(picked).to_have_attribute("aria-checked", "true")
    page.locator(".st-key-steps_last button").click()
    settle(page)
    card = page.locator(CARD)
    expect(card).to_contain_text("direction v: layers[1].w = [0., 1.]")
    shown = re.search(r"Output tangent J·v = (-?[\d.]+)", card.inner_text())
    assert shown is not None, card.inner_text()
    assert float(shown.group(1)) == pytest.approx(expected_tangent())
    page.screenshot(path=str(artifacts / "steps-page-container-tangent.png"))
    search = page.evaluate("location.search")
    assert urllib.parse.parse_qs(search[1:])["dir"] == [DIRECTION]
