"""Eigen page browser latency: a probe or matrix change -> the redrawn figure, against the naive
reference app's rerun (submit -> new value in its table), both measured in the same run.

Our page, opened on /eigen?matrix=[[2,1],[1,2]]&v=1,0, in headless Chromium:
- **slider**: focus the probe slider and press ArrowRight (one 0.5° step, as a drag does); the
  figure counts as redrawn when the probe's drawn path (`d` of the v trace) differs from before;
- **matrix**: type a new number into a matrix cell and press Enter; redrawn when the figure's title
  shows the new number (the whole figure is rebuilt from the new matrix).
Timing is done in the page: a capture-phase keydown listener stamps the change, a MutationObserver
the first DOM state that shows the redraw. The naive app is measured exactly as
bench/browser_latency.py does (its constant edit + Ctrl+Enter -> its table shows the new value).
Also printed: the size of each figure spec a rerun sends (the probe lives in an st.fragment, so a
slider step reruns only the fragment and resends only the picture).

    python bench/eigen_browser_latency.py [--reps 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser_latency import measure_app  # noqa: E402
from bench.common import (  # noqa: E402
    NAIVE,
    OUR_APP,
    SCRIPT_IDLE_JS,
    chromium_browser,
    fmt,
    median,
    percentile,
    print_table,
    streamlit_server,
    verdict,
)

TARGET_RATIO = 1.0
TIMEOUT_MS = 15_000
SETTLE_S = 0.3
FIGURE = ".st-key-eigen_figure .js-plotly-plot"
SLIDER = '.st-key-eigen_angle input[type="range"]'
CELL = ".st-key-eigen_a01 input"

WATCHER_JS = """() => {
  const B = window.__eig = {t0: null, done: null, mode: null, before: null, want: null};
  const probePath = () => {
    const plot = document.querySelector('.st-key-eigen_figure .js-plotly-plot');
    if (!plot || !plot.data) return null;
    const i = plot.data.findIndex(t => t.name === 'v');
    const trace = plot.querySelectorAll('.scatterlayer .trace')[i];
    const path = trace && trace.querySelector('path.js-line');
    return path ? path.getAttribute('d') : null;
  };
  const title = () => (document.querySelector('.st-key-eigen_figure .gtitle') || {}).textContent || '';
  const check = () => {
    if (B.t0 === null || B.done !== null) return;
    const now = performance.now() - B.t0;
    if (B.mode === 'slider' && probePath() !== null && probePath() !== B.before) B.done = now;
    if (B.mode === 'matrix' && title().includes(B.want)) B.done = now;
  };
  new MutationObserver(check).observe(document.body,
      {subtree: true, childList: true, characterData: true, attributes: true});
  window.addEventListener('keydown', () => { if (B.mode && B.t0 === null) B.t0 = performance.now(); }, true);
  B.arm = (mode, want) => { B.mode = mode; B.want = want; B.t0 = B.done = null; B.before = probePath(); };
}"""


def wait_idle(page) -> None:
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT_MS)
    time.sleep(SETTLE_S)


def one_change(page, mode: str, value: float | None = None) -> float | None:
    want = None if value is None else f"[[2, {value:g}]"
    page.evaluate("([m, w]) => window.__eig.arm(m, w)", [mode, want])
    if mode == "slider":
        page.locator(SLIDER).press("ArrowRight")
    else:
        cell = page.locator(CELL)
        cell.fill(f"{value:g}")
        cell.press("Enter")
    try:
        page.wait_for_function("() => window.__eig.done !== null", timeout=TIMEOUT_MS, polling=20)
    except Exception:  # noqa: BLE001 - counted as a miss
        return None
    finally:
        wait_idle(page)
    return page.evaluate("() => window.__eig.done")


def measure_ours(browser, reps: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"slider": [], "matrix": []}
    with streamlit_server(OUR_APP) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(server.url)  # the first run of a fresh server belongs to the root page
            page.wait_for_function(SCRIPT_IDLE_JS, timeout=90_000)
            query = urllib.parse.urlencode({"matrix": "[[2,1],[1,2]]", "v": "1,0"})
            page.goto(f"{server.url.rstrip('/')}/eigen?{query}")
            try:
                page.wait_for_selector(FIGURE, timeout=90_000)
            except Exception:
                page.screenshot(path="/tmp/eigen_bench_fail.png")
                print(server.log_tail())
                raise
            wait_idle(page)
            page.evaluate(WATCHER_JS)
            one_change(page, "slider")           # warm-up, unmeasured
            one_change(page, "matrix", 1.25)
            for i in range(reps):
                for mode, value in (("slider", None), ("matrix", 1.5 + 0.25 * i)):
                    ms = one_change(page, mode, value)
                    if ms is not None:
                        results[mode].append(float(ms))
        finally:
            page.close()
    return results


def payload_sizes() -> list[list[str]]:
    import numpy as np

    from autogradlab.engine.eigen import analyse, power_iteration
    from autogradlab.render import eigen_plot

    an, v = analyse([[2, 1], [1, 2]]), np.array([1.0, 0.0])
    figures = {"picture": eigen_plot.plane_figure(an, v), "power iteration":
               eigen_plot.plane_figure(an, v, power_iteration(an)),
               "animation (25 frames)": eigen_plot.animation_figure(an, v),
               "3-D": eigen_plot.space_figure(analyse([[2, 1, 0], [1, 2, 1], [0, 1, 2]]))}
    return [[name, f"{len(json.dumps(fig, separators=(',', ':'))) / 1024:.1f}"]
            for name, fig in figures.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10, help="changes of each kind (default 10)")
    args = parser.parse_args(argv)
    with chromium_browser() as browser:
        naive = measure_app(browser, NAIVE, args.reps)
        ours = measure_ours(browser, args.reps)
    naive_ms = naive.primary()[1]
    rows = [["naive: edit + Ctrl+Enter -> table", f"{len(naive_ms)}/{args.reps}", fmt(median(naive_ms)),
             fmt(percentile(naive_ms, 90)), "1.00"]]
    ratios = []
    for mode, label in (("slider", "ours: probe slider step -> figure"),
                        ("matrix", "ours: matrix cell + Enter -> figure")):
        values = ours[mode]
        ratio = median(values) / median(naive_ms) if values and naive_ms else float("nan")
        ratios.append(ratio)
        rows.append([label, f"{len(values)}/{args.reps}", fmt(median(values)), fmt(percentile(values, 90)),
                     fmt(ratio, 2)])
    print(f"\nEigen page latency, change -> redrawn figure (ms; {args.reps} changes each, "
          "headless Chromium)\n")
    print_table(["what", "n", "median", "p90", "ratio to naive"], rows)
    print("\nfigure spec sent per rerun (kB of JSON):")
    print_table(["figure", "kB"], payload_sizes())
    ok = all(r == r and r <= TARGET_RATIO for r in ratios)
    print(f"\ntarget: each median <= {TARGET_RATIO} x naive: {verdict(ok)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
