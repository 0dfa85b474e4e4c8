"""Browser latency: submit (Ctrl+Enter) -> the new values are on screen, ours vs the naive app.

Both apps run as real Streamlit servers and are driven by headless Debian Chromium. Each round
edits the program's constant (`2 *` -> `c *`, a new c every round so no cache can answer) and
submits. Timing happens inside the page: a capture-phase keydown/pointerdown listener stamps the
submit, a MutationObserver stamps the first DOM state that shows y = 14 c in the graph SVG and in
the table, so neither Playwright round trips nor polling intervals are in the figures.

The naive app draws torchviz's graph, which holds shapes but no values, and st.graphviz_chart may
not redraw it at all after an edit (see style.md, "Known pitfalls"). Its "new values shown" time is
therefore taken from its table; whether its graph redrew is detected and printed.

    python bench/browser_latency.py [--reps 10] [--only naive|ours]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from bench.common import (  # noqa: E402
    DOT_X_X,
    NAIVE,
    OURS,
    SCRIPT_IDLE_JS,
    SHADOW_FIND_JS,
    AppUnderTest,
    chromium_browser,
    fmt,
    median,
    percentile,
    print_table,
    program_with_constant,
    streamlit_server,
    verdict,
)

TARGET_RATIO = 1.5
FIRST_GRAPH_TIMEOUT_MS = 90_000
UPDATE_TIMEOUT_MS = 15_000
SECONDARY_WAIT_MS = 2_000  # after the primary signal, how long to wait for the other one
SETTLE_S = 0.3

WATCHER_JS = """(cfg) => {
  const B = window.__bench = {cfg, t0: null, graph: null, table: null, svgLast: null, re: null,
                              svgBefore: null, svgPrev: null, armed: false};
  // Our graph is a Components-v2 element: its SVG sits in a shadow root, which querySelector and a
  // MutationObserver on the document do not enter. Look inside shadow roots of the host too, and
  // also check on every animation frame.
  const find = """ + SHADOW_FIND_JS + """;
  const check = () => {
    if (!B.armed || B.t0 === null) return;
    const now = performance.now() - B.t0;
    const svg = find(cfg.graph);
    if (svg) {
      if (B.graph === null && B.re.test(svg.textContent)) B.graph = now;
      const html = svg.innerHTML;
      if (html !== B.svgPrev) { B.svgPrev = html; B.svgLast = now; }
    }
    const table = document.querySelector(cfg.table);
    if (B.table === null && table && B.re.test(table.textContent)) B.table = now;
  };
  new MutationObserver(check).observe(document.body,
      {subtree: true, childList: true, characterData: true, attributes: true});
  const tick = () => { check(); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const stamp = () => { if (B.armed && B.t0 === null) { B.t0 = performance.now(); check(); } };
  window.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) stamp();
  }, true);
  window.addEventListener('pointerdown', stamp, true);
  // The SVG counts as redrawn only if its final content differs from before the submit (it can
  // flicker through transient states and end up unchanged); svgLast is when it last changed.
  B.redrawn = () => {
    const svg = find(cfg.graph);
    return svg !== null && svg.innerHTML !== B.svgBefore;
  };
  B.graphText = () => { const svg = find(cfg.graph); return svg ? svg.textContent : ""; };
  B.arm = (pattern) => {
    B.re = new RegExp(pattern);
    B.t0 = B.graph = B.table = B.svgLast = null;
    const svg = find(cfg.graph);
    B.svgBefore = B.svgPrev = svg ? svg.innerHTML : null;
    B.armed = true;
  };
}"""


def number_pattern(value: int) -> str:
    """A JS regex for `value` as a whole number, in any spelling a renderer might use: 42, 42.,
    42.0, 42.0000 (but not 142, 42.5 or a 16-digit node id containing 42)."""
    return rf"(^|[^\d.]){value}(\.0*)?(?![\d.])"


@dataclass
class AppResult:
    app: AppUnderTest
    graph_ms: list[float] = field(default_factory=list)
    table_ms: list[float] = field(default_factory=list)
    svg_changed_ms: list[float] = field(default_factory=list)
    submit_by: str = "Ctrl+Enter"
    structural_shown: int | None = None
    notes: list[str] = field(default_factory=list)

    def primary(self) -> tuple[str, list[float]]:
        """What "new values shown" means for this app: the graph when it shows values, else the table."""
        if self.graph_ms:
            return "graph shows new value", self.graph_ms
        return "table shows new value", self.table_ms


def submit(page, app: AppUnderTest, source: str, by_button: bool) -> None:
    editor = page.locator(app.editor).first
    editor.fill(source)
    if by_button and app.run_button:
        page.locator(app.run_button).first.click()
    else:
        editor.press("Control+Enter")


def one_round(page, app: AppUnderTest, c: int, by_button: bool) -> dict[str, float | None]:
    """Edit the constant to c, submit, wait until y = 14 c is shown; returns the in-page timings
    (ms after the submit): graph, table, and svg (when the graph's final SVG differs from before)."""
    page.evaluate("(p) => window.__bench.arm(p)", number_pattern(DOT_X_X * c))
    submit(page, app, program_with_constant(c), by_button)
    page.wait_for_function("() => window.__bench.graph !== null || window.__bench.table !== null",
                           timeout=UPDATE_TIMEOUT_MS, polling=20)
    # Give the other signal (graph or table) a moment to arrive too.
    try:
        page.wait_for_function("() => window.__bench.graph !== null && window.__bench.table !== null",
                               timeout=SECONDARY_WAIT_MS, polling=20)
    except PlaywrightTimeout:
        pass
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=UPDATE_TIMEOUT_MS)
    time.sleep(SETTLE_S)
    return page.evaluate("""() => { const B = window.__bench;
        return {t0: B.t0, graph: B.graph, table: B.table, svg: B.redrawn() ? B.svgLast : null}; }""")


STRUCTURAL_EDITS = (("sin", "SinBackward0"), ("exp", "ExpBackward0"), ("tanh", "TanhBackward0"))


def structural_redraw_check(page, app: AppUnderTest) -> int:
    """How many of the STRUCTURAL_EDITS (a new last op, so a new graph) show up in the drawn graph?

    Same-structure edits cannot tell a fresh drawing from a stale one; a new op name can. Without
    backward() both apps draw the last tensor that has a grad_fn, here z."""
    shown = 0
    for method, op_name in STRUCTURAL_EDITS:
        page.evaluate("(p) => window.__bench.arm(p)", op_name)
        source = ("import torch\nx = torch.arange(4.0, requires_grad=True)\n"
                  f"y = 2 * torch.dot(x, x)\nz = y.{method}()\n")
        submit(page, app, source, by_button=False)
        try:
            page.wait_for_function("() => window.__bench.graph !== null", timeout=3_000, polling=20)
        except PlaywrightTimeout:
            pass
        page.wait_for_function(SCRIPT_IDLE_JS, timeout=UPDATE_TIMEOUT_MS)
        time.sleep(SETTLE_S)
        shown += bool(page.evaluate(
            "(name) => window.__bench.graphText().includes(name)",
            op_name))
    return shown


def measure_app(browser, app: AppUnderTest, reps: int) -> AppResult:
    result = AppResult(app)
    with streamlit_server(app.script) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(server.url)
            page.wait_for_selector(app.graph, timeout=FIRST_GRAPH_TIMEOUT_MS)
            page.wait_for_function(SCRIPT_IDLE_JS, timeout=FIRST_GRAPH_TIMEOUT_MS)
            page.evaluate(WATCHER_JS, {"graph": app.graph, "table": app.table})
            by_button = False
            warmup_c = 1000  # unmeasured first edit: warms caches of code paths, not of results
            try:
                one_round(page, app, warmup_c, by_button)
            except Exception:  # Ctrl+Enter did not submit: try the Run button
                if not app.run_button:
                    raise
                by_button = True
                result.submit_by = "Run button (Ctrl+Enter did not submit)"
                one_round(page, app, warmup_c + 1, by_button)
            for i in range(reps):
                timings = one_round(page, app, 3 + i, by_button)
                if timings["t0"] is None:
                    result.notes.append("submit was not stamped (no keydown/pointerdown seen)")
                for key, bucket in (("graph", result.graph_ms), ("table", result.table_ms),
                                    ("svg", result.svg_changed_ms)):
                    if timings[key] is not None:
                        bucket.append(float(timings[key]))
            result.structural_shown = structural_redraw_check(page, app)
        finally:
            page.close()
    return result


def report(results: list[AppResult], reps: int) -> None:
    print(f"\nBrowser latency, submit -> new value on screen (ms; {reps} edits per app, headless Chromium)\n")
    rows = []
    for r in results:
        rows.append([
            r.app.name,
            f"{len(r.graph_ms)}/{reps}", fmt(median(r.graph_ms)), fmt(percentile(r.graph_ms, 90)),
            f"{len(r.table_ms)}/{reps}", fmt(median(r.table_ms)), fmt(percentile(r.table_ms, 90)),
            f"{len(r.svg_changed_ms)}/{reps}",
            "n/a" if r.structural_shown is None else f"{r.structural_shown}/{len(STRUCTURAL_EDITS)}",
        ])
    print_table(["app", "graph n", "graph med", "graph p90", "table n", "table med", "table p90",
                 "svg changed", "new op drawn"], rows)
    print()
    for r in results:
        label, values = r.primary()
        print(f"{r.app.name:>5}: submitted by {r.submit_by}; 'new values shown' = {label}: "
              f"median {fmt(median(values))} ms, p90 {fmt(percentile(values, 90))} ms")
        shown = r.structural_shown
        if shown is not None and shown < len(STRUCTURAL_EDITS):
            print(f"       its graph is NOT reliable: it drew only {shown} of {len(STRUCTURAL_EDITS)}"
                  " edits that add a new op (its SVG changed after"
                  f" {len(r.svg_changed_ms)} of {reps} constant edits, but may show a stale program).")
        if not r.graph_ms and r.svg_changed_ms:
            print("       when its SVG did change, it changed after"
                  f" {fmt(median(r.svg_changed_ms))} ms (median).")
        if r.app.name == "naive":
            print("       torchviz draws shapes, not values, so the naive figure is always its table's.")
        for note in r.notes:
            print(f"       note: {note}")
    by_name = {r.app.name: r for r in results}
    if "ours" in by_name and "naive" in by_name:
        ours = median(by_name["ours"].primary()[1])
        naive = median(by_name["naive"].primary()[1])
        ratio = ours / naive if naive == naive and naive > 0 else float("nan")
        print(f"\nratio ours/naive (medians): {fmt(ratio, 2)}x   target <= {TARGET_RATIO}x: "
              f"{verdict(ratio <= TARGET_RATIO)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10, help="measured edits per app (default 10)")
    parser.add_argument("--only", choices=("naive", "ours"), help="measure one app only")
    args = parser.parse_args(argv)
    apps = [a for a in (NAIVE, OURS) if args.only in (None, a.name)]
    results: list[AppResult] = []
    with chromium_browser() as browser:
        for app in apps:
            if not app.script.exists():
                print(f"skipping {app.name}: {app.script} does not exist yet")
                continue
            try:
                results.append(measure_app(browser, app, args.reps))
            except Exception as exc:  # report and go on with the other app
                print(f"{app.name}: measurement failed: {type(exc).__name__}: {exc}".splitlines()[0])
    report(results, args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
