"""AppTest tests of the program editor: the code editor gets the program the form holds, the page
still runs what the text area is given, and an error's line and column reach the editor's gutter.
Typing, keys and the drawn markers are tested in the browser (tests/e2e/test_editor_browser.py)."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlsplit

from streamlit.testing.v1 import AppTest

from autogradlab import links
from autogradlab.report import ErrorInfo
from components import code_editor, state

TIMEOUT = 60
BROKEN = "import torch\nX = torch.ones(3, 4)\nbad = torch.cat((X, X), dim=2)\n"
GOOD = "import torch\nw = torch.ones(2, requires_grad=True)\n(w * w).sum().backward()\n"


def component_data(at: AppTest, name: str) -> list[dict]:
    return [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == name]


def editor_data(at: AppTest) -> dict:
    (data,) = component_data(at, "autogradlab_code_editor")
    return data


def markers(at: AppTest) -> list[dict]:
    return [m for data in component_data(at, "autogradlab_editor_markers") for m in data["markers"]]


def run(at: AppTest, program: str) -> AppTest:
    at.text_area(key=state.EDITOR).input(program)
    return at.button(key=state.RUN_BUTTON).click().run()


def test_code_editor_shows_the_program_and_loads_the_committed_bundle(app_file: str):
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT).run()
    assert not at.exception
    data = editor_data(at)
    assert data["source"] == state.DEFAULT_PROGRAM == at.text_area(key=state.EDITOR).value
    assert data["textarea"] == f".st-key-{state.EDITOR} textarea"
    assert data["run"] == f".st-key-{state.RUN_BUTTON} button"
    url = urlsplit(data["bundle"])
    assert url.path == "/app/static/editor/codemirror.js"  # Streamlit's static serving of static/
    assert url.query == "v=" + hashlib.sha256(code_editor.BUNDLE.read_bytes()).hexdigest()[:12]
    assert code_editor.BUNDLE.stat().st_size < 500_000
    assert markers(at) == []


def test_program_run_through_the_text_area_reaches_the_code_editor(app_file: str):
    at = run(AppTest.from_file(app_file, default_timeout=TIMEOUT).run(), GOOD)
    assert editor_data(at)["source"] == GOOD
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 2.]"


def test_error_marks_its_line_and_column_and_a_good_run_clears_them(app_file: str):
    at = run(AppTest.from_file(app_file, default_timeout=TIMEOUT).run(), BROKEN)
    assert at.error[0].value.startswith("**Value error at line 3, column 7**")
    (marker,) = markers(at)
    assert (marker["line"], marker["column"]) == (3, 7)
    assert "dimension out of range" in marker["message"]
    assert marker["title"] == "Value error at line 3, column 7"
    assert editor_data(at)["source"] == BROKEN

    at = run(at, GOOD)
    assert not at.error
    assert markers(at) == []


def test_link_program_reaches_the_code_editor(app_file: str):
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    at.query_params["code"] = links.encode_code(GOOD)
    at = at.run()
    assert editor_data(at)["source"] == GOOD


def _explicit_markers_app():
    from components import editor

    editor.show(markers=[{"line": 2, "column": None, "message": "look here", "title": ""}])


def _no_line_error_app():
    from autogradlab.report import ErrorInfo
    from components import editor

    editor.show()
    editor.mark_error(ErrorInfo("timeout", "the program ran longer than 5 s"))


def test_a_page_may_pass_markers_to_show():
    at = AppTest.from_function(_explicit_markers_app).run()
    assert editor_data(at)["markers"] == [{"line": 2, "column": None, "message": "look here", "title": ""}]


def test_an_error_without_a_line_marks_nothing():
    at = AppTest.from_function(_no_line_error_app).run()
    assert not at.exception
    assert markers(at) == []
    assert "markers" not in editor_data(at)


def test_marker_for_keeps_line_column_and_message():
    error = ErrorInfo("name", "name 'y' is not defined", 4, 9, "define y first")
    assert code_editor.marker_for(error, "Name error") == {
        "line": 4, "column": 9, "message": "name 'y' is not defined", "title": "Name error"}
    assert code_editor.marker_for(ErrorInfo("syntax", "bad", 2, None))["column"] is None
