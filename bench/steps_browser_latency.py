"""Steps page latency: a step (Next / Previous / arrow key) -> the redrawn graph, vs the naive app's rerun.

Both apps run as real Streamlit servers in the same run, driven by headless Debian Chromium. Ours: the
Steps page on a program opened by link, each round presses Next (or Previous at the end, so the
player walks back and forth); a capture-phase pointerdown/keydown listener stamps the press and a
MutationObserver stamps the first DOM state in which the graph highlights another node (the current
node's red outline moved), so neither Playwright round trips nor polling are in the figures. The
naive app's figure is its rerun: submit an edited program -> its table shows the new value, measured
exactly as bench/browser_latency.py does, twice: with Streamlit's defaults (as a user would run it:
a full garbage collection after every rerun, ~100 ms with torch imported) and with our
.streamlit/config.toml (runner.postScriptGC = false), which both servers read from the working
directory.

    python bench/steps_browser_latency.py [--reps 20] [--naive-reps 10] [--only naive|ours]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab.links import encode_code  # noqa: E402
from bench.browser_latency import measure_app  # noqa: E402
from bench.common import (  # noqa: E402
    NAIVE,
    OURS,
    SCRIPT_IDLE_JS,
    chromium_browser,
    fmt,
    median,
    percentile,
    print_table,
    streamlit_server,
    verdict,
)

TARGET_RATIO = 0.75
SETTLE_S = 0.25
PROGRAMS = {
    "fan-out (9 nodes, reverse)": ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\n"
                                   "c = b + x\nd = c * b\nd.backward()\n", "reverse"),
    "MLP layer (vectors, tangent)": ("import torch\nW = torch.randn(3, 4, requires_grad=True)\n"
                                     "x = torch.randn(4)\nh = torch.tanh(W @ x)\nloss = (h * h).sum()\n"
                                     "loss.backward()\n", "tangent"),
    "loop x100 (folded, forward)": ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\n"
                                    "for i in range(100):\n    y = torch.sin(y) * 1.01\ny.backward()\n",
                                    "forward"),
}
GRAPH = ".st-key-steps_graph svg"
CARD = ".st-key-steps_card"

WATCHER_JS = """() => {
  const B = window.__steps = {t0: null, drawn: null, card: null, before: null, cardBefore: null,
                              armed: false};
  const OPTS = {subtree: true, childList: true, characterData: true, attributes: true};
  const observer = new MutationObserver(() => check());
  // The drawing lives in the clickable view's shadow root (components/svg_view.py): find it there
  // and observe that root too (a MutationObserver on document.body does not see inside it).
  const seen = new Set();
  const findSvg = () => {
    for (const h of document.querySelectorAll('.st-key-steps_graph *')) {
      if (h.shadowRoot) {
        if (!seen.has(h.shadowRoot)) { seen.add(h.shadowRoot); observer.observe(h.shadowRoot, OPTS); }
        const s = h.shadowRoot.querySelector('svg'); if (s) return s;
      }
    }
    return document.querySelector('.st-key-steps_graph svg');
  };
  const current = () => {
    const svg = findSvg();
    if (!svg) return null;
    const hit = svg.querySelector('[stroke="#c0392b"]');
    const node = hit && hit.closest('g.node');
    const label = node && Array.from(node.querySelectorAll('text')).map(t => t.textContent).join('|');
    return node ? node.id + '#' + label : null;
  };
  const cardText = () => (document.querySelector('.st-key-steps_card') || {}).textContent || '';
  const check = () => {
    if (!B.armed || B.t0 === null) return;
    const now = performance.now() - B.t0;
    if (B.drawn === null && current() !== B.before) B.drawn = now;
    if (B.card === null && cardText() !== B.cardBefore) B.card = now;
  };
  observer.observe(document.body, OPTS);
  const stamp = () => { if (B.armed && B.t0 === null) { B.t0 = performance.now(); check(); } };
  window.addEventListener('pointerdown', stamp, true);
  window.addEventListener('keydown', stamp, true);
  B.arm = () => { B.t0 = B.drawn = B.card = null; B.before = current(); B.cardBefore = cardText();
                  B.armed = true; };
}"""


def steps_url(base: str, source: str, mode: str) -> str:
    return f"{base.rstrip('/')}/steps?code={encode_code(source)}&mode={mode}"


def measure_ours(browser, reps: int) -> dict[str, dict[str, list[float]]]:
    """Per program: ms from press to the redrawn graph ("graph") and to the new card ("card")."""
    results: dict[str, dict[str, list[float]]] = {}
    with streamlit_server(OURS.script) as server:
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        try:
            page.goto(server.url)
            page.wait_for_selector(OURS.graph, timeout=90_000)
            for name, (source, mode) in PROGRAMS.items():
                try:
                    results[name] = measure_program(page, server.url, source, mode, reps)
                except Exception as exc:  # report and go on with the next program
                    page.screenshot(path=f"/tmp/steps-bench-failed-{len(results)}.png")
                    print(f"{name}: measurement failed: {type(exc).__name__}: {exc}".splitlines()[0])
        finally:
            page.close()
    return results


def measure_program(page, base: str, source: str, mode: str, reps: int) -> dict[str, list[float]]:
    page.goto(steps_url(base, source, mode))
    page.wait_for_selector(GRAPH, timeout=90_000)
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=90_000)
    time.sleep(1.0)
    page.evaluate(WATCHER_JS)
    result: dict[str, list[float]] = {"graph": [], "card": []}
    forward = True
    for i in range(reps + 2):                   # two unmeasured warm-up steps
        button = "next" if forward else "previous"
        locator = page.locator(f".st-key-steps_{button} button")
        if locator.is_disabled():
            forward = not forward
            button = "next" if forward else "previous"
            locator = page.locator(f".st-key-steps_{button} button")
        page.evaluate("() => window.__steps.arm()")
        if i % 2:
            page.locator(CARD).click(position={"x": 5, "y": 5})     # focus the page body
            page.evaluate("() => window.__steps.arm()")
            page.keyboard.press("ArrowRight" if forward else "ArrowLeft")
        else:
            locator.click()
        page.wait_for_function("() => window.__steps.drawn !== null", timeout=15_000, polling=20)
        page.wait_for_function(SCRIPT_IDLE_JS, timeout=15_000)
        time.sleep(SETTLE_S)
        t = page.evaluate("() => ({drawn: window.__steps.drawn, card: window.__steps.card})")
        if i >= 2:
            result["graph"].append(float(t["drawn"]))
            if t["card"] is not None:
                result["card"].append(float(t["card"]))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="measured steps per program (default 20)")
    parser.add_argument("--naive-reps", type=int, default=10, help="measured naive reruns (default 10)")
    parser.add_argument("--only", choices=("naive", "ours"))
    args = parser.parse_args(argv)
    naive_ms: list[float] = []
    naive_ours_config: list[float] = []
    ours: dict[str, dict[str, list[float]]] = {}
    with chromium_browser() as browser:
        if args.only in (None, "naive"):
            os.environ["STREAMLIT_RUNNER_POST_SCRIPT_GC"] = "true"      # Streamlit's default
            try:
                naive_ms = measure_app(browser, NAIVE, args.naive_reps).primary()[1]
            finally:
                del os.environ["STREAMLIT_RUNNER_POST_SCRIPT_GC"]
            naive_ours_config = measure_app(browser, NAIVE, args.naive_reps).primary()[1]
        if args.only in (None, "ours"):
            ours = measure_ours(browser, args.reps)
    print("\nSteps page: press (Next/Previous/arrow key) -> graph redrawn with the next node highlighted "
          "(ms, headless Chromium)\n")
    rows = [[name, len(v["graph"]), fmt(median(v["graph"])), fmt(percentile(v["graph"], 90)),
             fmt(median(v["card"]))] for name, v in ours.items()]
    for label, values in (("naive rerun, Streamlit defaults", naive_ms),
                          ("naive rerun, our config.toml", naive_ours_config)):
        if values:
            rows.append([label, len(values), fmt(median(values)), fmt(percentile(values, 90)), "-"])
    print_table(["case", "n", "graph med", "graph p90", "card med"], rows)
    if ours and naive_ms:
        naive = median(naive_ms)
        print()
        for name, v in ours.items():
            ratio = median(v["graph"]) / naive if naive > 0 else float("nan")
            same = median(v["graph"]) / median(naive_ours_config) if naive_ours_config else float("nan")
            print(f"{name}: ratio ours/naive (medians) {fmt(ratio, 2)}x   target <= {TARGET_RATIO}x: "
                  f"{verdict(ratio <= TARGET_RATIO)}   (vs naive under our config: {fmt(same, 2)}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
