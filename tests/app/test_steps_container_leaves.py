"""The Steps page with a model kept in a list of Layer objects (AppTest, real sandbox): tangent mode
offers its leaves by the paths the graph labels them by, picking one shows its tangents (compared with
torch.func.jvp), and a link's `dir` naming a path opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 90
PAGE = str(Path(__file__).resolve().parents[2] / "views" / "steps.py")
LAYERS = ("import torch\n"
          "class Layer:\n"
          "    def __init__(self, w):\n"
          "        self.w = torch.tensor(w, requires_grad=True)\n"
          "    def __call__(self, x):\n"
          "        return x * self.w\n"
          "layers = [Layer([1.0, 2.0]), Layer([3.0, -1.0])]\n"
          "x = torch.tensor([0.5, 2.0])\n"
          "for layer in layers:\n"
          "    x = layer(x)\n"
          "y = (x * x).sum()\n")


def open_link(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def card(at: AppTest) -> str:
    return " ".join(m.value for m in at.get("markdown") if isinstance(m.value, str))


def output_tangent(text: str) -> float:
    """The number the last step's card gives as the output's tangent J·v (`1.5`, `-32.`)."""
    return float(text.split("Output tangent **J·v** = `", 1)[1].split("`", 1)[0])


def last_step(at: AppTest) -> AppTest:
    return at.button(key="steps_last").click().run()


def jvp(index: int, v: list[float]) -> float:
    """ẏ along v given to layers[index].w, by plain PyTorch."""
    torch = pytest.importorskip("torch")
    ws = [torch.tensor([1.0, 2.0]), torch.tensor([3.0, -1.0])]

    def y(w: torch.Tensor) -> torch.Tensor:
        x = torch.tensor([0.5, 2.0])
        for k, other in enumerate(ws):
            x = x * (w if k == index else other)
        return (x * x).sum()

    _, tangent = torch.func.jvp(y, (ws[index],), (torch.tensor(v),))
    return float(tangent)


def test_the_picker_offers_the_paths_and_picking_one_shows_its_tangents():
    at = open_link(code=links.encode_code(LAYERS), mode="tangent")
    assert not at.exception
    picker = at.pills(key=state.STEPS_DIRECTION_LEAF)
    assert list(picker.options) == ["layers[0].w", "layers[1].w"]
    assert picker.value == "layers[0].w"                        # the default direction's leaf
    assert not [c.value for c in at.caption if "no forward-mode steps" in c.value]
    assert output_tangent(card(last_step(at))) == pytest.approx(jvp(0, [1.0, 0.0]))
    at = at.pills(key=state.STEPS_DIRECTION_LEAF).set_value("layers[1].w").run()
    assert not at.exception and not at.warning
    assert at.text_input(key=state.STEPS_DIRECTION).value == "layers[1].w=[1,0]"
    assert at.query_params["dir"] == "layers[1].w=[1,0]"
    assert at.pills(key=state.STEPS_DIRECTION_LEAF).value == "layers[1].w"
    text = card(last_step(at))
    assert r"direction v: layers\[1\]\.w = \[1\., 0\.\]" in text
    assert output_tangent(text) == pytest.approx(jvp(1, [1.0, 0.0]))


def test_a_link_naming_a_path_opens_its_tangents():
    at = open_link(code=links.encode_code(LAYERS), mode="tangent", dir="layers[1].w=[0,1]")
    assert not at.exception and not at.warning
    assert at.text_input(key=state.STEPS_DIRECTION).value == "layers[1].w=[0,1]"
    assert at.pills(key=state.STEPS_DIRECTION_LEAF).value == "layers[1].w"
    assert output_tangent(card(last_step(at))) == pytest.approx(jvp(1, [0.0, 1.0]))
    assert at.query_params["dir"] == "layers[1].w=[0,1]"
