"""Open one page of the app in its own browser context at a given window size, and wait until it has
drawn: `ready` visible, no run in progress, and the fitting script's time to shape the drawing's box."""

from __future__ import annotations

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    expect = None


def open_view(browser, server, path: str, query: str, width: int, height: int, ready: str):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server['url']}{path}?{query}")
    expect(page.locator(ready).first).to_be_visible(timeout=90_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=90_000)
    page.wait_for_timeout(1500)     # the fitting script shapes the box, the view starts readable
    return context, page
