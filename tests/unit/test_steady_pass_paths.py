"""Issue 9, the per-op and per-pass paths of a long loop's steady (skimmed) passes:

- grads.GradientRecorder.quiet_leaves: a skimmed backward takes the leaves' hooks off (they would
  store nothing); a later backward that is begun hooks them again and captures what PyTorch
  computes; a hook of someone else's on the same leaf stays.
- Recorder.on_assign's short way for a name bound again to its own tensor (`w -= lr * w.grad`):
  the names the general way gives, also when the tensor has several names.
- OpTrace.summary is a plain dict: the trace's note ranks it as the Counter did (ties in first-run
  order).
- Recorder.after_backward builds its BackwardCall without the dataclass __init__: equal to one made
  by it.
- MemoryHooks.on_memory without outputs held uncopied: a write announced then still copies what
  the trace holds once it holds something.
Oracles: plain PyTorch for values, the run with skimming off for whole reports (test_skim.both).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import math
import pickle

import torch

from autogradlab.engine import run_program
from autogradlab.engine.backward_hooks import BackwardHooks
from autogradlab.engine.grads import GradientRecorder
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.trace import OpTrace
from autogradlab.limits import Limits
from autogradlab.report import BackwardCall
from tests.unit.test_skim import both, skim_notes

POLYFIT = """import torch
import math
x = torch.linspace(-math.pi, math.pi, 200)
y = torch.sin(x)
a = torch.tensor(0.1, requires_grad=True)
b = torch.tensor(-0.2, requires_grad=True)
for t in range(N):
    y_pred = a + b * x
    loss = (y_pred - y).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= 1e-4 * a.grad
        b -= 1e-4 * b.grad
        a.grad.zero_()
        b.grad.zero_()
print(a.item(), b.item(), loss.item())
"""


def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"torch": torch, "math": math})   # noqa: S102 - our own test program
    return out.getvalue()


def _leaf_and_loss():
    w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    x = torch.tensor([1.0, 2.0, 3.0])
    return w, lambda: ((w * x).sin() * w).sum()


def _expected_grad(w: torch.Tensor, loss_of) -> torch.Tensor:
    return torch.autograd.grad(loss_of(), [w])[0]


def test_quiet_leaves_takes_our_hook_off_and_a_begun_backward_hooks_again():
    w, loss_of = _leaf_and_loss()
    recorder = GradientRecorder()
    expected = _expected_grad(w, loss_of)
    loss = loss_of()
    recorder.begin([loss])
    loss.backward()
    recorder.finish()
    assert w._backward_hooks is not None and len(w._backward_hooks) == 1
    assert torch.equal(recorder.completed[-1][id(w)], expected)

    recorder.quiet_leaves()   # a skimmed backward: no hook on the leaf, no capture
    assert w._backward_hooks is None and not recorder._leaf_hooks
    w.grad = None
    loss_of().backward()
    assert torch.equal(w.grad, expected) and len(recorder.completed) == 1

    w.grad = None   # a backward begun again: hooked again, the capture is PyTorch's gradient
    loss = loss_of()
    recorder.begin([loss])
    loss.backward()
    recorder.finish()
    assert len(w._backward_hooks) == 1 and len(recorder.completed) == 2
    assert torch.equal(recorder.completed[-1][id(w)], expected) and torch.equal(w.grad, expected)


def test_quiet_leaves_keeps_a_hook_it_did_not_register():
    w, loss_of = _leaf_and_loss()
    seen = []
    w.register_hook(lambda grad: seen.append(grad.clone()))
    recorder = GradientRecorder()
    loss = loss_of()
    recorder.begin([loss])
    loss.backward()
    recorder.finish()
    assert len(w._backward_hooks) == 2
    recorder.quiet_leaves()
    assert len(w._backward_hooks) == 1   # only ours went
    w.grad = None
    loss_of().backward()
    assert len(seen) == 2 and torch.equal(seen[1], _expected_grad(w, loss_of))


def test_a_released_leaf_leaves_the_quiet_list():
    """A leaf no kept backward reaches any more is forgotten (no growth over a loop of new leaves)."""
    recorder = GradientRecorder()
    for _ in range(12):   # more than KEPT_BACKWARDS backward calls, each with a new leaf
        w, loss_of = _leaf_and_loss()
        loss = loss_of()
        recorder.begin([loss])
        loss.backward()
        recorder.finish()
    assert len(recorder._leaf_hooks) <= len(recorder._generations)


def test_a_skimmed_training_loop_prints_what_plain_pytorch_prints(monkeypatch):
    source = POLYFIT.replace("range(N)", "range(400)")
    quieted = []
    quiet = GradientRecorder.quiet_leaves

    def counting(self):
        quieted.append(len(self._leaf_hooks))
        quiet(self)
    monkeypatch.setattr(GradientRecorder, "quiet_leaves", counting)
    off, on = both(source, monkeypatch)   # captured backward calls (captured_backward.py) hook no leaf
    assert skim_notes(on) and not any(quieted) and on.printed == _plain(source)
    # the hooked backward (a program with hooks of its own takes it)
    quieted.clear()
    monkeypatch.setattr(BackwardHooks, "captures_backward", False)
    off, on = both(source, monkeypatch)
    assert skim_notes(on) and quieted == [2]   # the first skimmed backward took a's and b's hooks off
    assert on.printed == _plain(source)


def test_a_recorded_backward_after_skimmed_ones_captures_the_leaves_gradients(monkeypatch):
    """The last passes are recorded in full: their backward calls hook the leaves again, so the
    report shows the leaves' gradients, the same with skimming on and off."""
    source = POLYFIT.replace("range(N)", "range(400)")
    off, on = both(source, monkeypatch)
    grads = {node.var: node.grad for node in on.graph.nodes if node.kind == "leaf" and node.var in "ab"}
    assert set(grads) == {"a", "b"} and all(grad is not None for grad in grads.values())


def test_rebinding_a_name_to_its_own_tensor_keeps_its_names():
    recorder = Recorder("")
    w = torch.ones(2)
    node = type("Node", (), {"lineno": 1})()
    recorder.on_assign("w", w, node, None)
    recorder.on_assign("w", w, node, None)   # `w -= 1`: the same tensor
    assert recorder._names[id(w)] == ["w"] and recorder._former[id(w)] == "w"
    assert recorder.assign_order["w"] == 2 and recorder.name_of(w) == "w"
    recorder.on_assign("v", w, node, None)   # two names: w's is not the last, the general way moves it
    recorder.on_assign("w", w, node, None)
    assert recorder._names[id(w)] == ["v", "w"] and recorder.name_of(w) == "v"
    assert [recorder.assign_order[name] for name in ("w", "v")] == [4, 3]
    recorder.on_assign("w", w, node, None)   # now the last: the short way, the same order
    assert recorder._names[id(w)] == ["v", "w"] and recorder._former[id(w)] == "w"
    recorder.on_assign("v", w, node, None)   # (and v, not the last, moves)
    assert recorder._names[id(w)] == ["w", "v"] and recorder._former[id(w)] == "v"
    assert [recorder.assign_order[name] for name in ("w", "v")] == [5, 6]


def test_the_note_ranks_ops_as_a_counter_did():
    trace = OpTrace(window=2)
    for op, line in [("mul", 3), ("add", 4), ("mul", 3), ("sub", 5), ("add", 4), ("pow", 6)]:
        trace.skim(op, line, 1, None, None)
    assert type(trace.summary) is dict and trace.summary[("mul", 3)] == 2
    assert "most run: mul (line 3) ×2, add (line 4) ×2, sub (line 5) ×1" in trace.note()


def test_a_write_into_a_held_output_still_copies_it():
    """on_memory's short way (nothing held uncopied) must not skip a write once something is held."""
    source = """import torch
x = torch.ones(3)
y = x * 2
y.add_(1)
x.mul_(5)
print(y, x)
"""
    report = run_program(source, limits=Limits(timeout_s=60))
    assert report.ok, report.error
    mul = next(op for op in report.ops if op.op == "mul")
    assert mul.outputs[0].value.tolist() == [2.0, 2.0, 2.0]   # as it was made, not [3, 3, 3]
    assert report.printed == _plain(source)


def test_backward_calls_equal_the_dataclass_made_ones():
    source = POLYFIT.replace("range(N)", "range(5)").replace("loss.backward()",
                                                             "loss.backward(torch.tensor(1.0))")
    report = run_program(source, limits=Limits(timeout_s=60))
    assert report.ok and len(report.backward_calls) == 5
    for call in report.backward_calls:
        fields = dataclasses.asdict(call)
        assert list(vars(call)) == [field.name for field in dataclasses.fields(BackwardCall)]
        made = BackwardCall(**fields)
        assert call == made and hash(call) == hash(made) and pickle.dumps(call) == pickle.dumps(made)
    assert dataclasses.asdict(report.backward_calls[-1]) == {
        "line": 10, "tensor_id": report.backward_calls[-1].tensor_id, "var": "loss", "with_gradient": True,
        "text": "loss"}
