"""A Jacobian link whose `cell` lies outside the program's Jacobian (an old link, an edited program)
says so in the page's language and shows the heatmap with no cell chosen; the URL then drops the
cell, so it reproduces what is shown. Before session 13 the cell was silently ignored and kept."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "jacobian.py")
PROGRAM = ("import torch\nfrom torch.autograd.functional import jacobian\n"
           "J = jacobian(lambda v: v * v, torch.tensor([1.0, 2.0]))\n")


def open_page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_a_cell_outside_the_jacobian_warns_and_is_dropped_from_the_url():
    for lang, said in (("en", "is outside the 2×2 Jacobian"), ("zh", "超出了 2×2 的雅可比矩阵")):
        at = open_page(code=links.encode_code(PROGRAM), cell="5,0", lang=lang)
        assert not at.exception
        assert any(said in w.value for w in at.warning), [w.value for w in at.warning]
        assert at.get("plotly_chart"), "the heatmap is still shown"
        assert "cell" not in at.query_params


def test_a_cell_inside_the_jacobian_is_chosen():
    at = open_page(code=links.encode_code(PROGRAM), cell="1,1")
    assert not at.exception and not at.warning
    assert at.query_params["cell"] == "1,1"
    import torch

    expected = torch.autograd.functional.jacobian(lambda v: v * v, torch.tensor([1.0, 2.0]))[1, 1].item()
    assert any(h.value.endswith(f"= {expected:.6g}") for h in at.subheader), [h.value for h in at.subheader]


TWO = PROGRAM + "K = jacobian(lambda v: v.sin(), torch.tensor([1.0, 2.0, 3.0]))\n"


def test_a_call_beyond_the_programs_jacobians_warns_and_shows_the_first():
    """`call=5` for a program with two jacobian(...) calls: it was quietly clamped to the last call."""
    for lang, said in (("en", "must be 0 to 1 (this program's Jacobians), not 5"),
                       ("zh", "必须在 0 到 1 之间")):
        at = open_page(code=links.encode_code(TWO), call="5", lang=lang)
        assert not at.exception
        shown = [w.value.replace("\\", "") for w in at.warning]   # markdown's escapes: `\(` shows `(`
        assert any(said in text for text in shown), shown
        assert at.query_params["call"] == "0", "the URL says what is shown: the first call"
        assert at.selectbox[0].value == 0


def test_a_call_among_the_programs_jacobians_is_shown():
    at = open_page(code=links.encode_code(TWO), call="1")
    assert not at.exception and not at.warning
    assert at.selectbox[0].value == 1 and at.query_params["call"] == "1"
