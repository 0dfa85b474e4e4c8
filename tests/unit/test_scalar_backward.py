"""`loss.backward()` called straight into torch's engine (lang/scalar_backward.py, issue 9) does what
PyTorch's own Tensor.backward() does: the same gradients, and for every call it cannot take the same
exception with the same message (PyTorch is the oracle)."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import scalar_backward as sb
from autogradlab.limits import Limits


def both(build, call_ours):
    """Build the same case twice; run PyTorch's backward on one and ours on the other."""
    plain, ours = build(), build()
    outcomes = []
    for case, run in ((plain, lambda t: t.backward()), (ours, call_ours)):
        try:
            run(case[0])
            outcomes.append(("ok", [None if t.grad is None else t.grad.clone() for t in case[1]]))
        except Exception as exc:  # noqa: BLE001 - compared with PyTorch's
            outcomes.append((type(exc), str(exc)))
    return outcomes


def _chain():
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(20):
        y = torch.sin(y) * 1.01 + 0.1 * x
    return y, [x]


def _one_element():
    w = torch.tensor([[2.0]], dtype=torch.float64, requires_grad=True)
    return (w * w).sum().reshape(1, 1), [w]


def _leaf():
    x = torch.tensor(3.0, requires_grad=True)
    return x, [x]


def _half():
    x = torch.tensor(1.5, dtype=torch.bfloat16, requires_grad=True)
    return x ** 3, [x]


@pytest.mark.parametrize("build", [_chain, _one_element, _leaf, _half])
def test_direct_backward_gives_pytorchs_gradients(build):
    plain, ours = both(build, sb.scalar_backward)
    assert plain[0] == ours[0] == "ok"
    for a, b in zip(plain[1], ours[1], strict=True):
        assert a.dtype == b.dtype and torch.equal(a, b)


def _non_scalar():
    x = torch.ones(3, requires_grad=True)
    return x * 2, [x]


def _no_grad():
    x = torch.ones(())
    return x * 2, [x]


def _complex():
    z = torch.tensor(1 + 2j, requires_grad=True)
    return z * z, [z]


def _freed():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    y.backward()
    return y, [x]


def _changed_in_place():
    x = torch.tensor(2.0, requires_grad=True)
    a = x * 1
    y = a * a
    with torch.no_grad():
        a.add_(1)
    return y, [x]


def _subclass():
    p = torch.nn.Parameter(torch.tensor(2.0))
    return p, [p]


@pytest.mark.parametrize("build", [_non_scalar, _no_grad, _complex, _freed, _changed_in_place])
def test_direct_backward_raises_what_pytorch_raises(build):
    plain, ours = both(build, sb.scalar_backward)
    assert plain[0] != "ok" and plain == ours


def test_a_parameter_goes_through_tensor_backward(monkeypatch):
    calls = []
    monkeypatch.setattr(sb, "_engine_run_backward", lambda *a, **k: calls.append(a))
    p, _ = _subclass()
    sb.scalar_backward(p)
    assert not calls and torch.equal(p.grad, torch.tensor(1.0))


def test_only_a_call_without_arguments_takes_the_direct_path(monkeypatch):
    calls = []
    monkeypatch.setattr(sb, "_engine_run_backward", lambda *a, **k: calls.append(a))
    y, _ = _chain()
    sb.backward_call(y, [], {})()
    assert len(calls) == 1
    y2, (x2,) = _chain()
    sb.backward_call(y2, [torch.tensor(2.0)], {})()   # a gradient: Tensor.backward itself
    assert len(calls) == 1 and x2.grad is not None
    y3, (x3,) = _chain()
    sb.backward_call(y3, [], {"retain_graph": True})()
    assert len(calls) == 1 and x3.grad is not None


def test_a_replaced_autograd_backward_is_called_as_tensor_backward_calls_it():
    from autogradlab.engine.jacobian_dydx import retained_graphs
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    with retained_graphs():   # (retain_graph=True for every backward of a rerun)
        sb.scalar_backward(y)
        sb.scalar_backward(y)
    assert x.grad.item() == 8.0
    with pytest.raises(RuntimeError, match="second time"):
        sb.scalar_backward(y * 1)
        sb.scalar_backward(y)


def test_a_torch_function_mode_sees_the_backward_call():
    from torch.overrides import TorchFunctionMode

    seen = []

    class Watching(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            seen.append(getattr(func, "__name__", ""))
            return func(*args, **(kwargs or {}))

    y, (x,) = _chain()
    with Watching():   # (batch_escapes.Tracking watches a program's batched backward so)
        sb.scalar_backward(y)
    assert "backward" in seen and x.grad is not None


PROGRAMS_THAT_RAISE = {
    "twice": "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\n"
             "y.backward()\n",
    "non_scalar": "import torch\nx = torch.ones(3, requires_grad=True)\n(x * 2).backward()\n",
    "no_grad": "import torch\nx = torch.ones(())\n(x * 2).backward()\n",
    "complex": "import torch\nz = torch.tensor(1 + 2j, requires_grad=True)\n(z * z).backward()\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS_THAT_RAISE))
def test_a_program_reports_the_same_error_with_and_without_the_direct_path(monkeypatch, name):
    source = PROGRAMS_THAT_RAISE[name]
    limits = Limits(timeout_s=30)
    direct = run_program(source, limits=limits)
    monkeypatch.setattr(sb, "_DIRECT", False)
    wrapped = run_program(source, limits=limits)
    assert direct.error is not None and wrapped.error is not None
    assert (direct.error.kind, direct.error.message, direct.error.hint, direct.error.line) == \
        (wrapped.error.kind, wrapped.error.message, wrapped.error.hint, wrapped.error.line)


def test_a_program_reports_the_same_gradients_with_and_without_the_direct_path(monkeypatch):
    source = "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(30):\n" \
             "    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\nprint(x.grad)\n"
    limits = Limits(timeout_s=30)
    direct = run_program(source, limits=limits)
    monkeypatch.setattr(sb, "_DIRECT", False)
    wrapped = run_program(source, limits=limits)
    assert direct.error is None and direct.printed == wrapped.printed
    assert [(n.id, n.grad and n.grad.summary) for n in direct.graph.nodes] == \
        [(n.id, n.grad and n.grad.summary) for n in wrapped.graph.nodes]
