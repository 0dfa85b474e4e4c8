"""Programs that call torch.autograd.grad, in a real browser (session 35, browser review).

Graph page: the drawing of `g, = torch.autograd.grad(y, x)` agrees with its caption: x's node shows the
gradient grad() returned (PyTorch's values), the other nodes say grad() did not return theirs; before,
every node read "grad: not computed yet" under a caption saying grad() had returned the gradients. Every
label line stays inside its box, at 1280x800 and in presentation mode at 1920x1080 (en and zh).
Steps page: a grad() call with two outputs steps with the keys, the card's share line ("another output of
the same torch.autograd.grad() call") fits the card; no page errors.

Screenshots: test-artifacts/grad-graph-<lang>-<width>[-present].png, grad-steps-<lang>-<width>.png.
"""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links, messages

pytestmark = [pytest.mark.e2e]

GRAD = ("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\ny = (x**2).sum()\n"
        "g, = torch.autograd.grad(y, x)\n")
TWO = ("import torch\nx1 = torch.tensor(1.0, requires_grad=True)\n"
       "x2 = torch.tensor(2.0, requires_grad=True)\ny1 = x1 * x2\ny2 = x1 + x2\n"
       "g1, g2 = torch.autograd.grad(outputs=[y1, y2], inputs=[x1, x2])\n")
SIZES = [("en", 1280, 800, ""), ("zh", 1280, 800, ""), ("en", 1920, 1080, "1"), ("zh", 1920, 1080, "1")]

# The Graph page's drawing lives in the clickable view's shadow root (components/svg_view.py).
_SVG_JS = """(() => { for (const h of document.querySelectorAll('.st-key-graph_view *')) {
    const s = h.shadowRoot && h.shadowRoot.querySelector('svg');
    if (s && s.querySelector('g.node')) return s; }
    return document.querySelector('.st-key-graph_view svg'); })()"""
# Each node's text, and the label lines that stick out of its box (screen boxes, 1 px slack).
NODES_JS = f"""() => {{ const svg = {_SVG_JS}; if (!svg) return null;
    return Array.from(svg.querySelectorAll('g.node')).map(g => {{
        const shape = g.querySelector('path, polygon').getBoundingClientRect();
        const out = Array.from(g.querySelectorAll('text')).filter(t => {{ const b = t.getBoundingClientRect();
            return b.left < shape.left - 1 || b.right > shape.right + 1; }}).map(t => t.textContent);
        return {{id: g.id, text: Array.from(g.querySelectorAll('text')).map(t => t.textContent).join(' | '),
                 out}}; }}); }}"""


def torch_grad() -> str:
    torch = pytest.importorskip("torch")
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return "[" + ", ".join(f"{v:g}." for v in torch.autograd.grad((x ** 2).sum(), x)[0].tolist()) + "]"


def _tab(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


def _idle(page) -> None:
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    page.wait_for_timeout(800)


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize(("lang", "width", "height", "present"), SIZES)
def test_the_graph_drawing_shows_what_grad_returned(browser, server, artifacts, lang, width, height, present):
    context, page, errors = _tab(browser, width, height)
    try:
        extra = f"&present={present}" if present else ""
        page.goto(f"{server['url']}/?code={links.encode_code(GRAD)}&lang={lang}{extra}")
        page.wait_for_function(f"() => {{ const s = {_SVG_JS}; return s && s.querySelector('g.node'); }}",
                               timeout=90_000)
        _idle(page)
        page.screenshot(path=str(artifacts / f"grad-graph-{lang}-{width}{'-present' if present else ''}.png"))
        nodes = page.evaluate(NODES_JS)
        returned = messages.text(lang, "render.grad_returned", value=torch_grad())
        missing = messages.text(lang, "render.grad_not_returned")
        assert sum(returned in n["text"] for n in nodes) == 1, nodes       # x, the input grad() was asked for
        assert sum(missing in n["text"] for n in nodes) == 3, nodes        # pow, sum -> y, y
        assert messages.text(lang, "render.grad_not_computed") not in " ".join(n["text"] for n in nodes)
        assert all(not n["out"] for n in nodes), [n for n in nodes if n["out"]]
        caption = page.locator("[data-testid='stCaptionContainer']").all_inner_texts()
        assert any("torch.autograd.grad()" in c for c in caption), caption
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.opens_its_own_url
@pytest.mark.parametrize(("lang", "width", "height", "present"), [SIZES[0], SIZES[3]])
def test_a_two_output_grad_call_steps_with_the_keys_and_its_card_fits(browser, server, artifacts, lang, width,
                                                                      height, present):
    context, page, errors = _tab(browser, width, height)
    try:
        extra = f"&present={present}" if present else ""
        page.goto(f"{server['url']}/steps?code={links.encode_code(TWO)}&mode=reverse&lang={lang}{extra}")
        card = page.locator(".st-key-steps_card")
        expect(card).to_be_visible(timeout=90_000)
        _idle(page)
        card.click()                                       # the keys act when the editor has no focus
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => /[?&]step=1/.test(location.search)", timeout=20_000)
        _idle(page)
        share = messages.text(lang, "steps.other_outputs_named", names="y1", call="torch.autograd.grad()")
        expect(card).to_contain_text(share)
        page.screenshot(path=str(artifacts / f"grad-steps-{lang}-{width}.png"))
        box = card.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width, box
        wide = page.evaluate("""() => Array.from(document.querySelectorAll('.st-key-steps_card *'))
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden')
            .map(e => e.textContent.slice(0, 60))""")
        assert not wide, wide                              # no line clipped
        page.keyboard.press("End")
        page.wait_for_function("() => /[?&]step=2/.test(location.search)", timeout=20_000)
        page.keyboard.press("Home")
        page.wait_for_function("() => /[?&]step=0/.test(location.search)", timeout=20_000)
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.opens_its_own_url
def test_no_request_leaves_the_app_and_the_tab_icon_is_its_own(browser, server, artifacts):
    """The tab's icon was `:material/account_tree:`, which every browser fetched from fonts.gstatic.com: a
    failed request (console error) on each page on an offline classroom network. Now a file the app serves."""
    context, page, errors = _tab(browser, 1280, 800)
    outside: list[str] = []
    host = server["url"].split("//", 1)[1].split("/", 1)[0]
    page.on("request", lambda request: outside.append(request.url)
            if request.url.startswith("http") and f"//{host}" not in request.url else None)
    try:
        for path in ("/", "/steps"):
            page.goto(f"{server['url']}{path}?code={links.encode_code(GRAD)}")
            shown = ".st-key-steps_card" if path == "/steps" else ".st-key-graph_view"
            expect(page.locator(shown)).to_be_visible(timeout=90_000)
            _idle(page)
            icon = page.evaluate("() => (document.querySelector('link[rel~=\"icon\"]') || {}).href || ''")
            assert icon.startswith(server["url"]), icon
        assert not outside, outside
        assert not errors, errors
    finally:
        context.close()
