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


def _spec(entry: gallery.Entry):
    from tests.programs.manifest import PROGRAMS

    return next(s for s in PROGRAMS if s.file == entry.file and s.seed == entry.seed)


def _same(got: str, want: str, loose: tuple[str, ...]) -> bool:
    """Equal lines, except lines that match one of the manifest's nondeterministic patterns (id())."""
    import re

    from tests.oracle import without_address

    got_lines, want_lines = without_address(got).split("\n"), without_address(want).split("\n")
    return len(got_lines) == len(want_lines) and all(
        g == w or any(re.fullmatch(p, g) and re.fullmatch(p, w) for p in loose)
        for g, w in zip(got_lines, want_lines, strict=True))


ORACLE_ENTRIES = [entry for entry in gallery.entries() if _spec(entry).oracle]


@pytest.mark.parametrize("entry", ORACLE_ENTRIES, ids=lambda e: e.id)
def test_entry_on_the_graph_page_shows_what_plain_pytorch_prints_and_displays(entry: gallery.Entry):
    """The entry's program and seed (the card's link) on the Graph page, which shows a run's printed
    text and its bare expressions' values: both as plain Python + PyTorch give them, line for line."""
    from tests.oracle import run_trusted

    spec, want = _spec(entry), run_trusted(entry.program, entry.seed)
    at = AppTest.from_file(str(ROOT / "views" / "graph.py"), default_timeout=TIMEOUT)
    for key, value in entry.query().items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    blocks = [c.value for c in at.code]
    if want.printed:
        assert any(_same(b, want.printed.rstrip("\n"), spec.nondeterministic_lines) for b in blocks), \
            (want.printed, blocks)
    position = 0           # the displayed values, in the program's order (a failing run: its error box)
    for line, text in want.displayed if want.error is None else ():
        found = [i for i in range(position, len(blocks))
                 if _same(blocks[i], text, spec.nondeterministic_lines)]
        assert found, f"line {line}: {text!r} not shown (after block {position}): {blocks}"
        position = found[0] + 1
    assert bool(at.error) == (want.error is not None)
