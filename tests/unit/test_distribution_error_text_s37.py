"""torch.distributions' argument checks and gradcheck's mismatch format tensors into their error with the
run's print options (lang/error_text.py, used by lang/distributions._guarded and lang/gradchecks.py): a
huge threshold no longer makes a check of millions of values spend tens of seconds formatting text; a
small tensor's error text is PyTorch's own."""

from __future__ import annotations

import contextlib
import io
import time

import torch

from autogradlab.engine import run_program

SMALL = ("import torch\ntorch.set_printoptions(threshold=10**9)\nfrom torch.distributions import Normal\n"
         "try:\n    Normal(torch.zeros(5), -torch.ones(5))\nexcept ValueError as e:\n    print(e)\n")


def _plain(source: str) -> str:
    out = io.StringIO()
    old = torch._tensor_str.PRINT_OPTS.threshold
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<plain>", "exec"), {})   # trusted test text (the oracle)
    finally:
        torch.set_printoptions(threshold=old)
    return out.getvalue()


def test_a_small_check_says_pytorchs_text():
    report = run_program(SMALL, torchviz=False)
    assert report.error is None and report.printed == _plain(SMALL)
    assert "found invalid values" in report.printed


def test_millions_of_invalid_values_under_a_huge_threshold_fail_at_once():
    source = ("import torch\ntorch.set_printoptions(threshold=10**9)\n"
              "from torch.distributions import Normal\n"
              "d = Normal(torch.zeros(3 * 10**6), -torch.ones(3 * 10**6))\n")
    started = time.process_time()
    report = run_program(source, torchviz=False)
    spent = time.process_time() - started
    assert report.error is not None and report.error.line == 4, report.error
    assert "found invalid values" in report.error.message and "..." in report.error.message
    assert spent < 3.0, spent   # ~25 s formatting every value before (a ceiling, not a benchmark)


def test_the_runs_print_options_stay_as_the_program_set_them():
    source = ("import torch\ntorch.set_printoptions(threshold=5)\nfrom torch.distributions import Normal\n"
              "d = Normal(torch.zeros(3), torch.ones(3))\nprint(torch.arange(8.))\n"
              "torch.set_printoptions(threshold=10**9)\nd = Normal(torch.zeros(3), torch.ones(3))\n"
              "print(torch.arange(3000.)[-3:], len(str(torch.arange(3000.))) > 10000)\n")
    report = run_program(source, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == _plain(source)


BAD = ("import torch\ntorch.set_printoptions(threshold=10**9)\n"
       "class Bad(torch.autograd.Function):\n    @staticmethod\n"
       "    def forward(ctx, x):\n        return x * 2\n"
       "    @staticmethod\n    def backward(ctx, g):\n        return g * 3\n"
       "x = torch.rand({n}, dtype=torch.double, requires_grad=True)\n"
       "try:\n    torch.autograd.gradcheck(Bad.apply, x)\nexcept Exception as e:\n    print(str(e)[:60])\n")


def test_a_gradcheck_mismatch_of_a_big_jacobian_fails_at_once_under_a_huge_threshold():
    started = time.process_time()
    report = run_program(BAD.format(n=1500), torchviz=False)
    spent = time.process_time() - started
    assert report.error is None and report.printed.startswith("Jacobian mismatch for output 0"), report.error
    assert spent < 4.0, spent   # formatting 2 x 2,250,000 values ran past the time limit before


def test_the_checked_functions_own_prints_use_the_programs_options():
    source = ("import torch\ntorch.set_printoptions(threshold=10**9)\n"
              "def f(t):\n    if t.requires_grad:\n"
              "        print(len(str(torch.arange(3000.))))\n    return t * 2\n"
              "x = torch.rand(2, dtype=torch.double, requires_grad=True)\n"
              "print(torch.autograd.gradcheck(f, x))\nprint(len(str(torch.arange(3000.))))\n")
    report = run_program(source, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == _plain(source)
    assert BAD.format(n=3) and _plain(BAD.format(n=3)) == run_program(BAD.format(n=3), torchviz=False).printed
