"""A Jacobian link's `call=N` names the program's jacobian(...) call N, whatever torch.func calls the
program makes before or between them (/work/shared/links.md); N from the number of jacobian(...) calls
on names the torch.func calls drawn, in execution order (README). A clicked cell of a big jacobian(...)
call after a jacrev follows that call's row (real sandbox)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from autogradlab import links

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "jacobian.py")
HEAD = ("import torch\nfrom torch.autograd.functional import jacobian\n"
        "from torch.func import jacrev, jacfwd, hessian\n"
        "def f(v):\n    return torch.tanh(v) * 2.0\n"
        "def s(v):\n    return (v.sin() * v).sum()\n"
        "x = torch.tensor([0.5, -1.0, 2.0])\n")
MIXED = HEAD + ("A0 = jacrev(f)(x)\nJ0 = jacobian(f, x)\nH0 = hessian(s)(x)\n"      # lines 9-11
                "J1 = jacobian(lambda v: v.exp()[:2], x)\nA1 = jacfwd(f)(x)\n")   # lines 12-13
SHOWN = {0: "line 10: J0 = jacobian(f, x)", 1: "line 12: J1 = jacobian(lambda v: v.exp()[:2], x)",
         2: "line 9: A0 = jacrev(f)(x)", 3: "line 11: H0 = hessian(s)(x)", 4: "line 13: A1 = jacfwd(f)(x)"}


def open_page(source: str, **params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["code"] = links.encode_code(source)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("call", sorted(SHOWN))
def test_call_n_opens_the_record_it_names(call):
    at = open_page(MIXED, call=str(call))
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    (picker,) = at.selectbox
    assert picker.index == call and at.query_params["call"] == str(call)
    assert picker.options[call].startswith(SHOWN[call]), picker.options
    assert [o.split(":")[0] for o in picker.options] == ["line 10", "line 12", "line 9", "line 11", "line 13"]


BIG = HEAD + ("torch.manual_seed(0)\nW = torch.randn(80, 60)\nz = torch.randn(60)\n"
              "B0 = jacrev(f)(x)\n"
              "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)) + v.sum(), z)\n")


def test_a_clicked_cell_after_a_jacrev_follows_the_jacobian_call():
    at = open_page(BIG, call="0", cell="37,5")
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert at.selectbox[0].index == 0 and at.selectbox[0].options[0].startswith("line 13: J = jacobian(")
    captions = " ".join(c.value for c in at.caption)
    assert "✓ the sum equals J[37, 5]" in captions, captions
    torch.manual_seed(0)
    w, z = torch.randn(80, 60), torch.randn(60)
    want = torch.autograd.functional.jacobian(lambda v: torch.tanh(w @ torch.sin(v)) + v.sum(), z)[37, 5]
    heads = [h.value for h in at.subheader]
    assert any(h.endswith(f"= {want.item():.6g}") for h in heads), heads
