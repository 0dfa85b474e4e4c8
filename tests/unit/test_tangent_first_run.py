"""The first Steps run of a fresh job process (the tangent run included) loads neither torch._dynamo
nor sympy: it did (~2 s of CPU, via PyTorch's Python Meta kernels for ZeroTensor ops and
torch.broadcast_shapes), so a fresh server's first Steps figure came seconds after its first Graph
figure. The zygote still loads them when idle (sandbox_warm.warm_rest) for torch.func's jvp."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from autogradlab.engine.tangent_run import _broadcast

ROOT = Path(__file__).resolve().parents[2]
FRESH = """
import json, sys
import torch
from autogradlab.engine.run import run_program
from autogradlab.sandbox_warm import FIRST_PROGRAM
from autogradlab.step_records import StepOptions
run_program(FIRST_PROGRAM, seed=0)             # what the zygote runs before it says it is ready
before = {m: m in sys.modules for m in ("torch._dynamo", "sympy")}
report = run_program(sys.argv[1], seed=0, steps=StepOptions())
print(json.dumps({"before": before, "after": {m: m in sys.modules for m in ("torch._dynamo", "sympy")},
                  "error": report.error is not None,
                  "jv": report.steps.tangent.output_tangent.value.tolist()}))
"""
PROGRAM = ("import torch\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n"
           "y = (x * x + 1.0).sin().sum() / 3\ny.backward()\n")


def test_a_fresh_process_runs_its_first_tangent_steps_without_dynamo_or_sympy():
    done = subprocess.run([sys.executable, "-c", FRESH, PROGRAM], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["before"] == {"torch._dynamo": False, "sympy": False}, seen     # the test means something
    assert not seen["error"]
    assert seen["after"] == {"torch._dynamo": False, "sympy": False}, seen
    x = torch.tensor([1.0, 2.0, 3.0])
    _, jv = torch.func.jvp(lambda x: (x * x + 1.0).sin().sum() / 3, (x,), (torch.tensor([1.0, 0.0, 0.0]),))
    assert seen["jv"] == pytest.approx(float(jv), rel=1e-6)     # the default direction: x's first element


@pytest.mark.parametrize(("a", "b"), [((), ()), ((3,), ()), ((2, 1), (1, 4)), ((0,), (1,)), ((5, 0, 2), (2,)),
                                      ((1,), (0,)), ((4, 1, 3), (2, 1)), ((3,), (4,)), ((0,), (3,)),
                                      ((2, 3), (3, 2))])
def test_broadcast_is_torchs(a, b):
    try:
        want = tuple(torch.broadcast_shapes(a, b))
    except RuntimeError:
        with pytest.raises(RuntimeError):
            _broadcast(a, b)
        return
    assert _broadcast(a, b) == want
