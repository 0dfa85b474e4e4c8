"""The report's speed work of session 36 (issue 9): a backward's Node hooks are registered without a
Python call (prehook_register.py), store without one during `y.backward()` (grad_capture.py), and
the report reads its graph from the walk begin() made (GradientRecorder.walk_of). None of it may change
a report: every program here gives the same report, byte for byte, as with those paths turned off
(torch's own registration, every hook storing at once as before, a walk of its own), and the
gradients shown equal PyTorch's own (retain_grad, torch.autograd.grad)."""

from __future__ import annotations

import ast
import dataclasses
import gc
import pickle
import sys
from pathlib import Path

import pytest
import torch

from autogradlab.engine import grad_capture, prehook_register, run_program
from autogradlab.engine.grads import KEPT_BACKWARDS, GradientRecorder
from autogradlab.engine.graph_walk import walk_graph
from autogradlab.limits import Limits

PROGRAMS = {
    "views_and_in_place": """import torch
x = torch.tensor([0.5, -1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
b = a.view(2, 2)
c = b.t().exp()
d = c.clone()
d[0, 0] = 5.0
d.mul_(1.5)
y = (d * b).sum()
y.backward()
print(x.grad)
""",
    "retain_graph_twice_and_grad": """import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
h = (w * w).sin()
loss = h.sum()
loss.backward(retain_graph=True)
loss.backward()
g = torch.autograd.grad((w ** 3).sum(), w)
print(w.grad, g)
""",
    "non_leaf_grad": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * x
h.retain_grad()
y = (h * 3).sum()
y.backward()
print(h.grad, x.grad)
""",
    "gradient_argument_and_create_graph": """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 3
g = torch.tensor([1.0, 0.5, 2.0])
y.backward(g, create_graph=True)
z = x.grad.sum()
x.grad = None
z.backward()
g += 1
print(x.grad)
""",
    "training_loop_zeroing_grad": """import torch
X = torch.linspace(-1, 1, 60).reshape(20, 3)
yt = X @ torch.tensor([1.0, -2.0, 0.5])
w = torch.zeros(3, requires_grad=True)
for i in range(30):
    loss = ((X @ w - yt) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
print(loss)
""",
    "program_hook": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 2
h.register_hook(lambda g: g * 10)
y = (h * h).sum()
y.backward()
print(x.grad)
""",
    "backward_of_a_graph_built_before_the_last_backward": """import torch
x = torch.tensor(0.3, requires_grad=True)
y = torch.sin(x) * x
z = torch.cos(y) + y
z.backward(retain_graph=True)
y.backward()
print(x.grad)
""",
    "scalar_chain": (Path(__file__).parents[1] / "programs" / "loop_scalar_chain.py").read_text(),
}


LIMITS = Limits(timeout_s=60)   # the reports, not the limit: a loaded machine must not cut a run


def _dumped(source: str) -> bytes:
    report = run_program(source, limits=LIMITS)
    assert report.ok, report.error
    return pickle.dumps(dataclasses.replace(report, timing_ms=0.0))


def _exact_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The paths before session 36: torch's registration, every hook storing at once, a walk per use."""
    begin = GradientRecorder.begin
    monkeypatch.setattr(GradientRecorder, "begin",
                        lambda self, roots, gradient=None, plain=False: begin(self, roots, gradient, False))
    monkeypatch.setattr(GradientRecorder, "walk_of", lambda self, root: None)
    monkeypatch.setattr(prehook_register, "_HOOK_MIXIN", None)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_report_is_the_same_with_the_fast_paths_off(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = PROGRAMS[name]
    fast = _dumped(source)
    _exact_paths(monkeypatch)
    assert _dumped(source) == fast


def test_node_gradients_equal_retain_grad() -> None:
    """The program's tensors' gradients in the report equal PyTorch's own (the same text run by Python,
    every tensor retaining its grad)."""
    forward = """import torch
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
a = x * 3
b = a.sin()
c = b * a
v = c.view(3, 1)
d = v.exp()
y = d.sum()
"""
    report = run_program(forward + "y.backward()\n", limits=LIMITS)
    shown = {n.var: n.grad.value for n in report.graph.nodes if n.kind == "op" and n.var}
    plain: dict = {}
    exec(forward, plain)   # (this test's own text: PyTorch is the oracle)
    names = ["a", "b", "c", "v", "d", "y"]
    for name in names:
        plain[name].retain_grad()
    plain["y"].backward()
    assert sorted(shown) == sorted(names)
    for name in names:
        assert torch.equal(torch.as_tensor(shown[name]), plain[name].grad), name


def _chain(steps: int = 6) -> tuple[torch.Tensor, list[torch.Tensor], torch.Tensor]:
    x = torch.tensor(0.7, requires_grad=True)
    mids, y = [], x
    for _ in range(steps):
        y = torch.sin(y) * 1.01 + 0.1 * x
        mids.append(y)
    return x, mids, y


def _plain_backward(recorder: GradientRecorder, y: torch.Tensor, **kwargs: bool) -> None:
    recorder.begin([y], None, plain=True)
    y.backward(**kwargs)
    recorder.finish()


def test_plain_backward_captures_what_autograd_grad_gives() -> None:
    x, mids, y = _chain()
    expected = torch.autograd.grad(y, [*mids, x], retain_graph=True)
    recorder = GradientRecorder()
    _plain_backward(recorder, y)
    capture = recorder.completed[-1]
    for tensor, grad in zip(mids, expected, strict=False):
        assert torch.equal(capture[id(tensor.grad_fn)], grad)
    assert torch.equal(capture[id(x)], expected[-1]) and torch.equal(x.grad, expected[-1])


def test_hooks_store_nothing_between_backward_calls() -> None:
    _, mids, y = _chain()
    recorder = GradientRecorder()
    _plain_backward(recorder, y, retain_graph=True)
    before = dict(recorder.completed[-1])
    y.backward(retain_graph=True)   # a backward nobody began (a skimmed pass, a grad() call)
    assert len(recorder._live) == 0 and type(recorder._live) is grad_capture.Closed
    assert recorder.completed[-1] == before
    torch.autograd.grad(y, mids[0])
    assert len(recorder._live) == 0


def test_a_hook_whose_registration_was_let_go_stores_nothing() -> None:
    """A Node hooked by a backward that is no longer kept is hooked again when a later backward reaches
    it: its first hook still runs and must not store (its token is gone)."""
    x, mids, y = _chain()
    recorder = GradientRecorder()
    _plain_backward(recorder, y, retain_graph=True)
    for _ in range(KEPT_BACKWARDS):   # other graphs' backward calls: the first one is let go
        _plain_backward(recorder, torch.sin(x) * 2)
    assert recorder.latest_covering(id(y.grad_fn)) is None
    expected = torch.autograd.grad(y, mids, retain_graph=True)
    stale = {token for key, token in recorder._hooked.items() if key == id(mids[0].grad_fn)}
    assert not stale
    _plain_backward(recorder, y)
    capture = recorder.latest_covering(id(y.grad_fn))
    for tensor, grad in zip(mids, expected, strict=True):
        assert torch.equal(capture[id(tensor.grad_fn)], grad)


def test_copying_backward_keeps_the_values_of_its_own_time() -> None:
    """With a gradient argument the hooks copy as they run (the program may change it afterwards)."""
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = (x * 2).reshape(3)
    g = torch.tensor([1.0, 0.5, 2.0])
    recorder = GradientRecorder()
    recorder.begin([y], g, plain=False)
    y.backward(g)
    recorder.finish()
    g += 100.0
    assert torch.equal(recorder.completed[-1][id(y.grad_fn)], torch.tensor([1.0, 0.5, 2.0]))


def test_plain_backward_of_a_graph_gradient_keeps_no_graph() -> None:
    """A hook may return a tensor that requires grad: what is kept is a plain copy, as before."""
    w = torch.tensor(3.0, requires_grad=True)
    x = torch.tensor(2.0, requires_grad=True)
    h = x * 2
    h.register_hook(lambda g: w * 1.0)
    y = h * h
    recorder = GradientRecorder()
    _plain_backward(recorder, y)
    kept = recorder.completed[-1][id(h.grad_fn)]
    assert not kept.requires_grad and kept.item() == 3.0


def test_walk_of_is_the_walk_of_the_only_root() -> None:
    _, _, y = _chain()
    recorder = GradientRecorder()
    recorder.begin([y], None, plain=True)
    walk = recorder.walk_of(y.grad_fn)
    again = walk_graph(y.grad_fn)
    assert walk is not None and walk.order == again.order and walk.inputs == again.inputs
    assert recorder.walk_of(y.grad_fn.next_functions[0][0]) is None
    y.backward()
    recorder.finish()
    a, b = torch.ones(2, requires_grad=True) * 2, torch.ones(2, requires_grad=True) * 3
    recorder.begin([a, b], [torch.ones(2), torch.ones(2)])
    assert recorder.walk_of(a.grad_fn) is None   # two roots: no walk kept
    recorder.release_all()
    assert recorder.walk_of(y.grad_fn) is None


def test_only_a_backward_without_arguments_is_plain() -> None:
    from autogradlab.engine.recorder import Recorder
    seen = []
    recorder = Recorder("")
    begin = recorder.grads.begin

    def told(roots: list, gradient: object = None, plain: bool = False) -> list:
        seen.append(plain)
        return begin(roots, gradient, plain)
    recorder.grads.begin = told
    for text, plain in (("y.backward()", True), ("y.backward(retain_graph=True)", False),
                        ("y.backward(g)", False), ("torch.autograd.backward(y)", False)):
        y = torch.ones(2, requires_grad=True).sum() * 2
        recorder.before_backward(y, None, ast.parse(text).body[0].value)
        assert seen[-1] is plain, text
        recorder.grads.abort()


def _alive(type_name: str) -> int:
    return sum(1 for o in gc.get_objects() if type(o).__name__ == type_name)


@pytest.mark.parametrize("name", ["scalar_chain", "training_loop_zeroing_grad", "program_hook"])
def test_a_run_in_this_process_leaves_its_tables_to_reference_counting(name: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """run._let_go: the recorder's numbered tensors and op records are freed when run_program returns,
    not by a later collection of the old generations, and no weak reference calls back into the
    emptied recorder (an 'Exception ignored' on stderr)."""
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    gc.collect()
    before = _alive("Numbered"), _alive("OpRecord")
    was = gc.isenabled()
    gc.disable()
    try:
        report = run_program(PROGRAMS[name], limits=LIMITS)
        assert report.ok and report.graph is not None
        after = _alive("Numbered"), _alive("OpRecord")
    finally:
        if was:
            gc.enable()
    assert after[0] == before[0]
    assert after[1] - before[1] == len(report.ops)   # only the report's own records
    assert unraisable == []


def test_a_one_shot_process_leaves_the_recorder_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.engine import run as run_module
    let_go = []
    monkeypatch.setattr(run_module, "_let_go", let_go.append)
    run_program(PROGRAMS["non_leaf_grad"])
    assert len(let_go) == 1
    monkeypatch.setattr(run_module, "ONE_SHOT_PROCESS", True)
    run_program(PROGRAMS["non_leaf_grad"])
    assert len(let_go) == 1
