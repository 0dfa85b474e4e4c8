"""Session 38 (breadth, issue 9 part 2): torch.autograd.graph.register_multi_grad_hook (a known leftover:
refused before; its docstring's example in the session's corpus), compared with plain PyTorch, and the
limits that hold inside the hook as in any call."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused

T = "import torch\n"
DOC = T + ("a = torch.rand(2, 3, requires_grad=True)\nb = torch.rand(2, 3, requires_grad=True)\n"
           "c = a * b\nd = a * b\n\ndef fn(grads):\n    print([g is not None for g in grads])\n\n")


@pytest.mark.parametrize("snippet", [
    DOC + "torch.autograd.graph.register_multi_grad_hook((a, b, c, d), fn)\n\n"
    "c.sum().backward(retain_graph=True)\nc.sum().backward(inputs=(a,), retain_graph=True)\n",
    DOC + "h = torch.autograd.graph.register_multi_grad_hook([a, b], lambda gs: print(gs[0] + gs[1]))\n"
    "h\nprint(h)\n(a * b).sum().backward()\nh.remove()\n(a * b).sum().backward()\nprint(a.grad)\n",
    DOC + "from torch.autograd.graph import register_multi_grad_hook\n"
    "seen = []\nregister_multi_grad_hook((a, b), lambda g: seen.append(g.shape), mode='any')\n"
    "(a * b).sum().backward()\n(a + b).sum().backward()\nprint(seen)\n",
    DOC + "torch.autograd.graph.register_multi_grad_hook(tensors=(a,), fn=print)\n(a * 2).sum().backward()\n",
    DOC + "try:\n    torch.autograd.graph.register_multi_grad_hook((a,), fn, mode='both')\n"
    "except ValueError as e:\n    print(e)\n",
])
def test_multi_grad_hook_runs_like_pytorch(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize("snippet, words", [
    (DOC + "torch.autograd.graph.register_multi_grad_hook((a, b), 3)\n", "takes a function"),
    (DOC + "torch.autograd.graph.register_multi_grad_hook((a, 3), fn)\n", "list or tuple of tensors"),
    (DOC + "torch.autograd.graph.register_multi_grad_hook((a, b))\n", "missing 1 required"),
    (DOC + "torch.autograd.graph.register_multi_grad_hook((a, b), fn, 'all')\n", "takes torch.autograd"),
])
def test_multi_grad_hook_misuse_is_plain(snippet: str, words: str) -> None:
    assert words in refused(snippet).message


def test_limits_hold_inside_the_hook() -> None:
    """An endless hook meets the step or time limit, which the program cannot catch."""
    source = DOC + ("def spin(grads):\n    while True:\n        pass\n\n"
                    "torch.autograd.graph.register_multi_grad_hook((a, b), spin)\n"
                    "try:\n    (a * b).sum().backward()\nexcept Exception as e:\n    print('caught', e)\n")
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit" and "caught" not in report.printed
    grow = DOC + ("def grow(grads):\n    xs = []\n    while True:\n        xs.append(grads)\n\n"
                  "torch.autograd.graph.register_multi_grad_hook((a, b), grow)\n(a * b).sum().backward()\n")
    report = run_program(grow)
    assert not report.ok and report.error.kind == "limit"


def test_the_hook_is_refused_under_torch_func() -> None:
    source = DOC + ("def f(x):\n    torch.autograd.graph.register_multi_grad_hook((x,), fn)\n"
                    "    return x.sum()\n\ntorch.func.grad(f)(torch.ones(2))\n")
    assert not run_program(source).ok
