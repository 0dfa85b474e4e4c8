"""components/deep_link_base.py: the index.html Streamlit serves tells its front end where the app is, so a
page's own address (`/steps?code=...`) asks for no `/steps/_stcore/...` (the browser test:
tests/e2e/test_deep_links_no_404_browser_s36.py). Here: the page list is app.py's, and the installed
Streamlit's static handler serves the script on a page path and on the root, and nothing else changes."""

from __future__ import annotations

import ast
import asyncio
import threading
from pathlib import Path

from components import deep_link_base

ROOT = Path(__file__).resolve().parents[2]


def _run_alone(coroutine) -> None:  # noqa: ANN001
    """asyncio.run in a thread of its own: under xdist a browser test earlier in the same worker leaves
    Playwright's event loop running in the main thread, where asyncio.run refuses to start."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as exc:   # noqa: BLE001 - raised again in the caller's thread
            failed.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]


def _page_paths() -> set[str]:
    """url_path of every st.Page in app.py but the default (its stem when not given)."""
    found = set()
    for node in ast.walk(ast.parse((ROOT / "app.py").read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page":
            words = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
            if not words.get("default"):
                found.add(words.get("url_path") or Path(node.args[0].value).stem)
    return found


def test_the_pages_are_app_pys() -> None:
    assert set(deep_link_base.PAGE_PATHS) == _page_paths()


def test_the_script_goes_first_in_the_head() -> None:
    page = b"<html><head><meta charset='UTF-8'><script type='module' src='x.js'></script></head></html>"
    made = deep_link_base.with_base(page)
    assert made.startswith(b"<html><head><script>(function(){") and made.endswith(page[len(b"<html><head>"):])
    assert b'["steps", "jacobian", "eigen", "gallery", "about", "status"]' in made
    assert deep_link_base.with_base(b"no head") == b"no head"


def _get(handler, path: str) -> tuple[int, dict, bytes]:
    sent: list[dict] = []
    asked: list[int] = []

    async def receive() -> dict:   # the request once; then the client stays connected
        asked.append(1)
        if len(asked) > 1:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": b"code=x", "headers": [], "scheme": "http", "server": ("127.0.0.1", 80)}
    from starlette.exceptions import HTTPException
    try:
        _run_alone(handler(scope, receive, send))
    except HTTPException as exc:   # (the app's exception middleware answers it)
        return exc.status_code, {}, b""
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode().lower(): v.decode() for k, v in start["headers"]}, body


def test_streamlits_handler_serves_the_script_on_page_paths_only() -> None:
    from streamlit import file_util
    from streamlit.web.server.starlette import starlette_static_routes as routes

    kept = routes.create_streamlit_static_handler
    try:
        assert deep_link_base.install() and deep_link_base.install()   # (twice: wrapped once)
        assert routes.create_streamlit_static_handler.deep_link_base
        handler = routes.create_streamlit_static_handler(file_util.get_static_dir(), None)
        script = deep_link_base.script().encode()
        for path in ("/", "/steps", "/about"):
            status, headers, body = _get(handler, path)
            assert status == 200 and body.count(script) == 1, path
            assert headers["cache-control"] == "no-cache" and headers["content-type"].startswith("text/html")
        status, headers, body = _get(handler, "/steps/_stcore/health")   # Streamlit's own 404 stays
        assert status == 404
        status, headers, body = _get(handler, "/favicon.png")
        assert status == 200 and script not in body
    finally:
        routes.create_streamlit_static_handler = kept
