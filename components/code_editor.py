"""The browser side of the program editor: CodeMirror 6 as two small Components-v2 components.

- `show(source, markers)` draws the editor. Its script (static/editor/codemirror.js, built from
  frontend/editor/, committed, served by Streamlit's static file serving) is loaded once per browser
  tab; each rerun sends only the program text and markers.
- `show_markers(markers)` is drawn by an error box: it marks the failing line and column in the
  editor's gutter, and its removal (the next good run) clears them.

Why CodeMirror 6 and this wrapper: see frontend/editor/README.md.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TypedDict

import streamlit as st
from streamlit import config

from autogradlab.report import ErrorInfo
from components.i18n import t

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "static" / "editor" / "codemirror.js"
EDITOR_KEY = "code_editor"            # the component's key: keeps one CodeMirror view across reruns
TEXTAREA = ".st-key-editor_source textarea"   # the form's text area (state.EDITOR) it writes into
RUN = ".st-key-run_button button"             # the form's Run button Ctrl+Enter clicks
FALLBACK = ".st-key-editor_source"            # hidden while the code editor works


class Marker(TypedDict):
    line: int            # 1-based
    column: int | None   # 1-based, in characters (code points)
    message: str
    title: str


_HIDE_FALLBACK = f"{FALLBACK} {{ display: none; }}"

# Both loaders import the same URL, so they share one module (and one editor registry). The inline
# scripts run from blob: URLs, so the bundle's path is made absolute against the page first.
_EDITOR_JS = """
const STYLE_ID = "agl-editor-hide-fallback";
function fallback(show, css) {
  let style = document.getElementById(STYLE_ID);
  if (!show && !style) {
    style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = css;
    document.head.appendChild(style);
  } else if (show && style) {
    style.remove();
  }
}
export default function (component) {
  const { data, parentElement } = component;
  fallback(false, data.hide);
  let cleanup = null;
  let gone = false;
  import(new URL(data.bundle, document.baseURI).href).then((cm) => {
    if (!gone) cleanup = cm.render(parentElement, data);
  }).catch((err) => {
    console.error("Autograd Lab: the code editor could not load; using the plain text box.", err);
    fallback(true, data.hide);
  });
  return () => { gone = true; if (cleanup) cleanup(); };
}
"""

_MARKERS_JS = """
let counter = 0;
export default function (component) {
  const { data } = component;
  const token = ++counter;
  let gone = false;
  let module = null;
  import(new URL(data.bundle, document.baseURI).href).then((cm) => {
    module = cm;
    if (!gone) cm.mark(token, data.markers);
  });
  return () => { gone = true; if (module) module.unmark(token); };
}
"""

_CSS = ".agl-editor-label { font-size: 0.875rem; margin: 0 0 0.25rem 0; color: inherit; }"

_editor = st.components.v2.component("autogradlab_code_editor", js=_EDITOR_JS, css=_CSS)
_markers = st.components.v2.component("autogradlab_editor_markers", js=_MARKERS_JS)


def bundle_url() -> str:
    """The bundle's address under Streamlit's static file serving, with a content version so a
    rebuilt bundle is never taken from a stale browser cache."""
    version = _bundle_version()
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/app/static/editor/codemirror.js?v={version}"


@st.cache_resource
def _bundle_version() -> str:
    return hashlib.sha256(BUNDLE.read_bytes()).hexdigest()[:12]


def marker_for(error: ErrorInfo, title: str = "") -> Marker | None:
    if error.line is None or error.line < 1:
        return None
    return Marker(line=int(error.line), column=int(error.column) if error.column else None,
                  message=error.message, title=title)


def show(source: str, markers: list[Marker] | tuple[Marker, ...] | None = None) -> None:
    data = {"bundle": bundle_url(), "source": source, "textarea": TEXTAREA, "run": RUN,
            "hide": _HIDE_FALLBACK, "label": t("common.editor_label")}
    if markers is not None:
        data["markers"] = list(markers)
    st.markdown(t("common.editor_bar"), help=t("common.editor_help"))
    _editor(key=EDITOR_KEY, data=data, height="content")


def show_markers(markers: list[Marker]) -> None:
    _markers(data={"bundle": bundle_url(), "markers": markers})
