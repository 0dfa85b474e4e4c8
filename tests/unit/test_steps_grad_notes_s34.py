"""The Steps page's notes and contributions around torch.autograd.grad name what the program called
(session 34, engine/pass_notes.py, engine/steps.py _outside).

Before: a program that only called torch.autograd.grad was told "no backward() kept step by step reached
this output: 1 backward() calls ran through more than 6,000 nodes" and "3 earlier backward() calls were
too large to keep"; and with `torch.autograd.grad([y1, y2], x)` on y2's page, what y1's graph sent into
y2's graph was shown as coming from y2's own output node. PyTorch is the oracle for every value.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab import messages, note_keys
from autogradlab.engine import pass_notes, step_hooks, steps
from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions, other_outputs

GRAD = "torch.autograd.grad()"


def _steps(program: str, output: str):
    report = run_program(program, output=output, steps=StepOptions(), torchviz=False)
    assert report.error is None, report.error
    return report.steps


def _zh(text: str) -> str:
    said = note_keys.say("zh", text, note_keys.STEPS)
    assert said != text and note_keys.say("en", text, note_keys.STEPS) == text
    return said


def _long(call: str, ops: int = 10) -> str:
    return ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = x * 3.0\ny = h\n"
            f"for i in range({ops}):\n    y = y * 1.5\n{call}\n")


def test_a_grad_through_more_nodes_than_logged_is_named_grad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 6)   # a pass is logged through at most 12 nodes
    notes = _steps(_long("g, = torch.autograd.grad(y.sum(), x)"), "h").notes
    note = (f"no {GRAD} kept step by step reached this output: 1 {GRAD} call ran through more than "
            "12 nodes and was not kept")   # (session 35: the singular for one call)
    assert note in notes, notes
    assert not any("backward()" in n for n in notes), notes
    said = _zh(note)
    assert "没有保留" in said and "backward()" not in said and GRAD in said


def test_backward_and_grad_through_too_many_nodes_each_get_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 6)
    program = _long("g, = torch.autograd.grad(y.sum(), x, retain_graph=True)\ny.sum().backward()")
    notes = _steps(program, "h").notes
    for call in ("backward()", GRAD):
        note = (f"no {call} kept step by step reached this output: 1 {call} call ran through more than "
                "12 nodes and was not kept")
        assert note in notes, notes
        assert call in _zh(note)


DROPPED = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
for i in range(3):
    y = (x * x).sum()
    g, = torch.autograd.grad(y, x)
z = (x * 2).sum()
z.backward()
y = (x * x * x).sum()
g, = torch.autograd.grad(y, x)
"""


def test_dropped_logs_are_counted_by_what_was_called(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(step_hooks, "LOG_MAX_ELEMENTS", 4)   # only the last log is kept
    trace = _steps(DROPPED, "y")
    notes = trace.notes
    assert trace.backward_line == 9
    assert f"3 earlier {GRAD} calls were too large to keep step by step" in notes, notes
    assert "1 earlier backward() call was too large to keep step by step" in notes, notes
    for note in notes:
        if "earlier" in note:
            said = _zh(note)
            assert ("backward()" in said) == ("backward()" in note) and (GRAD in said) == (GRAD in note)
    # the kept log is PyTorch's gradient
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    g, = torch.autograd.grad((x * x * x).sum(), x)
    assert np.allclose(trace.reverse[-1].adjoint.value, g.numpy())


class _Counts:
    unlogged = unlogged_grads = dropped = dropped_grads = 0

    def __init__(self, skipped: int, skipped_grads: int) -> None:
        self.skipped, self.skipped_grads = skipped, skipped_grads


@pytest.mark.parametrize("skipped, grads, calls", [(0, 5, (GRAD,)), (4, 0, ("backward()",)),
                                                   (2, 3, ("backward()", GRAD))])
def test_a_long_loops_no_kept_note_names_the_call(skipped: int, grads: int, calls: tuple[str, ...]) -> None:
    counts = _Counts(skipped, grads)
    notes = pass_notes.skipped_notes(counts) + pass_notes.count_notes(counts)
    heads = [n for n in notes if n.startswith("no ")]
    assert heads == [f"no {c} kept step by step reached this output: a long loop's middle passes keep none "
                     "(its last passes' are kept)" for c in calls]
    for note in notes:
        said = _zh(note)
        assert all((c in said) == (c in note) for c in ("backward()", GRAD)), (note, said)


TWO_OUTPUTS = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
y1 = (h * h).sum()
y2 = h.sin().sum()
g, = torch.autograd.grad([y1, y2], x)
"""
CHAINED = """import torch
x = torch.tensor([0.5, -1.0], requires_grad=True)
h = x.exp()
y2 = (h * x).sum()
y1 = y2 * 3
g, = torch.autograd.grad([y1, y2], [x])
"""


def _torch_adjoints(program: str, at: str) -> dict[str, np.ndarray]:
    """PyTorch: the gradient of the call's outputs (summed) at h and x, and y1's gradient at `at`, where
    y1's graph sends into y2's."""
    space: dict = {}
    exec(program.rsplit("g, =", 1)[0], space)   # noqa: S102 - the test's own program, as real Python
    x, h, y1, y2 = space["x"], space["h"], space["y1"], space["y2"]
    both = torch.autograd.grad([y1, y2], [h, x], retain_graph=True)
    from_y1 = torch.autograd.grad(y1, space[at], retain_graph=True)[0]
    return {"h": both[0].numpy(), "x": both[1].numpy(), "from_y1": from_y1.numpy()}


@pytest.mark.parametrize("program, at", [(TWO_OUTPUTS, "h"), (CHAINED, "y2")],
                         ids=["side_by_side", "y1_of_y2"])
def test_another_outputs_contributions_are_named_as_such(program: str, at: str) -> None:
    trace = _steps(program, "y2")
    oracle = _torch_adjoints(program, at)
    assert not any("past the output" in n for n in trace.notes), trace.notes
    by_var = {s.var: s for s in trace.reverse}
    assert np.allclose(by_var["h"].adjoint.value, oracle["h"])
    assert np.allclose(trace.reverse[-1].adjoint.value, oracle["x"])
    other = [(s.var, c) for s in trace.reverse for c in s.contributions if other_outputs(c.source)]
    assert [var for var, _ in other] == [at], [s.contributions for s in trace.reverse]
    assert other_outputs(other[0][1].source) == (GRAD, "y1")
    assert np.allclose(other[0][1].value.value, oracle["from_y1"])
    for step in trace.reverse:   # the contributions add up to the adjoint; no output node stands for y1's
        assert all(c.source != "n4" for c in step.contributions)   # (n4: the output node of these graphs)
        total = sum(np.asarray(c.value.value, dtype=np.float64) for c in step.contributions)
        assert np.allclose(total, step.adjoint.value)


def test_the_other_outputs_are_said_in_both_languages() -> None:
    assert messages.text("en", "steps.other_outputs_named", names="y1", call=GRAD) == (
        f"y1, another output of the same {GRAD} call")
    assert GRAD in messages.text("zh", "steps.other_outputs_named", names="y1", call=GRAD)
    assert "另一个输出" in messages.text("zh", "steps.other_outputs", call=GRAD)


def test_a_single_output_past_the_graph_keeps_its_note() -> None:
    program = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = x * 3\n"
               "y = h.sum()\ng, = torch.autograd.grad(y * 2, x)\n")
    trace = _steps(program, "y")
    assert any("started past the output" in n for n in trace.notes), trace.notes
    assert not any(other_outputs(c.source) for s in trace.reverse for c in s.contributions)
