"""Fixtures for every test level.

PNG/SVG figures (plotly through kaleido) are drawn by a Chromium. By default kaleido starts a new
Chromium for every figure (~1 s of CPU and several seconds of wall time on a loaded 2-core machine);
here the first figure a test process draws starts kaleido's own long-lived server (one Chromium per
test process) and every later figure goes through it. Same Chromium, same plotly.js, same bytes; if
it cannot start (no Chromium), every figure goes the usual one-shot way and fails as it would
without this.
"""

from __future__ import annotations

import warnings

import pytest


def _one_chromium_for_all_figures() -> None:
    try:
        import kaleido
    except ImportError:
        return
    oneshot = kaleido.calc_fig_sync

    def calc_fig_sync(*args, **kwargs):
        server = kaleido._global_server
        if not server.is_running():
            try:
                kaleido.start_sync_server(silence_warnings=True)
            except Exception:  # noqa: BLE001 - no Chromium: the one-shot path says why
                return oneshot(*args, **kwargs)
        with warnings.catch_warnings():   # plotly always passes (empty) kopts; a server has its own
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return oneshot(*args, **kwargs)

    kaleido.calc_fig_sync = calc_fig_sync


def pytest_configure(config: pytest.Config) -> None:
    _one_chromium_for_all_figures()


def pytest_unconfigure(config: pytest.Config) -> None:
    try:
        import kaleido
    except ImportError:
        return
    if kaleido._global_server.is_running():
        kaleido.stop_sync_server(silence_warnings=True)
