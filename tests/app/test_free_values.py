"""Expression mode's values table (issue 6 §2): a vector or matrix per free name, kept in the link,
and the numbers the run shows are PyTorch's for those values."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "steps.py")


def open_expression(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["code"] = links.encode_code("sin(x) * exp(y)")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown if "<svg" not in m.value)


def test_link_values_fill_the_table_and_the_run_uses_them():
    torch = pytest.importorskip("torch")
    at = open_expression(mode="forward", values="x=[1,2,3]; y=2")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["value"]) == ["[1,2,3]", "2"] and list(table["shape"]) == ["(3,)", "()"]
    expected = torch.sin(torch.tensor([1.0, 2.0, 3.0]))
    assert "[" + ", ".join(f"{v:.4f}" for v in expected.tolist()) + "]" in text(at)
    assert at.query_params["values"] == "x=[1,2,3]; y=2"


def test_a_matrix_value_and_a_bad_value_say_what_and_where():
    at = open_expression(mode="forward")
    at.session_state[state.STEPS_VALUES] = "x=[[1,2],[3,4]]; y=oops"
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["shape"]) == ["(2, 2)", "()"]
    assert any("`y`" in w.value and "oops" in w.value for w in at.warning)
    assert at.query_params["values"] == "x=[[1,2],[3,4]]"      # the bad value is left out (y = 1.0)


def test_an_edit_in_the_table_becomes_the_values_text():
    from components.free_values import merged_text, parse

    names, cells = ("x", "y"), {"y": "2"}
    text = merged_text(names, cells, {0: {"value": " [0.5, 1] "}})
    assert text == "x=[0.5, 1]; y=2"
    assert parse(names, text)[0] == (("x", [0.5, 1]), ("y", 2))
    assert merged_text(names, cells, {1: {"value": None}}) == ""         # emptied: 1.0 again
