"""A presentation-mode page load: a `/?present=1&code=...` link opened in a fresh browser context at
1920 x 1080 -> the graph drawn, and -> the page settled (its last script run over), with the number of
script runs it took; beside the naive app's page load (`/`: it has no links, so its own default
program) and, optionally, another checkout of our app.

Why (session 37): since 11b64fe presentation mode's fitting script reports the root font size, so the
Variables table is mounted at presentation mode's text size; that report is one more script run per
presentation-mode load. `--before DIR` starts a second server from a checkout without it (e.g. caec646
with 11b64fe's components/ changes reverted) and alternates with this checkout's, so both see the same
load.

Timing is done in the page (performance.now(), from navigation start): a MutationObserver stamps the
first graph node, and counts stApp's data-test-script-state changes to "running"; settled is the later
of the graph drawn and the last run's end (a run ends before the front end has drawn what it sent).

    python bench/present_load.py [--reps 8] [--before DIR] [--no-naive]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab import links  # noqa: E402
from bench.common import (  # noqa: E402
    NAIVE_APP,
    REPO,
    SHADOW_FIND_JS,
    StreamlitServer,
    chromium_browser,
    fmt,
    free_port,
    median,
    percentile,
    print_table,
    start_streamlit,
    stop_streamlit,
    wait_healthy,
)
from bench.proc_cpu import server_roles  # noqa: E402
from bench.steps_first_figure import PAGES, PROGRAM  # noqa: E402 - the same program as its first figure

OURS_GRAPH = PAGES["graph"][1]
NAIVE_GRAPH = '[data-testid="stGraphVizChart"] svg g.node'
QUIET_MS = 1500      # settled: no script run for this long after the graph is drawn
TIMEOUT_S = 60.0

WATCH_JS = """(graph) => {
  const B = window.__load = {graph: null, runs: 0, lastEnd: null, state: null};
  const find = """ + SHADOW_FIND_JS + """;   // our graph's SVG sits in a shadow root
  const check = () => {
    const now = performance.now();
    if (B.graph === null && find(graph)) B.graph = now;
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state !== B.state) {
      if (state === 'running') B.runs += 1;
      else if (B.state === 'running') B.lastEnd = now;
      B.state = state;
    }
  };
  const start = () => {
    new MutationObserver(check).observe(document.documentElement,
        {subtree: true, childList: true, attributes: true});
    const tick = () => { check(); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
}"""


def start_ours(checkout: Path) -> StreamlitServer:
    """scripts/serve.py of `checkout`, as bench/common.start_streamlit starts this one's."""
    if checkout.resolve() == REPO.resolve():
        from bench.common import OUR_APP
        return start_streamlit(OUR_APP)
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="bench-present-before-", suffix=".log", delete=False)
    cmd = [sys.executable, str(checkout / "scripts" / "serve.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(cmd, cwd=checkout, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, "PYTHONPATH": str(checkout)})
    log.close()
    return StreamlitServer(checkout / "app.py", port, process, Path(log.name))


def load_once(browser, url: str, graph: str, server_pid: int) -> tuple[float, float, int, float]:
    """(graph drawn ms, settled ms, script runs, the server process's own CPU ms) of one fresh load of
    `url` at 1920 x 1080 (the CPU: what an extra script run costs, whatever the machine's load)."""
    cpu = server_roles(server_pid)["server"]
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        page.add_init_script(f"({WATCH_JS})({graph!r})")
        page.goto(url)
        deadline = time.monotonic() + TIMEOUT_S
        page.wait_for_function("() => window.__load && window.__load.graph !== null",
                               timeout=TIMEOUT_S * 1000, polling=50)
        while time.monotonic() < deadline:   # settled: idle, and no run began for QUIET_MS
            state = page.evaluate("() => [window.__load.state, window.__load.lastEnd, performance.now()]")
            if state[0] != "running" and state[1] is not None and state[2] - state[1] > QUIET_MS:
                break
            time.sleep(0.1)
        got = page.evaluate("() => [window.__load.graph, window.__load.lastEnd, window.__load.runs]")
        return (float(got[0]), max(float(got[0]), float(got[1] or 0.0)), int(got[2]),
                1000.0 * (server_roles(server_pid)["server"] - cpu))
    finally:
        context.close()


def _runs(counts: list[int]) -> str:
    return " ".join(f"{n}x{counts.count(n)}" for n in sorted(set(counts)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=8)
    parser.add_argument("--before", type=Path, help="a checkout to run beside this one (alternating)")
    parser.add_argument("--no-naive", action="store_true", help="leave out the naive app")
    parser.add_argument("--raw", action="store_true", help="print every load's figures too")
    args = parser.parse_args(argv)

    servers: dict[str, StreamlitServer] = {}
    try:
        servers["ours"] = start_ours(REPO)
        if args.before is not None:
            servers["before"] = start_ours(args.before)
        if not args.no_naive:
            servers["naive"] = start_streamlit(NAIVE_APP)
        for server in servers.values():
            wait_healthy(server, timeout=120)
        code = links.encode_code(PROGRAM)
        urls = {name: (f"{s.url}?present=1&code={code}" if name != "naive" else s.url,
                       NAIVE_GRAPH if name == "naive" else OURS_GRAPH) for name, s in servers.items()}
        results: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in servers}
        with chromium_browser() as browser:
            for name, (url, graph) in urls.items():   # warm-up: the first load pays for imports
                load_once(browser, url, graph, servers[name].process.pid)
            for _ in range(args.reps):
                for name, (url, graph) in urls.items():
                    results[name].append(load_once(browser, url, graph, servers[name].process.pid))
        rows = []
        for name, got in results.items():
            if args.raw:
                print(name, " ".join(f"{g[0]:.0f}/{g[1]:.0f}/{g[2]}/{g[3]:.0f}" for g in got),
                      "(graph/settled/runs/server CPU)")
            rows.append([name + (" (present=1)" if name != "naive" else " (/)"),
                         fmt(median([g[0] for g in got]), 0), fmt(percentile([g[0] for g in got], 90), 0),
                         fmt(median([g[1] for g in got]), 0), fmt(percentile([g[1] for g in got], 90), 0),
                         fmt(median([g[3] for g in got]), 0), _runs([g[2] for g in got])])
        print(f"{args.reps} loads each, 1920 x 1080, ms from navigation start (median, p90) "
              f"(load {os.getloadavg()[0]:.1f})")
        print_table(["app", "graph drawn", "p90", "settled", "p90", "server CPU", "runs x loads"],
                    rows)
    finally:
        for server in servers.values():
            stop_streamlit(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
