"""The Jacobian page under an error (session 38): the last good run's Jacobian stays under the error,
said so (it dropped it at the first bad edit), and a program that errs and calls no jacobian(...) is
told to fix its error, not that a jacobian(...) call did not run."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state
from tests.app.test_lang import open_app

JAC = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0])\n"
       "J = torch.autograd.functional.jacobian(lambda v: v * v.sin(), x)\n")
BAD = {
    "syntax": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x.sum(\n",
    "runtime": "import torch\nx = torch.ones(2, 3)\nbad = torch.cat((x, x), dim=2)\n",
    "endless": "while True: pass\n",
}
PARTIAL = "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\nz = torch.cat((y, y), dim=3)\n"


def submit(at: AppTest, program: str) -> AppTest:
    at.text_area(key=state.EDITOR).input(program)
    return at.button(key=state.RUN_BUTTON).click().run()


def infos(at: AppTest) -> list[str]:
    return [info.value for info in at.info]


def charts(at: AppTest) -> list:
    return [c for c in at.get("plotly_chart")]


def d_sin_at(i: int) -> float:
    torch = pytest.importorskip("torch")
    x = torch.tensor([1.0, 2.0, 3.0])
    return float(torch.autograd.functional.jacobian(lambda v: v * v.sin(), x)[i, i])


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_edit_keeps_the_last_good_jacobian_and_its_cell(kind: str):
    at = open_app("jacobian.py", code=links.encode_code(JAC), cell="1,1")
    heading = f"∂y[1]/∂x[1] = {d_sin_at(1):.6g}"
    assert not at.exception and [s.value for s in at.subheader] == [heading]
    at = submit(at, BAD[kind])
    assert not at.exception, at.exception
    assert at.error
    said = infos(at)
    assert any("Last good run" in info for info in said), said
    assert not any("jacobian(...)" in info for info in said), said
    assert charts(at), "the last good heatmap stays"
    assert [s.value for s in at.subheader] == [heading]     # the clicked cell and its chain rule
    assert links.decode_code(at.query_params["code"]) == BAD[kind]
    assert "cell" not in at.query_params and "call" not in at.query_params


def test_a_bad_edit_after_dydx_keeps_it():
    at = open_app("jacobian.py", code=links.encode_code(state.DEFAULT_PROGRAM))
    assert not at.exception and charts(at)
    at = submit(at, BAD["syntax"])
    assert not at.exception and at.error
    assert any("Last good run" in info for info in infos(at))
    assert not any("calls no" in info for info in infos(at))
    assert charts(at) and at.selectbox(key=state.JACOBIAN_OF).value == "y"


@pytest.mark.parametrize("kind", ["syntax", "runtime"])
def test_an_error_without_a_jacobian_call_asks_to_fix_it(kind: str):
    at = open_app("jacobian.py", code=links.encode_code(BAD[kind]))
    assert not at.exception and at.error
    said = infos(at)
    assert any("Fix the program to see a Jacobian here" in info for info in said), said
    assert not any("jacobian(...)" in info or "Last good run" in info for info in said), said
    assert not [b for b in at.button if b.key == state.JACOBIAN_EXAMPLE]


def test_an_error_after_some_tensors_says_the_dydx_is_from_before_the_error():
    at = open_app("jacobian.py", code=links.encode_code(PARTIAL))
    assert not at.exception and at.error
    assert not any("jacobian(...)" in info for info in infos(at))
    assert any("before the error" in c.value for c in at.caption)
    assert charts(at)


def test_the_wording_in_chinese():
    at = open_app("jacobian.py", code=links.encode_code(BAD["runtime"]), lang="zh")
    assert any("请先修正程序" in info for info in infos(at))
    at = open_app("jacobian.py", code=links.encode_code(JAC), lang="zh")
    at = submit(at, BAD["runtime"])
    assert any("上一次成功的运行" in info for info in infos(at))
