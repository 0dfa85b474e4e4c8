"""Issue 9: differential fuzzing of the skim with a fixed seed. Random long-loop programs
(tests/skim_programs.py) give the same report with skimming on as with it off (test_skim.comparable:
everything but notes, timings and op records, byte for byte; records_agree: the records kept are that
run's), and print what real Python + PyTorch print, or both stop on the same error. Longer runs:
scripts/skim_fuzz.py --count 500.
"""

from __future__ import annotations

import contextlib
import io
import random

import pytest
import torch

from autogradlab.limits import Limits
from tests.skim_programs import make_loop_program
from tests.unit.test_skim import comparable, records_agree, report, skim_notes

SEED, COUNT = 17, 60
PROGRAMS = (lambda rng: [make_loop_program(rng) for _ in range(COUNT)])(random.Random(SEED))
LIMITS = Limits(timeout_s=600.0)   # what skimming changes, not the time limit of a loaded machine


def python_run(source: str) -> tuple[str, str | None]:
    """Real Python's printed text and the name of the exception it stopped on, if any."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(source, "oracle", "exec"), {"__name__": "__main__"})  # noqa: S102 - test text
    except Exception as exc:  # noqa: BLE001 - the oracle's error is part of the outcome
        return printed.getvalue(), type(exc).__name__
    return printed.getvalue(), None


@pytest.fixture(scope="module")
def outcomes() -> list[dict]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        runs = []
        for source in PROGRAMS:
            off = report(source, False, monkeypatch, LIMITS)
            on = report(source, True, monkeypatch, LIMITS)
            torch.manual_seed(0)
            printed, raised = python_run(source)
            runs.append({"source": source, "off": off, "on": on, "printed": printed, "raised": raised})
        return runs


@pytest.mark.parametrize("index", range(COUNT))
def test_skimming_changes_nothing_but_the_notes(index: int, outcomes: list[dict]) -> None:
    run = outcomes[index]
    assert comparable(run["on"]) == comparable(run["off"]), run["source"]
    records_agree(run["on"], run["off"])
    assert not skim_notes(run["off"])


@pytest.mark.parametrize("index", range(COUNT))
def test_the_skimmed_run_prints_what_python_prints(index: int, outcomes: list[dict]) -> None:
    run = outcomes[index]
    on = run["on"]
    assert on.printed == run["printed"], run["source"]
    if run["raised"] is None:
        assert on.error is None, (on.error, run["source"])
    else:
        assert on.error is not None and on.error.line is not None, run["source"]


def test_the_generator_reaches_the_hard_cases(outcomes: list[dict]) -> None:
    """The programs are long enough to be skimmed, and some stop on an error, so the comparisons
    above cannot pass by never meeting a skimmed loop."""
    skimmed = sum(bool(skim_notes(run["on"])) for run in outcomes)
    stopped = sum(run["raised"] is not None for run in outcomes)
    assert skimmed >= COUNT // 4, skimmed
    assert stopped >= 2, stopped
    assert any("while " in run["source"] for run in outcomes)
