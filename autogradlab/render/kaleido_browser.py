"""One kaleido Chromium kept for the figure exports of this process.

plotly's `to_image` starts a new headless Chromium for every file (seconds each: most of a PNG
download's wait, and of an `export` command that writes several figures). Here the first export
starts one (kaleido's `Kaleido`, on an event loop in a daemon thread) and later exports reuse it;
after IDLE_S without an export it is closed, so an idle server holds no browser. Any failure
(a crash, a hang past CALL_TIMEOUT_S) closes it and the export is made the old way, through plotly's
one-off Chromium, so a broken browser costs one slow export, never a wrong or missing file.
Calls from several threads (Streamlit sessions) are safe: each is a coroutine on the one loop."""

from __future__ import annotations

import asyncio
import atexit
import logging
import threading
from typing import Any

START_TIMEOUT_S = 60.0
CALL_TIMEOUT_S = 60.0
IDLE_S = 300.0

_log = logging.getLogger(__name__)


class _Browser:
    """The kept Chromium: a Kaleido opened on its own event loop."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kaleido-browser", daemon=True)
        self.thread.start()
        self.kaleido: Any = None
        try:
            self.kaleido = self._call(self._open(), START_TIMEOUT_S)
        except BaseException:
            self.close()
            raise

    async def _open(self) -> Any:
        import kaleido

        browser = kaleido.Kaleido(n=1)
        await browser.open()
        return browser

    def _call(self, coroutine: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def render(self, fig_dict: dict, opts: dict) -> bytes:
        return self._call(self.kaleido.calc_fig(fig_dict, opts=opts), CALL_TIMEOUT_S)

    def close(self) -> None:
        """Close the Chromium (waiting a little) and stop the loop; never raises."""
        try:
            if self.kaleido is not None:
                self._call(self.kaleido.close(), 10.0)
        except BaseException as exc:  # noqa: BLE001 - a dead browser is closed already
            _log.debug("kaleido browser close: %s", exc)
        self.loop.call_soon_threadsafe(self.loop.stop)


_lock = threading.Lock()
_browser: _Browser | None = None
_idle_timer: threading.Timer | None = None


def _close_if(browser: _Browser) -> None:
    global _browser
    with _lock:
        if _browser is not browser:
            return
        _browser = None
    browser.close()


def _kept() -> _Browser:
    global _browser
    with _lock:
        if _browser is None:
            _browser = _Browser()
        return _browser


def _idle_from_now(browser: _Browser) -> None:
    """Close `browser` IDLE_S after this (the latest) export, unless another one comes first."""
    global _idle_timer
    with _lock:
        if _idle_timer is not None:
            _idle_timer.cancel()
        _idle_timer = threading.Timer(IDLE_S, _close_if, args=(browser,))
        _idle_timer.daemon = True
        _idle_timer.start()


def close() -> None:
    """Close the kept browser now (tests, shutdown)."""
    with _lock:
        browser = _browser
    if browser is not None:
        _close_if(browser)


atexit.register(close)


def is_open() -> bool:
    return _browser is not None


def to_image(figure: Any, fmt: str, width: int, height: int) -> bytes:
    """`figure` (a plotly Figure) as `fmt` bytes at width × height, through the kept Chromium, or
    plotly's own one-off Chromium when the kept one cannot be had."""
    browser = None
    try:
        browser = _kept()
        data = browser.render(figure.to_dict(), {"format": fmt, "width": width, "height": height,
                                                 "scale": 1})
        _idle_from_now(browser)
        return data
    except Exception as exc:  # noqa: BLE001 - start-up failed, crashed or hung: the old way
        _log.info("kaleido browser unusable (%s: %s); one-off export", type(exc).__name__, exc)
        if browser is not None:
            threading.Thread(target=_close_if, args=(browser,), daemon=True).start()
    return figure.to_image(format=fmt, width=width, height=height)
