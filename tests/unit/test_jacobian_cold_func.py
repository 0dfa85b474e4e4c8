"""A job forked before the zygote's idle warm-up pays torch.func's one-time set-up (~1.5 s here) in
its first jacobian(...) call: that time is credited like the meta kernels' loading, not charged to
the student's program (engine/jacobian.warm_func)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import dataclasses, json, time
LIMIT = 0.12
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
import autogradlab.engine.jacobian as jac
from autogradlab.lang.sizes import warm_up
warm_up()                       # the meta kernels are loaded: only torch.func is cold
source = ("import torch\nfrom torch.autograd.functional import jacobian\n"
          "x = torch.tensor([1.0, 2.0, 3.0])\n"
          "J = jacobian(lambda v: torch.tanh(torch.ones(4, 3) @ torch.sin(v)), x)\n")
started = time.perf_counter()
report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=LIMIT), torchviz=False)
took = time.perf_counter() - started
print(json.dumps({"ok": report.ok, "error": report.error and report.error.message, "took": took,
                  "again": jac.warm_func()}))
"""


def test_torch_funcs_first_use_is_not_charged_to_the_program():
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # (0.12 s, not 0.05: the program's own part took more than 0.05 s in a clean-clone CI run under the
    # full suite's load, session 30; torch.func's set-up takes ~0.2 s here, more under load)
    assert result["took"] > 0.12          # the set-up really ran inside this run ...
    assert result["ok"], result["error"]  # ... and did not count against its 0.12 s allowance
    assert result["again"] == 0.0         # once per process
