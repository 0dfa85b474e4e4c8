"""App start-up: server process start -> first graph visible in the browser, ours vs the naive app.

Each measurement starts a fresh `streamlit run` process, polls /_stcore/health, and the moment it
answers opens a fresh browser context (no cache) on the app and waits for the graph's SVG to be
visible. The clock starts just before the process is spawned, so the figure includes Python and
Streamlit start-up, `import torch` (the naive app imports it in its first script run; ours in the
sandbox workers it warms at start) and the first run of the lesson program. Chromium itself is
started once beforehand and not counted. The apps alternate, so background load hits both alike.

    python bench/app_startup.py [--reps 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    NAIVE,
    OURS,
    AppUnderTest,
    chromium_browser,
    fmt,
    median,
    print_table,
    start_streamlit,
    stop_streamlit,
    verdict,
    wait_healthy,
)

TARGET_RATIO = 1.0   # issue 11: first graph as fast as the naive app
FIRST_GRAPH_TIMEOUT_MS = 120_000


def measure_once(browser, app: AppUnderTest) -> tuple[float, float]:
    """Seconds from process start to /_stcore/health answering, and to the first graph visible."""
    server = start_streamlit(app.script)
    context = None
    try:
        healthy_s = wait_healthy(server, timeout=FIRST_GRAPH_TIMEOUT_MS / 1000)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(app.graph, state="visible", timeout=FIRST_GRAPH_TIMEOUT_MS)
        graph_s = time.perf_counter() - server.started_at
        return healthy_s, graph_s
    finally:
        if context is not None:
            context.close()
        stop_streamlit(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="start-ups per app (default 3)")
    args = parser.parse_args(argv)
    apps = [app for app in (NAIVE, OURS) if app.script.exists()]
    for app in (NAIVE, OURS):
        if app not in apps:
            print(f"skipping {app.name}: {app.script} does not exist yet")
    healthy: dict[str, list[float]] = {app.name: [] for app in apps}
    graph: dict[str, list[float]] = {app.name: [] for app in apps}
    failures: list[str] = []
    with chromium_browser() as browser:
        for rep in range(args.reps):
            for app in apps:
                try:
                    healthy_s, graph_s = measure_once(browser, app)
                except Exception as exc:  # report it and keep measuring the rest
                    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
                    failures.append(f"{app.name} start {rep + 1}: {reason}")
                    continue
                healthy[app.name].append(healthy_s)
                graph[app.name].append(graph_s)
                print(f"  {app.name} start {rep + 1}: health {healthy_s:.2f} s, first graph {graph_s:.2f} s",
                      flush=True)

    print(f"\nApp start-up, process start -> first graph visible (s; median of {args.reps} starts)\n")
    print_table(
        ["app", "starts", "health med s", "first graph med s", "first graph min s", "first graph max s"],
        [[name, f"{len(graph[name])}/{args.reps}", fmt(median(healthy[name]), 2), fmt(median(graph[name]), 2),
          fmt(min(graph[name], default=float("nan")), 2), fmt(max(graph[name], default=float("nan")), 2)]
         for name in graph],
    )
    for failure in failures:
        print(f"failed: {failure}")
    if graph.get("ours") and graph.get("naive"):
        ratio = median(graph["ours"]) / median(graph["naive"])
        print(f"\nratio ours/naive (medians): {fmt(ratio, 2)}x   target <= {TARGET_RATIO}x: "
              f"{verdict(ratio <= TARGET_RATIO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
