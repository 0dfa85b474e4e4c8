"""Registering hooks in a loop (session 37, issue 9): `y.grad_fn.register_prehook(f)` 100,000 times (the
loop budget's whole) took 1.06 s of CPU against plain PyTorch's 0.18 s. The time was the interpreter's
(a method call on `y.grad_fn` cost as much as `y.grad_fn.name()`), plus, in the registration itself, an
import statement per call and the walk down call_method's chain of value kinds (past the string methods)
before reaching a grad_fn's hooks. Now: 0.72 s (node hooks), 0.84 -> 0.74 s (tensor hooks). Memory stays
bounded by the loop budget (100,000 hooks: ~50 MB), so no limit of hooks per node is needed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import time

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

LOOP = ("import torch\nx = torch.ones(3, requires_grad=True)\ny = x * 2\ndef f(*g):\n    return None\n"
        "for i in range(20000):\n    {call}\n")


@pytest.fixture(autouse=True)
def one_thread():   # noqa: ANN201
    import torch
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _cpu(source: str) -> float:
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60.0)
    started = time.process_time()
    report = run_program(source, torchviz=False, limits=limits)
    assert report.ok, report.error
    return time.process_time() - started


def _calls_per_pass(call: str) -> float:
    """Python calls (functions and builtins, cProfile's count) one pass of LOOP costs: the difference of
    2,000 and 1,000 passes over 1,000. A count, not a time: the same on a loaded machine (session 42: the
    timed form of this test failed once at load ~10; the time is bench/'s to measure)."""
    import cProfile
    import pstats

    counts = []
    for n in (1000, 2000):
        source = LOOP.replace("range(20000)", f"range({n})").format(call=call)
        _cpu(source)   # (warm: compiled sites, imports)
        profile = cProfile.Profile()
        profile.enable()
        _cpu(source)
        profile.disable()
        counts.append(pstats.Stats(profile, stream=io.StringIO()).total_calls)
    return (counts[1] - counts[0]) / 1000


@pytest.mark.parametrize("call", ["y.grad_fn.register_prehook(f)", "y.grad_fn.register_hook(f)"])
def test_a_node_hook_costs_less_than_a_plain_method_call_on_the_node(call: str) -> None:
    """Measured in CPU time (session 37): 0.67 of `.name()`'s, 1.0 before; in Python calls a pass (session
    42): ~55.5 against ~80.4."""
    hooks, names = _calls_per_pass(call), _calls_per_pass("y.grad_fn.name()")
    assert hooks < 0.85 * names, (hooks, names)


PROGRAM = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
calls = []
for i in range(3):
    y.grad_fn.register_prehook(lambda g: calls.append(('pre', g[0].tolist())))
    y.grad_fn.register_hook(lambda gi, go: calls.append(('post', len(gi))))
    y.register_hook(lambda g: calls.append(('tensor', g.sum().item())))
h = y.grad_fn.register_prehook(lambda g: (g[0] * 10,))
y.sum().backward()
print(calls, x.grad)
h.remove()
print(h)
"""


def test_hooks_registered_in_a_loop_run_as_in_pytorch() -> None:
    report = run_program(PROGRAM, torchviz=False)
    assert report.ok, report.error
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(PROGRAM, "<plain>", "exec"), {"__name__": "__main__"})   # noqa: S102 - the oracle
    assert report.printed.split("\n")[0] == out.getvalue().split("\n")[0]
    assert report.printed.split("\n")[1] == "<torch.utils.hooks.RemovableHandle object>"
