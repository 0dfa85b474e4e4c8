"""Shared pieces of the Python-basics tests (test_python_basics_s9/s10/s11.py): real Python is the
oracle for a dict of named programs (tests/diff_compare.py), and the limit tests build interpreters
with changed limits, at the top level and inside a loop body."""

from __future__ import annotations

import dataclasses

import torch

from autogradlab.engine.recorder import Recorder
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from tests.diff_compare import compare, engine_run, oracle_batch


def oracle_for(programs: dict[str, str]) -> dict[str, dict]:
    """Each program's run by real Python + PyTorch, by its source (one child process for all)."""
    sources = list(programs.values())
    return dict(zip(sources, oracle_batch(sources), strict=True))


def engine_matches_python(source: str, python: dict) -> dict:
    """The engine's run of `source`, asserted equal to Python's (printed text, variables, error kind
    and line; no refusal); returned for the callers' checks of the error's words."""
    engine = engine_run(source)
    outcome = compare(python, engine)
    assert outcome.refused is None, outcome.refused
    assert not outcome.problems, outcome.problems
    return engine


def limits(**changes) -> Limits:
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def in_loop(program: str) -> str:
    return "for k in range(2):\n" + "".join(f"    {line}\n" for line in program.splitlines())


def interpreter(source: str, **changes) -> Interpreter:
    limits_ = limits(**changes)
    tree = parse_program(source, limits_)
    recorder = Recorder(source, limits_)
    return Interpreter(tree, source, limits=limits_, generator=torch.Generator().manual_seed(0),
                       hooks=recorder)


def built_total(source: str) -> int:
    """The run's total of built list/string/set items (SizeGuard.total_sequence_items)."""
    interp = interpreter(source, max_steps=10**6)
    interp.run()
    return interp.sizes.total_sequence_items
