"""The op trace holds outputs without copying them until a write (engine/trace.py, issue 9): every
recorded op must still show the values PyTorch computed at that moment, whatever writes later.

Each case runs a program in the engine and the same steps in real Python (the oracle), which
copies each op's result right after the op, in the engine's recording order. One case per write
path the interpreter mediates: in-place methods, setitem (also through views), augmented
assignment, out=, `.data` reads and assignment, NumPy memory shared both ways, backward adding into
an existing `.grad` (also one the program set, and through a view), optimizer-style updates under
no_grad, and a training loop longer than the record window.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program, skim, trace


class Oracle:
    def __init__(self) -> None:
        self.values: list[np.ndarray] = []

    def __call__(self, t: torch.Tensor) -> torch.Tensor:
        self.values.append(t.detach().clone().numpy())
        return t


def in_place_methods(r):
    x = r(torch.ones(3))
    y = r(x * 2)
    r(x.add_(1))
    r(y.mul_(3))
    r(y + x)
    r(x.zero_())


def setitem_through_views(r):
    x = r(torch.zeros(4))
    v = r(x[1:3])
    v[0] = 7
    r(v)
    x[3] = 9
    r(x)
    r(x.sum())
    t = r(x.view(2, 2))
    t[0] = -1
    r(t)


def augmented_assignment(r):
    a = r(torch.ones(2))
    b = r(a.view(2))
    a += 1
    r(a)
    b *= 3
    r(b)
    c = r(a * 1)
    c -= a
    r(c)


def out_argument(r):
    a = r(torch.ones(2))
    o = r(torch.zeros(2))
    r(torch.add(a, a))
    torch.add(a, a, out=o)
    r(o)
    r(torch.mul(o, o))
    torch.mul(o, o, out=o)
    r(o)


def data_read_and_assignment(r):
    w = r(torch.ones(3, requires_grad=True))
    d = w.data
    r(d.add_(2))
    w.data = r(torch.zeros(3))
    r(w * 1)
    e = w.data
    r(e.add_(5))


def numpy_shared_memory(r):
    t = r(torch.ones(3))
    n = t.numpy()
    n += 1
    r(t * 2)
    n[0] = 10
    f = r(torch.from_numpy(n))
    n[1] = 20
    r(f + 0)
    v = r(f[0:2])
    np.add(n, 1, out=n)
    r(v * 1)


def backward_accumulates_into_grad(r):
    w = r(torch.ones(2, requires_grad=True))
    m = r(w * w)
    s = r(m.sum())
    s.backward()
    g = w.grad
    g2 = r(g.view(2))
    m = r(w * 3)
    s = r(m.sum())
    s.backward()
    r(g2 * 1)
    r(w.grad.zero_())
    m = r(w * 5)
    s = r(m.sum())
    s.backward()
    r(w.grad + 0)


def backward_into_a_grad_the_program_set(r):
    w = r(torch.ones(2, requires_grad=True))
    g = r(torch.zeros(2))
    w.grad = g
    m = r(w * 2)
    s = r(m.sum())
    s.backward()
    r(g + 0)


def optimizer_style_updates(r):
    w = r(torch.tensor([1.0, -2.0], requires_grad=True))
    x = r(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    for _ in range(3):
        p = r(x @ w)
        q = r(p ** 2)
        loss = r(q.mean())
        loss.backward()
        with torch.no_grad():
            step = r(0.1 * w.grad)
            w -= step
            r(w)
            r(w.grad.zero_())


ENGINE = {
    in_place_methods: """
x = torch.ones(3)
y = x * 2
x.add_(1)
y.mul_(3)
z = y + x
x.zero_()
""",
    setitem_through_views: """
x = torch.zeros(4)
v = x[1:3]
v[0] = 7
x[3] = 9
s = x.sum()
t = x.view(2, 2)
t[0] = -1
""",
    augmented_assignment: """
a = torch.ones(2)
b = a.view(2)
a += 1
b *= 3
c = a * 1
c -= a
""",
    out_argument: """
a = torch.ones(2)
o = torch.zeros(2)
torch.add(a, a, out=o)
torch.mul(o, o, out=o)
""",
    data_read_and_assignment: """
w = torch.ones(3, requires_grad=True)
d = w.data
d.add_(2)
w.data = torch.zeros(3)
w2 = w * 1
e = w.data
e.add_(5)
""",
    numpy_shared_memory: """
import numpy as np
t = torch.ones(3)
n = t.numpy()
n += 1
u = t * 2
n[0] = 10
f = torch.from_numpy(n)
n[1] = 20
g = f + 0
v = f[0:2]
np.add(n, 1, out=n)
h = v * 1
""",
    backward_accumulates_into_grad: """
w = torch.ones(2, requires_grad=True)
m = w * w
s = m.sum()
s.backward()
g = w.grad
g2 = g.view(2)
m = w * 3
s = m.sum()
s.backward()
h = g2 * 1
w.grad.zero_()
m = w * 5
s = m.sum()
s.backward()
k = w.grad + 0
""",
    backward_into_a_grad_the_program_set: """
w = torch.ones(2, requires_grad=True)
g = torch.zeros(2)
w.grad = g
m = w * 2
s = m.sum()
s.backward()
k = g + 0
""",
    optimizer_style_updates: """
w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
for _ in range(3):
    p = x @ w
    q = p ** 2
    loss = q.mean()
    loss.backward()
    with torch.no_grad():
        step = 0.1 * w.grad
        w -= step
        w.grad.zero_()
""",
}


def _engine_values(source: str) -> list:
    before = trace.STALE_LAZY[0]
    report = run_program("import torch\n" + source)
    assert report.error is None, report.error
    assert trace.STALE_LAZY[0] == before, "a held output changed without a copy first"
    values = []
    for op in report.ops:
        for out in op.outputs:
            assert out.summary != trace.CHANGED_LATER, (op.op, op.line)
            assert out.value is not None, (op.op, op.line)
            values.append(np.asarray(out.value))
    return values


@pytest.mark.parametrize("oracle", list(ENGINE), ids=lambda f: f.__name__)
def test_every_recorded_op_shows_what_pytorch_computed_then(oracle):
    expected = Oracle()
    oracle(expected)
    got = _engine_values(ENGINE[oracle])
    # out= records the computed result and then the written tensor: the oracle records both
    assert len(got) == len(expected.values), [v.tolist() for v in got]
    for i, (g, e) in enumerate(zip(got, expected.values, strict=True)):
        np.testing.assert_allclose(g, e, err_msg=f"op {i}")


def test_a_loop_longer_than_the_window_keeps_the_latest_values():
    """Optimizer-style updates for more ops than the window holds: the kept records are the
    latest ones, with the values of their own iteration (not the final weights)."""
    source = """
w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
for _ in range(150):
    p = x @ w
    loss = (p ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
        w.grad.zero_()
"""
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    expected = Oracle()
    for _ in range(150):
        p = expected(x @ w)
        loss = expected(expected(p ** 2).mean())
        loss.backward()
        with torch.no_grad():
            step = expected(0.01 * w.grad)
            w -= step
            expected(w)
            expected(w.grad.zero_())
    report = run_program("import torch\n" + source)
    assert report.error is None and report.ops[-1].index == len(expected.values) + 1
    kept = [np.asarray(o.outputs[0].value) for o in report.ops if o.index >= 2]
    assert len(kept) == skim.KEEP_PASSES * 6   # the last passes in full (the pass-aware window, skim.py)
    for g, e in zip(kept, expected.values[-len(kept):], strict=True):
        np.testing.assert_allclose(g, e)


@pytest.mark.parametrize("oracle", [backward_accumulates_into_grad, optimizer_style_updates,
                                    in_place_methods],
                         ids=lambda f: f.__name__)
def test_steps_runs_hold_the_same_values(oracle):
    """A steps run wraps the recorder (engine/step_hooks.py): the writes reach the trace the same
    way, and the op records still equal PyTorch's values of that moment."""
    from autogradlab.step_records import StepOptions

    expected = Oracle()
    oracle(expected)
    before = trace.STALE_LAZY[0]
    report = run_program("import torch\n" + ENGINE[oracle], steps=StepOptions(backward_if_missing=True))
    assert report.error is None and trace.STALE_LAZY[0] == before
    got = [np.asarray(out.value) for op in report.ops for out in op.outputs]
    assert len(got) == len(expected.values)
    for g, e in zip(got, expected.values, strict=True):
        np.testing.assert_allclose(g, e)


@pytest.mark.parametrize("write", ["torch.randn(3, out=y)", "torch.rand(3, out=y)", "torch.sin_(y)",
                                   "torch.zeros(3, out=y)"])
def test_random_and_function_writes_keep_the_earlier_value(write):
    """Writes added with the tutorials (random creation into out=, torch.sin_(y)) announce themselves
    too: the op that made y still shows y's value from before the write."""
    before = trace.STALE_LAZY[0]
    report = run_program(f"import torch\nx = torch.ones(3)\ny = x * 2\n{write}\nz = y + 1\n")
    assert report.error is None, report.error
    assert trace.STALE_LAZY[0] == before
    mul = next(op for op in report.ops if op.op == "mul")
    np.testing.assert_array_equal(np.asarray(mul.outputs[0].value), [2.0, 2.0, 2.0])
