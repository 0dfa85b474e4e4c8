"""Issue 9, session 12: Recorder.on_assign's shortcut for a plain value (a number, a str, None)
rebinding a name that held a plain value (a loop's `n`, `total += ...`) must leave the recorder
exactly as its general path does: last_line, the first-assignment order (assign_order: run.py picks
the output among tensor names by it, so a number assignment still counts), the names bound to
tensors, the names they lost, function locals, the unnamed outputs of the last op, and the report.
Each program runs twice, the second time with the shortcut switched off (_PLAIN empty).
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest
import torch

from autogradlab.engine import name_hooks as recorder_module
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import run_program
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits

KINDS = """import torch
x = torch.ones(2, requires_grad=True)
a = 1.0
b = x * 2
b = 3
c = b + 1
b = x * 3
for n in range(4):
    a += n * 0.5
    x * n
    k = n
    d = x + a
    d = 1.5
    e = x * k
    e
    e = 'text'
s = 'text'
s = None
s = True
def f(t):
    u = 2
    u = t * u
    v = 3.0
    v = u
    return u
z = f(x)
g = x * 2
g2 = g
g = 5
w = (z * b).sum()
h = torch.zeros(2)
h.add_(1)
k = 2
h2 = h
h.mul_(k)
z = f(2)
h3 = h
"""

# a number assignment decides the output: p's last assignment (a number) comes after q's, and the
# function rebinds p to a tensor without telling on_assign's top-level bookkeeping
ORDER = """import torch
x = torch.ones(2, requires_grad=True)
p = x * 2
q = x * 3
p = 1.0
def f():
    global p
    p = x * 4
f()
"""

LOOP = """import torch
total = 0.0
best = torch.tensor(-1.0)
for n in range(1, 61):
    total += 1 / n ** 2
    if n % 10 == 0:
        best = torch.maximum(best, torch.tensor(float(n)))
        last = n
print(total, best, last)
"""

PROGRAMS = {"kinds": KINDS, "order": ORDER, "loop": LOOP}


def _state(source: str) -> tuple:
    """The recorder's bookkeeping after the run, its tensor keys turned into tensor numbers."""
    limits = Limits()
    recorder = Recorder(source, limits)
    interp = Interpreter(parse_program(source, limits), source, limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=recorder)
    interp.run()
    recorder.grads.abort()

    def number(key: int) -> int:
        return recorder._ids[key].number

    return (dict(recorder.assign_order), recorder._assign_seq, recorder.last_line,
            {number(k): list(v) for k, v in recorder._names.items()},
            {number(k): v for k, v in recorder._former.items()},
            {number(k): v for k, v in recorder._local.items()},
            {name: repr(v) for name, v in recorder._bound.items()},
            sorted(number(k) for k in recorder._unnamed_outputs),
            [(r.op, r.line, r.inputs, r.var, r.in_function) for r in recorder.ops])


def _report(source: str) -> bytes:
    return pickle.dumps(dataclasses.replace(run_program(source), timing_ms=0.0))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_number_shortcut_leaves_what_the_general_path_leaves(name, monkeypatch):
    source = PROGRAMS[name]
    shortcut = _state(source), _report(source)
    monkeypatch.setattr(recorder_module, "_PLAIN", frozenset())
    general = _state(source), _report(source)
    assert shortcut[0] == general[0]
    assert shortcut[1] == general[1]


def test_a_number_assignment_still_orders_the_output():
    """ORDER's output is p: run.py's "last assigned tensor variable with a grad_fn" counts p's
    number assignment, which came after q's (the function's `global` rebinding is not counted)."""
    state = _state(ORDER)
    order, names = state[0], state[3]
    assert order["p"] > order["q"] > order["x"]
    assert run_program(ORDER).output == "p"
    assert sorted(n for found in names.values() for n in found) == ["q", "x"]   # p: held in f


def test_a_number_clears_the_last_ops_unnamed_outputs():
    """`h.add_(1)` returns h itself, an output no name took; `k = 2` (a number; `u = 2` in f)
    ends its wait as the general path does, so `h2 = h` (`h3 = h`) does not name that op."""
    ops = _state(KINDS)[-1]
    in_place = [(op, var) for op, line, _, var, _ in ops if op in ("add_", "mul_") and line > 30]
    assert in_place == [("add_", None), ("mul_", None)]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_on_number_leaves_what_on_assign_leaves(name, monkeypatch):
    """The number statements and range loops tell a top-level number through on_number (issue 9,
    session 22); without it (hooks that lack it) they call on_assign: the same bookkeeping."""
    source = PROGRAMS[name]
    told = []
    on_number = recorder_module.NameHooks.on_number

    def counted(self, *args):  # noqa: ANN001, ANN002, ANN202
        told.append(args[0])
        return on_number(self, *args)

    monkeypatch.setattr(recorder_module.NameHooks, "on_number", counted)
    fast = _state(source), _report(source)
    assert bool(told) == (name != "order")   # (order has no loop and no arithmetic statement)
    monkeypatch.delattr(recorder_module.NameHooks, "on_number")
    general = _state(source), _report(source)
    assert fast == general


def test_a_wrapper_that_forwards_other_names_keeps_its_own_on_assign():
    """custom_functions._Unrecorded (hooks under vmap) records no assignment, and forwards the names
    it lacks to the Recorder: the number statements and range loops must not reach the Recorder's
    on_number through it (compiled_number_statements.number_hook)."""
    from autogradlab.lang.compiled_number_statements import number_hook
    from autogradlab.lang.custom_functions import _Unrecorded

    limits = Limits()
    recorder = Recorder(LOOP, limits)
    wrapped = _Unrecorded(recorder)
    assert number_hook(recorder) is not None and number_hook(wrapped) is None
    interp = Interpreter(parse_program(LOOP, limits), LOOP, limits=limits,
                         generator=torch.Generator().manual_seed(0), hooks=wrapped)
    interp.run()
    recorder.grads.abort()
    assert recorder.assign_order == {} and recorder._bound == {}
