"""A full server in a real browser (issue 11): a "busy" answer turns into the graph by itself.

The server runs one sandbox worker and no queue (AUTOGRADLAB_WORKERS=1, AUTOGRADLAB_MAX_QUEUED=0).
One student's tab occupies the worker with a program that runs until its 4 s soft time limit; a
second student opening the app meanwhile is told the server is busy, sees the countdown, and then
gets the lesson example's graph without touching anything.
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

GRAPH = ".st-key-graph_view svg"
# Runs into its time limit (~4 s) long before its element, step or loop limits: each step is a
# 2000 x 2000 matrix-vector product (~1 ms) that makes only 4,000 elements.
SLOW = """import torch
B = torch.ones(2000, 2000) / 2000
a = torch.ones(1, 2000)
for i in range(100000):
    a = torch.tanh(a @ B)
"""


@pytest.fixture(scope="module")
def server(artifacts) -> Iterator[dict]:
    """The app with one worker and no waiting room, so a second run at once is refused."""
    env = {"AUTOGRADLAB_WORKERS": "1", "AUTOGRADLAB_MAX_QUEUED": "0"}
    with own_server(artifacts / "streamlit-busy-retry.log", env=env, command=("scripts/serve.py",)) as served:
        yield served


def _tab(browser, url: str):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    return context, page


def test_a_busy_answer_turns_into_the_graph_without_pressing_run(browser, server, artifacts):
    warm_context, warm = _tab(browser, server["url"])   # the worker is up and the lesson example drawn
    expect(warm.locator(GRAPH)).to_be_visible(timeout=90_000)
    warm_context.close()

    # The second student's browser has the app's scripts already (the About page runs no program),
    # so opening the link below takes well under the ~4 s the slow program holds the worker, even
    # on a loaded machine (a cold context spent most of them loading scripts, and sometimes all).
    second_context, second = _tab(browser, f"{server['url']}/about")
    expect(second.get_by_role("link", name="Graph")).to_be_visible(timeout=60_000)
    slow_context, slow = _tab(browser, f"{server['url']}/?code={links.encode_code(SLOW)}")
    try:
        # Its program holds the worker now (the spinner is drawn around the run itself; the script
        # also runs, before it, to apply the link).
        expect(slow.get_by_test_id("stSpinner")).to_be_visible(timeout=60_000)
        second.goto(f"{server['url']}/?seed=1")   # a new run, not the cache
        notice = second.get_by_test_id("stAlert").filter(has_text="busy")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(" s")   # the countdown
        assert second.locator(GRAPH).count() == 0
        second.screenshot(path=str(artifacts / "busy-1-waiting.png"))

        expect(second.locator(GRAPH)).to_be_visible(timeout=30_000)   # by itself: nothing was clicked
        expect(second.locator(GRAPH)).to_contain_text("MulBackward0")
        expect(notice).to_have_count(0)
        second.screenshot(path=str(artifacts / "busy-2-graph.png"))
    finally:
        second_context.close()
        slow_context.close()
