"""The Steps page follows torch.autograd.grad as it follows backward() (session 34, engine/grad_logs.py).

Before, a program that wrote `g, = torch.autograd.grad(y, x)` (PyTorch's tutorials, the Jacobian lessons)
got no reverse steps and the note "no backward() reached this output: add `y.backward()`", and the
page's toggle could not help (the grad() call had freed the graph). The oracle here is PyTorch's own
engine on the same program run as real Python: Node pre-hooks give the order it ran the Nodes in and the
gradient each received; every engine step's adjoint must equal it, and each input's step what
torch.autograd.grad returned.
"""

from __future__ import annotations

import contextlib

import numpy as np
import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.step_records import GRAD_RULE, StepOptions
from tests.oracle import run_trusted

SCALAR = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
g, = torch.autograd.grad(y, x)
"""
TWO_INPUTS_LOOP = """import torch
x = torch.linspace(-1, 1, 5)
w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
for step in range(50):
    loss = ((w * x + b - 2 * x) ** 2).mean()
    gw, gb = torch.autograd.grad(loss, [w, b])
    with torch.no_grad():
        w -= 0.1 * gw
        b -= 0.1 * gb
"""
NON_LEAF_INPUTS = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor(2.0, requires_grad=True)
h = x * w
y = h.sin().sum()
gh, gx = torch.autograd.grad(y, [h, x])
"""
NON_LEAF_ONLY = """import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
y = h.exp().sum()
gh, = torch.autograd.grad(y, h)
"""
GRAD_OUTPUTS = """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x + x
g, = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 10.0]))
"""
DOUBLE = """import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
g, = torch.autograd.grad(y, x, create_graph=True)
g2, = torch.autograd.grad(g, x)
"""
IMPORTED = """import torch
from torch.autograd import grad
x = torch.tensor([0.5, 1.0, 1.5], requires_grad=True)
y = (x ** 2 * torch.sin(x)).sum()
g = grad(y, x)[0]
"""
FAN_OUT = """import torch
a = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor([0.5, 3.0], requires_grad=True)
c = a * b
d = c.tanh() + c * a
loss = d.sum()
ga, gb = torch.autograd.grad(loss, (a, b))
"""
PROGRAMS = {"scalar": SCALAR, "loop": TWO_INPUTS_LOOP, "non_leaf": NON_LEAF_INPUTS,
            "non_leaf_only": NON_LEAF_ONLY, "grad_outputs": GRAD_OUTPUTS, "double": DOUBLE,
            "imported": IMPORTED, "fan_out": FAN_OUT}


@contextlib.contextmanager
def _logged_grads(logs: list):
    """torch.autograd.grad that notes, per call, the Nodes PyTorch's engine ran (pre-hooks, in order) with
    the gradient each received, and what it returned."""
    real = torch.autograd.grad

    def grad(outputs, inputs, *args, **kwargs):
        roots = [outputs] if isinstance(outputs, torch.Tensor) else list(outputs)
        order, handles, seen = [], [], {}
        stack = [r.grad_fn for r in roots if r.grad_fn is not None]
        while stack:
            fn = stack.pop()
            if fn is None or id(fn) in seen:
                continue
            seen[id(fn)] = fn
            handles.append(fn.register_prehook(lambda g, fn=fn: order.append(
                (type(fn).__name__, next(t for t in g if t is not None).detach().clone()))))
            stack.extend(u for u, _ in fn.next_functions)
        try:
            result = real(outputs, inputs, *args, **kwargs)
        finally:
            for handle in handles:
                handle.remove()
        logs.append((order, result))
        return result

    torch.autograd.grad = grad
    try:
        yield
    finally:
        torch.autograd.grad = real


def torch_last_grad(program: str) -> tuple[list, tuple, dict]:
    logs: list = []
    with _logged_grads(logs):
        run = run_trusted(program)
    assert run.error is None, run.error
    order, result = logs[-1]
    return order, result, run.namespace


def steps_of(program: str, **options):
    report = run_program(program, steps=StepOptions(**options))
    assert report.ok, report.error
    return report, report.steps


def _close(a, b) -> bool:
    return np.allclose(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", PROGRAMS)
def test_every_reverse_step_equals_pytorchs_engine_at_the_grad_call(name):
    program = PROGRAMS[name]
    order, _, _ = torch_last_grad(program)
    _, steps = steps_of(program)
    ran = [s for s in steps.reverse if not s.rule.endswith(GRAD_RULE)]
    assert [s.grad_fn for s in ran] == [n for n, _ in order]
    for step, (_, received) in zip(ran, order, strict=True):
        assert _close(step.adjoint.value, received), (step.grad_fn, step.adjoint.value, received)


@pytest.mark.parametrize("name", PROGRAMS)
def test_each_input_step_is_what_autograd_grad_returned(name):
    program = PROGRAMS[name]
    _, result, ns = torch_last_grad(program)
    _, steps = steps_of(program)
    returned = [s for s in steps.reverse if s.rule.endswith(GRAD_RULE)]
    assert returned, "no step of an input autograd.grad returned"
    by_value = {id(t): t for t in ns.values() if isinstance(t, torch.Tensor)}
    assert by_value
    for step in returned:
        assert step.sends == () and step.grad_after is None and step.grad_before is None
        real = ns[step.var] if step.var in ns else None
        matches = [g for g in result if g is not None and real is not None and g.shape == real.shape]
        assert any(_close(step.adjoint.value, g) for g in matches), (step.var, step.adjoint.value)


@pytest.mark.parametrize("name", PROGRAMS)
def test_contributions_sum_to_each_adjoint(name):
    _, steps = steps_of(PROGRAMS[name])
    for step in steps.reverse:
        total = sum(np.asarray(c.value.value, dtype=np.float64) for c in step.contributions)
        assert _close(total, step.adjoint.value), step


def test_the_grad_calls_line_and_no_add_backward_note():
    _, steps = steps_of(SCALAR)
    assert steps.backward_line == 4 and steps.backward_var == "y"
    assert not any("no backward() reached" in n for n in steps.notes)
    assert [s.grad_fn for s in steps.reverse] == ["SumBackward0", "PowBackward0", "AccumulateGrad"]
    assert steps.reverse[-1].rule == "grad(x) = ḡ" + GRAD_RULE
    assert steps.reverse[-1].numbers == "grad(x) = [2., 4., 6.]"


def test_a_non_leaf_input_stops_the_pass_at_its_node():
    """PyTorch runs no Node of `h` when only h's gradient is asked: the steps end at h, returned."""
    order, result, _ = torch_last_grad(NON_LEAF_ONLY)
    _, steps = steps_of(NON_LEAF_ONLY)
    assert [n for n, _ in order] == ["SumBackward0", "ExpBackward0"]
    last = steps.reverse[-1]
    assert (last.var, last.grad_fn) == ("h", "MulBackward0") and last.rule.endswith(GRAD_RULE)
    assert _close(last.adjoint.value, result[0])
    assert not any(s.var == "x" for s in steps.reverse)


def test_an_input_step_comes_right_after_the_last_node_that_sent_to_it():
    """(After the other inputs placed there, in the order of grad()'s inputs: a, then b.)"""
    _, steps = steps_of(FAN_OUT)
    nodes = [s.node for s in steps.reverse]
    returned = [s.var for s in steps.reverse if s.rule.endswith(GRAD_RULE)]
    assert returned == ["a", "b"]
    for step in steps.reverse:
        if step.rule.endswith(GRAD_RULE):
            senders = [nodes.index(s.node) for s in steps.reverse if any(t == step.node for t, _ in s.sends)]
            between = steps.reverse[max(senders) + 1:nodes.index(step.node)]
            assert senders and all(s.rule.endswith(GRAD_RULE) for s in between)


def test_the_root_seed_is_grad_outputs():
    _, steps = steps_of(GRAD_OUTPUTS)
    seeds = [c for c in steps.reverse[0].contributions if c.source is None]
    assert len(seeds) == 1 and _close(seeds[0].value.value, [1.0, 10.0])


def test_reverse_number_beside_the_tangent_is_ujv_of_pytorch():
    """TangentTrace.vjp, (uᵀJ)·v, now comes from the grad() pass; PyTorch: grad · v."""
    _, result, _ = torch_last_grad(SCALAR)
    _, steps = steps_of(SCALAR, direction=(("x", [1.0, -1.0, 0.5]),))
    expected = float((result[0] * torch.tensor([1.0, -1.0, 0.5])).sum())
    assert steps.tangent is not None and _close(steps.tangent.vjp.value, expected)
    assert _close(steps.tangent.output_tangent.value, expected)


def test_a_loops_repeated_grad_call_keeps_only_its_last_pass():
    report, steps = steps_of(TWO_INPUTS_LOOP)
    assert "42 torch.autograd.grad() calls of a long loop's middle passes were not kept step by step " \
           "(its last passes' are)" in steps.notes
    assert steps.backward_line == 7 and len(steps.reverse) == 7


def test_a_grad_call_under_an_if_in_a_loop_is_kept_where_it_ran():
    """Not surely run again by a later pass: logged, so the output of pass 3 gets its steps."""
    program = ("import torch\nw = torch.tensor(1.5, requires_grad=True)\n"
               "for t in range(20):\n    loss = (w * t) ** 2\n    if t == 3:\n        kept = loss\n"
               "        g, = torch.autograd.grad(kept, w)\n")
    report = run_program(program, steps=StepOptions(), output="kept")
    assert report.ok and report.output == "kept"
    assert report.steps.backward_line == 7
    assert _close(report.steps.reverse[-1].adjoint.value, 2 * 1.5 * 9)


def test_a_failed_grad_call_leaves_no_log_behind():
    program = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * 3).sum()\n"
               "g, = torch.autograd.grad(y, x)\ntry:\n    torch.autograd.grad(y, x)\nexcept RuntimeError:\n"
               "    pass\nz = (x * x).sum()\nz.backward()\n")
    report, steps = steps_of(program)
    assert report.output == "z" and steps.backward_line == 10
    assert steps.reverse[-1].rule.endswith("(leaf: accumulate)")


def test_backward_programs_are_stepped_as_before():
    program = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\n"
               "y.backward()\n")
    _, steps = steps_of(program)
    assert steps.backward_line == 4
    assert [s.grad_fn for s in steps.reverse] == ["SumBackward0", "MulBackward0", "AccumulateGrad"]
    assert steps.reverse[-1].grad_after is not None and not steps.reverse[-1].rule.endswith(GRAD_RULE)


def test_the_new_notes_read_in_chinese():
    from autogradlab import note_keys

    texts = ["3 torch.autograd.grad() calls of a long loop's middle passes were not kept step by step "
             "(its last passes' are)",
             "the torch.autograd.grad() on line 4 started past the output: what reached the output from the "
             "ops after it is shown as coming from the output node"]
    for text in texts:
        assert note_keys.say("en", text, note_keys.STEPS) == text
        said = note_keys.say("zh", text, note_keys.STEPS)
        assert said != text and "torch.autograd.grad()" in said, said


def test_many_inputs_each_get_their_step_after_their_sender():
    """`grad(loss, params)` of 200 inputs: one pass over the Nodes finds them all (it looked each up in
    the whole pass: 900 inputs took 4.8 s of CPU, now 2.5 s)."""
    program = ("import torch\nps = [torch.tensor(float(i) / 100, requires_grad=True) for i in range(200)]\n"
               "loss = ps[0] * ps[0]\nfor p in ps[1:]:\n    loss = loss + p * p\n"
               "gs = torch.autograd.grad(loss, ps)\n")
    order, result, _ = torch_last_grad(program)
    _, steps = steps_of(program)
    returned = [s for s in steps.reverse if s.rule.endswith(GRAD_RULE)]
    assert len(returned) == 200
    assert [float(s.adjoint.value) for s in returned] == pytest.approx(
        sorted((float(g) for g in result), reverse=True))   # the last p first, as the engine reaches it
    nodes = [s.node for s in steps.reverse]
    for step in returned:
        senders = [nodes.index(s.node) for s in steps.reverse if any(t == step.node for t, _ in s.sends)]
        assert nodes.index(step.node) == max(senders) + 1


def test_a_grad_pass_past_the_log_budget_overflows_as_a_backward_does(monkeypatch):
    from autogradlab import note_keys
    from autogradlab.engine import step_hooks

    monkeypatch.setattr(step_hooks, "ONE_LOG_MAX_ELEMENTS", 4)
    _, steps = steps_of(SCALAR)
    note = ("the torch.autograd.grad() on line 4 moved more gradient values than the steps keep "
            "(20 million): its reverse steps are left out; use smaller tensors to step it")
    assert steps.reverse == () and note in steps.notes
    assert "torch.autograd.grad()" in note_keys.say("zh", note, note_keys.STEPS)
