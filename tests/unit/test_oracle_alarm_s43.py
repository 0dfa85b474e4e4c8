"""Session 43: the differential oracle's per-program alarm (tests/diff_compare.py) cut torch's lazy
import of torch._dynamo half-way when the machine was loaded (torch.func's first use takes seconds), and
every later torch.func call in that child failed with "module 'torch._dynamo' has no attribute
'compiled_autograd'" (test_closures_s27, order- and load-dependent). The child now pays that import before
any alarm and never interrupts an import; the alarm still stops a program that runs too long."""

from __future__ import annotations

from tests.diff_compare import oracle_batch

GRAD = "import torch\nprint(torch.func.grad(lambda x: (x * x).sum())(torch.tensor([1.0, 2.0])))\n"


def test_torch_func_works_under_a_short_alarm() -> None:   # the first use no longer runs under the alarm
    runs = oracle_batch([GRAD, GRAD, "import torch\nprint(torch.func.vmap(torch.sin)(torch.zeros(2)))\n"],
                        program_s=0.5)
    assert [run and run["printed"] for run in runs] == ["tensor([2., 4.])\n"] * 2 + ["tensor([0., 0.])\n"]
    assert [run["error"] for run in runs] == [None] * 3


def test_an_import_in_the_program_is_not_cut_half_way() -> None:
    first = "import pandas\nprint('imported')\n"
    runs = oracle_batch([first, "import pandas\nprint(pandas.DataFrame({'a': [1]}).shape)\n"], program_s=0.01)
    assert runs[1] is not None and runs[1]["printed"] == "(1, 1)\n" and runs[1]["error"] is None, runs


def test_the_alarm_still_stops_a_program_that_runs_too_long() -> None:
    runs = oracle_batch(["while True:\n    pass\n", "print(1 + 1)\n"], program_s=0.3)
    assert runs[0] is None and runs[1]["printed"] == "2\n"
