"""components/run_indicator.running() takes the same place on the page whether the sandbox workers
are ready (a transient spinner) or still starting (a still line): what follows it keeps its place,
so the browser does not mount the page's graph anew on the first run after the workers became ready
(it went blank for a moment and lost its zoom on a cold server's first click)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import sandbox


def _page() -> None:
    import streamlit as st

    from components import run_indicator

    st.caption("above")
    with run_indicator.running():
        pass
    st.button("after", key="after")


class _Pool:
    def __init__(self, ready: bool) -> None:
        self._ready = ready

    def ready(self) -> bool:
        return self._ready


def _place_of_the_button(monkeypatch, ready: bool) -> int:
    monkeypatch.setattr(sandbox, "get_pool", lambda: _Pool(ready))
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert not at.exception
    places = [i for i, child in at.main.children.items() if getattr(child, "key", None) == "after"]
    assert len(places) == 1
    return places[0]


@pytest.mark.parametrize("first_ready", [False, True])
def test_what_follows_keeps_its_place_when_the_workers_become_ready(monkeypatch, first_ready):
    before = _place_of_the_button(monkeypatch, first_ready)
    after = _place_of_the_button(monkeypatch, not first_ready)
    assert before == after == 2             # the caption, the indicator's one slot, the button


class _Slot:
    def __init__(self, calls: list) -> None:
        self.calls = calls

    def caption(self, text: str) -> None:
        self.calls.append(("caption", text))

    def empty(self) -> None:
        self.calls.append(("empty",))


def _still_line_calls(monkeypatch, seconds: float) -> list:
    import time

    from components import run_indicator

    calls: list = []
    monkeypatch.setattr(sandbox, "get_pool", lambda: _Pool(False))
    monkeypatch.setattr(run_indicator.st, "empty", lambda: _Slot(calls))
    with run_indicator.running():
        time.sleep(seconds)
    time.sleep(run_indicator.DELAY_S + 0.2)     # a timer that fired late would write now
    return calls


def test_a_quick_rerun_while_the_workers_start_shows_no_still_line(monkeypatch):
    assert _still_line_calls(monkeypatch, 0.0) == [("empty",)]   # a click's rerun: nothing moves


def test_a_run_longer_than_the_delay_says_the_workers_are_starting_then_clears_it(monkeypatch):
    from components.i18n import t

    calls = _still_line_calls(monkeypatch, 1.2)
    assert calls == [("caption", t("hosting.starting")), ("empty",)]
