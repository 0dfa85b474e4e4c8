"""A link's text never becomes markdown on the page (session 23 red team).

A link's complaint quotes the bad value (`not '...'`, up to 40 characters) inside a Streamlit
warning, which renders markdown: `?seed=[Log in again](https://ev.il)` drew a clickable link on the
app's own page, and `![](https://ev.il/p.png)` an image fetched from anywhere by every student who
opened the link (a phishing lure and a tracking pixel). The value must show as typed, inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from autogradlab import links

ROOT = Path(__file__).resolve().parents[2]
LURE = "[Log in](https://ev.il)"
PIXEL = "![](https://ev.il/p.png)"


def _open(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _warnings(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def _inert(text: str, value: str) -> bool:
    """No `](` of the value is left unescaped: markdown cannot make it a link or an image."""
    return value not in text and "](" not in text.replace("\\]\\(", "")


@pytest.mark.parametrize("param", ["seed", "step", "mode", "dir"])
@pytest.mark.parametrize("value", [LURE, PIXEL])
def test_a_steps_link_complaint_shows_the_value_inert(param, value):
    at = _open("views/steps.py", **{param: value})
    assert not at.exception
    said = _warnings(at)
    assert "link" in said and _inert(said, value), said


@pytest.mark.parametrize("param", ["matrix", "v"])
def test_an_eigen_link_complaint_shows_the_value_inert(param):
    at = _open("views/eigen.py", **{param: LURE})
    assert not at.exception
    said = _warnings(at)
    assert "link" in said and _inert(said, LURE), said


def test_an_eigen_point_from_a_link_shows_inert():
    program = "import torch\ndef f(p):\n    return torch.stack([p[0] * p[1], p[0] - p[1]])\n"
    at = _open("views/eigen.py", code=links.encode_code(program), fn="f", at=LURE)
    assert not at.exception
    said = _warnings(at)
    assert "commas" in said and _inert(said, LURE), said


def test_a_linked_free_value_shows_inert():
    at = _open("views/steps.py", code=links.encode_code("sin(x) * exp(y)"), values=f"x={LURE}")
    assert not at.exception
    said = _warnings(at)
    assert "JSON" in said and _inert(said, LURE), said


def test_a_linked_direction_path_shows_inert_when_the_engine_refuses_it():
    """`dir=d['[Log in](https://ev.il)']=1` is a well-formed path (leaf_paths.py), so it reaches the
    engine, whose refusal ("not a named leaf") quotes it in the Steps page's warning."""
    program = "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\n"
    at = _open("views/steps.py", code=links.encode_code(program), mode="tangent", dir=f"d['{LURE}']=1")
    assert not at.exception
    said = _warnings(at)
    assert "direction" in said.lower() and _inert(said, LURE), said


def test_a_dict_key_in_a_jacobian_path_table_shows_inert():
    """The Jacobian page's paths table is markdown and its cells are graph labels: a linked program's
    dict key (`d['[Log in](https://ev.il)']`) drew a link in the table (components/heatmap.py)."""
    program = ("import torch\nfrom torch.autograd.functional import jacobian\n"
               f"d = {{'{LURE}': torch.ones(2, requires_grad=True)}}\n"
               f"J = jacobian(lambda v: v * d['{LURE}'], torch.tensor([1.0, 2.0]))\n")
    at = _open("views/jacobian.py", code=links.encode_code(program), cell="0,0")
    assert not at.exception
    tables = [m.value for m in at.markdown if "|---|" in m.value]
    assert tables and all(_inert(table, LURE) for table in tables), tables
    assert "Log in" in tables[0]
