"""Folded groups in a real browser (issue 10 §2, issue 6): a click (or Tab + Enter) on a folded loop
opens it in place on the Graph page, a click on its box folds it again; on the Steps page a group's
pill opens it; a node chosen on one page is the one the other page shows. Screenshots go to
test-artifacts/fold-*.png."""

from __future__ import annotations

import re

import pytest

from autogradlab import links

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

pytestmark = [pytest.mark.e2e, pytest.mark.opens_its_own_url]   # each test opens its link first

GRAPH = ".st-key-graph_view svg"
STEPS_GRAPH = ".st-key-steps_graph svg"
LOOP = ("import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(30):\n"
        "    y = torch.sin(y) * 2 + 1\ny.backward()\n")
FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")


def settle(page: Page) -> None:
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    page.wait_for_timeout(300)


def open_page(page: Page, server: dict, path: str, source: str, graph: str, **params: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in {"code": links.encode_code(source), **params}.items())
    page.goto(f"{server['url']}/{path}?{query}")
    expect(page.locator(graph)).to_be_visible(timeout=90_000)
    settle(page)


def count(page: Page, selector: str) -> int:
    return page.locator(selector).count()


def group(page: Page):
    return page.locator(f"{GRAPH} g.node").filter(has=page.locator("text", has_text="× 30")).first


def test_click_a_folded_group_opens_it_and_a_click_on_its_box_folds_it(page: Page, server, artifacts):
    open_page(page, server, "", LOOP, GRAPH)
    folded = count(page, f"{GRAPH} g.node")
    assert folded < 10
    group(page).click()
    expect(page.locator(f"{GRAPH} g.cluster")).to_have_count(1, timeout=60_000)
    settle(page)
    opened = count(page, f"{GRAPH} g.node")
    assert opened > folded + 100                          # 30 × (sin, mul, add) and their saved tensors
    page.screenshot(path=str(artifacts / "fold-graph-opened.png"))
    box = page.locator(f"{GRAPH} g.cluster text").first
    box.click()
    expect(page.locator(f"{GRAPH} g.cluster")).to_have_count(0, timeout=60_000)
    settle(page)
    assert count(page, f"{GRAPH} g.node") == folded
    page.screenshot(path=str(artifacts / "fold-graph-folded.png"))


def test_tab_and_enter_open_a_folded_group(page: Page, server):
    open_page(page, server, "", LOOP, GRAPH)
    group(page).focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{GRAPH} g.cluster")).to_have_count(1, timeout=60_000)
    page.locator(f"{GRAPH} g.cluster").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{GRAPH} g.cluster")).to_have_count(0, timeout=60_000)


def test_a_folded_group_opens_on_the_steps_page(page: Page, server, artifacts):
    open_page(page, server, "steps", LOOP, STEPS_GRAPH, mode="forward")
    folded = count(page, f"{STEPS_GRAPH} g.node")
    page.locator("[class*='st-key-fold_pills_'] button", has_text="× 30").click()
    expect(page.locator(f"{STEPS_GRAPH} g.cluster")).to_have_count(1, timeout=60_000)
    settle(page)
    assert count(page, f"{STEPS_GRAPH} g.node") > folded + 100
    page.locator(".st-key-steps_next button").click()
    settle(page)
    page.screenshot(path=str(artifacts / "fold-steps-opened.png"))
    page.locator("[class*='st-key-fold_pills_'] button", has_text="× 30").click()
    expect(page.locator(f"{STEPS_GRAPH} g.cluster")).to_have_count(0, timeout=60_000)


def test_a_node_chosen_on_the_graph_page_is_the_one_the_steps_page_jumps_to(page: Page, server, artifacts):
    open_page(page, server, "", FAN_OUT, GRAPH)
    page.locator(f"{GRAPH} g.node").filter(has=page.locator("text", has_text="mul → b")).first.click()
    expect(page.get_by_role("combobox", name="Node details")).to_have_value(re.compile(r"^mul → b"))
    page.get_by_role("link", name="Steps").click()
    expect(page.locator(STEPS_GRAPH)).to_be_visible(timeout=60_000)
    settle(page)
    expect(page.locator(".st-key-fold_selection")).to_contain_text("mul → b")
    page.locator(".st-key-fold_jump button").click()
    page.wait_for_function("() => /[?&]step=0(&|$)/.test(location.search)", timeout=20_000)
    page.locator(".st-key-steps_next button").click()
    page.wait_for_function("() => /[?&]step=1(&|$)/.test(location.search)", timeout=20_000)
    settle(page)
    page.locator(".st-key-fold_select_current button").click()
    expect(page.locator(".st-key-fold_selection")).to_contain_text("add → c", timeout=20_000)
    page.screenshot(path=str(artifacts / "fold-steps-selection.png"))
    page.get_by_role("link", name="Graph").click()
    expect(page.get_by_role("combobox", name="Node details")).to_have_value(re.compile(r"^add → c"),
                                                                           timeout=60_000)
    expect(page.locator(f"{GRAPH} g.node.selected")).to_have_count(1)
