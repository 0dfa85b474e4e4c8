"""A def's last `return` gives its value back without raising (user_functions.final_return): values
and errors equal Python's, and the steps, refusals and error positions equal those of the generic
path (the whole body through exec_block, `return` raising ReturnValue). Deep recursion (plain or
through Function.apply) stops as a limit at the call whatever the Python stack depth when the run
starts. The batched-gradient test of a custom Function's backward gives the same answer twice."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import user_functions
from autogradlab.lang.compiled import compile_block
from autogradlab.lang.custom_functions import _is_batched
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from tests.oracle import run_trusted

PROGRAMS = {
    "value": "def f(x):\n    return x * 2 + 1\nprint(f(3), f(1.5))\n",
    "bare": "def f():\n    return\nprint(f())\n",
    "no_return": "def f(x):\n    y = x\nprint(f(2))\n",
    "early": "def f(x):\n    if x > 0:\n        return 'pos'\n    return 'neg'\nprint(f(1), f(-1))\n",
    "loop": "def f(n):\n    for i in range(n):\n        if i == 3:\n            return i\n    return -1\n"
            "print(f(10), f(2))\n",
    "nested": "def f(x):\n    def g(y):\n        return y + x\n    return g(x) * g(1)\nprint(f(2))\n",
    "tensor": "import torch\ndef f(t):\n    return (t ** 2).sum()\n"
              "x = torch.arange(4.0, requires_grad=True)\ny = f(x)\ny.backward()\nprint(y, x.grad)\n",
    "recursive": "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n"
                 "print(fact(12))\n",
    "error_in_return": "def f(x):\n    y = x\n    return 1 / x\nprint(f(2))\nprint(f(0))\n",
    "type_error": "def f(x):\n    return x + 'a'\nprint(f(1))\n",
    "global": "n = 0\ndef f():\n    global n\n    n += 1\n    return n\nf()\nprint(f(), n)\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_def_returns_equal_python(name):
    source = PROGRAMS[name]
    oracle = run_trusted(source)
    report = run_program(source, torchviz=False)
    assert report.printed == oracle.printed
    if oracle.error is None:
        assert report.error is None, report.error
    else:
        # the engine names the line inside the function (the generic path does too: see below)
        assert report.error is not None and report.error.message == str(oracle.error), report.error


def _interpreter(source: str, limits: Limits = DEFAULT_LIMITS) -> Interpreter:
    return Interpreter(parse_program(source, limits), source, limits=limits,
                       generator=torch.Generator().manual_seed(0), hooks=NullHooks())


def _generic_body(self, body):   # the path before final_return: the whole body, `return` raising
    return compile_block(self, body), None


def _outcome(source: str, limits: Limits = DEFAULT_LIMITS):
    interp = _interpreter(source, limits)
    try:
        interp.run()
    except Exception as err:  # noqa: BLE001 - the program's error is the outcome
        return interp._steps, type(err).__name__, str(err), getattr(err, "line", None), \
            getattr(err, "column", None)
    return interp._steps, None, None, None, None


REFUSALS = {
    "returns_a_module": "import math\ndef f():\n    return math\ny = f()\n",
    "returns_print": "def f():\n    return print\ny = f()\n",
    "error_column": "def f(x):\n    return [1, 2][x]\ny = f(1)\nz = f(5)\n",
    "outside_limit": "def f(x):\n    return x + 1\ny = 0\nfor i in range(30):\n    y = f(y)\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS) + sorted(REFUSALS))
def test_final_return_takes_the_steps_and_positions_of_the_generic_path(name, monkeypatch):
    source = {**PROGRAMS, **REFUSALS}[name]
    fast = _outcome(source)
    monkeypatch.setattr(user_functions.UserFunctionsMixin, "function_body", _generic_body)
    assert fast == _outcome(source)


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_step_budget_just_below_and_at_a_programs_count(name, monkeypatch):
    """The budget is exact through final_return: N steps run at max_steps=N; at N - 1 the run stops at
    the same line and column as the generic path stops."""
    source = REFUSALS[name]
    steps = _outcome(source)[0]
    at_limit = _outcome(source, Limits(max_steps=steps))
    assert at_limit[0] == steps and "max_steps" not in str(at_limit[2])
    below = _outcome(source, Limits(max_steps=steps - 1))
    assert below[1] == "LimitExceeded" and "steps" in below[2], below
    monkeypatch.setattr(user_functions.UserFunctionsMixin, "function_body", _generic_body)
    assert below == _outcome(source, Limits(max_steps=steps - 1))


APPLY_RECURSION = ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n"
                   "    def forward(ctx, x):\n"
                   "        try:\n            return F.apply(x)\n"
                   "        except Exception:\n            return x\n"
                   "    @staticmethod\n    def backward(ctx, g):\n        return g\n"
                   "x = torch.ones(2, requires_grad=True)\ny = F.apply(x)\n")
DEF_RECURSION = "def f(n):\n    return f(n + 1)\nf(0)\n"


def _from_depth(depth: int, source: str, limits: Limits):
    if depth:
        return _from_depth(depth - 1, source, limits)
    return run_program(source, limits=limits, torchviz=False).error


@pytest.mark.parametrize("depth", [0, 10, 40, 70, 150, 300])
@pytest.mark.parametrize(("source", "limits", "line"), [
    (APPLY_RECURSION, DEFAULT_LIMITS, 6),
    (DEF_RECURSION, Limits(max_call_depth=100_000), 2),
])
def test_deep_recursion_stops_as_a_limit_at_the_call(depth, source, limits, line):
    error = _from_depth(depth, source, limits)
    assert error is not None and (error.kind, error.line) == ("limit", line), error
    assert "nests too deeply" in error.message or "more than 50 levels" in error.message


def test_batched_gradient_is_told_by_the_key_set_every_time():
    plain = torch.ones(3)
    assert [_is_batched(plain), _is_batched(plain)] == [False, False]
    seen = []
    torch.func.vmap(lambda v: seen.append((_is_batched(v), _is_batched(v))) or v)(torch.ones(2, 3))
    assert seen == [(True, True)]
    assert [_is_batched(plain * 2)] == [False]
