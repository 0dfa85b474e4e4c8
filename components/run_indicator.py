"""What a page shows while its program runs: a spinner with the elapsed time, or, while the server's
sandbox workers are still starting (the first visits after a start), a still line that says so.

A spinner is an animation: a headless Chromium spent ~6-9 % of a core on it (renderer and GPU
process; a still page ~0 %) for as long as the first visitor waited for `import torch` in the
worker, on the same 2 cores as that import (bench/app_startup.py --cpu: ours' browser used 1-2 s
more CPU than the naive app's until its first graph under load). A still line costs nothing and
tells the student why the first run takes longer.

Both ways take the same one place on the page (an empty slot: st.spinner itself is transient and
takes none). Otherwise the run after the workers became ready put every element below one place
higher, and the browser mounted them anew: the clickable graph went blank for a moment and
reappeared, zoom and pan lost, on the first click of a server's first visitor.
The still line, like the spinner, shows only when the block takes longer than DELAY_S: a rerun that
runs nothing (a node clicked, the report from the cache) pushed the graph down by the line's height and
back while the workers were starting.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import streamlit as st

from components.i18n import t

DELAY_S = 0.5   # st.spinner's own delay (streamlit.elements.spinner.DELAY_SECS)


@contextlib.contextmanager
def running() -> Iterator[None]:
    from autogradlab import sandbox

    slot = st.empty()
    if sandbox.get_pool().ready():
        with st.spinner(t("common.running"), show_time=True):
            yield
        return
    text, lock, done = t("hosting.starting"), threading.Lock(), []

    def show() -> None:
        with lock:
            if not done:
                slot.caption(text)

    from streamlit.runtime.scriptrunner import add_script_run_ctx

    timer = threading.Timer(DELAY_S, show)
    add_script_run_ctx(timer)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            done.append(True)
            slot.empty()
