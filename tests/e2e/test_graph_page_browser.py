"""The Graph page in a real browser: type, press Ctrl+Enter, see the graph and table change, and
keep seeing them change on every later edit (st.graphviz_chart once stopped redrawing; see
style.md). Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture then fails in CI and skips locally, saying why
    Page, expect = object, None

pytestmark = pytest.mark.e2e

EDITOR = ".st-key-code_editor .cm-content"  # the code editor (tests/e2e/test_editor_browser.py)
TEXT_AREA = ".st-key-editor_source textarea"  # the form's text area it writes into, hidden
RUN = ".st-key-run_button button"
GRAPH = ".st-key-graph_view svg"
TABLE_CELLS = '.st-key-variables_table [role="gridcell"]'
ERROR = ".st-key-error_box"

WEIGHTS = """import torch
weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (weights * weights).sum()
loss.backward()
"""
THETA = """import torch
theta = torch.tensor([1.0, -2.0], requires_grad=True)
energy = (theta ** 3).sum()
energy.backward()
"""
BROKEN = """import torch
theta = torch.ones(2, 3)
bad = torch.cat((theta, theta), dim=2)
"""


def grads_of(program_grad) -> str:
    """PyTorch's gradient, spelled as the variables table spells it: `[2., 4., 6.]`."""
    return "[" + ", ".join(f"{v:g}." if float(v).is_integer() else f"{v:g}" for v in program_grad) + "]"


def plain_pytorch_grads() -> tuple[list[float], list[float]]:
    import torch

    weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    (weights * weights).sum().backward()
    theta = torch.tensor([1.0, -2.0], requires_grad=True)
    (theta**3).sum().backward()
    return weights.grad.tolist(), theta.grad.tolist()


def wait_until_drawn(page: Page) -> None:
    """The first run has finished: graph and table are on screen and nothing is stale. Clicking a
    widget while the script still runs can be undone by the rest of that run."""
    expect(page.locator(GRAPH)).to_be_visible(timeout=60_000)
    expect(page.locator(TABLE_CELLS).first).to_be_attached()
    expect(page.locator('[data-stale="true"]')).to_have_count(0)


def run_with_ctrl_enter(page: Page, program: str) -> None:
    editor = page.locator(EDITOR)
    editor.fill(program)
    expect(page.locator(TEXT_AREA)).to_have_value(program)
    editor.press("Control+Enter")


def shoot(page: Page, artifacts, name: str) -> None:
    """Two screenshots: the screen as a projector shows it, and the whole page (a tall viewport,
    since Streamlit scrolls inside its own container)."""
    page.screenshot(path=str(artifacts / f"graph-page-{name}.png"))
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": 2000})
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / f"graph-page-{name}-full.png"))
    page.set_viewport_size(size)


def test_default_program_shows_graph_and_x_grad(page: Page, artifacts):
    wait_until_drawn(page)
    expect(page.locator(GRAPH)).to_contain_text("x")
    expect(page.locator(TABLE_CELLS).filter(has_text="[0., 4., 8., 12.]")).to_have_count(1)
    shoot(page, artifacts, "default")


def test_ctrl_enter_runs_and_every_edit_redraws(page: Page, artifacts):
    weights_grad, theta_grad = plain_pytorch_grads()
    wait_until_drawn(page)

    run_with_ctrl_enter(page, WEIGHTS)
    expect(page.locator(GRAPH)).to_contain_text("weights")
    expect(page.locator(GRAPH)).to_contain_text("loss")
    expect(page.locator(GRAPH)).to_contain_text("mul")
    expect(page.locator(TABLE_CELLS).filter(has_text=grads_of(weights_grad))).to_have_count(1)
    shoot(page, artifacts, "edit-1")

    run_with_ctrl_enter(page, THETA)
    expect(page.locator(GRAPH)).to_contain_text("theta")
    expect(page.locator(GRAPH)).to_contain_text("energy")
    expect(page.locator(GRAPH)).to_contain_text("pow")
    expect(page.locator(GRAPH)).not_to_contain_text("weights")
    expect(page.locator(TABLE_CELLS).filter(has_text=grads_of(theta_grad))).to_have_count(1)
    shoot(page, artifacts, "edit-2")


def test_torchviz_classic_redraws_after_every_edit(page: Page, artifacts):
    wait_until_drawn(page)
    page.get_by_role("radio", name="torchviz classic").click()
    expect(page.locator(GRAPH)).to_contain_text("DotBackward0")
    run_with_ctrl_enter(page, WEIGHTS)
    expect(page.locator(GRAPH)).to_contain_text("MulBackward0")
    expect(page.locator(GRAPH)).not_to_contain_text("DotBackward0")
    run_with_ctrl_enter(page, THETA)
    expect(page.locator(GRAPH)).to_contain_text("PowBackward0")
    expect(page.locator(GRAPH)).not_to_contain_text("MulBackward0")
    shoot(page, artifacts, "torchviz")


def test_run_button_runs_the_program(page: Page):
    wait_until_drawn(page)
    page.locator(EDITOR).fill(WEIGHTS)
    expect(page.locator(TEXT_AREA)).to_have_value(WEIGHTS)
    page.locator(RUN).click()
    expect(page.locator(GRAPH)).to_contain_text("weights")


def test_error_shows_its_line_and_the_last_good_graph_stays(page: Page, artifacts):
    wait_until_drawn(page)
    run_with_ctrl_enter(page, THETA)
    expect(page.locator(GRAPH)).to_contain_text("theta")

    run_with_ctrl_enter(page, BROKEN)
    expect(page.locator(ERROR)).to_contain_text("line 3")
    expect(page.locator(ERROR)).to_contain_text("3 | bad = torch.cat((theta, theta), dim=2)")
    expect(page.get_by_text("last good run").first).to_be_visible()
    expect(page.locator(GRAPH)).to_contain_text("energy")
    expect(page.locator(TEXT_AREA)).to_have_value(BROKEN)
    expect(page.locator(EDITOR)).to_contain_text("bad = torch.cat((theta, theta), dim=2)")
    shoot(page, artifacts, "error")


def test_selecting_a_node_shows_its_details(page: Page, artifacts):
    wait_until_drawn(page)
    picker = page.locator('[class*="st-key-node_pick_"] input')
    picker.scroll_into_view_if_needed()  # the menu closes if the page scrolls while it opens
    picker.click()
    picker.press_sequentially("dot")  # typing opens the menu and filters it
    page.get_by_role("option").filter(has_text="dot · line").first.click()
    details = page.locator(".st-key-node_details")
    expect(details).to_contain_text("DotBackward0")
    expect(details).to_contain_text("line 4: y = 2 * torch.dot(x, x)")
    shoot(page, artifacts, "node-selected")


def test_server_log_has_no_warnings_or_tracebacks(server):
    log = server["log"].read_text()
    assert "Traceback" not in log
    assert "WARNING" not in log.upper().replace("WARNINGS", "")
