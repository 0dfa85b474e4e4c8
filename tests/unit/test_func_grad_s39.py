"""torch.func's grad(f)(x) and grad_and_value(f)(x) drawn on the Jacobian page (session 39): a scalar
function's gradient is its 1 x n Jacobian, drawn with the values PyTorch returned to the program and the
checks a jacrev(f)(x) call gets; grad(grad(f)) is a Hessian; at most GRADIENTS_PER_LINE calls of a line
are drawn (a functional training loop's gradients); skimming a loop's passes changes nothing.

Also the finite-difference check's dtype: a function whose float32 data keep its result float32 for
float64 inputs (`X @ w + b` with a 0-dim b) is checked in float32; the float64 step (1e-6) was lost in
float32 rounding and the check reported an error of 0.137 against a 1e-6 tolerance ("disagrees").
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import numpy as np
import pytest
import torch
import torch.func as tf

from autogradlab.engine import run_program
from autogradlab.engine.func_jacobian_call import GRADIENTS_PER_LINE
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_skim import both

T = ("import torch\nfrom torch.func import grad, grad_and_value, jacrev\n"
     "def s(x):\n    return (torch.sin(x) * x).sum()\n"
     "def loss(w, b):\n    return ((w * w).sum() - b) ** 2\n"
     "x = torch.tensor([0.5, -1.0, 2.0])\nb = torch.tensor(0.25)\n")
LINE = 9   # the first line after T


def s(x):
    return (torch.sin(x) * x).sum()


def loss(w, b):
    return ((w * w).sum() - b) ** 2


X = torch.tensor([0.5, -1.0, 2.0])
B = torch.tensor(0.25)


def _run(tail: str):
    return run_program(T + tail, torchviz=False, limits=dataclasses.replace(DEFAULT_LIMITS))


@pytest.mark.parametrize("call, oracle, kind, names", [
    ("grad(s)(x)", lambda: tf.grad(s)(X), "jacobian", ("x",)),
    ("grad(loss, argnums=1)(x, b)", lambda: tf.grad(loss, argnums=1)(X, B), "jacobian", ("b",)),
    ("grad(loss)(x, b)", lambda: tf.grad(loss)(X, B), "jacobian", ("x",)),
    ("grad(lambda v: (v.sin().sum(), v * 2), has_aux=True)(x)[0]",
     lambda: tf.grad(lambda v: (v.sin().sum(), v * 2), has_aux=True)(X)[0], "jacobian", ("x",)),
    ("grad_and_value(s)(x)[0]", lambda: tf.grad_and_value(s)(X)[0], "jacobian", ("x",)),
    ("grad_and_value(lambda v: (v.sin().sum(), v * 2), has_aux=True)(x)[0]",
     lambda: tf.grad_and_value(lambda v: (v.sin().sum(), v * 2), has_aux=True)(X)[0], "jacobian", ("x",)),
    ("grad(grad(torch.sin))(b)", lambda: tf.grad(tf.grad(torch.sin))(B), "hessian", ("b",)),
    ("jacrev(grad(s))(x)", lambda: tf.jacrev(tf.grad(s))(X), "hessian", ("x",)),
])
def test_a_gradient_is_drawn_as_the_1_by_n_jacobian_pytorch_returned(call, oracle, kind, names):
    report = _run(f"G = {call}\nprint(G)\n")
    assert report.ok, report.error
    want = oracle()
    assert report.printed == str(want) + "\n"
    (record,) = report.jacobians
    n = want.numel() if kind == "jacobian" else round(want.numel() ** 0.5)
    assert record.matrix.shape == ((1, n) if kind == "jacobian" else (n, n))
    np.testing.assert_allclose(record.matrix.reshape(-1), want.reshape(-1).numpy(), rtol=1e-6, atol=1e-7)
    assert (record.kind, record.input_names, record.line) == (kind, names, LINE)
    assert record.maker == call.split("(")[0]
    assert record.checks.passed(), record.checks
    assert None not in (record.checks.fd_max_error, record.checks.vjp_max_error), record.checks


def test_a_third_derivative_by_grad_is_named_not_drawn():
    report = _run("G = grad(grad(grad(torch.sin)))(b)\n")
    assert report.ok and report.jacobians == ()
    assert report.jacobian_notes == (f"line {LINE}: `grad(grad(grad(sin)))` computes third or higher "
                                     "derivatives: not drawn (the page draws first and second derivatives)",)


LOOP = """import torch
from torch.func import grad
torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.3
def loss(w, b):
    return ((X @ w + b - y) ** 2).mean()
w = torch.zeros(3)
b = torch.tensor(0.0)
for step in range({steps}):
    gw = grad(loss)(w, b)
    gb = grad(loss, argnums=1)(w, b)
    w = w - 0.1 * gw
    b = b - 0.1 * gb
print(w, b)
"""


def _plain(source: str) -> str:
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("steps", [GRADIENTS_PER_LINE, GRADIENTS_PER_LINE + 1, 200])
def test_a_training_loop_draws_the_first_gradients_of_each_line_and_skims_the_same(steps, monkeypatch):
    source = LOOP.format(steps=steps)
    off, on = both(source, monkeypatch)   # skimming off and on: the same report (test_skim.py)
    assert on.ok and on.printed == _plain(source), on.error
    drawn = min(steps, GRADIENTS_PER_LINE)
    assert [r.line for r in on.jacobians] == [11, 12] * drawn
    more = [f"line {n}: `grad(loss)` ran more than {GRADIENTS_PER_LINE} times: the page draws the first "
            f"{GRADIENTS_PER_LINE} calls of a line" for n in (11, 12)]
    assert list(on.jacobian_notes) == (more if steps > GRADIENTS_PER_LINE else [])
    assert all(r.checks.passed() for r in on.jacobians), [r.checks for r in on.jacobians]
    first_gb = on.jacobians[1]   # b is 0-dim: its finite differences run in float32 (see below)
    assert first_gb.checks.fd_dtype == "float32" and first_gb.checks.fd_max_error < 1e-2


FLOAT32_DATA = """import torch
from torch.autograd.functional import jacobian
torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.3
w = torch.zeros(3)
def loss_b(b):
    return ((X @ w + b - y) ** 2).mean()
def loss_64(b):
    return ((X.double() @ w.double() + b - y.double()) ** 2).mean()
J = jacobian(loss_b, torch.tensor(0.0))
K = jacobian(loss_64, torch.tensor(0.0))
print(J, K)
"""


def test_finite_differences_run_in_the_dtype_the_function_computes_in():
    report = run_program(FLOAT32_DATA, torchviz=False)
    assert report.ok, report.error
    j, k = report.jacobians
    assert j.checks.fd_dtype == "float32" and j.checks.fd_max_error < 1e-2 and j.checks.passed(), j.checks
    assert k.checks.fd_dtype == "float64" and k.checks.fd_max_error < 1e-6 and k.checks.passed(), k.checks


def test_the_cli_names_grad_as_the_maker(tmp_path):
    path = tmp_path / "g.py"
    path.write_text(T + "G = grad(s)(x)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "autogradlab", "jacobian", "--json", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(text) for text in done.stdout.splitlines() if text.strip()]
    assert line["jacobians"] == []
    (entry,) = line["func_jacobians"]
    assert (entry["maker"], entry["kind"], entry["shape"], entry["line"]) == ("grad", "jacobian", [3], LINE)
    np.testing.assert_allclose(np.array(entry["value"]).reshape(-1), tf.grad(s)(X).numpy(), rtol=1e-6)


def test_the_calls_time_leaves_out_functorchs_one_time_set_up(monkeypatch):
    """A job forked before the zygote warmed functorch pays its set-up inside the program's first
    transform call; the page showed that first grad(f)(x) at "1265.9 ms" (now: after warm_func)."""
    import time

    from autogradlab.engine import jacobian

    def slow_warm() -> float:
        time.sleep(0.5)
        return 0.5

    monkeypatch.setattr(jacobian, "warm_func", slow_warm)
    report = _run("G = grad(s)(x)\n")
    assert report.ok, report.error
    (record,) = report.jacobians
    assert record.timing_ms < 400, record.timing_ms
