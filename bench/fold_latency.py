"""Folded groups and long traces in the browser: open / fold a group, and step a 3,000-op loop.

Measured in headless Debian Chromium against real Streamlit servers, in one run:
- Graph page, a 30-step loop drawn folded: click the folded group -> its box (g.cluster) is drawn in
  the graph element's shadow root (opened), click the box -> it is gone (folded);
- Steps page, the same program: click the group's pill -> the step drawing shows the box, and back;
- Steps page, a loop of ITERATIONS x 3 ops (3,000 by default): link opened -> first step drawn
  (includes the engine run, which another helper is speeding up), then press Next / arrow keys ->
  the redrawn graph (bench/steps_browser_latency.py's measurement);
- the naive reference app's rerun (edit -> new value shown), as in bench/browser_latency.py.
A press is stamped by a capture-phase pointerdown listener; the change is seen by a
requestAnimationFrame poll (so figures have ~one frame, 16 ms, of resolution).

    python bench/fold_latency.py [--reps 8] [--iterations 1000] [--naive-reps 6]
"""

from __future__ import annotations

import argparse
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
)
from bench.steps_browser_latency import measure_program  # noqa: E402

LOOP30 = ("import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(30):\n"
          "    y = torch.sin(y) * 2 + 1\ny.backward()\n")
BIG = ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range({n}):\n"
       "    y = torch.sin(y) * 1.001 + 0.01\ny.backward()\n")

COUNT_JS = {
    "graph": """() => { const host = [...document.querySelectorAll('.st-key-graph_view *')]
        .find(e => e.shadowRoot); const root = host ? host.shadowRoot : document;
        return root.querySelectorAll('g.cluster').length; }""",
    "steps": """() => { const host = [...document.querySelectorAll('.st-key-steps_graph *')]
        .find(e => e.shadowRoot); const root = host ? host.shadowRoot : document;
        return root.querySelectorAll('.st-key-steps_graph svg g.cluster, svg g.cluster').length; }""",
}
WATCH_JS = """(countSource) => {
  const count = eval(countSource);
  const W = window.__fold = {t0: null, ms: null, before: null, armed: false};
  window.addEventListener('pointerdown', () => {
    if (!W.armed || W.t0 !== null) return;
    W.t0 = performance.now();
    W.before = count();
    const tick = () => {
      if (count() !== W.before) W.ms = performance.now() - W.t0;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, true);
  W.arm = () => { W.t0 = W.ms = null; W.armed = true; };
}"""


def _idle(page) -> None:
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=120_000)
    time.sleep(0.4)


def toggle_times(page, where: str, target, reps: int) -> tuple[list[float], list[float]]:
    """ms of opening and of folding the group, `reps` times each; `target(opened)` -> the locator."""
    page.evaluate(WATCH_JS, COUNT_JS[where])
    opened, folded = [], []
    is_open = page.evaluate(COUNT_JS[where]) > 0
    for _ in range(2 * reps):
        page.evaluate("() => window.__fold.arm()")
        target(is_open).click()
        page.wait_for_function("() => window.__fold.ms !== null", timeout=60_000, polling=20)
        (folded if is_open else opened).append(float(page.evaluate("() => window.__fold.ms")))
        is_open = not is_open
        _idle(page)
    return opened, folded


def _groups(page, base: str, reps: int, out: dict[str, list[float]]) -> None:
    page.goto(f"{base}/?code={encode_code(LOOP30)}")
    page.wait_for_selector(OURS.graph, timeout=120_000)
    _idle(page)

    def graph_target(is_open: bool):
        if is_open:
            return page.locator(f"{OURS.graph} g.cluster text").first
        return page.locator(f"{OURS.graph} g.node").filter(
            has=page.locator("text", has_text="× 30")).first

    opened, folded = toggle_times(page, "graph", graph_target, reps)
    out["Graph: open group"], out["Graph: fold group"] = opened, folded

    page.goto(f"{base}/steps?code={encode_code(LOOP30)}&mode=forward")
    page.wait_for_selector(".st-key-steps_graph svg", timeout=120_000)
    _idle(page)
    pill = page.locator("[class*='st-key-fold_pills_'] button", has_text="× 30")
    opened, folded = toggle_times(page, "steps", lambda _: pill, reps)
    out["Steps: open group"], out["Steps: fold group"] = opened, folded


def measure(browser, reps: int, iterations: int, groups: bool = True) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    with streamlit_server(OURS.script) as server:
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        base = server.url.rstrip("/")
        try:
            if groups:
                _groups(page, base, reps, out)
            big = BIG.format(n=iterations)
            t0 = time.perf_counter()
            page.goto(f"{base}/steps?code={encode_code(big)}&mode=forward")
            page.wait_for_selector(".st-key-steps_graph svg", timeout=180_000)
            out[f"Steps {3 * iterations:,} ops: link -> first step (engine included)"] = \
                [(time.perf_counter() - t0) * 1000]
            t0 = time.perf_counter()
            page.reload()
            page.wait_for_selector(".st-key-steps_graph svg", timeout=180_000)
            out[f"Steps {3 * iterations:,} ops: reload -> first step (run cached)"] = \
                [(time.perf_counter() - t0) * 1000]
            steps = measure_program(page, base, big, "forward", reps)
            out[f"Steps {3 * iterations:,} ops: Next/arrow -> redrawn"] = steps["graph"]
        except Exception as exc:  # report what was measured so far
            page.screenshot(path="/tmp/fold-bench-failed.png")
            print(f"measurement stopped: {type(exc).__name__}: {exc}".splitlines()[0])
        finally:
            page.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=8)
    parser.add_argument("--iterations", type=int, default=1000, help="loop iterations, 3 ops each")
    parser.add_argument("--naive-reps", type=int, default=6)
    parser.add_argument("--no-groups", action="store_true", help="only the long loop (e.g. on older code)")
    args = parser.parse_args(argv)
    with chromium_browser() as browser:
        ours = measure(browser, args.reps, args.iterations, groups=not args.no_groups)
        naive = measure_app(browser, NAIVE, args.naive_reps).primary()[1] if args.naive_reps else []
    rows = [[name, len(v), fmt(median(v)), fmt(percentile(v, 90))] for name, v in ours.items() if v]
    if naive:
        rows.append(["naive app: edit -> rerun shows the new value", len(naive), fmt(median(naive)),
                     fmt(percentile(naive, 90))])
    print("\nFolded groups and long traces (ms, headless Chromium; a shared machine: noisy figures)\n")
    print_table(["case", "n", "median", "p90"], rows)
    if naive:
        for name, v in ours.items():
            if v and ("group" in name or "Next" in name):
                print(f"{name}: {fmt(median(v) / median(naive), 2)}x the naive rerun")
    return 0


if __name__ == "__main__":
    sys.exit(main())
