"""Session 39 (corpus-s39): `torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)`, as rasbt's
LLMs-from-scratch ch. 3 builds its attention weights before any nn.Module, compared with plain PyTorch;
nn.Module models and the other nn layers stay refused."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare

T = "import torch\n"


@pytest.mark.parametrize("snippet", [
    # ch03's "Implementing self-attention with trainable weights", first cells
    "torch.manual_seed(123)\nd_in, d_out = 3, 2\n"
    "W_query = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)\n"
    "W_key   = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)\n"
    "x_2 = torch.tensor([0.55, 0.87, 0.66])\nquery_2 = x_2 @ W_query\nkey_2 = x_2 @ W_key\nprint(query_2)\n"
    "print(W_query)\nW_key\n",
    "import torch.nn as nn\nw = nn.Parameter(torch.ones(2))\ny = (w * torch.tensor([1., 2.])).sum()\n"
    "y.backward()\nprint(w.grad, w.is_leaf, w.requires_grad)\nw\n",
    "from torch.nn import Parameter\na = torch.ones(2, requires_grad=True)\nb = a * 2\np = Parameter(b)\n"
    "print(p.is_leaf, p.requires_grad, p.grad_fn is None)\np.data.mul_(3)\nprint(b, p)\n",
    "t = torch.zeros(2)\np = torch.nn.Parameter(t)\nwith torch.no_grad():\n    p.add_(1)\nprint(t, p)\n"
    "print(isinstance(p, torch.Tensor), type(p * 2))\ne = torch.nn.Parameter()\n",
    "p = torch.nn.Parameter(torch.arange(3), requires_grad=False)\n"
    "q = torch.nn.Parameter(data=torch.ones(1))\n",
])
def test_parameter_like_pytorch(snippet: str) -> None:
    compare(T + snippet)


def test_integer_parameter_fails_as_requires_grad_does() -> None:
    report = run_program(T + "p = torch.nn.Parameter(torch.arange(3))\n")   # integers cannot require grad
    said = run_program(T + "p = torch.arange(3).requires_grad_()\n")
    assert not report.ok and report.error.line == 2 and report.error.message == said.error.message


@pytest.mark.parametrize("line, kind", [
    ("torch.nn.Parameter([1., 2.])", "type"),
    ("torch.nn.Parameter(torch.ones(2), requires_grad=1)", "type"),
    ("torch.nn.Parameter(torch.ones(2), True, 3)", "type"),
    ("torch.nn.Linear(2, 3)", "unsupported"),
    ("torch.nn.Parameter.mro()", None),   # (Parameter is a class since session 40: test_parameter_type_s40)
])
def test_misuse_and_other_nn_stay_refused(line: str, kind: str | None) -> None:
    report = run_program(T + f"p = {line}\n")
    assert not report.ok and report.error.line == 2, report.error
    if kind:
        assert report.error.kind == kind, report.error


def test_a_module_class_stays_out_of_scope() -> None:
    report = run_program(T + "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n"
                         "        super().__init__()\n        self.w = nn.Parameter(torch.ones(2))\n")
    assert not report.ok and "nn.Module" in report.error.message


def test_not_inside_a_transform() -> None:
    report = run_program(T + "def f(x):\n    return torch.nn.Parameter(x).sum()\n\n"
                         "g = torch.func.grad(f)(torch.ones(2))\n")
    assert not report.ok and report.error.kind == "unsupported" and "torch.func" in report.error.message
