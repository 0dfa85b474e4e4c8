"""engine/memory_hooks.py: the tensors whose .grad the program saw stay known while they live, and
the table of them does not grow with a loop that sees a new leaf's .grad every pass (issue 9)."""

from __future__ import annotations

import gc

import torch

from autogradlab.engine.recorder import Recorder


def test_dead_grad_owners_are_let_go_and_live_ones_kept():
    recorder = Recorder("")
    keep = [torch.ones(2, requires_grad=True) for _ in range(3)]
    for t in keep:
        recorder.on_memory("grad", t)
    for _ in range(2000):   # a new leaf per pass, dead by the next one (Newton's method)
        recorder.on_memory("grad", torch.ones(1, requires_grad=True))
    gc.collect()
    owners = recorder._grad_owners
    assert len(owners) < 300
    alive = [ref() for ref in owners.values() if ref() is not None]
    assert all(any(a is t for a in alive) for t in keep)


def test_a_grad_seen_is_copied_before_backward_adds_into_it():
    """A view of w.grad is held without a copy (the trace holds it lazily): the second backward adds
    into w.grad in place, so the record must have copied the first values before (PyTorch: 2s)."""
    from autogradlab.engine import run_program
    from autogradlab.engine.trace import STALE_LAZY

    stale = STALE_LAZY[0]
    source = ("import torch\nw = torch.ones(3, requires_grad=True)\n(w * 2).sum().backward()\n"
              "v = w.grad.view(3)\n(w * 3).sum().backward()\nprint(w.grad)\n")
    report = run_program(source)
    assert report.ok, report.error
    w = torch.ones(3, requires_grad=True)
    (w * 2).sum().backward()
    first = w.grad.clone()
    (w * 3).sum().backward()
    views = [op for op in report.ops if op.op.endswith("view")]
    assert len(views) == 1
    assert views[0].outputs[0].value.tolist() == first.tolist()
    assert report.printed == f"{w.grad}\n"
    assert STALE_LAZY[0] == stale
