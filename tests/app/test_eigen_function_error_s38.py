"""The Eigen page's "Jacobian of a function" under a syntax error (session 38): it said "the program
defines no function of one argument" (a syntax error hides every def) and showed no error; now the
error box names the error and its line, and the last good matrix stays."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state
from tests.app.test_eigen_page import title

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "eigen.py")
GOOD = "import torch\ndef f(p):\n    return torch.stack([p[0] * p[1], p[0] - p[1] ** 2])\n"
SYNTAX = "import torch\ndef f(p):\n    return p * 2\nx = (\n"


def test_a_syntax_error_is_named_and_the_last_good_matrix_stays():
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.query_params.update({"code": links.encode_code(GOOD), "fn": "f", "at": "2, 3"})
    at = at.run()
    assert not at.exception and at.radio(key=state.EIGEN_SOURCE).value == state.EIGEN_SOURCES[2]
    at.text_area(key=state.EDITOR).input(SYNTAX)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert not at.exception
    assert at.error and "line 4" in at.error[0].value
    said = [w.value for w in at.warning]
    assert not any("defines no function" in w for w in said), said
    assert any("stopped with an error" in w and "last good matrix" in w for w in said), said
    assert title(at) == "A = [[3, 2], [1, −6]]", "the last good matrix stays on screen"
