"""Full-width and other Unicode decimal digits in a link's numbers (session 23's look: `seed=１２`).

shared/links.md says `seed` is an int. Every numeric link parameter reads what Python's int()/float()
read (session 21: `step=５` is step 5; `cell` and `v` go through float(), which reads them too), so a
seed does the same: `seed=１２` runs with seed 12, and the address bar is rewritten in ASCII digits
(`seed=12`), the link the page then shares. What int() refuses (`²`) stays a link warning
(test_links_redteam_s21.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links

TIMEOUT = 60
PROGRAM = "import torch\nx = torch.randn(3, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\nprint(x)\n"
JACOBIAN = ("import torch\nfrom torch.autograd.functional import jacobian\n"
            "x = torch.tensor([1.0, 2.0], requires_grad=True)\nJ = jacobian(lambda v: v * v, x)\n")


@pytest.mark.parametrize(("text", "value"), [("１２", 12), ("1２", 12), ("١٢", 12), (" １２ ", 12)])
def test_parse_seed_reads_unicode_decimal_digits_as_int_does(text, value):
    assert links.parse_seed(text) == value == int(text)


def test_parse_cell_reads_them_too():
    assert links.parse_cell("１,０") == (1, 0)


def _open(app_file: str, page: str, code: str, **params: str) -> AppTest:
    at = AppTest.from_file(app_file, default_timeout=TIMEOUT)
    at.switch_page(f"views/{page}.py")
    at.query_params["code"] = links.encode_code(code)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _printed(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.code)


@pytest.mark.parametrize("page", ["graph", "steps"])
def test_a_full_width_seed_runs_as_its_number_and_the_link_says_it_in_ascii(app_file, page):
    wide = _open(app_file, page, PROGRAM, seed="１２")
    assert not wide.warning, [w.value for w in wide.warning]
    assert wide.query_params["seed"] == "12"
    assert [n.value for n in wide.number_input] == [12]
    if page == "graph":   # the run used seed 12: the same printed x as `seed=12`, not the default seed 0
        assert _printed(wide) == _printed(_open(app_file, page, PROGRAM, seed="12"))
        assert _printed(wide) != _printed(_open(app_file, page, PROGRAM, seed="0"))


def test_a_full_width_cell_selects_its_cell_and_the_link_says_it_in_ascii(app_file):
    at = _open(app_file, "jacobian", JACOBIAN, cell="１,０")
    assert not at.warning, [w.value for w in at.warning]
    assert at.query_params["cell"] == "1,0"
