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
import dataclasses
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    NAIVE,
    OURS,
    AppUnderTest,
    chromium_browser,
    first_figure,
    fmt,
    median,
    print_table,
    start_streamlit,
    stop_streamlit,
    verdict,
    wait_healthy,
)
from bench.proc_cpu import ROLES, chromium_cpu, server_roles  # noqa: E402

# `--pool-start early|serving` (repeatable): ours with its zygote started at once or once Streamlit
# answers (scripts/serve.py AUTOGRADLAB_POOL_START), each as its own app in the same run.
VARIANT_ENV = {f"ours-{when}": {"AUTOGRADLAB_POOL_START": when} for when in ("early", "serving")}
TARGET_RATIO = 1.0   # issue 11: first graph as fast as the naive app
FIRST_GRAPH_TIMEOUT_MS = 120_000


class CpuSampler:
    """Samples the server's roles and Chromium's CPU every `every` s while a start-up is measured."""

    def __init__(self, server_pid: int, every: float = 0.25) -> None:
        self.server_pid, self.every = server_pid, every
        self.chromium0 = chromium_cpu()
        self.started = time.perf_counter()
        self.samples: list[tuple[float, dict[str, float]]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def sample(self) -> dict[str, float]:
        roles = server_roles(self.server_pid)
        roles["chromium"] = chromium_cpu() - self.chromium0
        return roles

    def _loop(self) -> None:
        while not self.stop.wait(self.every):
            self.samples.append((time.perf_counter() - self.started, self.sample()))

    def finish(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        return self.sample()


def measure_once(browser, app: AppUnderTest, cpu: bool = False) -> tuple[float, float, dict | None, list]:
    """Seconds from process start to /_stcore/health answering, and to the first graph visible;
    with `cpu`, CPU seconds per role at that moment and the samples taken on the way."""
    server = start_streamlit(app.script, env=VARIANT_ENV.get(app.name))
    sampler = CpuSampler(server.process.pid) if cpu else None
    try:
        healthy_s = wait_healthy(server, timeout=FIRST_GRAPH_TIMEOUT_MS / 1000)
        graph_s = first_figure(browser, server, server.url, app.graph, timeout_ms=FIRST_GRAPH_TIMEOUT_MS)
        roles = sampler.finish() if sampler else None
        return healthy_s, graph_s, roles, (sampler.samples if sampler else [])
    finally:
        if sampler is not None:
            sampler.stop.set()
        stop_streamlit(server)


def print_timeline(name: str, samples: list[tuple[float, dict[str, float]]], step: float = 0.5) -> None:
    """CPU seconds spent per role in each `step` s of one start-up (where the first seconds went)."""
    print(f"\n{name}: CPU s per role in each {step} s of its last start-up")
    rows, last, prev = [], 0.0, dict.fromkeys(ROLES, 0.0)
    for t, roles in samples:
        if t - last >= step - 1e-9:
            rows.append([f"{last:.1f}-{t:.1f}", *(f"{roles[r] - prev[r]:.2f}" for r in ROLES)])
            last, prev = t, roles
    print_table(["window s", *ROLES], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="start-ups per app (default 3)")
    parser.add_argument("--cpu", action="store_true",
                        help="also CPU s per process (server, zygote, jobs, dot, chromium) until the graph")
    parser.add_argument("--timeline", action="store_true", help="with --cpu: CPU per role per 0.5 s")
    parser.add_argument("--pool-start", choices=("early", "serving"), action="append", default=[],
                        help="ours' zygote start (scripts/serve.py); twice = both in the same run")
    args = parser.parse_args(argv)
    variants = [dataclasses.replace(OURS, name=f"ours-{when}") for when in args.pool_start] or [OURS]
    apps = [app for app in (NAIVE, *variants) if app.script.exists()]
    for app in (NAIVE, OURS):
        if not app.script.exists():
            print(f"skipping {app.name}: {app.script} does not exist yet")
    healthy: dict[str, list[float]] = {app.name: [] for app in apps}
    graph: dict[str, list[float]] = {app.name: [] for app in apps}
    cpu: dict[str, list[dict[str, float]]] = {app.name: [] for app in apps}
    timelines: dict[str, list] = {}
    failures: list[str] = []
    with chromium_browser() as browser:
        for rep in range(args.reps):
            for app in apps:
                try:
                    healthy_s, graph_s, roles, samples = measure_once(browser, app, cpu=args.cpu)
                except Exception as exc:  # report it and keep measuring the rest
                    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
                    failures.append(f"{app.name} start {rep + 1}: {reason}")
                    continue
                healthy[app.name].append(healthy_s)
                graph[app.name].append(graph_s)
                spent = ""
                if roles is not None:
                    cpu[app.name].append(roles)
                    timelines[app.name] = samples
                    spent = ", CPU " + " ".join(f"{r} {roles[r]:.2f}" for r in ROLES)
                print(f"  {app.name} start {rep + 1}: health {healthy_s:.2f} s, first graph {graph_s:.2f} s"
                      f"{spent}", flush=True)

    print(f"\nApp start-up, process start -> first graph visible (s; median of {args.reps} starts)\n")
    print_table(
        ["app", "starts", "health med s", "first graph med s", "first graph min s", "first graph max s"],
        [[name, f"{len(graph[name])}/{args.reps}", fmt(median(healthy[name]), 2), fmt(median(graph[name]), 2),
          fmt(min(graph[name], default=float("nan")), 2), fmt(max(graph[name], default=float("nan")), 2)]
         for name in graph],
    )
    if args.cpu:
        print("\nCPU seconds until the first graph (median per role; total = server group + chromium)\n")
        print_table(["app", *ROLES, "server group", "total"],
                    [[name, *(fmt(median([c[r] for c in runs]), 2) for r in ROLES),
                      fmt(median([sum(c[r] for r in ROLES[:4]) for c in runs]), 2),
                      fmt(median([sum(c.values()) for c in runs]), 2)]
                     for name, runs in cpu.items() if runs])
        if args.timeline:
            for name, samples in timelines.items():
                print_timeline(name, samples)
    for failure in failures:
        print(f"failed: {failure}")
    for name in [n for n in graph if n.startswith("ours")]:
        if graph.get(name) and graph.get("naive"):
            ratio = median(graph[name]) / median(graph["naive"])
            print(f"\nratio {name}/naive (medians): {fmt(ratio, 2)}x   target <= {TARGET_RATIO}x: "
                  f"{verdict(ratio <= TARGET_RATIO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
