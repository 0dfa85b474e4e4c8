"""engine/captured_backward.py: `y.backward()` whose every Node's gradient comes back from torch's own
engine (no pre-hook per Node). Real Python + PyTorch is the oracle for what the program sees (printed
text, variables, errors), and the hooked backward (the path every other backward takes) for the
gradients the report shows at each node; each program also says which path it must take."""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine import captured_backward, run_program
from autogradlab.engine.backward_hooks import BackwardHooks
from autogradlab.limits import Limits
from tests.unit.basics_helpers import engine_matches_python, oracle_for

CAPTURED = {
    "scalar_chain": """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(50):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
print(y.item(), x.grad)
""",
    # a leaf whose .grad exists: added in place (the program's own reference sees it)
    "accumulates_in_place": """import torch
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
(w * w).sum().backward()
g = w.grad
(w.exp()).sum().backward()
print(g, g is w.grad, w.grad.stride())
""",
    # Nodes with several outputs (unbind, max with indices, split) and a float64 leaf
    "multi_output": """import torch
x = torch.tensor([[1.0, 5.0, 2.0], [4.0, 0.5, 6.0]], dtype=torch.float64, requires_grad=True)
a, b = x.unbind(0)
m, i = x.max(dim=1)
p, q = x.split([1, 2], dim=1)
y = (a * 2).sum() + m.sum() + (q ** 2).sum() + b[0]
y.backward()
print(x.grad, x.grad.dtype, x.grad.is_contiguous())
""",
    # a leaf that no longer requires grad gets nothing, as AccumulateGrad gives it
    "leaf_and_zero_grad": """import torch
x = torch.ones(2, 3, requires_grad=True)
z = torch.zeros(3, requires_grad=True)
y = (x * z + x).sum()
y.backward()
print(x.grad, z.grad, x.grad.stride())
x.grad.zero_()
y = (x ** 3).mean()
y.backward()
print(x.grad)
""",
    # a training loop: every middle pass skimmed, the last ones captured
    "training_loop": """import torch
torch.manual_seed(0)
x = torch.linspace(-1, 1, 20)
y = 3 * x - 1
w = torch.zeros(2, requires_grad=True)
for step in range(30):
    loss = ((w[0] * x + w[1] - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
print(w, loss.item())
""",
}

HOOKED = {
    # retain_grad: the intermediate's .grad is written inside the backward
    "retain_grad": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
h.retain_grad()
y = (h ** 2).sum()
y.backward()
print(h.grad, x.grad)
""",
    "tensor_hook": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_hook(lambda g: print('hook', g))
y = (x ** 2).sum()
y.backward()
print(x.grad)
""",
    "node_hook": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x.sin() * 2).sum()
y.grad_fn.register_prehook(lambda go: print('pre', go))
y.backward()
print(x.grad)
""",
    "custom_function": """import torch
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return 2 * a * g
x = torch.tensor([1.0, 3.0], requires_grad=True)
y = Square.apply(x).sum()
y.backward()
print(x.grad)
""",
    # a saved tensor changed in place: torch raises in the middle of the backward; what the leaves
    # got before the error is PyTorch's
    "changed_in_place": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, 0.25], requires_grad=True)
a = x * 2
b = w.exp()
c = a.sum() + b.sum()
b.add_(1)
try:
    c.backward()
except RuntimeError as e:
    print(str(e)[:60])
print(x.grad, w.grad)
""",
    "second_time": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x.sin() * x).sum()
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print(str(e)[:50])
print(x.grad)
""",
    "non_contiguous_leaf": """import torch
x = torch.arange(6.0).reshape(2, 3).t().detach().requires_grad_()
y = (x * x).sum()
y.backward()
print(x.grad, x.grad.stride(), x.stride())
""",
    "with_gradient": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x ** 2
y.backward(torch.tensor([1.0, 0.5]))
print(x.grad)
""",
}

ALL = {**CAPTURED, **HOOKED}


@pytest.fixture(scope="module")
def python() -> dict[str, dict]:
    return oracle_for(ALL)


def _count_captured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made = [0]
    runner = captured_backward.runner

    def counting(*args):
        made[0] += 1
        return runner(*args)
    monkeypatch.setattr(captured_backward, "runner", counting)
    return made


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_program_sees_what_python_sees_and_takes_its_path(name: str, python: dict,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    made = _count_captured(monkeypatch)
    engine_matches_python(ALL[name], python[ALL[name]])
    # second_time: its first backward is captured, the second (of a freed graph) is not
    assert made[0] == (1 if name == "second_time" else 0 if name in HOOKED else made[0] or -1), made[0]


def _node_grads(source: str) -> list[tuple[str, str, object]]:
    report = run_program(source, limits=Limits(timeout_s=30))
    assert report.ok, report.error
    return [(node.kind, node.label, None if node.grad is None else np.asarray(node.grad.value))
            for node in report.graph.nodes]


@pytest.mark.parametrize("name", sorted(CAPTURED))
def test_every_node_shows_the_gradient_the_hooked_backward_shows(name: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    captured = _node_grads(CAPTURED[name])
    monkeypatch.setattr(BackwardHooks, "captures_backward", False)
    hooked = _node_grads(CAPTURED[name])
    assert len(captured) == len(hooked) > 0
    assert sum(grad is not None for _, _, grad in captured) > 0
    for (kind, label, grad), (kind2, label2, grad2) in zip(captured, hooked, strict=True):
        assert (kind, label) == (kind2, label2)
        assert (grad is None) == (grad2 is None), (kind, label)
        if grad is not None:
            np.testing.assert_array_equal(grad, grad2)


def test_a_leaf_grad_is_laid_out_like_the_leaf_and_owns_its_memory() -> None:
    import torch
    leaf = torch.zeros(2, 3, requires_grad=True)
    grad = torch.arange(6.0).reshape(3, 2).t()   # a transposed gradient: the copy is laid out like the leaf
    captured_backward.accumulate(leaf, grad)
    assert leaf.grad.stride() == leaf.stride() and torch.equal(leaf.grad, grad)
    assert leaf.grad.untyped_storage().data_ptr() != grad.untyped_storage().data_ptr()
    before = leaf.grad
    captured_backward.accumulate(leaf, torch.ones(2, 3))
    assert leaf.grad is before and torch.equal(before, grad + 1)
    leaf.requires_grad_(False)
    captured_backward.accumulate(leaf, torch.ones(2, 3))
    assert torch.equal(leaf.grad, grad + 1)


HOOKED_S38 = {
    "multi_grad_hook": """import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
torch.autograd.graph.register_multi_grad_hook((a, b), lambda grads: print('all', grads))
y = (a * 2).sum() + (b ** 2).sum()
y.backward()
print(a.grad, b.grad)
""",
    "saved_tensors_hooks": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 1, lambda t: t):
    y = (x.sin() * x).sum()
y.backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(HOOKED_S38))
def test_hooks_of_torch_autograd_graph_keep_the_hooked_backward(name: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    made = _count_captured(monkeypatch)
    python = oracle_for({name: HOOKED_S38[name]})
    engine_matches_python(HOOKED_S38[name], python[HOOKED_S38[name]])
    assert made[0] == 0
