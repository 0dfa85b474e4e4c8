"""Tutorials no one here wrote (tests/programs/tutorial_*.py, manifest TUTORIALS) run as written and
give what plain PyTorch gives: outcome and error line, variables, printed text, displays.

The 2,000-iteration programs (`slow`) run here with every default limit but the time limit (a
loaded test machine must not decide the outcome): sizes, ops, steps and max_total_elements, which
bounds what a run holds, not how much a loop makes and lets go (lang/live_memory.py). Whether they
fit the default 5 s is issue 9's speed work, measured by bench/tutorial_corpus.py.
"""

from __future__ import annotations

import dataclasses
import functools

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import Report
from tests.oracle import OracleRun, run_trusted, shown_as_left, value_mismatches
from tests.programs.manifest import TUTORIALS, ProgramSpec, spec_id
from tests.unit.test_seed_programs import same_lines

SLOW_LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=120.0)


@functools.cache
def report_for(spec: ProgramSpec) -> Report:
    return run_program(spec.source, seed=spec.seed, limits=SLOW_LIMITS if spec.slow else DEFAULT_LIMITS)


@functools.cache
def oracle_for(spec: ProgramSpec) -> OracleRun:
    return run_trusted(spec.source, spec.seed)


by_spec = pytest.mark.parametrize("spec", TUTORIALS, ids=spec_id)


@by_spec
def test_tutorial_succeeds_or_fails_like_plain_pytorch(spec: ProgramSpec) -> None:
    report, oracle = report_for(spec), oracle_for(spec)
    assert (oracle.error is None) == spec.ok, oracle.error
    assert report.ok == spec.ok, report.error
    if not spec.ok:
        assert (report.error.kind, report.error.line) == (spec.error_kind, spec.error_line)
        assert report.error.line == oracle.error_line
        assert all(words in report.error.message for words in spec.error_says), report.error.message


@by_spec
def test_tutorial_prints_what_plain_pytorch_prints(spec: ProgramSpec) -> None:
    got, want = report_for(spec).printed, oracle_for(spec).printed
    assert same_lines(got, want, spec.nondeterministic_lines), f"{got!r}\n!=\n{want!r}"


@by_spec
def test_tutorial_displays_like_plain_pytorch(spec: ProgramSpec) -> None:
    got, want = [(d.line, d.text) for d in report_for(spec).displayed], oracle_for(spec).displayed
    assert same_displays(got, want, spec.nondeterministic_lines), f"{got!r}\n!=\n{want!r}"


def same_displays(got: list[tuple[int, str]], want: list[tuple[int, str]], patterns: tuple[str, ...]) -> bool:
    """Equal (line, text) pairs; a text that matches a nondeterministic pattern in both is accepted
    (a timing shown as a cell's last expression: f'{timer.stop():.5f} sec')."""
    return len(got) == len(want) and all(
        g_line == w_line and same_lines(g_text, w_text, patterns)
        for (g_line, g_text), (w_line, w_text) in zip(got, want, strict=True))


@by_spec
def test_tutorial_variables_equal_plain_pytorch(spec: ProgramSpec) -> None:
    reported = report_for(spec).variables
    real = oracle_for(spec).variables
    assert list(reported) == list(real)
    problems = []
    with shown_as_left(oracle_for(spec)):   # torch.set_printoptions(...) as the program left them
        for name, value in real.items():
            if name not in spec.nondeterministic_vars:
                problems += value_mismatches(reported[name], value, name)
    assert not problems, "\n".join(problems)
