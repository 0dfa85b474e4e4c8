"""A page opened by its own address (`/steps?code=...`) asks the server nothing that is not there.

Streamlit's front end does not know where the app is served, so it guesses: on `/steps` it first
asks `/steps/_stcore/health` and `/steps/_stcore/host-config` (both 404, by Streamlit's design: a
page path is not a base path), then `/_stcore/...` (streamlit/streamlit#7074, open; two red lines
in the browser console on every deep link, two wasted round trips before the page connects). It
reads its base from `window.__streamlit.BACKEND_BASE_URL` when a page sets it (the embedding hook;
its only use in Streamlit 1.67 is this guess). So the index.html Streamlit serves gets one small
script before Streamlit's own: the address without its last segment when that segment is one of
this app's pages (`/lab/steps` -> `/lab`, behind a proxy's prefix too), else the address itself,
which is the front end's own first guess.

Installed by scripts/serve.py (the hosted server, Dockerfile) before Streamlit builds its routes.
`streamlit run app.py` keeps Streamlit's guess. Everything here fails safe: a Streamlit without
this hook serves its page unchanged.
"""

from __future__ import annotations

import json
import os
from typing import Any

# url_path of every page app.py declares except the default one (tests/unit/test_deep_link_base_s36.py)
PAGE_PATHS = ("steps", "jacobian", "eigen", "gallery", "about", "status")
SCRIPT = ("<script>(function(){var p=location.pathname.replace(/\\/+$/,'').split('/');"
          "if(%s.indexOf(p[p.length-1])>=0)p.pop();"
          "window.__streamlit=Object.assign({},window.__streamlit,"
          "{BACKEND_BASE_URL:location.origin+p.join('/')});})();</script>")


def script() -> str:
    return SCRIPT % json.dumps(list(PAGE_PATHS))


def with_base(html: bytes) -> bytes:
    """index.html with the script first in its head (unchanged if it has no <head>)."""
    head = html.find(b"<head>")
    if head < 0:
        return html
    at = head + len(b"<head>")
    return html[:at] + script().encode() + html[at:]


def install() -> bool:
    """Wrap Streamlit's static-file handler so its index.html carries the script; False if this
    Streamlit has no such handler (then nothing changes)."""
    try:
        from streamlit.web.server.starlette import starlette_static_routes as routes
    except ImportError:
        return False
    make = getattr(routes, "create_streamlit_static_handler", None)
    if make is None or getattr(make, "deep_link_base", False):
        return make is not None

    def create(directory: str, base_url: str | None) -> Any:
        return _wrapped(make(directory, base_url), os.path.join(directory, "index.html"))

    create.deep_link_base = True
    routes.create_streamlit_static_handler = create
    return True


def _wrapped(handler: Any, index: str) -> Any:
    from starlette.responses import Response

    original = handler.get_response
    with open(index, "rb") as page:
        body = with_base(page.read())

    async def get_response(path: str, scope: Any) -> Any:
        response = await original(path, scope)
        if getattr(response, "path", None) != index or response.status_code != 200:
            return response
        headers = {k: v for k, v in response.headers.items()
                   if k.lower() in ("cache-control", "content-type")}
        return Response(body, status_code=200, headers=headers, media_type="text/html")

    handler.get_response = get_response
    return handler
