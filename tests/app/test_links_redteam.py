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


def test_eigen_link_complaints_are_chinese_on_a_chinese_page():
    """Session 13: `v=abc` and an over-long `v` were said in English on /eigen?lang=zh."""
    from tests.app.test_zh_no_english import english

    for params in ({"v": "abc"}, {"v": "1," * 3000}, {"matrix": '[["a",1],[1,1]]'}, {"v": "0,0"},
                   {"matrix": "[[1,2],[3]]"}):
        at = AppTest.from_file(EIGEN, default_timeout=60)
        at.query_params["lang"] = "zh"
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception
        shown = " ".join(w.value for w in at.warning)
        assert "此链接无法按原样使用" in shown and not english(shown), (params, shown)
        assert at.get("plotly_chart"), "the default figure is still shown"
