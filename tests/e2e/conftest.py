"""Browser-test fixtures: one Streamlit server per test process (an xdist worker), shared by the
files that process runs, one Chromium per test process, and a fresh browser context (so a fresh
Streamlit session: its own session state, URL and widgets) per test. Starting a server costs a
Streamlit import plus a sandbox zygote that imports and warms torch (~5 s of CPU); sharing it saves
that per file. What is shared is what a class shares on one server anyway: the run caches (keyed by
program, seed and output; refusals and crashes are never cached) and the warm pool.

Each file still sees only its own part of the server log: `server["log"].read_text()` returns what
was logged since the file's first test started, so a warning stays with the file that caused it.
A file that needs a differently configured or a brand-new server overrides `server` with
`own_server(...)` (busy-retry: one worker and no queue; first-visit: a fresh server's first request).

The server is polled on /_stcore/health instead of sleeping. In CI (CI=true) a missing Chromium or
Playwright fails the tests; locally they are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT_S = 60.0


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"streamlit did not become healthy in {START_TIMEOUT_S:.0f} s")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class LogSince:
    """The server log from a byte offset on: the part one test file caused."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = path.stat().st_size if path.exists() else 0

    def read_text(self) -> str:
        with self.path.open("rb") as log:
            log.seek(self.offset)
            return log.read().decode("utf-8", errors="replace")


@contextlib.contextmanager
def own_server(log: Path, *, env: dict[str, str] | None = None,
               command: tuple[str, ...] = ("-m", "streamlit", "run", "app.py")) -> Iterator[dict]:
    """Start the app on a free port (`streamlit run app.py`, or `command`); yields {"url", "log"}."""
    port = _free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, *command, "--server.port", str(port), "--server.headless", "true",
             "--server.address", "127.0.0.1"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield {"url": url, "log": log}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def shared_server(artifacts: Path) -> Iterator[dict]:
    """The app served once per test process (xdist worker), for every file that does not override
    `server`."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with own_server(artifacts / f"streamlit-{worker}.log") as served:
        yield served


@pytest.fixture(scope="module")
def server(shared_server: dict) -> dict:
    """The shared server, with the log seen from this file's start: yields {"url", "log"}."""
    return {"url": shared_server["url"], "log": LogSince(shared_server["log"])}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is missing (pip install playwright)")
    from playwright.sync_api import expect

    # A 2-core CI machine running torch workers next to Chromium is slow: assertions wait up to 20 s
    # for what they expect (they return as soon as it shows).
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


_VISITED: set[str] = set()   # servers whose home page a test has opened


@pytest.fixture
def page(browser, server, request) -> Iterator[object]:
    """A fresh browser tab at projector-ish size, opened on the app. A test marked `opens_its_own_url`
    (its first step is a `goto` of a link) gets the tab blank: loading the home page first only to
    leave it costs a Streamlit session, a run of the default program and a page render. Not on a
    server's first visit: its sandbox is still warming up (a cold Steps run on a loaded machine came
    back as a worker crash), and the home page's run is what a first visit did before."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    if request.node.get_closest_marker("opens_its_own_url") is None or server["url"] not in _VISITED:
        tab.goto(server["url"])
        _VISITED.add(server["url"])
    try:
        yield tab
    finally:
        context.close()
