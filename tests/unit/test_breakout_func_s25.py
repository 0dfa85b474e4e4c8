"""Red team, session 25 (redfunc): what the func2 work taught the language (torch.autograd.grad inside
torch.func transforms, a custom autograd Function's backward run inside torch.func.grad, and
torch.autograd.forward_ad), tried as a hostile student would. Plain PyTorch is the oracle where the
program is valid; a limit stays a limit; no dual level outlives a run."""

from __future__ import annotations

import pytest
import torch.autograd.forward_ad as fwAD

from autogradlab.engine.run import run_program
from tests.oracle import run_trusted
from tests.unit.breakout_helpers import Case, check_case

F = ("import torch\nimport torch.autograd.forward_ad as fwAD\n"
     "from torch.autograd.functional import jacobian, hessian\n")
OWN_LEVEL = ("def f(x):\n    with fwAD.dual_level():\n        d = fwAD.make_dual(x, torch.ones_like(x))\n"
             "        t = fwAD.unpack_dual(d * d).tangent\n    return (t * x).sum()\n"
             "x = torch.tensor([1.0, 2.0, 3.0])\n")


def _same_as_pytorch(source: str) -> None:
    report, oracle = run_program(source, torchviz=False), run_trusted(source, 0)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    assert report.printed == oracle.printed
    assert fwAD._current_level == -1


@pytest.mark.parametrize("call", [
    "jacobian(f, x)", "jacobian(f, x, vectorize=True)", "hessian(f, x)",
    "jacobian(f, x, strategy='forward-mode', vectorize=True)",
], ids=["reverse", "reverse-vectorized", "hessian", "forward-mode"])
def test_a_function_opening_its_own_level_under_a_forward_mode_jacobian_gets_pytorchs_words(call):
    """jacobian(f, x, strategy="forward-mode") runs f inside PyTorch's own dual level: f's
    `with fwAD.dual_level():` answered "the forward-mode steps cannot follow a program that opens its
    own level" (the Steps page's note, on the Run page, with the hint "the program itself runs");
    PyTorch says "Nested forward mode AD is not supported at the moment", and so does the engine now.
    The reverse-mode calls (no level held) run as in PyTorch."""
    source = F + OWN_LEVEL + f"try:\n    print({call})\nexcept RuntimeError as e:\n    print(e)\n"
    _same_as_pytorch(source)
    if "forward" in call:
        check_case(Case(F + OWN_LEVEL + f"print({call})\n", "value", 5,
                        r"^Nested forward mode AD is not supported at the moment$"))
