"""graph.py's Node loop reads the Recorder's tables (Recorder.graph_tables: saved tensors, origins,
names, numbers) instead of calling saved_of / origin_of / name_of / tensor_id per Node. The graph it
builds must be the one the protocol methods build (a context without graph_tables takes that path),
node for node and pickled byte for byte (which objects the nodes share included)."""

from __future__ import annotations

import pickle

import pytest

import autogradlab.engine.run as run


class MethodsOnly:
    """The Recorder seen through the GraphContext protocol only (no graph_tables)."""

    def __init__(self, recorder):
        self._recorder = recorder

    def tensor_id(self, tensor):
        return self._recorder.tensor_id(tensor)

    def name_of(self, tensor):
        return self._recorder.name_of(tensor)

    def leaf_label(self, tensor):
        return self._recorder.leaf_label(tensor)

    def origin_of(self, fn):
        return self._recorder.origin_of(fn)

    def creation_op(self, tensor):
        return self._recorder.creation_op(tensor)

    def saved_of(self, fn):
        return self._recorder.saved_of(fn)


PROGRAMS = {
    "long loop, skimmed middle passes": "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\n"
    "for i in range(300):\n    y = torch.sin(y) * 1.01 + 0.1 * x\ny.backward()\n",
    "named tensors, saved tensors, broadcast, no backward": "import torch\n"
    "w = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)\nb = torch.tensor([0.1, 0.2], "
    "requires_grad=True)\nh = torch.tanh(w @ w + b)\nout = (h * h).sum()\n",
    "unbind, int and bool tensors, a gradient argument": "import torch\n"
    "a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\nr0, r1 = torch.unbind(a)\n"
    "m = torch.tensor([True, False])\nk = torch.tensor([2, 3])\ny = r0 * r1 * k + torch.where(m, r0, r1)\n"
    "y.backward(torch.tensor([1.0, -1.0]))\n",
    "a training loop": "import torch\nw = torch.ones(3, 2, requires_grad=True)\n"
    "for i in range(20):\n    loss = ((torch.ones(4, 3) @ w) ** 2).mean()\n    loss.backward()\n"
    "    with torch.no_grad():\n        w -= 0.01 * w.grad\n    w.grad.zero_()\n",
}


@pytest.mark.parametrize("source", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_the_tables_build_the_graph_the_methods_build(source, monkeypatch):
    """The same program run twice: its graph built from the tables, then through the methods
    (saved tensors are unpacked anew by each build, so both builds must come from equal runs)."""
    fast = run.run_program(source)
    graph_of = run._graph_of

    def through_methods(output, var, recorder, label=None, walked=None):
        return graph_of(output, var, MethodsOnly(recorder), label, walked)
    monkeypatch.setattr(run, "_graph_of", through_methods)
    for name in ("grads", "last_backward", "last_backward_skimmed"):   # what _graph_of reads besides
        read = property(lambda self, name=name: getattr(self._recorder, name))
        monkeypatch.setattr(MethodsOnly, name, read, raising=False)
    slow = run.run_program(source)
    assert fast.ok and slow.ok, (fast.error, slow.error)
    assert not hasattr(MethodsOnly, "graph_tables")
    assert any(n.kind == "saved" for n in fast.graph.nodes)
    assert any(n.grad is not None for n in fast.graph.nodes) is ("backward" in source)
    assert pickle.dumps(fast.graph) == pickle.dumps(slow.graph)
