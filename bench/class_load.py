"""A class on one server: N simulated students (websocket clients speaking Streamlit's protocol, no
browsers) open the app, then make edits about a second apart, each edit a new lesson program. Ours
and the naive app are measured side by side in one run (one after the other, same machine).

A student "opens" the app (the first script run, as a browser's first message does) and then
"edits": the editor's text and a Run click (ours: text area + form submit button; naive: the text
area alone, which reruns on change), sent as widget states. The clock stops when the script run
that answers has delivered the graph (ours: the inline SVG; naive: its graphviz chart) and
finished. A run that answers "Server busy" or an error instead of a graph is counted as such.

    python bench/class_load.py [--students 30] [--edits 5] [--think 1.0] [--only ours|naive]
                               [--heavy] [--cold]

As in a classroom, a teacher opens the link first (one open), and the class starts once the server
and its workers are idle (start-up and warm-up done; the same wait for both apps). `--cold` starts
the class 3 s after the health check instead, at a server still starting its workers (session 5's
runs, and how a brand-new pool's first jobs look under a class).

Figures: open -> graph p50/p95, edit -> graph p50/p95, errors, busy answers, the server's CPU
seconds (and its children's: our sandbox workers) and peak memory (PSS of the server and its
workers, sampled) during the run. Targets (issue 11): p95 edit -> graph <= 1.0 s and <= 1.0 x the
naive app's; p95 open -> graph <= 2.0 s; 0 errors; 0 busy answers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.common import (  # noqa: E402
    NAIVE_APP,
    OUR_APP,
    fmt,
    print_table,
    start_streamlit,
    stop_streamlit,
    wait_healthy,  # noqa: E402
)

TIMEOUT_S = 60.0

# Lesson-style programs with a graph (the naive app needs a tensor with a grad_fn). `{k}` differs per
# student and edit, so no two edits are the same program (the cache does not answer them).
LESSON_PROGRAMS = (
    "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = {k} * torch.dot(x, x)\ny.backward()\n",
    "import torch\nx = torch.tensor([1.0, 2.0, {k}.0], requires_grad=True)\ny = (x * x).sum()\n"
    "y.backward()\n",
    "import torch\na = torch.tensor({k}.0, requires_grad=True)\nb = a * a\nc = b + a\nd = c * b\n"
    "d.backward()\n",
    "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = x.sum() * {k}\ny.backward()\n",
    "import torch\nx = torch.linspace(0, {k}, 5, requires_grad=True)\ny = torch.sin(x).sum()\n"
    "y.backward()\n",
    "import torch\nA = torch.ones(3, 3, requires_grad=True)\nv = torch.arange(3.0)\n"
    "y = torch.mv(A * {k}, v).sum()\ny.backward()\n",
)
# ~0.3 s of work each (issue 11: "heavier programs"): a power iteration under no_grad, then a small graph.
HEAVY_PROGRAM = (
    "import torch\nA = torch.randn(300, 300)\nv = torch.ones(300)\nwith torch.no_grad():\n"
    "    for i in range(120):\n        v = A @ v\n        v = v / v.norm()\n"
    "x = torch.tensor({k}.0, requires_grad=True)\ny = (x * v[0]) ** 2\ny.backward()\n"
)


@dataclass
class App:
    name: str
    script: Path
    editor_key: str
    run_key: str | None      # the form's submit button, if edits need one
    graph_kind: str          # "markdown-svg" (or the SVG component) | "graphviz_chart"


OURS = App("ours", OUR_APP, "editor_source", "run_button", "markdown-svg")
NAIVE = App("naive", NAIVE_APP, "code", None, "graphviz_chart")


@dataclass
class Result:
    opens: list[float] = field(default_factory=list)
    edits: list[float] = field(default_factory=list)
    errors: int = 0
    busy: int = 0
    lost: int = 0            # no graph and no message before the timeout
    notes: list[str] = field(default_factory=list)


class Student:
    """One websocket session. `run()` sends a BackMsg and waits for the run's script_finished."""

    def __init__(self, app: App, url: str) -> None:
        self.app, self.url = app, url
        self.page_hash = ""
        self.widget_ids: dict[str, str] = {}

    async def __aenter__(self) -> Student:
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**27,
                                           open_timeout=TIMEOUT_S)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def run(self, states: list[tuple[str, str, object]]) -> str:
        """Send a rerun with these widget states; returns "graph", "busy", "error" or "lost"."""
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = self.page_hash
        for key, kind, value in states:
            widget = msg.rerun_script.widget_states.widgets.add()
            widget.id = self.widget_ids[key]
            setattr(widget, kind, value)
        await self.ws.send(msg.SerializeToString())
        seen_graph = seen_error = seen_busy = False
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                return "lost"
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                etype = element.WhichOneof("type")
                self._remember_widget(element, etype)
                if etype == "markdown" and "<svg" in element.markdown.body:
                    seen_graph = True
                elif etype == "bidi_component" and "<svg" in element.bidi_component.json:
                    seen_graph = True   # the clickable graph (components/svg_view.py) carries the SVG
                elif etype == "graphviz_chart":
                    seen_graph = True
                elif etype == "alert" and "busy" in element.alert.body.lower():
                    seen_busy = True
                elif etype in ("exception",) or (etype == "alert" and element.alert.format == 1):
                    seen_error = True
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                # A "busy, trying again by itself" notice followed by the graph is a graph (late).
                return "graph" if seen_graph else "busy" if seen_busy else "error" if seen_error else "lost"

    def _remember_widget(self, element: object, etype: str | None) -> None:
        if etype in ("text_area", "button"):
            widget_id = getattr(element, etype).id
            for key in (self.app.editor_key, self.app.run_key):
                if key and widget_id.endswith("-" + key):
                    self.widget_ids[key] = widget_id


async def student_session(app: App, url: str, index: int, edits: int, think: float, heavy: bool,
                          result: Result, start_gate: float) -> None:
    rng = random.Random(index)
    await asyncio.sleep(max(0.0, start_gate - time.monotonic()) + rng.uniform(0, 0.5))
    try:
        async with Student(app, url) as student:
            t = time.perf_counter()
            outcome = await student.run([])
            _count(result, outcome, time.perf_counter() - t, result.opens)
            for e in range(edits):
                await asyncio.sleep(think * rng.uniform(0.8, 1.2))
                k = 2 + index * edits + e
                program = (HEAVY_PROGRAM if heavy else LESSON_PROGRAMS[(index + e) % len(LESSON_PROGRAMS)])
                states = [(app.editor_key, "string_value", program.format(k=k))]
                if app.run_key:
                    states.append((app.run_key, "trigger_value", True))
                t = time.perf_counter()
                outcome = await student.run(states)
                _count(result, outcome, time.perf_counter() - t, result.edits)
    except Exception as exc:  # a refused connection or a protocol failure is a lost student
        result.errors += 1
        result.notes.append(f"student {index}: {type(exc).__name__}: {exc}")


def _count(result: Result, outcome: str, seconds: float, bucket: list[float]) -> None:
    if outcome == "graph":
        bucket.append(seconds)
    elif outcome == "busy":
        result.busy += 1
    elif outcome == "error":
        result.errors += 1
    else:
        result.lost += 1


def _tree_pids(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                todo.extend(int(p) for p in f.read().split())
        except OSError:
            pass
    return pids


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _cpu_s(pid: int) -> tuple[float, float]:
    """(the server's own CPU seconds, its reaped children's) from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


def _tree_cpu(pid: int) -> float:
    return sum(_cpu_of(p) for p in _tree_pids(pid))


def _settle(pid: int, timeout: float = 120.0) -> float:
    """Wait until the server and its workers are idle (< 0.05 s of CPU in each of six 0.5 s
    windows): both apps' start-up and warm-up done. Returns the seconds waited."""
    started = time.monotonic()
    last, calm = _tree_cpu(pid), 0
    while time.monotonic() - started < timeout and calm < 6:
        time.sleep(0.5)
        now = _tree_cpu(pid)
        calm = calm + 1 if now - last < 0.05 else 0   # 3 s calm: longer than the zygote waits to warm
        last = now
    return time.monotonic() - started


async def _teacher(app: App, url: str) -> None:
    async with Student(app, url) as teacher:
        await teacher.run([])


def measure(app: App, students: int, edits: int, think: float, heavy: bool,
            cold: bool = False) -> tuple[Result, dict]:
    server = start_streamlit(app.script)
    try:
        wait_healthy(server, timeout=120)
        url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        pid = server.process.pid
        if cold:   # the class 3 s after the health check, at a server still starting its workers
            time.sleep(3.0)
        else:      # a teacher opens the link first, then the class comes once the server is idle
            asyncio.run(_teacher(app, url))
            settled = _settle(pid)
            print(f"  {app.name}: teacher's page drawn, server idle {settled:.1f} s later", flush=True)
        cpu_before = _cpu_s(pid)
        live_before = sum(_cpu_of(p) for p in _tree_pids(pid)[1:])
        peak = {"pss": 0.0}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak["pss"] = max(peak["pss"], _pss_mb(_tree_pids(pid)))
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        result = Result()
        wall = time.perf_counter()

        async def everyone() -> None:
            gate = time.monotonic() + 0.2
            await asyncio.gather(*(student_session(app, url, i, edits, think, heavy, result, gate)
                                   for i in range(students)))

        asyncio.run(everyone())
        wall = time.perf_counter() - wall
        stop.set()
        sampler.join()
        cpu_after = _cpu_s(pid)
        live_children = sum(_cpu_of(p) for p in _tree_pids(pid)[1:])
        figures = {"server_cpu": cpu_after[0] - cpu_before[0],
                   "workers_cpu": cpu_after[1] - cpu_before[1] + live_children - live_before,
                   "pss_mb": peak["pss"], "wall_s": wall}
        return result, figures
    finally:
        stop_streamlit(server)


def _cpu_of(pid: int) -> float:
    """A live worker's CPU seconds, its own and its reaped children's (the zygote reaps each job)."""
    try:
        return sum(_cpu_s(pid))
    except OSError:
        return 0.0


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--only", choices=("ours", "naive"))
    parser.add_argument("--heavy", action="store_true", help="~0.3 s programs (ours only: queueing)")
    parser.add_argument("--cold", action="store_true",
                        help="class 3 s after the health check (workers still starting), no teacher first")
    args = parser.parse_args(argv)
    apps = [a for a in (OURS, NAIVE) if args.only in (None, a.name)]
    if args.heavy:
        apps = [OURS]
    rows, results = [], {}
    for app in apps:
        result, figures = measure(app, args.students, args.edits, args.think, args.heavy, args.cold)
        results[app.name] = result
        rows.append([app.name, f"{len(result.opens)}/{args.students}",
                     fmt(percentile(result.opens, 0.95), 2),
                     f"{len(result.edits)}/{args.students * args.edits}",
                     fmt(percentile(result.edits, 0.5), 2), fmt(percentile(result.edits, 0.95), 2),
                     str(result.errors), str(result.busy), str(result.lost),
                     f"{figures['server_cpu']:.1f}", f"{figures['workers_cpu']:.1f}",
                     f"{figures['pss_mb']:.0f}"])
        for note in result.notes[:5]:
            print("  note:", note)
    print(f"\nA class of {args.students}: open, then {args.edits} edits ~{args.think:g} s apart"
          f"{' (heavy programs)' if args.heavy else ''}\n")
    print_table(["app", "opens", "open p95 s", "edits", "edit p50 s", "edit p95 s", "errors", "busy",
                 "lost", "server cpu s", "workers cpu s", "peak PSS MB"], rows)
    ours = results.get("ours")
    if ours is not None:
        p95 = percentile(ours.edits, 0.95)
        open95 = percentile(ours.opens, 0.95)
        naive = results.get("naive")
        naive95 = percentile(naive.edits, 0.95) if naive else None
        checks = [("p95 edit -> graph <= 1.0 s", p95 is not None and p95 <= 1.0),
                  ("p95 open -> graph <= 2.0 s", open95 is not None and open95 <= 2.0),
                  ("0 errors, 0 busy, 0 lost", ours.errors == ours.busy == ours.lost == 0)]
        if naive95 is not None:
            checks.append(("p95 edit <= 1.0 x naive", p95 is not None and p95 <= naive95))
        for label, ok in checks:
            print(f"  {label}: {'met' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
