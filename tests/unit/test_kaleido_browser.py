"""The kept kaleido Chromium (render/kaleido_browser.py): the same files as plotly's own one-off
export, one browser for many exports and threads, a broken browser falls back, an idle one closes."""

from __future__ import annotations

import threading
import time

import plotly.graph_objects as go
import pytest

from autogradlab.render import kaleido_browser


def heatmap(top: float) -> go.Figure:
    return go.Figure(go.Heatmap(z=[[1.0, 2.0], [3.0, top]], text=[["1", "2"], ["3", str(top)]],
                                texttemplate="%{text}"), layout={"title": {"text": f"top {top}"}})


def wait_until(condition, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture(autouse=True)
def _closed():
    kaleido_browser.close()
    yield
    kaleido_browser.close()


def test_same_png_as_plotly_and_one_browser_for_every_export():
    fig = heatmap(32.0)
    reference = fig.to_image(format="png", width=640, height=360)   # plotly's one-off Chromium
    first = kaleido_browser.to_image(fig, "png", 640, 360)
    kept = kaleido_browser._browser
    assert first == reference and kept is not None
    assert kaleido_browser.to_image(fig, "png", 640, 360) == reference
    svg = kaleido_browser.to_image(fig, "svg", 640, 360)
    assert svg.lstrip().startswith(b"<svg") and b">32.0<" in svg and b"top 32.0" in svg
    assert kaleido_browser._browser is kept   # the same Chromium answered all three


def test_threads_each_get_their_own_figure():
    figures = [heatmap(float(10 + i)) for i in range(6)]
    results: dict[int, bytes] = {}

    def export(i: int) -> None:
        results[i] = kaleido_browser.to_image(figures[i], "svg", 640, 360)

    threads = [threading.Thread(target=export, args=(i,)) for i in range(len(figures))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(results) == list(range(len(figures)))
    for i, svg in results.items():
        assert f"top {10 + i}.0".encode() in svg, i
        others = [f"top {10 + j}.0".encode() for j in range(len(figures)) if j != i]
        assert not any(other in svg for other in others), i


def test_a_broken_browser_costs_one_slow_export_not_the_file(monkeypatch):
    fig = heatmap(5.0)
    kaleido_browser.to_image(fig, "svg", 640, 360)
    broken = kaleido_browser._browser

    def crash(*args, **kwargs):
        raise ConnectionResetError("the browser went away")

    monkeypatch.setattr(broken, "render", crash)
    svg = kaleido_browser.to_image(fig, "svg", 640, 360)   # through plotly's one-off Chromium
    assert b"top 5.0" in svg
    assert wait_until(lambda: kaleido_browser._browser is not broken)
    monkeypatch.undo()
    assert b"top 5.0" in kaleido_browser.to_image(fig, "svg", 640, 360)   # a new kept browser
    assert kaleido_browser._browser not in (None, broken)


def test_an_idle_browser_is_closed(monkeypatch):
    rendered = []
    render = kaleido_browser._Browser.render

    def spy(self, *args, **kwargs):
        rendered.append(self)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(kaleido_browser._Browser, "render", spy)
    monkeypatch.setattr(kaleido_browser, "IDLE_S", 1.0)
    assert b"top 1.0" in kaleido_browser.to_image(heatmap(1.0), "svg", 640, 360)
    [kept] = rendered   # the kept browser made it
    assert wait_until(lambda: not kaleido_browser.is_open())
    assert wait_until(lambda: not kept.thread.is_alive())   # its event loop has stopped too
