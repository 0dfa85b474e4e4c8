"""The Steps page's tangent mode with no tangent steps says why (session 32): forward mode that stopped
before the output's graph (out of time in a long loop) is not "no leaf tensor that requires grad"."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab import messages
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions

pytest.importorskip("streamlit")
from components import step_player  # noqa: E402

LOOP = ("import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "for i in range(30):\n    y = (w * w).sum()\n")


def _message(report) -> str:
    return step_player._empty_message(report, "tangent")


def test_a_stopped_forward_mode_says_so():
    report = run_program(LOOP, limits=Limits(timeout_s=60), steps=StepOptions())
    assert report.steps.tangent is not None and report.steps.tangent.entries   # the real run has tangents
    stopped = ("forward mode stopped on line 4: the forward-mode run had only the time left within the time "
               "limit after the program's own run, and it ran out here; later ops have no tangent")
    cut = dataclasses.replace(report, steps=dataclasses.replace(report.steps, notes=(stopped,)))
    assert _message(cut) == messages.text("en", "steps.no_tangent_stopped")
    assert _message(report) == messages.text("en", "steps.no_tangent")   # (no note: the old text)


def test_the_note_the_page_reads_is_the_one_the_engine_writes(monkeypatch):
    """The tangent run stopped on purpose: the engine's note starts with the words the page looks for."""
    import autogradlab.engine.step_run as step_run
    monkeypatch.setattr(step_run, "TANGENT_TIME_SHARE", -1.0)   # no time left for the tangent run
    report = run_program(LOOP, limits=Limits(timeout_s=60), steps=StepOptions())
    assert any(n.startswith(step_player.TANGENT_STOPPED) for n in report.steps.notes), report.steps.notes
    assert messages.text("zh", "steps.no_tangent_stopped") != messages.text("en", "steps.no_tangent_stopped")
