"""The teacher's /status page (views/status.py): off without a key, closed without the right one,
and with it the pool's real counters, never program text."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from autogradlab import messages, sandbox
from components import cached, server_status

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "status.py")
SECRET = "class-of-2026"
PROGRAM = "secret_variable_name = 42\n"


class IdlePool(sandbox.WorkerPool):
    """A real pool's counters without starting a worker process."""

    def warm(self) -> None:
        pass


@pytest.fixture
def pool(monkeypatch):
    idle = IdlePool(size=2)
    monkeypatch.setattr(cached, "warm_pool", lambda: idle)
    yield idle
    st.cache_resource.clear()


def _open(key: str | None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    if key is not None:
        at.query_params["key"] = key
    return at.run()


def test_without_a_configured_key_the_page_is_off(monkeypatch, pool):
    monkeypatch.delenv(server_status.STATUS_KEY_ENV, raising=False)
    at = _open(SECRET)
    assert at.info[0].value == messages.text("en", "hosting.status_off")
    assert not at.metric


def test_a_wrong_key_shows_nothing_of_the_server(monkeypatch, pool):
    monkeypatch.setenv(server_status.STATUS_KEY_ENV, SECRET)
    for key in (None, "", "class-of-2025", SECRET + " "):
        at = _open(key)
        assert at.info[0].value == messages.text("en", "hosting.status_key")
        assert not at.metric


def test_the_right_key_shows_the_pools_counters_and_no_program(monkeypatch, pool):
    monkeypatch.setenv(server_status.STATUS_KEY_ENV, SECRET)
    for seconds in (0.02, 0.04, 0.06):
        pool._note_run_time(seconds)
    with pool._cond:
        pool._active = 2 + pool._max_active   # a full server: the next run is refused
        pool._refusal(PROGRAM, 0)
        pool._active = 3                     # two running, one waiting
    at = _open(SECRET)
    shown = {metric.label: metric.value for metric in at.metric}
    label = lambda key: messages.text("en", key)  # noqa: E731
    assert shown[label("hosting.runs_per_min")] == "3"
    assert shown[label("hosting.busy_per_min")] == "1"
    assert shown[label("hosting.queued")] == "1"
    assert shown[label("hosting.running")] == "2 / 2"
    assert shown[label("hosting.memory")].endswith(" MB")
    page_text = " ".join([*shown.values(), *(caption.value for caption in at.caption)])
    assert "secret_variable_name" not in page_text and SECRET not in page_text


def test_the_page_speaks_chinese_too(monkeypatch, pool):
    monkeypatch.setenv(server_status.STATUS_KEY_ENV, SECRET)
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["key"] = SECRET
    at.query_params["lang"] = "zh"
    at.run()
    assert at.title[0].value == "服务器状态"
    assert messages.text("zh", "hosting.sessions") in {metric.label for metric in at.metric}
