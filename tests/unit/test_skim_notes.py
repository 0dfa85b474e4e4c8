"""The skim note says what happened to the loop: a loop with no backward() (power iteration) is not
told that "the gradients come from its last passes" (it has none); one with backward() is. Both
languages, the Chinese text made from the English note as the report page makes it."""

from __future__ import annotations

from pathlib import Path

from autogradlab import note_keys
from autogradlab.engine.run import run_program

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"


def _skim_note(name: str) -> str:
    report = run_program((PROGRAMS / name).read_text())
    assert report.ok, report.error
    [note] = [n for n in report.notes if n.startswith("the loop on line")]
    return note


def test_a_loop_without_backward_is_not_told_about_gradients() -> None:
    note = _skim_note("loop_power_iteration.py")
    assert "backward" not in note and "gradient" not in note
    assert "every pass ran, so the values are exact" in note
    zh = note_keys.say("zh", note)
    assert "梯度" not in zh and "每一轮都运行了" in zh and "the loop" not in zh


def test_a_loop_with_backward_says_where_the_gradients_come_from() -> None:
    note = _skim_note("loop_newton.py")
    assert "backward() calls" in note and "the gradients come from its last passes" in note
    assert "梯度来自最后几轮" in note_keys.say("zh", note)
