"""A program no link can carry is left out of the URL (test_link_too_long_s38.py); the parameters that
name a part of it (`output`, `step`, `dir`, `call`, `cell`) go with it: a link keeping them opened the
default program at a step, output or Jacobian cell of the other one ("step out of range")."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app
from tests.app.test_link_too_long_s38 import CHINESE, GOOD, submit

STEPPED = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = x * 3\ny = (h * x).sum()\n"


def test_the_steps_of_a_program_no_link_carries_leave_the_link_too():
    at = open_app("steps.py", code=links.encode_code(STEPPED), step="2", output="y", mode="reverse")
    assert not at.exception and at.query_params["step"] == "2" and at.query_params["output"] == "y"
    at = submit(at, CHINESE + "y = (x * x).sum()\n")
    assert not at.exception, at.exception
    left = {key for key in ("code", "output", "step", "dir", "call", "cell") if key in at.query_params}
    assert not left, left
    assert at.query_params["mode"] == "reverse"   # not a part of the program: kept
    at = submit(at, STEPPED)   # a program that fits: its link is whole again
    assert links.decode_code(at.query_params["code"]) == STEPPED


def test_the_cell_of_a_program_no_link_carries_leaves_the_link_too():
    program = GOOD + "from torch.autograd.functional import jacobian\nJ = jacobian(lambda t: t * t, x)\n"
    at = open_app("jacobian.py", code=links.encode_code(program), call="0", cell="1,1")
    assert not at.exception and at.query_params["cell"] == "1,1"
    at = submit(at, CHINESE + program.split("\n", 1)[1])
    assert not at.exception, at.exception
    assert "code" not in at.query_params and "cell" not in at.query_params and "call" not in at.query_params
