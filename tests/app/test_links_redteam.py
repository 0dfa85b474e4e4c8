"""Hostile link parameters (session 5 red team): a number too large for a float in a page's JSON
parameter is a link warning with the page's default, never an exception on the page."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

EIGEN = str(Path(__file__).resolve().parents[2] / "views" / "eigen.py")
HUGE = "1" + "0" * 400          # valid JSON, an int too large for float()


def test_eigen_matrix_with_a_400_digit_number_warns_and_keeps_the_default():
    at = AppTest.from_file(EIGEN, default_timeout=60)
    at.query_params["matrix"] = f"[[{HUGE},1],[1,1]]"
    at.run()
    assert not at.exception
    assert any("finite numbers" in w.value for w in at.warning)
    charts = at.get("plotly_chart")
    assert charts and json.loads(charts[0].proto.spec)["layout"]["title"]["text"] == "A = [[2, 1], [2, 3]]"
