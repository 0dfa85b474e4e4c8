"""A deep link as a fresh server's very first request (a class opening the teacher's link right after
the server starts) gets the whole app: top navigation, wide layout, the linked page. With the page
files in a `pages/` folder Streamlit 1.67 served that first request from the folder on its own (a
sidebar menu of file names, no app.py frame); they live in `views/` so nothing is auto-discovered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from tests.e2e.conftest import own_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(artifacts) -> Iterator[dict]:
    """A brand-new server: the deep link must be its very first request (not the shared one's)."""
    with own_server(artifacts / "streamlit-first-visit.log") as served:
        yield served


def test_first_request_to_a_deep_link_gets_the_app_frame(browser, server, artifacts):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{server['url']}/eigen?matrix=[[2,1],[1,2]]")
        expect(page.get_by_role("link", name="Graph")).to_be_visible(timeout=60_000)
        expect(page.get_by_role("link", name="Steps")).to_be_visible()
        expect(page.get_by_text("Eigenvectors", exact=False).first).to_be_visible(timeout=60_000)
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        page.screenshot(path=str(artifacts / "first-visit-eigen.png"))
    finally:
        context.close()
