"""Shared helpers for the bench/ scripts: Streamlit servers, headless Chromium, statistics, tables.

The benchmarks compare our app with the naive reference app under identical conditions, so both
are started the same way (same interpreter, same working directory, same flags) and driven by the
same browser. Servers run in their own process group so that cleanup also reaches the sandbox
workers and anything else they spawned.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAIVE_APP = REPO / "bench" / "naive_app.py"
OUR_APP = REPO / "app.py"
SERVE_SCRIPT = REPO / "scripts" / "serve.py"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The lesson example both apps start from; the benchmarks edit its constant (2 * -> c *), which
# changes y = c * dot(x, x) = 14 c without changing the graph's structure.
PROGRAM_TEMPLATE = (
    "import torch\n"
    "x = torch.arange(4.0, requires_grad=True)\n"
    "y = {c} * torch.dot(x, x)\n"
    "y.backward()\n"
)
DOT_X_X = 14  # dot(x, x) for x = arange(4.0)


def program_with_constant(c: int) -> str:
    """The lesson program with `2 *` replaced by `c *` (y then equals 14 c)."""
    return PROGRAM_TEMPLATE.format(c=c)


def free_port() -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class StreamlitServer:
    """A `streamlit run` process in its own process group, with its log in a temporary file."""

    script: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    started_at: float = field(default_factory=time.perf_counter)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def start_streamlit(script: Path, port: int | None = None,
                    env: dict[str, str] | None = None) -> StreamlitServer:
    """Start `python -m streamlit run script` headless on a free port; returns at once. `env`: extra
    environment variables for the server."""
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(prefix=f"bench-{script.stem}-", suffix=".log", delete=False)
    # Ours starts the way README's command starts it: scripts/serve.py warms the sandbox workers in
    # the server process before Streamlit serves (the naive app has nothing to warm).
    # The naive app runs with Streamlit's defaults, as its 20-line author would: our config.toml (read
    # from the working directory) turns the full garbage collection after every run off, not theirs.
    launcher = ([str(SERVE_SCRIPT)] if script == OUR_APP else
                ["-m", "streamlit", "run", str(script), "--runner.postScriptGC", "true"])
    cmd = [
        sys.executable, *launcher,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    started_at = time.perf_counter()
    process = subprocess.Popen(
        cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True, env={**os.environ, **(env or {})},
    )
    log.close()
    return StreamlitServer(script, port, process, Path(log.name), started_at)


def wait_healthy(server: StreamlitServer, timeout: float = 60.0) -> float:
    """Poll /_stcore/health until it answers "ok"; returns seconds since the process started."""
    deadline = time.perf_counter() + timeout
    url = f"http://127.0.0.1:{server.port}/_stcore/health"
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.script.name} exited early:\n{server.log_tail()}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=1.0) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return time.perf_counter() - server.started_at
        time.sleep(0.02)
    raise TimeoutError(f"{server.script.name} not healthy after {timeout:.0f} s:\n{server.log_tail()}")


def stop_streamlit(server: StreamlitServer, grace: float = 5.0) -> None:
    """Terminate the server's whole process group (sandbox workers included); kill if it lingers."""
    process = server.process
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
    # Children that outlived the leader still sit in the group.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        server.log_path.unlink()


@contextlib.contextmanager
def streamlit_server(script: Path, *, wait: bool = True) -> Iterator[StreamlitServer]:
    """Context manager form of start/wait/stop, so a failing benchmark never leaks a server."""
    server = start_streamlit(script)
    try:
        if wait:
            wait_healthy(server)
        yield server
    finally:
        stop_streamlit(server)


def first_figure(browser, server: StreamlitServer, url: str, selector: str, *, timeout_ms: int,
                 viewport: tuple[int, int] = (1400, 1000)) -> float:
    """Open `url` in a fresh browser context once `server` answers, wait until `selector` is visible;
    seconds from the server process's start to then (app_startup, steps_first_figure)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.goto(url)
        page.locator(selector).first.wait_for(state="visible", timeout=timeout_ms)
        return time.perf_counter() - server.started_at
    finally:
        context.close()


@contextlib.contextmanager
def chromium_browser() -> Iterator[object]:
    """Headless Debian Chromium through Playwright (Playwright cannot download browsers here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); with 10 samples p90 is the 9th smallest."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered) - 1e-9)))
    return ordered[rank - 1]


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or value != value:  # None or NaN
        return "n/a"
    return f"{value:.{digits}f}"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain fixed-width table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


@dataclass(frozen=True)
class AppUnderTest:
    """How to find the editor, the graph and the table of one app in the browser.

    Our app's selectors use the stable `st-key-<key>` classes Streamlit gives keyed elements (keys
    named in components/state.py); the naive app has no keys, but only one of each element.
    """

    name: str
    script: Path
    editor: str
    graph: str
    table: str
    run_button: str | None = None


NAIVE = AppUnderTest(
    name="naive",
    script=NAIVE_APP,
    editor='[data-testid="stTextArea"] textarea',
    graph='[data-testid="stGraphVizChart"] svg',
    table='[data-testid="stTable"]',
)

OURS = AppUnderTest(
    name="ours",
    script=OUR_APP,
    editor=".st-key-code_editor .cm-content",  # CodeMirror; it copies every edit into the form's text area
    graph=".st-key-graph_view svg",
    table=".st-key-variables_table",
    run_button=".st-key-run_button button",
)

# A selector's element, also inside the shadow roots of its first part's descendants (our graph is a
# Components-v2 element: its SVG sits in a shadow root, which querySelector does not enter).
SHADOW_FIND_JS = """(sel) => {
    const plain = document.querySelector(sel);
    if (plain) return plain;
    const [host, ...rest] = sel.split(" ");
    for (const el of document.querySelectorAll(host + " *")) {
      if (el.shadowRoot) { const hit = el.shadowRoot.querySelector(rest.join(" ")); if (hit) return hit; }
    }
    return null;
  }"""

# stApp carries data-test-script-state; "running" while a script run is in progress.
SCRIPT_IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app && app.getAttribute('data-test-script-state');
  return state !== null && state !== 'running' && state !== 'rerunRequested' && state !== 'initial';
}"""
