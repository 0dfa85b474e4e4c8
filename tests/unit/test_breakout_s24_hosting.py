"""Red team, session 24 (hosting): a batched torch.func transform (jacfwd, hessian, vmap) of a long
function ran each op on every row at once and only the time limit stopped it; now each op counts
node_work(rows x elements) against max_graph_work and the op that passes it is refused at its line,
naming the transform and the function. PyTorch is the oracle below the limit."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these


def _chain(transform: str, ops: int, inputs: int, tail: str = "") -> str:
    return (f"import torch\nfrom torch.func import {transform}\ndef f(x):\n    y = x\n"
            f"    for i in range({ops}):\n        y = y * 1.0001\n    return y{tail}\n"
            f"J = {transform}(f)(torch.ones({inputs}))\nprint(J.shape)\n")


@pytest.mark.parametrize("program, says", [
    (_chain("jacfwd", 2000, 2000), "jacfwd runs `f` on 2,000 rows at once"),
    (_chain("hessian", 2000, 1000, ".sum()"), "jacfwd runs `jacrev(f)` on 1,000 rows at once"),
    (_chain("vmap", 2000, "2000, 2000"), "vmap runs `f` on 2,000 rows at once"),
], ids=["jacfwd", "hessian", "vmap"])
def test_a_batched_transform_of_a_long_function_stops_at_its_op(program, says):
    """Base: jacfwd ran to the time limit (5 s here, stopped by the time check); hessian of 2,000 ops
    on 1,000 inputs ran 48 s at a 60 s limit. Now refused after ~125-250 ops, at the op's line (6)."""
    error = run_program(program, limits=LIMITS, torchviz=False).error
    assert error is not None and error.kind == "limit" and error.line == 6, error
    assert error.key == "errors_functions.func_batched_pass" and error.message.startswith(says), error
    assert error.hint_key == "errors_functions.func_graph_hint"


def test_the_batched_pass_bound_sits_at_max_graph_work():
    """jacfwd of 10 muls on 10 inputs: each op's result is 10 elements x 10 rows, node_work(100) =
    10,000 + 2 * 100 = 10,200; 10 ops: 102,000. At the limit it runs (and equals PyTorch); one below,
    refused at the tenth op."""
    import torch
    program = _chain("jacfwd", 10, 10) + "print(J.sum().item())\n"
    at = dataclasses.replace(LIMITS, max_graph_work=102_000)
    report = run_program(program, limits=at, torchviz=False)
    assert report.error is None, report.error
    expected = torch.func.jacfwd(lambda x: x * 1.0001 ** 10)(torch.ones(10))
    assert report.printed.splitlines()[0] == str(expected.shape)
    assert abs(float(report.printed.splitlines()[1]) - expected.sum().item()) < 1e-4
    below = dataclasses.replace(at, max_graph_work=101_999)
    error = run_program(program, limits=below, torchviz=False).error
    assert error is not None and error.key == "errors_functions.func_batched_pass", error
    assert "about 102,000 arithmetic steps; the limit is 101,999 per call" in error.message


@pytest.mark.parametrize("transform, tail", [("jacfwd", ""), ("hessian", ".sum()")])
def test_a_small_batched_transform_still_runs_and_matches_pytorch(transform, tail):
    import torch
    report = run_program(_chain(transform, 50, 200, tail), limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    func = getattr(torch.func, transform)
    expected = func(lambda x: (x * 1.0001 ** 50).sum() if tail else x * 1.0001 ** 50)(torch.ones(200))
    assert report.printed == f"{expected.shape}\n"
