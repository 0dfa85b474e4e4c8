"""on_assign's short way for a loop's variable bound to its next tensor (engine/name_hooks.py,
REBIND_SHORTCUT; issue 9) and _forget's skipped pop of an empty `created_by` (tensor_numbers.py).
Oracles: the same run with the short way off (the whole report byte for byte, op records and notes
included; the Recorder's name tables after the program), the run with skimming off, and PyTorch's
own printed text. The programs reach the short way's edges: a name shared with another name, a
tensor bound to two names, a name bound again to its own tensor, a number in between, a list that
holds the old tensor (it lives on: its last name), a function's local names, the graph's leaf labels,
and max_ops one below, at and above the limit."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

import autogradlab.engine.name_hooks as name_hooks
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.run import parsed_program
from autogradlab.lang.interpreter import Interpreter
from autogradlab.limits import Limits
from tests.unit.test_skim import comparable, records_agree, report
from tests.unit.test_skim_counted import KEEP, _same  # (KEEP: 100 results kept + v + the last result)
from tests.unit.test_skim_counted import PROGRAMS as COUNTED_PROGRAMS

PROGRAMS = {
    "power": COUNTED_PROGRAMS["power"],   # (20x20, 400 passes)
    # two names of one tensor, a name bound again to its own tensor, a number in between
    "aliases": """import torch
v = torch.ones(3)
u = v
for k in range(200):
    v = v * 1.001
    if k % 50 == 0:
        u = v
    if k % 70 == 0:
        v = v
    if k == 120:
        v = 3
        v = torch.ones(3)
print(u, v)
""",
    # the old tensor lives on in a list: its last name is the loop's variable
    "kept": """import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
h = torch.zeros(2)
xs = []
for k in range(150):
    h = h * 0.5 + w
    if k % 30 == 0:
        xs.append(h)
loss = sum(x.sum() for x in xs)
loss.backward()
print(loss, w.grad)
""",
    # local names in a function, a tensor named after an op made it unnamed (the recorded passes)
    "function": """import torch
def step(v, n):
    for i in range(n):
        v = v * 0.99 + 0.01
    return v
a = step(torch.ones(2), 200)
b = a
a = step(a, 5)
print(a, b)
""",
    # a graph: the leaves' labels and the last names of the nodes' tensors
    "graph": """import torch
x = torch.tensor([0.5, -1.0], requires_grad=True)
y = x
for k in range(40):
    y = torch.tanh(y * 1.1)
    z = y.sum()
print(z)
""",
}

def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        torch.manual_seed(0)
        exec(compile(source, "lesson.py", "exec"), {"__name__": "__main__"})  # noqa: S102 - test text
    return out.getvalue()


def _both_ways(source: str, monkeypatch, limits: Limits | None = None, skim: bool = True):
    monkeypatch.setattr(name_hooks, "REBIND_SHORTCUT", True)
    short = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(name_hooks, "REBIND_SHORTCUT", False)
    whole = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(name_hooks, "REBIND_SHORTCUT", True)
    return short, whole


@pytest.mark.parametrize("skim", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_short_way_reports_what_the_general_way_reports(name, skim, monkeypatch):
    short, whole = _both_ways(PROGRAMS[name], monkeypatch, skim=skim)
    _same(short, whole)
    assert short.ok, short.error
    assert short.printed == _plain(PROGRAMS[name]) or name == "power"   # (power: a random matrix)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_skimming_on_and_off_still_agree(name, monkeypatch):
    off = report(PROGRAMS[name], False, monkeypatch)
    on = report(PROGRAMS[name], True, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)


def _tables(source: str, monkeypatch, shortcut: bool) -> tuple:
    """The Recorder's name tables after the program (ids as tensor numbers: ids differ run to run)."""
    monkeypatch.setattr(name_hooks, "REBIND_SHORTCUT", shortcut)
    limits = Limits(timeout_s=60)
    recorder = Recorder(source, limits)
    tree, program = parsed_program(source, limits, [])
    recorder.lines = program.splitlines()
    recorder.program_tree = tree
    interpreter = Interpreter(tree, program, limits=limits, generator=torch.Generator().manual_seed(0),
                              hooks=recorder)
    with contextlib.redirect_stdout(io.StringIO()):
        interpreter.run()
    number = {key: entry.number for key, entry in recorder._ids.items()}
    names = sorted((number.get(key), tuple(value)) for key, value in recorder._names.items())
    former = sorted((number.get(key), value) for key, value in recorder._former.items())
    bound = {name: number.get(id(value), repr(value) if type(value) in (int, float) else type(value).__name__)
             for name, value in recorder._bound.items()}
    return (names, former, bound, dict(recorder.assign_order), recorder._assign_seq,
            recorder._next_id, recorder.alive_results, len(recorder._ids))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_name_tables_are_the_general_ways(name, monkeypatch):
    assert _tables(PROGRAMS[name], monkeypatch, True) == _tables(PROGRAMS[name], monkeypatch, False)


def test_the_short_way_is_taken(monkeypatch):
    """(else the comparisons above test less than they say): the loop's variables of `power` take it,
    so the general way (its first test: `type(value) in _PLAIN`) sees a tensor only a few times."""
    class Counting(frozenset):
        tensors = 0

        def __contains__(self, kind):
            if kind is torch.Tensor:
                Counting.tensors += 1
            return frozenset.__contains__(self, kind)

    def general_tensors(shortcut: bool) -> int:
        Counting.tensors = 0
        monkeypatch.setattr(name_hooks, "_PLAIN", Counting(name_hooks._PLAIN))
        # (session 42: on_assign's first test reads this one, NO_TENSOR_SHORTCUT)
        monkeypatch.setattr(name_hooks, "_NO_TENSOR_VALUES", Counting(name_hooks._NO_TENSOR_VALUES))
        monkeypatch.setattr(name_hooks, "REBIND_SHORTCUT", shortcut)
        report(PROGRAMS["power"], True, monkeypatch)
        return Counting.tensors
    assert general_tensors(False) > 790 and general_tensors(True) < 20


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_max_ops_one_below_at_and_above_the_limit(extra, monkeypatch):
    limits = Limits(timeout_s=60, max_ops=102 + extra)
    short, whole = _both_ways(KEEP, monkeypatch, limits)
    _same(short, whole)
    off = report(KEEP, False, monkeypatch, limits)
    assert comparable(short) == comparable(off)
    assert short.ok == (extra >= 0), short.error
    if extra < 0:
        assert "max_ops" in str(short.error)
