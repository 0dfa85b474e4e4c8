"""Session 43 (issue 9, session 42's leftover): after a run that ends in the program's own error, the
Variables table shows a program object by its own __repr__, as after a good run and as a notebook shows the
variable after the failing cell (`V(3)`; it showed `<__main__.V object>`). After a limit (steps, time,
memory) the __repr__ does not run: the run's budget is spent, the placeholder text stays.
Oracle: plain Python (tests/oracle.run_trusted): repr() of the value the failed run left bound."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

CLASS = ("import torch\nclass V:\n    def __init__(self, x):\n        self.x = x\n"
         "    def __repr__(self):\n        return f'V({self.x})'\n")

ENDINGS = {
    "raise": "v = V(3)\nvs = [V(1), V(2)]\nd = {'a': V(4)}\nraise ValueError('boom')\n",
    "name_error": "v = V(3)\nprint(undefined_name)\n",
    "inside_a_method": "class W:\n    def go(self):\n        return self.deeper(1)\n"
                       "    def deeper(self, n):\n        return [1][n]\nv = V(3)\nW().go()\n",
    "inside_no_grad": "v = V(torch.ones(2, requires_grad=True))\nwith torch.no_grad():\n"
                      "    w = V(v.x * 2)\n    torch.ones(2) + torch.ones(3)\n",
    "inside_a_generator": "def g():\n    yield V(1)\n    raise KeyError('k')\nv = V(3)\nit = g()\n"
                          "first = next(it)\nnext(it)\n",
    "tensor_in_repr": "v = V(torch.tensor([1.0, 2.0]) * 3)\nv.x.backward()\n",
    "unsupported": "v = V(3)\nb'x'.upper()\n",   # refused while running (Python runs it)
}


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_objects_are_shown_by_their_own_repr_after_the_programs_error(ending: str) -> None:
    source = CLASS + ending
    report, oracle = run_program(source), run_trusted(source)
    assert not report.ok and report.error.kind != "unsupported" or "upper" in ending, report.error
    names = [name for name in ("v", "vs", "d", "w", "first") if name in report.variables]
    assert "v" in names, report.variables
    for name in names:
        assert report.variables[name].text == repr(oracle.namespace[name]), (name, report.error)


def test_the_same_text_as_after_a_good_run() -> None:   # a __repr__ that fails, one that returns no str
    body = ("class Bad:\n    def __repr__(self):\n        return 1 / 0\nclass Odd:\n    def __repr__(self):\n"
            "        return 5\nv = V(Bad())\nb = Bad()\no = Odd()\n")
    good, failed = run_program(CLASS + body), run_program(CLASS + body + "raise ValueError\n")
    assert good.ok and not failed.ok
    assert {n: v.text for n, v in good.variables.items()} == {n: v.text for n, v in failed.variables.items()}


LOOP = "v = V(3)\ni = 0\nwhile True:\n    i += 1\n"


@pytest.mark.parametrize("limits, kind", [
    (dataclasses.replace(DEFAULT_LIMITS, max_steps=2_000), "limit"),
    (dataclasses.replace(DEFAULT_LIMITS, timeout_s=1.0, max_steps=10**9, max_loop_iterations=10**9),
     "timeout"),
], ids=["steps", "time"])
def test_after_a_limit_the_repr_does_not_run(limits, kind) -> None:
    source = CLASS.replace("return f'V", "print('ran')\n        return f'V") + LOOP
    report = run_program(source, limits=limits)
    assert report.error.kind == kind, report.error
    assert report.variables["v"].text == "<__main__.V object>" and "ran" not in report.printed


def test_a_slow_repr_after_an_error_is_held_to_the_table_budget() -> None:
    source = ("class Slow:\n    def __repr__(self):\n        n = 0\n        while True:\n            n += 1\n"
              "s = Slow()\nraise ValueError('x')\n")
    report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_steps=10**9,
                                                            max_loop_iterations=10**9))
    assert report.error.kind == "value" and report.error.line == 7, report.error
    assert report.variables["s"].text.startswith("<__main__.Slow object")
