"""The Steps page's count notes say "1 ... call was" for one call (session 35, engine/pass_notes.py).

Before: "1 torch.autograd.grad() calls ran through more than 12 nodes and were not kept", "1 earlier
backward() calls were too large to keep step by step". Chinese has no plural: the same sentence either way.
"""

from __future__ import annotations

import pytest

from autogradlab import note_keys
from autogradlab.engine import pass_notes, steps
from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions

GRAD = "torch.autograd.grad()"


class _Counts:
    def __init__(self, count: int) -> None:
        self.unlogged = self.unlogged_grads = self.dropped = self.dropped_grads = count
        self.skipped = self.skipped_grads = count


def _all_notes(count: int) -> list[str]:
    counts = _Counts(count)
    return pass_notes.unlogged_notes(counts, 12) + pass_notes.count_notes(counts)


@pytest.mark.parametrize("call", ["backward()", GRAD])
def test_one_call_is_said_in_the_singular(call: str) -> None:
    notes = [n for n in _all_notes(1) if call in n]
    assert notes == [f"no {call} kept step by step reached this output: 1 {call} call ran through more than "
                     "12 nodes and was not kept",
                     f"1 earlier {call} call was too large to keep step by step",
                     f"1 {call} call of a long loop's middle passes was not kept step by step (its last "
                     "passes' are)"]


def test_more_calls_keep_the_plural() -> None:
    assert all(" calls " in n and (" were " in n) for n in _all_notes(2)), _all_notes(2)


@pytest.mark.parametrize("count", [1, 3])
def test_both_forms_are_said_in_chinese(count: int) -> None:
    for note in _all_notes(count):
        said = note_keys.say("zh", note, note_keys.STEPS)
        assert said != note and f"{count} 次" in said, (note, said)
        assert note_keys.say("en", note, note_keys.STEPS) == note


def test_a_grad_through_too_many_nodes_says_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 6)   # a pass is logged through at most 12 nodes
    program = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = x * 3.0\ny = h\n"
               "for i in range(10):\n    y = y * 1.5\ng, = torch.autograd.grad(y.sum(), x)\n")
    report = run_program(program, output="h", steps=StepOptions(), torchviz=False)
    assert report.error is None, report.error
    assert (f"no {GRAD} kept step by step reached this output: 1 {GRAD} call ran through more than 12 nodes "
            "and was not kept") in report.steps.notes, report.steps.notes
