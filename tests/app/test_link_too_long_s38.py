"""A program no link can carry is left out of the URL, and the page says so (session 38). A pasted
program over the link limits (`../shared/links.md`: the program size limit, and the `code` length)
was written into the address bar as it was, and the same app refused that link when it was opened
("the link's program is too long ... Showing the default instead")."""

from __future__ import annotations

import random

import pytest

from autogradlab import links
from components import state
from tests.app.test_lang import open_app

GOOD = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\n"
_rng = random.Random(0)
# Runs (under the 50,000-character and 4,000-character-a-line limits), but its comments compress too
# poorly for a link.
CHINESE = GOOD + "".join("# " + "".join(chr(_rng.randint(0x4E00, 0x9FFF)) for _ in range(3_000)) + "\n"
                         for _ in range(10))
HUGE = "import torch\n" + "".join(f"x{i % 997} = torch.tensor({i}.0)\n" for i in range(40_000))
SAID = "The address bar does not carry this program"


def submit(at, program: str):
    at.text_area(key=state.EDITOR).input(program)
    return at.button(key=state.RUN_BUTTON).click().run()


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize("page", ["graph.py", "steps.py", "jacobian.py"])
def test_a_program_too_long_for_a_link_is_left_out_and_said(page: str):
    assert links.link_code(CHINESE) is None and len(CHINESE) < links.MAX_SOURCE_CHARS
    at = open_app(page, code=links.encode_code(GOOD), seed="3")
    assert not at.exception and links.decode_code(at.query_params["code"]) == GOOD
    at = submit(at, CHINESE)
    assert not at.exception, at.exception
    assert not at.error, at.error[0].value      # it runs
    assert "code" not in at.query_params, "a link the app would refuse"
    assert at.query_params["seed"] == "3"
    assert any(SAID in w for w in warnings(at)), warnings(at)
    assert at.text_area(key=state.EDITOR).value == CHINESE
    at = submit(at, GOOD)               # a program that fits goes back into the link, the note goes
    assert links.decode_code(at.query_params["code"]) == GOOD
    assert not any(SAID in w for w in warnings(at))


def test_a_huge_program_is_refused_to_run_and_left_out_of_the_link():
    at = open_app("graph.py", code=links.encode_code(GOOD))
    at = submit(at, HUGE)
    assert not at.exception
    assert "too long" in at.error[0].value                       # the run's own refusal
    assert "code" not in at.query_params
    assert any(SAID in w and f"{len(HUGE):,} characters" in w for w in warnings(at)), warnings(at)


def test_the_note_in_chinese():
    at = open_app("graph.py", code=links.encode_code(GOOD), lang="zh")
    at = submit(at, CHINESE)
    assert any("地址栏中的链接不包含这个程序" in w for w in warnings(at)), warnings(at)


def test_the_last_programs_output_is_not_taken_for_a_bad_link():
    """With no `code` in the URL an `output` came with the link; here it is the last program's, kept
    through edits (a failing run keeps it): dropped without a 'bad link' warning."""
    at = open_app("graph.py", code=links.encode_code(GOOD), output="x")
    other = CHINESE.replace("x", "w")
    at = submit(at, other + "w.foo()\n")       # too long for a link, and fails: `output` goes with `code`
    assert at.error and "code" not in at.query_params and "output" not in at.query_params
    at = submit(at, other)                     # runs, has no `x`
    assert not at.exception and not at.error
    assert not any("output" in w for w in warnings(at)), warnings(at)
    assert "output" not in at.query_params
