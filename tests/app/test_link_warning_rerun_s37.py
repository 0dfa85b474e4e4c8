"""A bad link's warning stays through the reruns nobody asked for (session 37's browser review).

In Chromium the Jacobian page's width report and presentation mode's fitting script each rerun the
page a second after it has drawn; the warning was only said on the run that read the link, so it
flashed and was gone (`/jacobian?...&cell=99,99`, `/?code=%%%junk&present=1`: the default content
with no word about the link). A rerun with the same page and URL now says it again, once; a change
of the URL (a new program run) or of the page drops it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from autogradlab import links
from components import state
from tests.app.test_lang import TIMEOUT

JACOBIAN = ("import torch\nfrom torch.autograd.functional import jacobian\n"
            "J = jacobian(lambda v: v * v, torch.tensor([1.0, 2.0]))\n")
TYPED = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\nz.backward()\n"
BAD_LINK = "This link could not be used"


def link_warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if BAD_LINK in w.value]


def opened(app_file: str, page: str, **params: str) -> AppTest:
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    at.switch_page(f"views/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_a_bad_cell_warning_stays_through_a_rerun(app_file):
    at = opened(app_file, "jacobian", code=links.encode_code(JACOBIAN), cell="99,99")
    assert not at.exception
    first = link_warnings(at)
    assert len(first) == 1 and "99,99" in first[0], first
    at = at.run()                         # the rerun the width report causes in a browser
    assert not at.exception
    assert link_warnings(at) == first     # before: []
    at = at.run()
    assert link_warnings(at) == first, "said once per run, not once more per rerun"


def test_a_bad_program_link_in_presentation_mode_stays_until_the_user_runs_a_program(app_file):
    at = opened(app_file, "graph", code="%%%junk", present="1")
    assert not at.exception
    first = link_warnings(at)
    assert len(first) == 1, first
    at = at.run()                         # the fitting script's rerun
    assert link_warnings(at) == first     # before: []
    at.text_area(key=state.EDITOR).input(TYPED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert not at.exception
    assert link_warnings(at) == [], "the URL changed: the link's warning is done"
    assert links.decode_code(at.query_params["code"]) == TYPED


def test_a_pages_link_warning_does_not_follow_to_another_page(app_file):
    at = opened(app_file, "steps", code=links.encode_code(TYPED), step="999")
    assert len(link_warnings(at)) == 1
    at = at.switch_page("views/graph.py").run()
    assert not at.exception
    assert link_warnings(at) == []


def test_the_last_programs_output_is_no_bad_link_for_a_typed_program(app_file):
    """The Graph page writes the drawn output into the URL (`output=y` for the lesson example); a
    program typed next has no `y`: that was said as "This link could not be used as it is: the
    link's output must name a tensor variable of this program, not 'y'" on a program nobody linked,
    and the URL kept `output=y`."""
    at = opened(app_file, "graph")
    at = at.run()
    assert at.query_params.get("output") == "y"
    at.text_area(key=state.EDITOR).input(TYPED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert not at.exception
    assert link_warnings(at) == []
    assert at.query_params.get("output") in (None, "z")
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]"       # PyTorch: d(w·w)/dw = 2w
    at = at.run()
    assert link_warnings(at) == [] and at.query_params.get("output") in (None, "z")


def test_a_links_own_output_that_its_program_lacks_still_warns(app_file):
    at = opened(app_file, "graph", code=links.encode_code(TYPED), output="nothere")
    said = link_warnings(at)
    assert len(said) == 1 and "nothere" in said[0], said


def test_an_edit_keeps_the_chosen_output_when_the_new_program_has_it(app_file):
    at = opened(app_file, "graph", code=links.encode_code(TYPED), output="w")
    assert link_warnings(at) == []
    at.text_area(key=state.EDITOR).input(TYPED.replace("[1.0, 2.0]", "[3.0, 2.0]"))
    at = at.button(key=state.RUN_BUTTON).click().run()
    assert link_warnings(at) == [] and at.query_params.get("output") == "w"
