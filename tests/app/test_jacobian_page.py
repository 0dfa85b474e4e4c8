"""The Jacobian page (real sandbox): heatmaps of the program's jacobian() calls, the checks, a cell
from the link with its chain-rule paths, dY/dX pickers for programs without a call."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 90
PAGE = str(Path(__file__).resolve().parents[2] / "views" / "jacobian.py")
LESSON = (Path(__file__).resolve().parents[2] / "lessons" / "seed004_jacobian_funx.py").read_text()
NO_CALL = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * x + x.sum()\n"


def open_page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _charts(at: AppTest) -> list:
    return at.get("plotly_chart")


def test_lesson_link_shows_heatmap_strategy_and_checks() -> None:
    at = open_page(code=links.encode_code(LESSON))
    assert not at.exception
    assert len(_charts(at)) == 1
    text = " ".join(m.value for m in at.markdown)
    assert "Reverse" in text and "2 outputs, 2 inputs" in text
    assert any("✓ checks agree" in s.value for s in at.success)
    assert at.query_params["call"] == "0"
    assert any("begin{bmatrix}" in x.value for x in at.get("latex") if hasattr(x, "value")) or at.latex


def test_linked_cell_shows_the_sum_over_paths() -> None:
    at = open_page(code=links.encode_code(LESSON), call="0", cell="1,1")
    assert not at.exception
    assert any("= 16" in h.value for h in at.subheader), [h.value for h in at.subheader]
    table = next(m.value for m in at.markdown if "sum over paths" in m.value)
    assert "**sum** | **16**" in table
    assert any("the sum equals J[1, 1]" in c.value for c in at.caption)
    assert at.query_params["cell"] == "1,1"


def test_program_without_jacobian_offers_dydx() -> None:
    at = open_page(code=links.encode_code(NO_CALL))
    assert not at.exception
    assert at.selectbox(key=state.JACOBIAN_OF).value == "y"
    assert at.selectbox(key=state.JACOBIAN_WRT).value == "x"
    assert len(_charts(at)) == 1
    assert any("own graph" in m.value for m in at.markdown)


def test_bad_cell_link_warns_and_keeps_the_page() -> None:
    at = open_page(code=links.encode_code(LESSON), cell="a,b")
    assert not at.exception
    assert any("cell" in w.value for w in at.warning)
    assert len(_charts(at)) == 1


def test_big_jacobian_is_downsampled_with_an_exact_window() -> None:
    big = ("import torch\nfrom torch.autograd.functional import jacobian\n"
           "x = torch.linspace(-1, 1, 600)\nJ = jacobian(lambda v: torch.sin(v).repeat(2), x)\n")
    at = open_page(code=links.encode_code(big))
    assert not at.exception
    assert len(_charts(at)) == 2        # the downsampled heatmap and the exact window
    assert at.slider(key=state.JACOBIAN_ZOOM_ROWS).value == (0, 500)


BIG = ("import torch\nfrom torch.autograd.functional import jacobian\ntorch.manual_seed(1)\n"
       "W = torch.randn(90, 50)\nx = torch.randn(50)\n"
       "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)\n")


def test_linked_cell_of_a_big_jacobian_follows_that_row() -> None:
    at = open_page(code=links.encode_code(BIG), call="0", cell="42,7")      # 4,500 entries
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any("row (42)" in c for c in captions), captions
    assert any("the sum equals J[42, 7]" in c for c in captions), captions
    table = next(m.value for m in at.markdown if "sum over paths" in m.value)
    assert "**sum**" in table and "→" in table


TUPLE_OUT = ("import torch\nfrom torch.autograd.functional import jacobian\n"
             "x = torch.tensor([0.5, -1.0, 2.0])\nJ = jacobian(lambda v: (v.sin() * v, v.sum()), x)\n")


def test_linked_cell_of_a_tuple_output_shows_its_paths() -> None:
    at = open_page(code=links.encode_code(TUPLE_OUT), call="0", cell="3,1")   # d(sum)/dx[1] = 1
    assert not at.exception
    assert any("= 1" in h.value for h in at.subheader), [h.value for h in at.subheader]
    captions = [c.value for c in at.caption]
    assert any("the sum equals J[3, 1]" in c for c in captions), captions
    assert any("concatenated" in c for c in captions), captions


def test_dydx_after_backward_freed_the_graph_is_shown() -> None:
    freed = NO_CALL + "y.sum().backward()\n"
    at = open_page(code=links.encode_code(freed))
    assert not at.exception
    assert len(_charts(at)) == 1
    # (since session 34 the dY/dX run keeps the graphs from its start: no second run, jacobian_dydx.py)
    assert any("kept every backward()'s graph" in c.value for c in at.caption), [c.value for c in at.caption]


def test_dydx_without_any_check_says_so_instead_of_checks_agree() -> None:
    """dY/dX read from the graph has no function to check by finite differences: the page showed a
    green "✓ checks agree — max error no check could run". A plain note instead, en and zh."""
    for lang, words in (("en", "No check could run"), ("zh", "没有可运行的检验")):
        at = open_page(code=links.encode_code(NO_CALL), lang=lang)
        assert not at.exception
        assert len(_charts(at)) == 1
        assert not at.success and not at.warning, [s.value for s in at.success]
        assert any(words in i.value for i in at.info), [i.value for i in at.info]


def test_an_empty_editor_says_so_as_the_graph_and_steps_pages_do() -> None:
    """An empty program got "This program calls no jacobian(...)"; it now gets the empty-editor text
    with an example (en and zh), and a program without jacobian() keeps the no-call text."""
    for lang, empty, no_call in (("en", "The editor is empty", "calls no `jacobian(...)`"),
                                 ("zh", "编辑器是空的", "没有调用 `jacobian(...)`")):
        at = open_page(code=links.encode_code(NO_CALL), lang=lang)
        assert any(no_call in i.value for i in at.info) and not any(empty in i.value for i in at.info)
        at.text_area(key=state.EDITOR).input("")
        at = at.button(key=state.RUN_BUTTON).click().run()
        assert not at.exception
        shown = [i.value for i in at.info]
        assert any(empty in i and "jacobian(lambda v" in i for i in shown), shown
        assert not any(no_call in i for i in shown), shown
        assert not _charts(at) and not at.selectbox
        at = at.button(key=state.JACOBIAN_EXAMPLE).click().run()
        assert len(_charts(at)) == 1, "the example loads and runs"


# PyTorch's "Learn the Basics" autograd page: `out` is built from `inp` only; `w` belongs to another graph.
TWO_GRAPHS = ("import torch\nw = torch.randn(3, 2, requires_grad=True)\nz = (torch.ones(3) @ w).sum()\n"
              "inp = torch.eye(2, 3, requires_grad=True)\nout = (inp + 1).pow(2).t()\n")


def test_dydx_starts_with_a_leaf_the_output_depends_on() -> None:
    """Session 23's look: X defaulted to the program's first leaf `w`, and dout/dw was a blank map."""
    at = open_page(code=links.encode_code(TWO_GRAPHS))
    assert not at.exception
    assert at.selectbox(key=state.JACOBIAN_OF).value == "out"
    assert at.selectbox(key=state.JACOBIAN_WRT).value == "inp"
    assert not any("Every entry is 0" in i.value for i in at.info)


def test_an_all_zero_jacobian_says_why_it_is_blank() -> None:
    """dY/dX all zero: the engine's note says so (once); a jacobian() call's all-zero matrix: the page."""
    at = open_page(code=links.encode_code(TWO_GRAPHS))
    at.selectbox(key=state.JACOBIAN_WRT).set_value("w").run()
    assert not at.exception
    assert any("'out' does not depend on 'w'" in c.value for c in at.caption), [c.value for c in at.caption]
    assert not any("Every entry is 0" in i.value for i in at.info)
    flat = ("import torch\nfrom torch.autograd.functional import jacobian\nx = torch.ones(3)\n"
            "J = jacobian(lambda v: v * 0, x)\n")
    for lang, said in (("en", "Every entry is 0: `"), ("zh", "所有元素都是 0")):
        page = open_page(code=links.encode_code(flat), lang=lang)
        assert not page.exception
        assert any(said in i.value for i in page.info), [i.value for i in page.info]
