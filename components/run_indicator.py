"""What a page shows while its program runs: a spinner with the elapsed time, or, while the server's
sandbox workers are still starting (the first visits after a start), a still line that says so.

A spinner is an animation: a headless Chromium spent ~6-9 % of a core on it (renderer and GPU
process; a still page ~0 %) for as long as the first visitor waited for `import torch` in the
worker, on the same 2 cores as that import (bench/app_startup.py --cpu: ours' browser used 1-2 s
more CPU than the naive app's until its first graph under load). A still line costs nothing and
tells the student why the first run takes longer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import streamlit as st

from components.i18n import t


@contextlib.contextmanager
def running() -> Iterator[None]:
    from autogradlab import sandbox

    if sandbox.get_pool().ready():
        with st.spinner(t("common.running"), show_time=True):
            yield
        return
    slot = st.empty()
    slot.caption(t("hosting.starting"))
    try:
        yield
    finally:
        slot.empty()
