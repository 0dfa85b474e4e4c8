"""Session 26's browser review, in Chromium (screenshots in test-artifacts/ui-s26-*.png).

- Steps page, normal mode: a 20-node step drawing was fitted whole into the player's column, its
  node text 4-6 px at 1280x800; it now starts at the Graph page's readable scale, following the
  current step's node, and that follow never pans past the drawing's edge (at 1920x1080, normal and
  presentation mode, a third of the area was blank and the legend cut to "af tensor").
- The error box names Python's own errors by their class: `x.foo` is an AttributeError (it said
  "Value error"), in Chinese "属性错误 AttributeError".
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links
from tests.e2e.view_open import open_view

pytestmark = pytest.mark.e2e

# The seed article's program (shared seeds 004): a Jacobian by hand and with jacobian(); 19 nodes.
SEED = """import torch
from torch.autograd.functional import jacobian


def funx(x):
    return torch.stack([x[0] ** 2 + 2 * x[1], 3 * x[0] + 4 * x[1] ** 2])


in_x = torch.tensor([1.0, 2.0], dtype=torch.float, requires_grad=True)
y = funx(in_x)
y.backward(torch.ones_like(y))
my_jacobian = jacobian(funx, in_x)
print(f"my_jacobian=\\n{my_jacobian}")
"""
ATTRIBUTE = "import torch\nx = torch.ones(3, requires_grad=True)\ny = (x * 2).sum()\nz = x.foo\n"
DRAWING = ".st-key-steps_drawing"
READABLE_TITLE_PX = 14    # a node title's box height (16 pt at the readable scale: ~19-22 px; was 5-7)


@pytest.mark.parametrize("width,height,present",
                         [(1280, 800, False), (1920, 1080, False), (1920, 1080, True)],
                         ids=["1280", "1920", "present-1920"])
def test_step_drawing_starts_readable_and_fills_its_area(browser, server, artifacts, width, height, present):
    query = f"code={links.encode_code(SEED)}" + ("&present=1" if present else "")
    context, page = open_view(browser, server, "/steps", query, width, height, f"{DRAWING} svg g.node")
    try:
        name = f"ui-s26-steps-{'present-' if present else ''}{width}.png"
        page.screenshot(path=str(artifacts / name))
        stage = page.locator(f"{DRAWING} .stage").bounding_box()
        svg = page.locator(f"{DRAWING} .stage svg").bounding_box()
        title = page.locator(f"{DRAWING} svg g.node text").first.bounding_box()
        label = page.locator(f"{DRAWING} svg g.agl-label").bounding_box()
        assert title["height"] >= READABLE_TITLE_PX, title
        # the drawing (larger than its area) covers the area: no blank strip beside it
        assert svg["x"] <= stage["x"] + 1 and svg["x"] + svg["width"] >= stage["x"] + stage["width"] - 1
        assert svg["y"] <= stage["y"] + 1 and svg["y"] + svg["height"] >= stage["y"] + stage["height"] - 1
        # the legend is whole, inside the area
        assert stage["x"] <= label["x"] and label["x"] + label["width"] <= stage["x"] + stage["width"]
        assert stage["y"] <= label["y"] and label["y"] + label["height"] <= stage["y"] + stage["height"]
        expect(page.locator(f"{DRAWING} button[data-act='whole']")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang,heading", [("en", "AttributeError at line 4, column 5"),
                                          ("zh", "属性错误 AttributeError（第 4 行第 5 列）")])
def test_an_attribute_error_is_headed_by_its_class(browser, server, artifacts, lang, heading):
    query = f"code={links.encode_code(ATTRIBUTE)}&lang={lang}"
    context, page = open_view(browser, server, "/", query, 1280, 800, ".st-key-error_box")
    try:
        box = page.locator(".st-key-error_box")
        expect(box).to_contain_text(heading)
        expect(box).not_to_contain_text("Value error" if lang == "en" else "值错误")
        page.screenshot(path=str(artifacts / f"ui-s26-attribute-error-{lang}.png"))
    finally:
        context.close()
