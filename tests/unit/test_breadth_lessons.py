"""Constructs that tutorials no one here wrote still hit (issue 9, part 2, session 6), each a snippet
compared with plain PyTorch (tests/oracle.py), and hostile variants that must stay refused."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare

SNIPPETS = {
    # `@torch.no_grad()` on a def (PyTorch's "Fundamentals of Autograd").
    "no_grad_decorator": "import torch\n@torch.no_grad()\ndef add(x, y):\n    return x + y\n"
                         "a = torch.ones(2, requires_grad=True) * 2\nc = add(a, a)\n"
                         "print(c, c.requires_grad, torch.is_grad_enabled())",
    "no_grad_decorator_bare": "import torch\n@torch.no_grad\ndef f(x):\n    y = x * 2\n    return y\n"
                              "@torch.enable_grad()\ndef g(x):\n    return x * 3\n"
                              "x = torch.ones(2, requires_grad=True)\na = f(x)\nwith torch.no_grad():\n"
                              "    b = g(x)\n"
                              "print(a.requires_grad, b.requires_grad, torch.is_grad_enabled())",
    "no_grad_decorator_error_restores": "import torch\n@torch.no_grad()\ndef f(x):\n    return x[5]\n"
                                        "try:\n    f(torch.ones(2))\nexcept IndexError as e:\n    print(e)\n"
                                        "print(torch.is_grad_enabled())",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize(("source", "line", "says"), [
    ("def deco(f):\n    return f\n@deco\ndef g():\n    return 1", 4, "decorators"),
    ("@print\ndef f(x):\n    return x", 2, "decorators"),
    ("import torch\n@torch.no_grad()\n@torch.no_grad()\ndef f(x):\n    return x", 4, "decorators"),
    ("import torch\n@torch.no_grad(1)\ndef f(x):\n    return x", 3, "decorators"),
    ("@(lambda f: f)\ndef f(x):\n    return x", 2, "decorators"),
    ("import torch\n@torch.no_grad().__class__\ndef f(x):\n    return x", 3, "decorators"),
    ("import torch\n@torch.set_grad_enabled(False)\ndef f(x):\n    return x", 3, "decorators"),
    ("import torch\n@torch.inference_mode()\ndef f(x):\n    return x", 3, "decorators"),
])
def test_other_decorators_stay_refused(source: str, line: int, says: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert report.error.line == line and says in report.error.message


def test_decorator_of_a_program_variable_is_not_torch() -> None:
    report = run_program("import torch\nno_grad = 3\n@no_grad()\ndef f(x):\n    return x\n"
                         "f(1)")
    assert not report.ok and "not torch.no_grad" in report.error.message


def test_recursion_under_no_grad_decorator_hits_the_depth_limit() -> None:
    report = run_program("import torch\n@torch.no_grad()\ndef f(x):\n    return f(x)\nf(1)")
    assert not report.ok and report.error.kind == "limit", report.error
