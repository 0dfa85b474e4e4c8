"""engine/parsed_programs.py: a text's checked tree is kept across runs in one process, and nothing
of one run reaches another: the same report each time, whatever ran between; a tree nobody wrote
to; other limits checked again; refused texts never kept."""

from __future__ import annotations

import ast
import dataclasses
import pickle

import pytest

from autogradlab.engine import parsed_programs
from autogradlab.engine.run import run_program
from autogradlab.errors import LimitExceeded, ProgramSyntaxError
from autogradlab.limits import DEFAULT_LIMITS
from bench.report_identity import _zero_timings

# A def under a decorator (grad_decorators makes new nodes), nonlocal (declarations' per-tree
# table), a generator expression under any() (comprehension_words' table), a list the program
# changes, a loop with backward: the per-tree analyses and the interpreter both meet the kept tree.
PROGRAM = """import torch

@torch.no_grad()
def scale(t):
    return t * 2

def count(k):
    n = 0
    def bump():
        nonlocal n
        n += 1
    for _ in range(k):
        bump()
    return n

xs = [1, 2]
xs.append(3)
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    y = (scale(w) * w).sum() + sum(v for v in xs) + count(i)
    y.backward()
print(any(v > 2 for v in xs), w.grad, count(4))
"""
OTHER = "import torch\nxs = [5]\nw = torch.ones(2, requires_grad=True)\ny = (w * 3).sum()\ny.backward()\n"


@pytest.fixture(autouse=True)
def _empty():
    parsed_programs._KEPT.clear()
    yield
    parsed_programs._KEPT.clear()


def _bytes(report) -> bytes:
    _zero_timings(report, set())   # the run's timings, as bench/report_identity compares reports
    return pickle.dumps(report)


def test_the_same_report_from_a_kept_tree_whatever_ran_between():
    first = run_program(PROGRAM)
    assert first.ok and first.printed == "True tensor([ 6., 12.]) 4\n"
    assert {"xs", "w", "y", "i"} <= first.variables.keys()
    (tree, _, _), = parsed_programs._KEPT.values()
    dumped = ast.dump(tree, include_attributes=True)
    other = run_program(OTHER)
    assert other.ok and "i" not in other.variables and other.variables.keys() == {"xs", "w", "y"}
    again = run_program(PROGRAM)
    assert parsed_programs._KEPT[(PROGRAM, DEFAULT_LIMITS)][0] is tree   # really the kept tree
    assert ast.dump(tree, include_attributes=True) == dumped             # that nobody wrote to
    assert _bytes(again) == _bytes(first)


def test_other_limits_check_the_text_again():
    assert run_program(PROGRAM).ok
    tight = dataclasses.replace(DEFAULT_LIMITS, max_lines=PROGRAM.count("\n") - 1)
    refused = run_program(PROGRAM, limits=tight)
    assert not refused.ok and refused.error.kind == "limit"
    exact = dataclasses.replace(DEFAULT_LIMITS, max_lines=PROGRAM.count("\n"))
    assert run_program(PROGRAM, limits=exact).ok
    assert run_program(PROGRAM).ok


def test_a_refused_text_is_never_kept_and_refused_every_time():
    for _ in range(2):
        with pytest.raises(ProgramSyntaxError):
            parsed_programs.parsed_program("x = (1,\n", DEFAULT_LIMITS, [])
        with pytest.raises(LimitExceeded):
            two_lines = dataclasses.replace(DEFAULT_LIMITS, max_lines=2)
            parsed_programs.parsed_program("x = 1\n" * 3, two_lines, [])
    assert not parsed_programs._KEPT


def test_the_repair_note_comes_with_every_run():
    notes_first: list[str] = []
    notes_again: list[str] = []
    tree, program = parsed_programs.parsed_program("a = 1 b = 2", DEFAULT_LIMITS, notes_first)
    kept, program_again = parsed_programs.parsed_program("a = 1 b = 2", DEFAULT_LIMITS, notes_again)
    assert kept is tree and program == program_again == "a = 1\nb = 2"
    assert notes_first == notes_again and "1 line break added" in notes_first[0]


def test_size_and_count_bounds():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_source_chars=2 * parsed_programs.MAX_CACHED_CHARS,
                                 max_lines=10_000)
    head = "x = 1\n" + ("#" * 99 + "\n") * ((parsed_programs.MAX_CACHED_CHARS - 100) // 100)
    longest = head + "#" * (parsed_programs.MAX_CACHED_CHARS - len(head) - 1) + "\n"
    assert len(longest) == parsed_programs.MAX_CACHED_CHARS
    parsed_programs.parsed_program(longest, limits, [])
    assert (longest, limits) in parsed_programs._KEPT
    parsed_programs.parsed_program(longest + "\n", limits, [])   # one character more: parsed, not kept
    assert (longest + "\n", limits) not in parsed_programs._KEPT and len(parsed_programs._KEPT) == 1
    texts = [f"x = {i}\n" for i in range(parsed_programs.MAX_ENTRIES + 1)]
    for text in texts:
        parsed_programs.parsed_program(text, DEFAULT_LIMITS, [])
    assert len(parsed_programs._KEPT) == parsed_programs.MAX_ENTRIES
    assert (texts[0], DEFAULT_LIMITS) not in parsed_programs._KEPT   # the oldest went
    assert (texts[-1], DEFAULT_LIMITS) in parsed_programs._KEPT


def test_a_runs_interpreter_is_freed_without_the_cyclic_collector(monkeypatch):
    """Interpreter.release at the end of the run: nothing of a loop program's run (a top-level def
    too) stays for the collector; without release the interpreter's own tables keep it."""
    import gc
    import weakref

    from autogradlab.lang.interpreter import Interpreter

    made: list = []
    original = Interpreter.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(weakref.ref(self))
    monkeypatch.setattr(Interpreter, "__init__", init)
    was = gc.isenabled()
    gc.disable()
    try:
        source = ("import torch\n\ndef f(x):\n    return x ** 3 - 2 * x - 5\n\nx = torch.tensor(3.0)\n"
                  "for step in range(6):\n    x = x.detach().requires_grad_(True)\n    y = f(x)\n"
                  "    y.backward()\n    with torch.no_grad():\n        x = x - y / x.grad\nprint(x)\n")
        report = run_program(source)
        assert report.ok and report.printed.startswith("tensor(2.09")
        assert len(made) == 1 and made[0]() is None
    finally:
        if was:
            gc.enable()
