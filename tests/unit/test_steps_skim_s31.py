"""Issue 9 on the Steps page (session 31): a long loop's middle passes are skimmed there too.

StepHooks now passes the loop news to the Recorder (engine/skim.py skims what it may) and logs no
backward that the Recorder skims (step_hooks.SKIP_SKIMMED). The oracle is the same run with both off
and skimming off: the steps (forward, reverse, tangents, the backward's line and variable) and the
rest of the report must be the same, the notes but the counts of calls not kept aside. The one
difference allowed: an output whose last backward was in a skimmed middle pass has no reverse steps
now, and its note says why (not "add a backward()"). Programs: every loop program and tutorial of
tests/programs with a loop, and random long-loop programs (tests/skim_programs.py) that keep a
tensor from one pass, backward in some passes only, or stop with an error in a late pass.
"""

from __future__ import annotations

import dataclasses
import pickle
import random
import re

import pytest

import autogradlab.engine.skim as skim
import autogradlab.engine.step_hooks as step_hooks
from autogradlab.engine import run_program
from autogradlab.engine.step_hooks import StepHooks
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.programs.manifest import LOOP_PROGRAMS, PROGRAMS, TUTORIALS, spec_id
from tests.skim_programs import make_loop_program
from tests.unit.test_skim import comparable

COUNTS = re.compile(r"^\d+ (earlier backward\(\) calls? (were|was) too large"
                    r"|backward\(\) calls? of a long loop's)")
NO_KEPT = "no backward() kept step by step reached this output"
NO_BACKWARD = "no backward() reached this output"
NOT_SCALAR = "the output is not a scalar: reverse mode answers"   # (about the reverse steps: gone with them)
LOOPED = (*(spec for spec in LOOP_PROGRAMS if not spec.slow),
          *(spec for spec in TUTORIALS
            if spec.ok and spec.oracle and not (spec.nondeterministic_lines or spec.nondeterministic_vars)
            and not spec.slow and spec.timeout_s is None
            and re.search(r"^\s*(for|while) .*\n(.*\n)*.*backward\(", spec.source, re.M)))
# (without retain_graph=True: a backward of a chain that grows every pass walks all of it, so those
# programs are quadratic and run into the time limit, where no two runs stop at the same place)
FUZZ = tuple(p for p in (lambda rng: [make_loop_program(rng) for _ in range(20)])(random.Random(31))
             if "retain_graph=True" not in p)


def _bytes(value) -> bytes:
    return pickle.dumps(value)   # (snapshots hold NumPy arrays: no == of dataclasses)


def _steps_run(source: str, new: bool, monkeypatch, seed: int = 0, output: str | None = None):
    monkeypatch.setattr(skim, "SKIM", new)
    monkeypatch.setattr(step_hooks, "SKIP_SKIMMED", new)
    if not new:   # the loop news stop at StepHooks, as before session 31
        monkeypatch.setattr(StepHooks, "on_loop", None)
    report = run_program(source, seed=seed, output=output, limits=Limits(timeout_s=60), steps=StepOptions())
    monkeypatch.undo()
    return report


def _compare(source: str, monkeypatch, seed: int = 0, output: str | None = None) -> tuple[int, bool]:
    """(calls not logged, whether the one allowed difference happened)."""
    new = _steps_run(source, True, monkeypatch, seed, output)
    old = _steps_run(source, False, monkeypatch, seed, output)
    if any(r.error is not None and r.error.kind == "timeout" for r in (new, old)):
        pytest.skip("a run ran out of time: nothing to compare")   # (never expected: see FUZZ)
    assert (new.steps is None) == (old.steps is None)
    assert comparable(dataclasses.replace(new, steps=None)) == comparable(
        dataclasses.replace(old, steps=None))
    if new.steps is None:
        return 0, False
    a, b = new.steps, old.steps
    notes_a = [n for n in a.notes if not COUNTS.match(n)]
    notes_b = [n for n in b.notes if not COUNTS.match(n)]
    allowed = _bytes(a.reverse) != _bytes(b.reverse)
    if allowed:   # the output's last backward was a skimmed pass's: no reverse steps, and the note says so
        assert a.reverse == () and NO_KEPT in " ".join(a.notes), a.notes
        notes_a = [n for n in notes_a if NO_KEPT not in n]
        notes_b = [n for n in notes_b if NO_BACKWARD not in n and not n.startswith(NOT_SCALAR)]
        assert (a.backward_line, a.backward_var) == (None, None)
    else:
        assert (a.backward_line, a.backward_var) == (b.backward_line, b.backward_var)
    assert notes_a == notes_b
    assert _bytes(a.forward) == _bytes(b.forward)
    tangent_b = b.tangent
    if allowed and tangent_b is not None:   # (its vjp is the reverse steps' answer: gone with them)
        tangent_b = dataclasses.replace(tangent_b, vjp=None)
    assert _bytes(a.tangent) == _bytes(tangent_b)
    assert a.direction_error == b.direction_error and a.synthetic_backward == b.synthetic_backward
    skipped = [n for n in a.notes if "calls of a long loop's middle passes were not kept" in n]
    return (int(skipped[0].split()[0]) if skipped else 0), allowed


@pytest.mark.parametrize("spec", LOOPED, ids=spec_id)
def test_steps_of_lesson_loops_are_the_same(spec, monkeypatch):
    _compare(spec.source, monkeypatch, spec.seed)


def test_long_training_loops_log_only_their_last_backward_calls(monkeypatch):
    """The loop programs with a backward every pass: most calls are not logged, and it is said."""
    for name in ("loop_polyfit_300.py", "loop_linreg.py", "loop_mlp_manual.py"):
        spec = next(s for s in PROGRAMS if s.file == name)
        skipped, _ = _compare(spec.source, monkeypatch, spec.seed)
        assert skipped > 100, name


@pytest.mark.parametrize("index", range(len(FUZZ)))
def test_steps_of_random_long_loops_are_the_same(index, monkeypatch):
    _compare(FUZZ[index], monkeypatch)


def test_an_output_kept_from_a_skimmed_pass_says_why_it_has_no_reverse_steps(monkeypatch):
    source = ("import torch\n"
              "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
              "for i in range(60):\n"
              "    y = (w * w).sum() * i\n"
              "    y.backward()\n"
              "    if i == 20:\n"
              "        keep = y\n"
              "out = keep\n")
    skipped, allowed = _compare(source, monkeypatch, output="out")
    assert skipped > 0 and allowed
    # the pass's last backward is kept: its reverse steps are there as before
    _, allowed = _compare(source.replace("i == 20", "i == 58"), monkeypatch, output="out")
    assert not allowed
