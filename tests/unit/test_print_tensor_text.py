"""print(x), str(x), repr(x) and f"{x!r}" of a tensor are made by lang/tensor_text.tensor_repr (issue 9:
torch's own repr cost a scalar ~70 us, a 100-vector ~400 us): what the program prints must be what
plain PyTorch prints, character for character, also where tensor_repr leaves the text to torch."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import builtin_arguments
from tests.oracle import run_trusted

PRINTS = {
    "scalars": "x = torch.tensor(1.5)\nprint(x, torch.tensor(-0.0), torch.tensor(3), torch.tensor(True))",
    "grad_fn": "x = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nprint(y)\nprint(x)\nprint(repr(y))",
    "vector": "torch.manual_seed(0)\nv = torch.randn(100)\nprint(v)\nprint(str(v * 1e6))",
    "summarized": "print(torch.arange(2000.0).reshape(40, 50))\nprint(torch.arange(1001))",
    "special": "print(torch.tensor([float('nan'), float('inf'), -1.0, 0.0, 1e-8]))",
    "float64": "print(torch.ones(3, dtype=torch.float64) / 3)\nprint(torch.ones(2, 2, dtype=torch.int32))",
    "fstring": "x = torch.linspace(0, 1, 5)\nprint(f'{x!r} and {x!s} and {x}')",
    "fstring_0dim": "x = torch.tensor(2.5, requires_grad=True)\nprint(f'{x} {x:.3f} {x * 2} {x.view(1, 1)}')",
    "format_method": "w = torch.arange(4.0).reshape(2, 2)\nprint('w = {}'.format(w), '{!r}'.format(w[0]))",
    "empty": "print(torch.zeros(0), torch.zeros(2, 0))",
    "complex": "print(torch.tensor([1 + 2j, 3j]))",   # not tensor_repr's case: torch's own text
    "neg_view": "x = torch.arange(4.0)\nprint(x.neg().view(2, 2), -x)",
    "in_loop": "w = torch.ones(3)\nfor i in range(3):\n    w = w * 0.5 + i\n    print(i, w)",
}


@pytest.mark.parametrize("name", sorted(PRINTS))
def test_printed_tensors_are_what_pytorch_prints(name):
    source = "import torch\n" + PRINTS[name]
    report = run_program(source)
    assert report.error is None, report.error
    oracle = run_trusted(source)
    assert oracle.error is None
    assert report.printed == oracle.printed


def test_a_text_tensor_repr_cannot_make_is_torchs(monkeypatch):
    """tensor_repr failing (or declining) never changes the text: torch's repr makes it."""
    def broken(tensor):
        raise RuntimeError("not here")
    source = "import torch\nprint(torch.arange(3.0) * 2, torch.tensor(0.25))"
    monkeypatch.setattr(builtin_arguments, "tensor_repr", broken)
    assert run_program(source).printed == run_trusted(source).printed


def test_the_fast_text_is_taken(monkeypatch):
    """The print of a plain tensor goes through tensor_repr (else this file tests nothing new)."""
    seen = []
    real = builtin_arguments.tensor_repr
    monkeypatch.setattr(builtin_arguments, "tensor_repr", lambda t: seen.append(t.shape) or real(t))
    run_program("import torch\nprint(torch.ones(2))\nprint(str(torch.zeros(())))\nprint(f'{torch.ones(3)}')")
    assert len(seen) == 3


def test_printed_tensor_text_still_counts_against_the_print_limit():
    """The text is charged as before: a print just past max_printed_chars is refused."""
    from autogradlab.limits import Limits
    text = repr(__import__("torch").ones(3))   # 'tensor([1., 1., 1.])', 20 characters + newline
    source = "import torch\nprint(torch.ones(3))"
    ok = run_program(source, limits=Limits(max_printed_chars=len(text) + 1))
    assert ok.error is None and ok.printed == text + "\n"
    cut = run_program(source, limits=Limits(max_printed_chars=len(text)))
    assert cut.error is not None and cut.error.kind == "limit"
