"""The Graph page reads its program from a link and keeps the URL current (`../shared/links.md`)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state

TIMEOUT = 60
LINKED = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\nz.backward()\n"


def open_link(app_file: str, **params: str) -> AppTest:
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_link_program_and_seed_are_loaded_and_run(app_file: str):
    at = open_link(app_file, code=links.encode_code(LINKED), seed="7")
    assert not at.exception
    assert at.text_area(key=state.EDITOR).value == LINKED
    assert at.number_input(key=state.SEED).value == 7
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]"
    assert links.decode_code(at.query_params["code"]) == LINKED
    assert at.query_params["seed"] == "7"


def test_edit_updates_the_url(app_file: str):
    at = open_link(app_file)
    assert links.decode_code(at.query_params["code"]) == state.DEFAULT_PROGRAM
    at.text_area(key=state.EDITOR).input(LINKED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert links.decode_code(at.query_params["code"]) == LINKED


def test_bad_link_shows_message_and_default_program(app_file: str):
    at = open_link(app_file, code="%%%garbage", seed="-4", mode="forward")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "not zlib" in warnings and "seed" in warnings
    assert at.text_area(key=state.EDITOR).value == state.DEFAULT_PROGRAM
    assert at.dataframe, "the default program still runs and shows its variables"
    assert at.query_params["mode"] == "forward", "parameters other pages use are kept"
