"""Session 38 (breadth, issue 9 part 2): `with torch.autograd.graph.saved_tensors_hooks(pack, unpack):` (a
known leftover: refused before; its docstring's example in the session's corpus), compared with plain
PyTorch; the limits hold inside the hooks, PyTorch's manager is left whatever ends the block, and the
engine's own work (shape checks, its Steps' reading of saved tensors) never calls the program's hooks."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused

T = "import torch\n"
HOOKS = T + ("def pack_hook(x):\n    print('Packing', x)\n    return x.detach()\n\n"
             "def unpack_hook(x):\n    print('Unpacking', x)\n    return x\n\n")


@pytest.mark.parametrize("snippet", [
    HOOKS + "a = torch.ones(5, requires_grad=True)\nb = torch.ones(5, requires_grad=True) * 2\n"
    "with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):\n    y = a * b\n"
    "y.sum().backward()\nprint(a.grad)\n",
    HOOKS + "x = torch.tensor([0.5, 1.0], requires_grad=True)\n"
    "with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):\n"
    "    y = x.exp()\n    z = (y * x).sin().sum()\nz.backward()\nprint(x.grad)\n",
    T + "from torch.autograd.graph import saved_tensors_hooks\nstore = []\n"
    "def pack(t):\n    store.append(t.detach().clone())\n    return len(store) - 1\n\n"
    "def unpack(i):\n    return store[i]\n\n"
    "w = torch.tensor([1., 2., 3.], requires_grad=True)\n"
    "with saved_tensors_hooks(pack, unpack) as h:\n    loss = (w * w).sum()\n"
    "loss.backward()\nprint(w.grad, len(store), h)\n",
    T + "x = torch.ones(3, requires_grad=True)\n"
    "with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 2, lambda t: t):\n    y = (x * x).sum()\n"
    "y.backward()\nprint(x.grad)\n",
    T + "x = torch.ones(3, requires_grad=True)\n"
    "with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: 3):\n    y = (x * x).sum()\n"
    "try:\n    y.backward()\nexcept TypeError as e:\n    print(e)\n",
])
def test_saved_tensors_hooks_run_like_pytorch(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize("snippet, words", [
    (T + "with torch.autograd.graph.saved_tensors_hooks(3, print):\n    pass\n", "takes two functions"),
    (T + "with torch.autograd.graph.saved_tensors_hooks(print):\n    pass\n", "pack_hook and unpack_hook"),
    (T + "def f(v):\n    with torch.autograd.graph.saved_tensors_hooks(print, print):\n"
     "        return (v * v).sum()\n\ntorch.func.grad(f)(torch.ones(2))\n", "saved_tensors_hooks"),
    # (a pack hook may give back a function since session 39, as in plain PyTorch; a module it may not)
    (T + "def pack(t):\n    return torch\n\nx = torch.ones(2, requires_grad=True)\n"
     "with torch.autograd.graph.saved_tensors_hooks(pack, print):\n    y = x * x\n", "module `torch`"),
])
def test_saved_tensors_hooks_misuse_is_refused(snippet: str, words: str) -> None:
    assert words in refused(snippet).message


def _default_hooks_left() -> object:
    return torch._C._autograd._top_saved_tensors_default_hooks(False)


def test_limits_hold_inside_the_hooks_and_the_manager_is_left() -> None:
    spin = T + ("def pack(t):\n    while True:\n        pass\n\nx = torch.ones(2, requires_grad=True)\n"
                "try:\n    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):\n"
                "        y = x * x\nexcept Exception as e:\n    print('caught', e)\n")
    report = run_program(spin)
    assert not report.ok and report.error.kind == "limit" and "caught" not in report.printed
    assert _default_hooks_left() is None
    late = T + ("x = torch.ones(2, requires_grad=True)\n"
                "with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):\n    y = x * x\n"
                "def spin(t):\n    while True:\n        pass\n\n"
                "with torch.autograd.graph.saved_tensors_hooks(lambda t: t, spin):\n    z = x * x\n"
                "z.sum().backward()\n")
    report = run_program(late)
    assert not report.ok and report.error.kind == "limit"
    assert _default_hooks_left() is None
    raised = T + ("x = torch.ones(2, requires_grad=True)\ntry:\n"
                  "    with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):\n"
                  "        raise ValueError('out')\nexcept ValueError as e:\n    print(e)\ny = x * x\n"
                  "y.sum().backward()\nprint(x.grad)\n")
    compare(raised)
    assert _default_hooks_left() is None


def test_size_limits_hold_in_the_block() -> None:
    big = T + ("x = torch.ones(2, requires_grad=True)\n"
               "with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):\n"
               "    y = torch.ones(10**10) * x[0]\n")
    report = run_program(big)
    assert not report.ok and report.error.kind == "limit"
