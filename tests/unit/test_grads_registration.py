"""grads.begin registers its pre-hooks through a plain stand-in for torch's _register_hook (issue 9):
the gradients it captures are still the ones PyTorch computes (torch.autograd.grad is the oracle),
torch's own registration is back in place afterwards (also when begin fails), and hooks torch
registers on the same Nodes, before or after, still run and can still be removed."""

from __future__ import annotations

import pytest
import torch
from torch.autograd import function as torch_function

from autogradlab.engine import prehook_register
from autogradlab.engine.grads import GradientRecorder
from autogradlab.engine.prehook_register import _register_plain as register_plain

TORCH_REGISTER = torch_function._HookMixin.__dict__["_register_hook"]


class Cube(torch.autograd.Function):
    """A custom Function: its Node is a Python BackwardCFunction, not a C++ Node."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 3 * x * x * grad


def mixed_graph():
    """Leaves, a custom Function, fan-out (c used twice) and a 40-step chain: the intermediate
    tensors (whose grad_fn Nodes the recorder hooks) and the output."""
    a = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
    w = torch.tensor(0.7, requires_grad=True)
    b = torch.sin(a) * w
    c = Cube.apply(b)
    d = c * c + c
    mids = [b, c, d]
    y = d
    for _ in range(40):
        y = torch.tanh(y) * 1.01 + 0.1 * w
        mids.append(y)
    return (a, w), mids, y.sum()


def test_captured_gradients_equal_autograd_grad_bit_for_bit():
    leaves, mids, out = mixed_graph()
    expected = torch.autograd.grad(out, [*mids, *leaves], retain_graph=True)
    recorder = GradientRecorder()
    recorder.begin([out])
    out.backward()
    recorder.finish()
    capture = recorder.completed[-1]
    for tensor, grad in zip(mids, expected[:len(mids)], strict=True):
        assert torch.equal(capture[id(tensor.grad_fn)], grad)
    for leaf, grad in zip(leaves, expected[len(mids):], strict=True):
        assert torch.equal(capture[id(leaf)], grad) and torch.equal(leaf.grad, grad)


def test_torch_registration_is_back_after_begin():
    _, _, out = mixed_graph()
    GradientRecorder().begin([out])
    assert torch_function._HookMixin.__dict__["_register_hook"] is TORCH_REGISTER


def test_torch_registration_is_back_when_begin_fails(monkeypatch):
    def failing(*args):
        raise RuntimeError("walk failed")
    monkeypatch.setattr(GradientRecorder, "_hook_graphs", failing)
    with pytest.raises(RuntimeError, match="walk failed"):
        GradientRecorder().begin([torch.ones(2, requires_grad=True) * 2])
    assert torch_function._HookMixin.__dict__["_register_hook"] is TORCH_REGISTER


@pytest.fixture
def plain_calls(monkeypatch):
    """The hooks registered through the plain Python stand-in (prehook_register._register_plain)."""
    calls = []

    def counting(hooks, hook):
        calls.append(hook)
        return register_plain(hooks, hook)
    monkeypatch.setattr(prehook_register, "_REGISTER_PLAIN", staticmethod(counting))
    return calls


def test_no_python_registration_for_new_nodes(plain_calls):
    """Node.register_prehook of a new Node calls no Python (prehook_register.py: the pending dict's
    `get` stands in for torch's _register_hook); torch's and the plain Python stand-in are not called
    (else this speed-up is gone)."""
    calls = plain_calls
    _, mids, out = mixed_graph()
    new = GradientRecorder().begin([out])
    assert len(new) > len(mids) and calls == []


def test_a_node_with_python_pre_hooks_is_hooked_through_the_plain_stand_in(plain_calls):
    """A Node that has Python pre-hooks already (torch's, or ours of a backward let go) hands their dict
    to _register_hook: that Node goes through the plain stand-in, and every hook still runs."""
    calls = plain_calls
    _, mids, out = mixed_graph()
    node = mids[-1].grad_fn
    seen = []
    handle = node.register_prehook(lambda grads: seen.append(grads[0].clone()))
    recorder = GradientRecorder()
    recorder.begin([out])
    assert len(calls) == 1
    out.backward()
    recorder.finish()
    assert len(seen) == 1 and torch.equal(seen[0], recorder.completed[-1][id(node)])
    handle.remove()


def test_torch_hooks_on_the_same_nodes_still_run_and_can_be_removed():
    _, mids, out = mixed_graph()
    node = mids[-1].grad_fn
    seen = []
    before = node.register_prehook(lambda grads: seen.append(("before", grads[0].clone())))
    recorder = GradientRecorder()
    recorder.begin([out])
    after = node.register_prehook(lambda grads: seen.append(("after", grads[0].clone())))
    removed = node.register_prehook(lambda grads: seen.append(("removed", None)))
    removed.remove()
    out.backward()
    recorder.finish()
    assert [name for name, _ in seen] == ["before", "after"]
    for _, grad in seen:
        assert torch.equal(grad, recorder.completed[-1][id(node)])
    before.remove()
    after.remove()
