"""The per-backward fast paths (issue 9) show exactly what the plain reads showed.

graph.read_saved reads a Node class's saved tensors with one attrgetter after its first Node: the
oracle is reading every `_saved_*` attribute of the Node by hand, for many op kinds, before and
after backward freed them. The last backward of a 1,000-iteration training loop run through the
engine shows, at every node, the gradient PyTorch's own pre-hooks receive in the same loop run by
real Python, and the saved tensors PyTorch saved."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.engine.graph import is_leaf_node, read_saved, walk_functions
from autogradlab.engine.saved_tensors import read_saved_into
from autogradlab.limits import Limits


def saved_by_hand(fn) -> list[tuple[str, torch.Tensor]] | None:
    """Every `_saved_*` attribute of the Node, read one by one (None: backward freed them)."""
    found = []
    for attr in sorted(a for a in dir(fn) if a.startswith("_saved_")):
        try:
            value = getattr(fn, attr)
        except RuntimeError:
            return None
        if isinstance(value, torch.Tensor):
            found.append((attr, value))
        elif isinstance(value, tuple):
            found.extend((f"{attr}[{i}]", t) for i, t in enumerate(value) if isinstance(t, torch.Tensor))
    return found


def same_saved(got, expected) -> None:
    assert (got is None) == (expected is None)
    if expected is None:
        return
    assert [name for name, _ in got] == [name for name, _ in expected]
    for (_, a), (_, b) in zip(got, expected, strict=True):
        assert a.shape == b.shape and a.dtype == b.dtype and a.data_ptr() == b.data_ptr()
        torch.testing.assert_close(a, b, rtol=0, atol=0, equal_nan=True)


def graphs() -> list[torch.Tensor]:
    """Outputs whose graphs hold many Node classes: scalar and tensor fields, optional tensors
    (None in a tuple), lists of tensors, sizes, dims, results saved as `_saved_result`."""
    x = torch.linspace(-1.0, 2.0, 12, requires_grad=True)
    m = torch.arange(12.0).reshape(3, 4).requires_grad_()
    idx = torch.tensor([2, 0])
    outs = [
        (x * 3 + x ** 2 - x / (x.abs() + 1)).sum(),
        (x ** torch.full((12,), 1.5)).exp().mean(),
        (m @ m.T).softmax(dim=1).log().sum(),
        m[:, idx].sum() + m[idx].norm() + m.max(dim=0).values.sum(),
        torch.cat([m, m * 2], dim=1).sort(dim=1).values.prod(),
        torch.stack([x, x.sin(), x.tanh()]).std(dim=0).sum(),
        torch.where(x > 0, x.sqrt(), x.sigmoid()).cumsum(0).sum(),
        m.reshape(4, 3).transpose(0, 1).expand(2, 3, 4).sum(dim=(0, 2)).dot(torch.ones(3)),
        torch.linalg.inv(m[:, :3] + 5 * torch.eye(3)).det(),
    ]
    return outs


@pytest.mark.parametrize("which", range(9))
def test_read_saved_equals_reading_every_attribute_by_hand(which):
    out = graphs()[which]
    fns = [fn for fn in walk_functions(out.grad_fn) if not is_leaf_node(fn)]
    assert fns
    for _ in range(2):   # the first Node of a class teaches the fast reader, later ones use it
        for fn in fns:
            same_saved(read_saved(fn), saved_by_hand(fn))
    out.backward()       # frees what the Nodes saved
    for fn in fns:
        same_saved(read_saved(fn), saved_by_hand(fn))


@pytest.mark.parametrize("which", range(9))
def test_read_saved_into_keeps_what_read_saved_reads(which):
    out = graphs()[which]
    fns = [fn for fn in walk_functions(out.grad_fn) if not is_leaf_node(fn)]
    for _ in range(2):   # classes not learnt yet, then learnt ones (the written-out reads)
        store: dict = {}
        read_saved_into(fns, store)
        expected = {id(fn): read_saved(fn) for fn in fns if read_saved(fn)}
        assert store.keys() == expected.keys()
        for key, saved in expected.items():
            same_saved(store[key], saved)
    out.backward()       # freed: nothing is kept
    store = {}
    read_saved_into(fns, store)
    assert store == {}


def test_read_saved_into_reads_a_parameter_and_a_tuple_field_as_read_saved_does():
    p = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
    q = torch.tensor([3.0, 4.0], requires_grad=True)
    outs = [(p * q).sum(), (q * p).sum(), torch.cat([p, q]).sum(), torch.stack([q, p]).sum()]
    fns = [fn for out in outs for fn in walk_functions(out.grad_fn) if not is_leaf_node(fn)]
    for _ in range(2):
        store: dict = {}
        read_saved_into(fns, store)
        for fn in fns:
            if read_saved(fn):
                same_saved(store[id(fn)], read_saved(fn))
            else:
                assert id(fn) not in store


def test_a_freed_node_of_a_class_already_learnt_reads_as_freed():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    fn = y.grad_fn.next_functions[0][0]
    assert read_saved(fn) and read_saved(fn) == read_saved(fn)
    y.backward()
    assert saved_by_hand(fn) is None and read_saved(fn) is None


LOOP = """import torch
x = torch.linspace(-1, 1, 50)
y = 2 * x + 1 + 0.1 * torch.sin(7 * x)
w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(-0.5, requires_grad=True)
for i in range(1000):
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        b -= 0.05 * b.grad
        w.grad.zero_()
        b.grad.zero_()
print(loss.item())
"""


def copying(grads: dict, key: int):
    def hook(grad_outputs):
        grads[key] = grad_outputs[0].detach().clone()
    return hook


def plain_last_iteration():
    """The same loop in real Python; the last iteration's Nodes with what PyTorch's pre-hooks
    receive (copied at once) and the tensors the Nodes saved (read before backward frees them;
    a saved leaf is the leaf itself, so its value is the one after the loop, as the report shows)."""
    x = torch.linspace(-1, 1, 50)
    y = 2 * x + 1 + 0.1 * torch.sin(7 * x)
    w = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(-0.5, requires_grad=True)
    grads: dict[int, torch.Tensor] = {}
    for i in range(1000):
        loss = ((w * x + b - y) ** 2).mean()
        if i == 999:
            fns = walk_functions(loss.grad_fn)
            for fn in fns:
                fn.register_prehook(copying(grads, id(fn)))
            saved = [[t for _, t in saved_by_hand(fn) or []] for fn in fns]   # the tensors themselves
        loss.backward()
        with torch.no_grad():
            w -= 0.05 * w.grad
            b -= 0.05 * b.grad
            w.grad.zero_()
            b.grad.zero_()
    return [(type(fn).__name__, grads.get(id(fn)), values)
            for fn, values in zip(fns, saved, strict=True)], loss


def test_last_backward_of_a_thousand_iterations_shows_what_pytorch_hands_each_node():
    report = run_program(LOOP, limits=Limits(timeout_s=120))
    assert report.ok, report.error
    expected, loss = plain_last_iteration()
    assert report.printed.strip() == str(loss.item())
    graph = report.graph
    assert graph.backward_done
    nodes = [n for n in graph.nodes if n.kind in ("op", "leaf")]
    assert [n.grad_fn for n in nodes] == [name for name, _, _ in expected]
    by_id = {n.id: n for n in graph.nodes}
    into = {}
    for src, dst in graph.edges:
        into.setdefault(dst, []).append(by_id[src])
    for node, (_, grad, saved) in zip(nodes, expected, strict=True):
        assert grad is not None and node.grad is not None
        torch.testing.assert_close(torch.as_tensor(node.grad.value), grad, rtol=0, atol=0)
        shown_saved = [torch.as_tensor(s.value.value) for s in into.get(node.id, []) if s.kind == "saved"]
        assert len(shown_saved) == len(saved)
        for got, want in zip(shown_saved, saved, strict=True):
            torch.testing.assert_close(got, want, rtol=0, atol=0)


def test_a_loop_frees_what_old_backward_calls_held_without_the_cyclic_collector():
    """Saved tensors and gradients kept for a backward call go when it leaves the kept window,
    by reference counting alone (no reference cycle per hooked Node)."""
    import ast
    import gc
    import weakref

    from autogradlab.engine.grads import KEPT_BACKWARDS
    from autogradlab.engine.recorder import Recorder

    rec = Recorder("loss.backward()\n")
    node = ast.parse("loss.backward()").body[0].value
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    saved_refs = []
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(KEPT_BACKWARDS + 3):
            h = w * 3.0
            loss = h.sin().sum()          # SinBackward saves h
            saved_refs.append(weakref.ref(h))
            del h
            rec.before_backward(loss, None, node)
            loss.backward()
            rec.after_backward(loss, node)
        alive = [ref() is not None for ref in saved_refs]
        cyclic_garbage = gc.collect()
    finally:
        if was:
            gc.enable()
    assert alive == [False] * 3 + [True] * KEPT_BACKWARDS
    assert cyclic_garbage == 0
