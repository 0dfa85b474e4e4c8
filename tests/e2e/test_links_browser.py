"""Links in a real browser (`../shared/links.md`): a link opens its program, the address bar keeps a
link that reproduces the view in a fresh browser, and a trip to another page keeps the program."""

from __future__ import annotations

import re
import urllib.parse

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None

from autogradlab import links

pytestmark = pytest.mark.e2e

GRAPH = ".st-key-graph_view svg"
LINKED = """import torch
velocity = torch.tensor([3.0, 4.0], requires_grad=True)
speed = velocity.norm()
speed.backward()
"""


def code_in(url: str) -> str | None:
    values = urllib.parse.parse_qs(urllib.parse.urlparse(url).query).get("code")
    return links.decode_code(values[0]) if values else None


def open_tab(browser, url: str):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    return context, page


def test_link_opens_its_program_and_the_url_reproduces_the_view(browser, server, artifacts):
    url = f"{server['url']}/?code={links.encode_code(LINKED)}&seed=3"
    first, page = open_tab(browser, url)
    try:
        expect(page.locator(GRAPH)).to_contain_text("velocity", timeout=60_000)
        expect(page.locator(GRAPH)).to_contain_text("speed")
        page.wait_for_function("() => location.search.includes('seed=3')")
        kept = page.url
        assert code_in(kept) == LINKED
        graph_text = page.locator(GRAPH).text_content()
        page.screenshot(path=str(artifacts / "links-graph-opened.png"))
    finally:
        first.close()
    second, again = open_tab(browser, kept)
    try:
        expect(again.locator(GRAPH)).to_contain_text("velocity", timeout=60_000)
        assert again.locator(GRAPH).text_content() == graph_text
        again.screenshot(path=str(artifacts / "links-graph-reopened.png"))
    finally:
        second.close()


def test_trip_to_another_page_keeps_the_program(browser, server):
    context, page = open_tab(browser, f"{server['url']}/?code={links.encode_code(LINKED)}")
    try:
        expect(page.locator(GRAPH)).to_contain_text("velocity", timeout=60_000)
        page.get_by_role("link", name=re.compile("About")).first.click()
        expect(page.get_by_text("About Autograd Lab")).to_be_visible()
        page.get_by_role("link", name=re.compile("Graph")).first.click()
        expect(page.locator(GRAPH)).to_contain_text("velocity", timeout=60_000)
        page.wait_for_function("() => location.search.includes('code=')")
        assert code_in(page.url) == LINKED
    finally:
        context.close()


def test_bad_link_shows_a_message_and_the_default_program(browser, server):
    context, page = open_tab(browser, f"{server['url']}/?code=not-a-program&step=99")
    try:
        expect(page.get_by_text("could not be used")).to_be_visible(timeout=60_000)
        expect(page.locator(GRAPH)).to_be_visible(timeout=60_000)
        expect(page.locator(GRAPH)).to_contain_text("x")
        assert "step=99" in page.url, "parameters other pages use are kept"
    finally:
        context.close()
