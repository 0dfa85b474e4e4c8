"""torch.func calls drawn on the Jacobian page (engine/func_jacobian_call.py) must not move the
jacobian(...) calls' numbering, which two contracts read: the link's `call` (/work/shared/links.md)
and the CLI's `jacobian --json` "jacobians" list (one entry per jacobian(...) call, fixed keys). On
537a9db a jacrev before a jacobian(...) call took index 0, pushed the call to 1 and sat in "jacobians".
Now the jacobian(...) calls keep 0..k-1 (and dY/dX k) as on 483494c, where torch.func calls drew
nothing, and the torch.func calls follow (k, k+1, ...) in Report.jacobians and in "func_jacobians"."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
import torch.func as tf
from torch.autograd.functional import hessian as autograd_hessian
from torch.autograd.functional import jacobian as autograd_jacobian

from autogradlab.cli_jacobian import report_to_json
from autogradlab.engine import run_program
from tests.unit.cli_run import in_process

ENTRY_KEYS = {"index", "line", "text", "input_shape", "output_shape", "shape", "dtype", "value",
              "strategy", "why", "checks", "timing_ms"}   # 483494c's record_to_json
HEAD = ("import torch\nfrom torch.autograd.functional import jacobian\n"
        "from torch.func import jacrev, jacfwd, hessian\n"
        "def f(v):\n    return torch.tanh(v) * 2.0\n"
        "def s(v):\n    return (v.sin() * v).sum()\n"
        "x = torch.tensor([0.5, -1.0, 2.0])\n")
FUNC_LINES = {9: "A0 = jacrev(f)(x)", 11: "H0 = hessian(s)(x)", 13: "A1 = jacfwd(f)(x)",
              14: "H1 = torch.autograd.functional.hessian(s, x)", 16: "A2 = jacrev(jacrev(s))(x)"}
CALL_LINES = {10: "J0 = jacobian(f, x)", 12: "J1 = jacobian(lambda v: v.exp()[:2], x)",
              15: "J2 = jacobian(s, x)"}
BODY = {**FUNC_LINES, **CALL_LINES}
MIXED = HEAD + "".join(BODY[n] + "\n" for n in sorted(BODY))   # jacrev before, between and after
# The same program as 483494c saw it: its torch.func calls drew nothing (each line still runs, undrawn).
PLAIN = HEAD + "".join((BODY[n] if n in CALL_LINES else f"{BODY[n].split(' = ')[0]} = None") + "\n"
                       for n in sorted(BODY))
GRAPH = "xr = x.clone().requires_grad_()\ny = f(xr) * 3\nA3 = jacrev(f)(x)\n"   # lines 17-19

X = torch.tensor([0.5, -1.0, 2.0])


def f(v):
    return torch.tanh(v) * 2.0


def s(v):
    return (v.sin() * v).sum()


def _without_time(entries: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "timing_ms"} for e in entries]


def test_jacobian_calls_keep_indices_0_to_k_minus_1_and_torch_func_calls_follow():
    report = run_program(MIXED, torchviz=False)
    assert report.ok, report.error
    records = report.jacobians
    assert [r.index for r in records] == list(range(8))   # a link's call=N is records[N]
    assert [(r.index, r.line, r.maker) for r in records[:3]] == [(0, 10, ""), (1, 12, ""), (2, 15, "")]
    assert [(r.line, r.kind, r.maker) for r in records[3:]] == [
        (9, "jacobian", "jacrev"), (11, "hessian", "hessian"), (13, "jacobian", "jacfwd"),
        (14, "hessian", "torch.autograd.functional.hessian"), (16, "hessian", "jacrev")]
    for record, want in zip(records, (autograd_jacobian(f, X), autograd_jacobian(lambda v: v.exp()[:2], X),
                                      autograd_jacobian(s, X)[None], tf.jacrev(f)(X), tf.hessian(s)(X),
                                      tf.jacfwd(f)(X), autograd_hessian(s, X), tf.jacrev(tf.jacrev(s))(X)),
                            strict=True):
        np.testing.assert_allclose(record.matrix, want.reshape(record.shape).numpy(), rtol=1e-5, atol=1e-6)


def test_the_jacobian_calls_records_are_what_they_were_without_the_torch_func_calls():
    """483494c drew no torch.func call: the jacobian(...) calls' records (all but their time) equal the
    ones of the program whose torch.func lines are gone."""
    mixed, plain = run_program(MIXED, torchviz=False), run_program(PLAIN, torchviz=False)
    assert plain.ok and [r.line for r in plain.jacobians] == [10, 12, 15]
    drawn, old = report_to_json(mixed)["jacobians"], report_to_json(plain)["jacobians"]
    assert _without_time(drawn) == _without_time(old)


def test_cli_json_jacobians_as_on_483494c_and_the_torch_func_calls_under_their_own_key(tmp_path):
    program = tmp_path / "mixed.py"
    program.write_text(MIXED)
    plain = tmp_path / "plain.py"
    plain.write_text(PLAIN)
    result = in_process("jacobian", "--json", str(program), str(plain))
    assert result.returncode == 0, result.stderr
    line, old = (json.loads(text) for text in result.stdout.splitlines())
    assert set(line) == {"source", "ok", "error", "jacobians", "func_jacobians"}
    assert set(old) == {"source", "ok", "error", "jacobians"}   # no torch.func call: the keys of 483494c
    assert all(set(e) == ENTRY_KEYS for e in line["jacobians"])
    assert _without_time(line["jacobians"]) == _without_time(old["jacobians"])
    assert [(e["index"], e["line"]) for e in line["jacobians"]] == [(0, 10), (1, 12), (2, 15)]
    made = line["func_jacobians"]
    assert all(set(e) == ENTRY_KEYS | {"kind", "maker"} for e in made)
    assert [(e["index"], e["line"], e["kind"], e["maker"]) for e in made] == [
        (3, 9, "jacobian", "jacrev"), (4, 11, "hessian", "hessian"), (5, 13, "jacobian", "jacfwd"),
        (6, 14, "hessian", "torch.autograd.functional.hessian"), (7, 16, "hessian", "jacrev")]
    assert made[0]["value"] == tf.jacrev(f)(X).tolist() and made[1]["value"] == tf.hessian(s)(X).tolist()


def test_dydx_keeps_the_index_after_the_jacobian_calls(tmp_path):
    """--of/--wrt: dY/dX is entry k of "jacobians" as on 483494c; the torch.func calls come after it."""
    program = tmp_path / "graph.py"
    program.write_text(MIXED + GRAPH)
    result = in_process("jacobian", "--json", "--of", "y", "--wrt", "xr", str(program))
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    entries = [(e["index"], e["line"], e["text"]) for e in line["jacobians"]]
    assert entries[2:] == [(2, 15, "J2 = jacobian(s, x)"), (3, 0, "dy/dxr")]
    assert [(e["index"], e["line"]) for e in line["func_jacobians"]] == [
        (4, 9), (5, 11), (6, 13), (7, 14), (8, 16), (9, 19)]


BIG = ("torch.manual_seed(0)\nW = torch.randn(80, 60)\nz = torch.randn(60)\n"
       "B0 = jacrev(f)(x)\n"
       "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)) + v.sum(), z)\n"
       "B1 = hessian(s)(x)\n"
       "K = jacobian(lambda v: torch.sin(W @ v), z)\n")


@pytest.mark.parametrize("call", [0, 1])
def test_a_clicked_cell_follows_the_jacobian_call_it_names_in_a_mixed_program(call):
    """jacobian_cell (call index, row): a big call's paths are followed in a run made for the click;
    the index counts jacobian(...) calls only, so the jacrev before it does not shift it."""
    source = HEAD + BIG
    plain = run_program(source, torchviz=False).jacobians
    assert [(r.index, r.maker) for r in plain] == [(0, ""), (1, ""), (2, "jacrev"), (3, "hessian")]
    assert plain[call].paths_on_click and plain[call].paths == ()
    records = run_program(source, torchviz=False, jacobian_cell=(call, 37)).jacobians
    followed, other = records[call], records[1 - call]
    assert other.paths == () and followed.paths and all(p.row == 37 for p in followed.paths)
    np.testing.assert_allclose(sum(p.contribution for p in followed.paths)[0], plain[call].matrix[37],
                               rtol=1e-5, atol=1e-6)
    assert all(r.paths == () for r in records[2:])


def test_a_cell_of_a_torch_func_record_follows_no_jacobian_call():
    source = HEAD + BIG
    records = run_program(source, torchviz=False, jacobian_cell=(2, 0)).jacobians
    assert [r.maker for r in records] == ["", "", "jacrev", "hessian"]
    assert all(r.paths == () for r in records)
