"""The Steps page (AppTest, real sandbox): modes, step changes, the link round trip and bad links.
The numbers shown are compared with plain PyTorch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 90
PAGE = str(Path(__file__).resolve().parents[2] / "views" / "steps.py")
FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")
NO_BACKWARD = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\n"


def open_link(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def card(at: AppTest) -> str:
    return " ".join(m.value for m in at.get("markdown") if isinstance(m.value, str))


def slider(at: AppTest):
    return next(s for s in at.slider if s.key.startswith(state.STEPS_FRAME_PREFIX))


def grad_of_b() -> float:
    torch = pytest.importorskip("torch")
    x = torch.tensor(2.0, requires_grad=True)
    b = x * x
    d = (b + x) * b
    return float(torch.autograd.grad(d, b)[0])


def test_link_opens_mode_and_step_and_shows_the_fan_out_sum():
    at = open_link(code=links.encode_code(FAN_OUT), mode="reverse", step="2")
    assert not at.exception
    assert at.segmented_control(key=state.STEPS_MODE).value == "reverse"
    assert slider(at).value == 3
    text = card(at)
    assert "sum of the contributions" in text
    assert f"`{grad_of_b():g}.`" in text                      # b's adjoint, 10 = 6 + 4
    assert at.query_params["step"] == "2" and at.query_params["mode"] == "reverse"
    assert links.decode_code(at.query_params["code"]) == FAN_OUT


def test_next_and_previous_change_the_step_the_card_and_the_url():
    at = open_link(code=links.encode_code(FAN_OUT), mode="forward")
    assert slider(at).value == 1 and at.query_params["step"] == "0"
    first = card(at)
    at = at.button(key="steps_next").click().run()
    assert slider(at).value == 2 and at.query_params["step"] == "1"
    assert card(at) != first
    at = at.button(key="steps_last").click().run()
    n = int(slider(at).max)
    assert slider(at).value == n and at.query_params["step"] == str(n - 1)
    at = at.button(key="steps_previous").click().run()
    assert slider(at).value == n - 1
    at = at.button(key="steps_first").click().run()
    assert slider(at).value == 1


@pytest.mark.parametrize(("mode", "word"), [("forward", "Forward"), ("reverse", "Reverse"),
                                            ("tangent", "Tangent")])
def test_each_mode_has_its_card(mode: str, word: str):
    at = open_link(code=links.encode_code(FAN_OUT))
    at = at.segmented_control(key=state.STEPS_MODE).set_value(mode).run()
    assert not at.exception
    assert f"**{word}**" in card(at)
    assert at.query_params["mode"] == mode


def test_direction_link_sets_the_tangent_and_output_jv():
    at = open_link(code=links.encode_code(FAN_OUT), mode="tangent", dir="x=3", step="2")
    assert not at.exception
    assert at.text_input(key=state.STEPS_DIRECTION).value == "x=3"
    # d = (x² + x)·x², dd/dx = 4x³ + 3x² = 44 at x = 2; along v = 3: J·v = 132
    assert "`132.`" in card(at)
    assert at.query_params["dir"] == "x=3"


@pytest.mark.parametrize(("params", "expected"), [
    ({"mode": "sideways"}, "mode"),
    ({"mode": "reverse", "step": "99"}, "step"),
    ({"mode": "tangent", "dir": "x=[1,"}, "dir"),
])
def test_bad_links_warn_and_show_default_content(params: dict, expected: str):
    at = open_link(code=links.encode_code(FAN_OUT), **params)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "could not be used" in warnings and expected in warnings
    assert slider(at).value == 1
    assert "**" in card(at)


def test_reverse_without_backward_says_how_and_the_toggle_runs_one():
    at = open_link(code=links.encode_code(NO_BACKWARD), mode="reverse")
    assert not at.exception
    infos = " ".join(i.value for i in at.info)
    assert "backward()" in infos and "Run backward on the output" in infos
    at = at.toggle(key=state.STEPS_BACKWARD).set_value(True).run()
    assert not at.exception
    assert "**Reverse**" in card(at)


def test_expression_mode_offers_values_for_free_names():
    at = open_link(code=links.encode_code("sin(x) * exp(y)"), mode="reverse")
    assert not at.exception
    assert "free names" in " ".join(i.value for i in at.info)
    table = at.dataframe[0].value                              # the values table (free_values.py)
    assert list(table["name"]) == ["x", "y"] and list(table["value"]) == ["", ""]
    assert "**Reverse**" in card(at)


def test_program_error_shows_the_error_box_and_no_player():
    broken = "import torch\nx = torch.ones(2, 3)\ny = torch.cat((x, x), dim=2)\n"
    at = open_link(code=links.encode_code(broken))
    assert not at.exception
    assert not [s for s in at.slider if s.key and s.key.startswith(state.STEPS_FRAME_PREFIX)]
    assert any("Fix the program" in i.value for i in at.info)


def test_a_direction_of_the_wrong_shape_says_how_to_go_on():
    """`dir=x=[1,2,3]` for a 0-dim x is read, then refused by the engine: the page warned and then said
    "this program has no leaf tensor that requires grad", which was wrong (x is one)."""
    at = open_link(code=links.encode_code(FAN_OUT), mode="tangent", dir="x=[1,2,3]")
    assert not at.exception
    assert any("Tangent direction not used" in w.value and "shape" in w.value for w in at.warning)
    said = " ".join(m.value for m in [*at.warning, *at.info])    # the how-to-go-on is in the one warning
    assert "clear the field" in said and "no leaf tensor" not in said


def said_everywhere(at: AppTest) -> list[str]:
    """The texts as shown: markdown's backslash escapes (components/text.py) removed."""
    return [re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])", r"\1", m.value)
            for m in [*at.warning, *at.info, *at.caption, *at.error] if isinstance(m.value, str)]


def test_a_refused_direction_is_said_once_and_the_default_steps_are_drawn():
    """`dir=x=[1,2,3]` for a 0-dim x: the reason was said twice (a warning and a caption) and no steps
    were drawn. Now: once, naming the field; the default direction's steps (ẋ = 1) are drawn, and the
    link keeps the direction as given."""
    torch = pytest.importorskip("torch")
    at = open_link(code=links.encode_code(FAN_OUT), mode="tangent", dir="x=[1,2,3]")
    assert not at.exception
    reason = "shape (3,) does not match the leaf's shape ()"
    assert sum(reason in text for text in said_everywhere(at)) == 1, said_everywhere(at)
    assert any("field on the left" in w.value and "default direction" in w.value for w in at.warning)
    assert at.query_params["dir"] == "x=[1,2,3]"
    x = torch.tensor(2.0)
    _, tangent = torch.func.jvp(lambda x: x * x, (x,), (torch.tensor(1.0),))   # b = x * x, ẋ = 1
    assert f"`{float(tangent):g}.`" in card(at) and slider(at).max >= 2


def test_a_refused_direction_typed_after_a_good_one_keeps_the_good_ones_steps():
    torch = pytest.importorskip("torch")
    at = open_link(code=links.encode_code(FAN_OUT), mode="tangent", dir="x=3")
    assert not at.exception and not at.warning
    at = at.text_input(key=state.STEPS_DIRECTION).set_value("x=[1,2]").run()
    assert not at.exception
    assert sum("shape (2,)" in text for text in said_everywhere(at)) == 1, said_everywhere(at)
    assert any("last direction that worked, x=3" in w.value for w in at.warning)
    x = torch.tensor(2.0)
    _, tangent = torch.func.jvp(lambda x: x * x, (x,), (torch.tensor(3.0),))   # b = x * x, ẋ = 3
    assert f"`{float(tangent):g}.`" in card(at)
    assert at.text_input(key=state.STEPS_DIRECTION).value == "x=[1,2]"   # the user's text stays


def test_the_kept_direction_is_named_without_backticks_and_escaped():
    """steps.direction_kept quoted the user's text in backticks (shown as stray backticks where the
    text is not markdown, and broken by a backtick in it): now plain, markdown-escaped text."""
    at = open_link(code=links.encode_code(FAN_OUT), mode="tangent", dir="x=0.5")
    at = at.text_input(key=state.STEPS_DIRECTION).set_value("x=[1,2]").run()
    assert not at.exception
    warning = next(w.value for w in at.warning if "last direction that worked" in w.value)
    assert "`" not in warning.split("last direction that worked")[1]
    assert any("last direction that worked, x=0.5" in text for text in said_everywhere(at))
