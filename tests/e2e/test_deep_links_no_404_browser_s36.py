"""Every page opened by its own address loads without one failed request (session 36,
components/deep_link_base.py).

Before: opening `/steps?code=...` (and /jacobian, /eigen, /gallery, /about, /status) made Streamlit's front
end ask `/steps/_stcore/health` and `/steps/_stcore/host-config` first (404 both, two console errors)
before it found `/_stcore/...` (streamlit/streamlit#7074). The server runs as hosted (scripts/serve.py),
with a fresh browser context per page, the server's very first request included.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links
from tests.e2e.conftest import own_server

pytestmark = pytest.mark.e2e

PROGRAM = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\n"
CODE = links.encode_code(PROGRAM)
# (address, what shows the page was drawn)
PAGES = [(f"/steps?code={CODE}", ".st-key-steps_graph svg"), (f"/?code={CODE}", ".st-key-graph_view svg"),
         (f"/jacobian?code={CODE}", ".js-plotly-plot"),
         ("/eigen?matrix=[[2,1],[1,2]]&v=1,0", ".st-key-eigen_figure"),
         (f"/gallery?code={CODE}", ".stMain"), (f"/about?code={CODE}", ".stMain"), ("/status", ".stMain"),
         (f"/steps/?code={CODE}", ".st-key-steps_graph svg")]   # a trailing slash: Streamlit's 301 first


@pytest.fixture(scope="module")
def server(artifacts) -> Iterator[dict]:
    """The app as hosted (scripts/serve.py, as the Dockerfile starts it), fresh: the first page below is
    the server's first visit."""
    with own_server(artifacts / "streamlit-deep-links.log", command=("scripts/serve.py",)) as served:
        yield served


@pytest.mark.parametrize("address, drawn", PAGES, ids=[a.split("?")[0] or "/" for a, _ in PAGES])
def test_a_page_opened_by_its_link_makes_no_failed_request(browser, server, address: str, drawn: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}") if r.failure != "net::ERR_ABORTED"
            else None)
    try:
        page.goto(server["url"] + address)
        expect(page.locator(drawn).first).to_be_visible(timeout=120_000)
        expect(page.locator('[data-testid="stSpinner"]')).to_have_count(0, timeout=60_000)
        page.wait_for_timeout(1_000)   # late requests (fonts, component frames) too
        assert failed == [], failed
        assert page.evaluate("window.__streamlit.BACKEND_BASE_URL") == server["url"]
    finally:
        context.close()
