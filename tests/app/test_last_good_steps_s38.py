"""The Steps page under a bad edit keeps the last good run's player (session 38). The guide: "a bad
input gets a clear error and loses nothing: the user's program and their last good result stay on
screen". The Graph page kept its last good graph under the error box; the Steps page dropped the
player for "Fix the program to step through it". Now the player of the last good run stays under the
error, at the step it was on, usable, and the page says it is the last good run."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 90
PAGE = str(Path(__file__).resolve().parents[2] / "views" / "steps.py")
GOOD = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\na = x * x\nb = a.sin()\n"
        "c = b * a\ny = c.sum()\ny.backward()\n")
BAD = {
    "syntax": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x.sum(\n",
    "runtime": "import torch\nx = torch.ones(2, 3)\nbad = torch.cat((x, x), dim=2)\n",
    "endless": "while True: pass\n",
}


def slider(at: AppTest):
    return next(s for s in at.slider if s.key.startswith(state.STEPS_FRAME_PREFIX))


def submit(at: AppTest, program: str) -> AppTest:
    at.text_area(key=state.EDITOR).input(program)
    return at.button(key=state.RUN_BUTTON).click().run()


def good_run_on_step_3(lang: str = "en") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params["code"] = links.encode_code(GOOD)
    at.query_params["lang"] = lang
    at = at.run()
    at = at.button(key="steps_next").click().run()
    at = at.button(key="steps_next").click().run()
    assert not at.exception and slider(at).value == 3
    return at


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_edit_keeps_the_last_good_player_at_its_step(kind: str):
    at = submit(good_run_on_step_3(), BAD[kind])
    assert not at.exception, at.exception
    assert at.error, "the error box is shown"
    infos = [info.value for info in at.info]
    assert any("Last good run" in info for info in infos), infos
    assert not any("Fix the program to step through it" in info for info in infos), infos
    assert slider(at).value == 3                      # the step it was on
    assert at.text_area(key=state.EDITOR).value == BAD[kind]   # the program typed stays
    at = at.button(key="steps_next").click().run()    # and the player is usable
    assert not at.exception and slider(at).value == 4


def test_the_last_good_player_follows_the_mode_chosen_under_the_error():
    at = submit(good_run_on_step_3(), BAD["runtime"])
    at = at.segmented_control(key=state.STEPS_MODE).set_value("reverse").run()
    assert not at.exception
    assert at.error and any("Last good run" in info.value for info in at.info)
    cards = " ".join(m.value for m in at.markdown if isinstance(m.value, str))
    assert "**Reverse**" in cards


def test_fixing_the_program_plays_the_new_run_and_drops_the_note():
    at = submit(good_run_on_step_3(), BAD["syntax"])
    fixed = GOOD.replace("a.sin()", "a.cos()")
    at = submit(at, fixed)
    assert not at.exception and not at.error
    assert not any("Last good run" in info.value for info in at.info)
    assert links.decode_code(at.query_params["code"]) == fixed


def test_without_a_good_run_the_page_says_to_fix_the_program():
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params["code"] = links.encode_code(BAD["runtime"])
    at = at.run()
    assert not at.exception and at.error
    assert any("Fix the program to step through it" in info.value for info in at.info)
    assert not [s for s in at.slider if s.key.startswith(state.STEPS_FRAME_PREFIX)]


def test_the_last_good_note_in_chinese():
    at = submit(good_run_on_step_3("zh"), BAD["syntax"])
    assert not at.exception
    assert any("上一次成功的运行" in info.value for info in at.info)
    assert slider(at).value == 3
