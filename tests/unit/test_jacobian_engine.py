"""The engine's jacobian(): every call recorded, computed by the cheaper vectorized direction (or
the loop), and equal to torch.autograd.functional.jacobian (real PyTorch, the oracle)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from autogradlab.engine import jacobian as jac
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import assert_value_matches, run_trusted

PROGRAMS = Path(__file__).resolve().parents[2] / "lessons"
SEED_JACOBIANS = sorted(PROGRAMS.glob("seed00[24]_jacobian_*.py"))

HEAD = "import torch\nfrom torch.autograd.functional import jacobian\n"
OWN = {
    "softmax": "x = torch.tensor([0.5, -1.0, 2.0, 0.1])\n"
               "J = jacobian(lambda v: torch.softmax(v, dim=0), x)\n",
    "W_at_x": "W = torch.arange(12.0).reshape(4, 3) / 7\nx = torch.tensor([1.0, -2.0, 0.5])\n"
              "J = jacobian(lambda v: W @ v, x)\n",
    "tall_forward": "W = torch.linspace(-1, 1, 60).reshape(20, 3)\nx = torch.tensor([0.3, -0.2, 0.9])\n"
                    "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)\n",
    "four_d": "A = torch.tensor([[1.0, 2.0], [3.0, -1.0]])\n"
              "M = torch.tensor([[0.5, 1.5, 2.0], [1.0, -1.0, 0.0]])\n"
              "J = jacobian(lambda X: torch.tanh(A @ X), M)\n",
    "float64": "x = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64)\n"
               "J = jacobian(lambda v: v.exp() * v.sum(), x)\n",
    "tuple_inputs": "a = torch.tensor([1.0, 2.0])\nb = torch.tensor([3.0, -1.0, 0.5])\n"
                    "J = jacobian(lambda u, v: torch.outer(u, v).sum(1) * u, (a, b))\n",
    "tuple_outputs": "x = torch.tensor([1.0, 2.0, 3.0])\nJ = jacobian(lambda v: (v * 2, v.sum()), x)\n",
    "closure": "c = torch.tensor([2.0, -3.0])\ndef f(v):\n    return c * v ** 2 + v.sum()\n"
               "x = torch.tensor([0.5, 1.5])\nJ = jacobian(f, x)\n",
    "control_flow": "def f(v):\n    if v.sum() > 0:\n        return v * 3\n    return v * v\n"
                    "x = torch.tensor([1.0, 2.0, 4.0])\nJ = jacobian(f, x)\n",
    "constant_output": "x = torch.tensor([1.0, 2.0])\nJ = jacobian(lambda v: torch.ones(3), x)\n",
    "user_options": "x = torch.tensor([1.0, 2.0, 3.0])\n"
                    "J = jacobian(lambda v: v ** 3, x, vectorize=True, strategy='forward-mode')\n",
    "create_graph": "x = torch.tensor([1.0, 2.0])\nJ = jacobian(lambda v: v ** 3, x, create_graph=True)\n",
}


def _run(source: str):
    report = run_program(source, seed=0)
    assert report.ok, report.error
    return report


@pytest.mark.parametrize("path", SEED_JACOBIANS, ids=lambda p: p.stem)
def test_seed_jacobian_equals_torch(path: Path) -> None:
    source = path.read_text()
    report, oracle = _run(source), run_trusted(source)
    assert oracle.error is None
    name = "my_jacobian" if "my_jacobian" in report.variables else "jacobian"
    assert_value_matches(report.variables[name], oracle.namespace[name])
    assert report.printed == oracle.printed
    [record] = report.jacobians
    assert record.checks.passed()


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_jacobian_equals_torch(name: str) -> None:
    source = HEAD + OWN[name]
    report, oracle = _run(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert_value_matches(report.variables["J"], oracle.namespace["J"])
    [record] = report.jacobians
    real = oracle.namespace["J"]
    if isinstance(real, torch.Tensor):
        np.testing.assert_allclose(record.block(0, 0), real.detach().numpy(), rtol=1e-6, atol=1e-7)
        assert record.block(0, 0).dtype == real.detach().numpy().dtype


def test_strategy_follows_the_shape() -> None:
    tall = _run(HEAD + OWN["tall_forward"]).jacobians[0]
    assert tall.strategy == "forward" and "20 outputs, 3 inputs" in tall.why
    wide = _run(HEAD + "x = torch.arange(6.0)\nJ = jacobian(lambda v: (v * v).sum(0), x)\n").jacobians[0]
    assert wide.strategy == "reverse" and "1 pass" in wide.why


def test_control_flow_on_values_still_runs_vectorized() -> None:
    """vmap batches only the tangents (or cotangents): the primal values, on which `if` decides,
    are the same in every pass, so branching on them needs no loop."""
    source = HEAD + "def f(v):\n    if v[0] > 0:\n        return v * 2\n    return v\n" \
        "x = torch.tensor([1.0, 2.0, 3.0, 4.0])\nJ = jacobian(lambda v: f(v).repeat(3), x)\n"
    record = _run(source).jacobians[0]
    assert record.strategy == "forward", record.why
    np.testing.assert_allclose(record.matrix, np.tile(np.eye(4) * 2, (3, 1)))


def test_reading_data_forces_the_loop() -> None:
    source = HEAD + "def f(v):\n    a = v.detach().numpy()\n    return v * v * float(a[0])\n" \
        "x = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])\nJ = jacobian(f, x)\n"
    report, oracle = _run(source), run_trusted(source)
    record = report.jacobians[0]
    assert record.strategy == "loop", record.why
    assert "reads tensor data" in record.why
    assert_value_matches(report.variables["J"], oracle.namespace["J"])


def test_user_options_are_honoured() -> None:
    record = _run(HEAD + OWN["user_options"]).jacobians[0]
    assert record.strategy == "forward" and "strategy='forward-mode'" in record.why
    report = _run(HEAD + OWN["create_graph"])
    assert report.variables["J"].grad_fn is not None


def test_every_call_recorded_in_order_with_line_and_text() -> None:
    report = _run(HEAD + "x = torch.tensor([1.0, 2.0])\nA = jacobian(lambda v: v * v, x)\n"
                  "for k in range(2):\n    B = jacobian(lambda v: v * k, x)\n")
    assert [(r.index, r.line) for r in report.jacobians] == [(0, 4), (1, 6), (2, 6)]
    assert report.jacobians[0].text == "A = jacobian(lambda v: v * v, x)"
    assert report.jacobians[0].input_names == ("x",)
    assert all(r.timing_ms > 0 for r in report.jacobians)


def test_inputs_no_variable_holds_are_named_after_the_argument() -> None:
    # introyt's autograd tutorial: `inputs = (torch.rand(3), torch.rand(3)); jacobian(exp_adder, inputs)`
    report = _run(HEAD + "def exp_adder(x, y):\n    return 2 * x.exp() + 3 * y\n"
                  "inputs = (torch.rand(3), torch.rand(3))\nJ = jacobian(exp_adder, inputs)\n"
                  "a = torch.rand(2)\nb = torch.rand(2)\nK = jacobian(exp_adder, (a, b))\n"
                  "t1 = torch.rand(2)\nL = jacobian(lambda v: v * 2, t1)\n")
    assert [r.input_names for r in report.jacobians] == [("inputs[0]", "inputs[1]"), ("a", "b"), ("t1",)]


@pytest.mark.parametrize("shape", [(7, 5), (5, 7)])
def test_strategies_agree(shape: tuple[int, int]) -> None:
    m, n = shape
    W = torch.randn(m, n, generator=torch.Generator().manual_seed(1))

    def f(v: torch.Tensor) -> torch.Tensor:
        return torch.tanh(W @ torch.sin(v))

    x = torch.randn(n, generator=torch.Generator().manual_seed(2))
    p = jac.probe(f, (x,))
    want = torch.autograd.functional.jacobian(f, x)
    for got in (jac.forward(f, p), jac.reverse(f, p), jac.loop(p)):
        torch.testing.assert_close(got, want)


def test_checks_report_small_errors_and_the_lesson_vjp() -> None:
    report = _run((PROGRAMS / "seed004_jacobian_funx.py").read_text())
    checks = report.jacobians[0].checks
    assert checks.fd_dtype == "float64" and checks.fd_max_error < 1e-6
    assert checks.vjp_max_error == 0.0 and checks.jvp_max_error == 0.0
    ones_j = np.ones(2) @ report.jacobians[0].matrix
    np.testing.assert_allclose(ones_j, [5.0, 18.0])     # the lesson's x.grad


def test_size_guard_refuses_before_building() -> None:
    n = int(DEFAULT_LIMITS.max_tensor_elements ** 0.5) + 10
    report = run_program(HEAD + f"x = torch.ones({n})\nJ = jacobian(lambda v: v * 2, x)\n")
    assert not report.ok and report.error.kind == "limit"
    assert "jacobian" in report.error.message and report.error.line == 4


def test_muted_passes_leave_no_trace() -> None:
    source = HEAD + OWN["tall_forward"] + "print('done')\n"
    report = _run(source)
    in_function = [op for op in report.ops if op.in_function]
    assert [op.op for op in in_function] == ["sin", "matmul", "tanh"]
    assert report.printed == "done\n"


def test_side_effects_run_the_function_once_like_torch() -> None:
    source = HEAD + ("calls = []\ndef f(v):\n    calls.append(1)\n    return v * v\n"
                     "x = torch.tensor([1.0, 2.0, 3.0])\nJ = jacobian(f, x)\nn = len(calls)\n")
    report, oracle = _run(source), run_trusted(source)
    assert_value_matches(report.variables["n"], oracle.namespace["n"])      # 1: f ran once
    assert_value_matches(report.variables["J"], oracle.namespace["J"])
    record = report.jacobians[0]
    assert record.strategy == "loop" and "calls.append(1)" in record.why
    assert record.checks.vjp_max_error == 0.0 and record.checks.fd_max_error is None


def test_in_place_change_of_a_captured_tensor_happens_once() -> None:
    source = HEAD + ("c = torch.zeros(2)\ndef f(v):\n    c.add_(1)\n    return v * c\n"
                     "x = torch.tensor([1.0, 2.0])\nJ = jacobian(f, x)\n")
    report, oracle = _run(source), run_trusted(source)
    assert_value_matches(report.variables["c"], oracle.namespace["c"])
    assert_value_matches(report.variables["J"], oracle.namespace["J"])


def test_local_item_assignment_is_not_a_side_effect() -> None:
    source = HEAD + ("def f(v):\n    out = torch.zeros(2)\n    out[0] = v[0] * v[1]\n    out[1] = v[1]\n"
                     "    return out\nx = torch.tensor([2.0, 3.0])\nJ = jacobian(f, x)\n")
    report, oracle = _run(source), run_trusted(source)
    assert_value_matches(report.variables["J"], oracle.namespace["J"])
    assert report.jacobians[0].checks.fd_max_error is not None


def test_random_numbers_inside_the_function_match_torch() -> None:
    source = HEAD + ("torch.manual_seed(3)\nx = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])\n"
                     "J = jacobian(lambda v: v * torch.randn(5), x)\nafter = torch.randn(2)\n")
    report, oracle = _run(source), run_trusted(source)
    assert_value_matches(report.variables["J"], oracle.namespace["J"])
    assert_value_matches(report.variables["after"], oracle.namespace["after"])


@pytest.mark.parametrize("call", ["jacobian(lambda v: v, [x])", "jacobian(lambda v: [v], x)",
                                  "jacobian(lambda v: v, torch.tensor([1, 2]))",
                                  "jacobian(lambda v: 3.0, x)"])
def test_bad_arguments_fail_as_in_torch(call: str) -> None:
    source = HEAD + f"x = torch.tensor([1.0, 2.0])\nJ = {call}\n"
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None
    assert not report.ok and report.error.line == 4 and report.error.kind != "internal", report.error


def test_checks_catch_a_wrong_jacobian() -> None:
    from types import SimpleNamespace

    from autogradlab.engine.jacobian_call import muted
    from autogradlab.engine.jacobian_checks import run_checks
    from autogradlab.lang.hooks import NullHooks

    def f(v: torch.Tensor) -> torch.Tensor:
        return torch.sin(v) * v.sum()

    x = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64)
    interp = SimpleNamespace(hooks=NullHooks(), generator=torch.Generator())
    p = jac.probe(f, (x,))
    right = torch.autograd.functional.jacobian(f, x)
    good = run_checks(interp, f, p, right, muted)
    assert good.passed() and good.fd_max_error < 1e-8 and good.fd_dtype == "float64"
    wrong = right.clone()
    wrong[1, 2] += 0.5
    bad = run_checks(interp, f, p, wrong, muted)
    assert not bad.passed() and bad.fd_max_error > 0.1 and bad.vjp_max_error > 0.1


@pytest.mark.parametrize(("outputs", "allowed"), [(100, True), (101, False)])
def test_size_guard_just_below_and_above_the_limit(outputs: int, allowed: bool) -> None:
    """J of exactly max_tensor_elements entries is built (by the fast strategy); one row more is
    refused before anything is built."""
    import dataclasses

    limits = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=10_000)
    body = (f"x = torch.linspace(-1, 1, 100)\n"
            f"J = jacobian(lambda v: torch.cat((v.sin(), v[:{outputs - 100}])), x)\n")
    report = run_program(HEAD + body, limits=limits)
    if allowed:
        assert report.ok, report.error
        record = report.jacobians[0]
        assert record.shape == (100, 100) and record.strategy in ("reverse", "forward")
    else:
        assert not report.ok and report.error.kind == "limit" and "10,000" in report.error.message
        assert report.jacobians == ()


@pytest.mark.parametrize(("extra", "allowed"), [(0, True), (1, False)])
def test_dydx_size_guard_just_below_and_above_the_limit(extra: int, allowed: bool) -> None:
    import dataclasses

    run_program("import torch\n")   # a first run in a process imports lazily; the rerun needs time left
    limits = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=10_000)
    body = (f"x = torch.ones(100, requires_grad=True)\ny = torch.cat((x, x[:{extra}])) * 2\n"
            "y.sum().backward()\n")   # the graph is freed: the rerun must refuse alike
    report = run_program("import torch\n" + body, limits=limits, jacobian_of=("y", "x"))
    assert report.ok, report.error
    found = [r for r in report.jacobians if r.text == "dy/dx"]
    assert bool(found) is allowed
    if not allowed:
        assert any("10,000" in n for n in report.notes), report.notes
