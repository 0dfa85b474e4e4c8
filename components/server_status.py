"""The teacher's view of the server (`/status`): the figures of autogradlab/host_status.py, refreshed
every few seconds, behind a secret.

The page is off unless the server was started with AUTOGRADLAB_STATUS_KEY; then it opens only with
`?key=` equal to that secret (compared in constant time). It shows counts and sizes only: no
program text, no session ids, nothing a student typed.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

from autogradlab import host_status
from components import cached
from components.i18n import t

STATUS_KEY_ENV = "AUTOGRADLAB_STATUS_KEY"
REFRESH_S = 5


def enabled() -> bool:
    return bool(os.environ.get(STATUS_KEY_ENV, "").strip())


def allowed(given: object) -> bool:
    """True when the page is on and `given` is its secret."""
    secret = os.environ.get(STATUS_KEY_ENV, "").strip()
    return bool(secret) and isinstance(given, str) and hmac.compare_digest(given.encode(), secret.encode())


def session_count() -> int | None:
    """Browser sessions connected to this server (Streamlit's runtime; None if it cannot say)."""
    try:
        from streamlit.runtime import Runtime

        return Runtime.instance()._session_mgr.num_active_sessions()
    except Exception:  # noqa: BLE001 - Streamlit internals: a count is not worth a crash
        return None


def _shown(value: object, unit: str = "") -> str:
    return t("hosting.unknown") if value is None else f"{value}{unit}"


@st.fragment(run_every=REFRESH_S)
def show() -> None:
    record = host_status.snapshot(cached.warm_pool().stats(), session_count())
    cells = [
        ("hosting.sessions", _shown(record["sessions"])),
        ("hosting.runs_per_min", _shown(record["runs_last_min"])),
        ("hosting.busy_per_min", _shown(record["busy_last_min"])),
        ("hosting.queued", _shown(record["queued"])),
        ("hosting.running", f"{record['running']} / {record['workers']}"),
        ("hosting.mean_run", _shown(record["mean_run_ms"], " ms")),
        ("hosting.memory", _shown(record["memory_mb"], " MB")),
    ]
    with st.container(key="server_status"):
        for column, (label, value) in zip(st.columns(len(cells)), cells, strict=True):
            column.metric(t(label), value)
        st.caption(t("hosting.totals", runs=record["runs_total"], busy=record["busy_total"],
                     seconds=REFRESH_S))
