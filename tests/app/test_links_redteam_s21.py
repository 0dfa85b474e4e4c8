"""Hostile link parameters (session 21 red team): whole numbers Python's str.isdigit() accepts and
int() refuses (`²`, `--5`), on each page that reads one (seed, step, call). Each is a link warning with
the page's default, never an exception on the page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links

TIMEOUT = 60
JACOBIAN = ("import torch\nfrom torch.autograd.functional import jacobian\n"
            "x = torch.tensor([1.0, 2.0], requires_grad=True)\nJ = jacobian(lambda v: v * v, x)\n")


@pytest.mark.parametrize("text", ["²", "--5", "1²", "-²"])
def test_parse_int_refuses_what_int_cannot_read(text):
    with pytest.raises(links.LinkError, match="must be a whole number"):
        links.parse_int("step", text, 0, 10)


@pytest.mark.parametrize("text", ["٣", "５", " 5 ", "-0"])
def test_parse_int_reads_what_int_reads(text):
    assert links.parse_int("step", text, 0, 10) == int(text)


@pytest.mark.parametrize(("page", "param", "code"), [
    ("graph", "seed", None), ("steps", "step", None), ("jacobian", "call", JACOBIAN)])
def test_a_superscript_number_in_a_link_is_a_warning(app_file, page, param, code):
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    at.switch_page(f"views/{page}.py")
    if code is not None:
        at.query_params["code"] = links.encode_code(code)
    at.query_params[param] = "²"
    at.run()
    assert not at.exception, at.exception
    assert any(f"`{param}` must be a whole number" in w.value for w in at.warning), \
        [w.value for w in at.warning]


@pytest.mark.parametrize("page", ["graph", "steps"])
@pytest.mark.parametrize("code", ['s = "\\ud800"\nprint(s)\n',
                                  'import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n'
                                  'assert False, "\\ud800"\n'])
def test_a_lone_surrogate_in_a_linked_program_is_an_error_message(app_file, page, code):
    """Streamlit's protobuf could not carry the printed text or the message: the page raised."""
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    at.switch_page(f"views/{page}.py")
    at.query_params["code"] = links.encode_code(code)
    at.run()
    assert not at.exception, at.exception
    assert any("ud800" in e.value for e in at.error), [e.value for e in at.error]
