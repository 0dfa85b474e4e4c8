"""A fresh server's first Steps figure: `streamlit run` -> a `/steps?code=...` link opened as the very
first request -> the step drawing visible, beside the Graph page's first figure (`/?code=...`) in the
same run (issue 11's promise: the Graph page's first figure must not get slower).

Each measurement starts a fresh server (scripts/serve.py, as README starts it), polls /_stcore/health
and opens the link in a fresh browser context the moment it answers. The pages alternate, so
background load hits both alike. Printed: wall seconds from process start to the figure, and the CPU
seconds the server's roles (server, zygote, jobs, tools) spent until then (bench/proc_cpu.py); the
CPU figures are the ones to compare on a loaded machine.

    python bench/steps_first_figure.py [--reps 3] [--port 8742]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab import links  # noqa: E402
from bench.common import (  # noqa: E402
    OUR_APP,
    chromium_browser,
    first_figure,
    fmt,
    median,
    print_table,
    start_streamlit,
    stop_streamlit,
    wait_healthy,
)
from bench.proc_cpu import ROLES, server_roles  # noqa: E402

PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x * x).sin().sum()\n"
           "y.backward()\n")
PAGES = {"graph": ("/", ".st-key-graph_view svg g.node"),
         "steps": ("/steps", ".st-key-steps_graph svg g.node")}
TIMEOUT_MS = 120_000


def measure_once(browser, page_name: str, port: int) -> tuple[float, dict[str, float]]:
    path, selector = PAGES[page_name]
    server = start_streamlit(OUR_APP, port=port)
    try:
        wait_healthy(server, timeout=TIMEOUT_MS / 1000)
        url = f"{server.url.rstrip('/')}{path}?code={links.encode_code(PROGRAM)}"
        seconds = first_figure(browser, server, url, selector, timeout_ms=TIMEOUT_MS, viewport=(1600, 1000))
        return seconds, server_roles(server.process.pid)
    finally:
        stop_streamlit(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="fresh servers per page (default 3)")
    parser.add_argument("--port", type=int, default=0, help="the servers' port (default: a free one)")
    parser.add_argument("--pages", default="graph,steps", help="comma-separated: graph, steps")
    args = parser.parse_args(argv)
    names = [n for n in args.pages.split(",") if n in PAGES]
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[dict[str, float]]] = {n: [] for n in names}
    with chromium_browser() as browser:
        for rep in range(args.reps):
            for name in names:
                seconds, roles = measure_once(browser, name, args.port or None)
                wall[name].append(seconds)
                cpu[name].append(roles)
                print(f"  {name} start {rep + 1}: first figure {seconds:.2f} s, CPU "
                      + " ".join(f"{r} {roles[r]:.2f}" for r in ROLES[:4]), flush=True)
    print(f"\nFresh server -> first figure of a ?code= link (median of {args.reps})\n")
    print_table(["page", "wall med s", "wall min s", *(f"{r} CPU s" for r in ROLES[:4]), "CPU total s"],
                [[n, fmt(median(wall[n]), 2), fmt(min(wall[n]), 2),
                  *(fmt(median([c[r] for c in cpu[n]]), 2) for r in ROLES[:4]),
                  fmt(median([sum(c[r] for r in ROLES[:4]) for c in cpu[n]]), 2)] for n in names])
    return 0


if __name__ == "__main__":
    sys.exit(main())
