"""Session 26 UI fixes, checked through the components the pages use."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from autogradlab import links
from autogradlab.render import heatmap
from autogradlab.render.heatmap_file import TICK_PX, TITLE_PX
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord
from components import state
from components.heatmap import export_figure


def _record(side: int) -> JacobianRecord:
    matrix = (np.random.default_rng(1).normal(size=(side, side)) * 0.7).astype(np.float32)
    return JacobianRecord(index=0, line=3, text="J = jacobian(f, x)", input_names=("x",), output_name="y",
                          input_shapes=((side,),), output_shapes=((side,),), input_is_tuple=False,
                          output_is_tuple=False, dtypes=("float32",), matrix=matrix, strategy="reverse",
                          why="", timing_ms=1.0, checks=JacobianChecks())


def test_normal_mode_download_has_its_text_sized_for_the_file_not_the_screen():
    """The Jacobian page's PNG/SVG in normal mode kept the screen's 11 px numbers in 95 px cells."""
    for side in (3, heatmap.CELL_TEXT_MAX):
        shown = heatmap.jacobian_figure(_record(side))
        for presenting in (False, True):
            saved = export_figure(_record(side), "en", presenting)
            assert saved.data[0].textfont.size >= 1.5 * shown.data[0].textfont.size
            assert saved.layout.xaxis.tickfont.size == TICK_PX and saved.layout.title.font.size == TITLE_PX


def test_presentation_download_is_sized_once_not_enlarged_again():
    saved = export_figure(_record(heatmap.CELL_TEXT_MAX), "en", True)
    screen = export_figure(_record(heatmap.CELL_TEXT_MAX), "en", False)
    assert saved.data[0].textfont.size >= screen.data[0].textfont.size   # 1920×1080: cells are larger
    assert saved.data[0].textfont.size <= 40


# --- The Jacobian page's empty state: a program that computes its Jacobians with torch.func ---

ROOT = Path(__file__).resolve().parents[2]
FUNC = ("import torch\nfrom torch.func import jacrev, jacfwd, hessian, vmap\n"
        "def f(x):\n    return torch.sin(x) * x\n"
        "x = torch.randn(2, 3)\nJ = vmap(lambda r: jacrev(f)(r))(x)\n"
        "H = vmap(lambda r: hessian(lambda v: f(v).sum())(r))(x)\n"
        "print(J.shape, H.shape)\n")


def _jacobian_page(source: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / "jacobian.py"), default_timeout=90)
    at.query_params["code"] = links.encode_code(source)
    at.query_params["lang"] = lang
    return at.run()


def test_nothing_to_pick_is_said_once_without_asking_to_pick():
    """It said "Pick a tensor Y and a leaf X" and, below, that there was nothing to pick."""
    at = _jacobian_page(FUNC)
    assert not at.exception
    (info,) = at.info
    assert "calls no `jacobian(...)`" in info.value and "Pick a tensor" not in info.value
    assert "no dY/dX to show" in info.value
    captions = " ".join(c.value for c in at.caption)
    # session 38: a call at the program's own level is drawn; these run inside vmap's function
    assert "its `jacrev(...)`, `hessian(...)` calls ran inside another transform" in captions
    assert "jacfwd" not in captions            # imported, never called
    assert "No tensor here has a grad_fn" not in captions
    assert at.button(key=state.JACOBIAN_EXAMPLE).label == "Load an example"
    assert not at.selectbox                    # no empty Y / X pickers


def test_the_same_empty_state_in_chinese():
    at = _jacobian_page(FUNC, "zh")
    assert not at.exception
    assert "没有 dY/dX 可以显示" in at.info[0].value
    assert "`jacrev(...)`、`hessian(...)` 调用在另一个变换" in " ".join(c.value for c in at.caption)


def test_a_program_with_something_to_pick_still_offers_the_pickers():
    source = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = torch.sin(x) * 2\n"
    at = _jacobian_page(source)
    assert not at.exception
    assert "Pick a tensor Y" in at.info[0].value
    assert [s.label for s in at.selectbox] == ["Y", "X"]
