"""EVERY gallery entry, opened through its card's link (the link's query on the page it names), runs
on that page without an exception and draws its figure, or shows the error box when the lesson's
example stops with an error (tests/programs/manifest.py says which). The browser test
(tests/e2e/test_gallery_browser.py) opens one entry per page in Chromium; this checks all of them at
the AppTest level, the same outcome without a browser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import gallery

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
VIEWS = {"graph": "graph.py", "steps": "steps.py", "jacobian": "jacobian.py", "eigen": "eigen.py"}


def expected_error(entry: gallery.Entry) -> bool:
    from tests.programs.manifest import PROGRAMS

    return any(s.file == entry.file and s.seed == entry.seed and not s.ok for s in PROGRAMS)


def open_entry(entry: gallery.Entry) -> AppTest:
    """What a click on the card does: its link's path names the page, its query fills it."""
    parts = urlsplit(entry.link())
    assert parts.path == gallery.PAGE_PATHS[entry.page]
    at = AppTest.from_file(str(ROOT / "views" / VIEWS[entry.page]), default_timeout=TIMEOUT)
    for key, values in parse_qs(parts.query).items():
        at.query_params[key] = values[0]
    return at.run()


def svgs(at: AppTest) -> list[str]:
    drawn = [e.proto.json for e in at.get("bidi_component") if "<svg" in e.proto.json]
    return drawn + [m.value for m in at.markdown if isinstance(m.value, str) and "<svg" in m.value]


def figure_drawn(at: AppTest, entry: gallery.Entry) -> bool:
    if entry.page == "graph" and "backward" not in entry.program:   # no autograd: the values
        return bool(at.dataframe) or any(c.value for c in at.code)
    if entry.page in ("jacobian", "eigen"):
        return bool(at.get("plotly_chart"))
    return bool(svgs(at))


@pytest.mark.parametrize("entry", gallery.entries(), ids=lambda e: e.id)
def test_entry_link_runs_on_its_page(entry: gallery.Entry):
    at = open_entry(entry)
    assert not at.exception, at.exception
    from autogradlab import links

    assert links.decode_code(at.query_params["code"]) == entry.program   # the program stayed
    if expected_error(entry):
        assert at.error, "the lesson's example stops with an error: the error box shows it"
    else:
        assert not at.error, at.error[0].value
        assert figure_drawn(at, entry), f"{entry.page} page drew no figure"
