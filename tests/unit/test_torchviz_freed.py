"""torchviz_dot._any_freed: True exactly when PyTorch itself refuses to read a Node's saved tensors
(backward() without retain_graph freed them), so torchviz's show_saved=True attempt is skipped only
when it would have raised; the drawing is the same either way."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine.graph import walk_graph
from autogradlab.engine.torchviz_dot import _any_freed, make_torchviz_dot


def _graph():
    x = torch.tensor([0.5, 1.5], requires_grad=True)
    y = (torch.sin(x) * x).sum()
    return x, y


def _torch_refuses(y: torch.Tensor) -> bool:
    try:
        _ = y.grad_fn.next_functions[0][0]._saved_other   # MulBackward0 of sin(x) * x
    except RuntimeError:
        return True
    return False


@pytest.mark.parametrize("backward", [None, "free", "retain"])
def test_freed_exactly_when_torch_refuses(backward):
    x, y = _graph()
    if backward == "free":
        y.backward()
    elif backward == "retain":
        y.backward(retain_graph=True)
    assert _any_freed(walk_graph(y.grad_fn).order) is _torch_refuses(y)


def test_the_drawing_after_backward_shows_the_saved_tensors():
    x, y = _graph()
    before, _ = make_torchviz_dot(y, output_name="y", params={"x": x}, saved_of=lambda fn: [])
    saved = {id(fn): [(a, getattr(fn, a)) for a in dir(fn) if a.startswith("_saved_")
                      and isinstance(getattr(fn, a), torch.Tensor)] for fn in walk_graph(y.grad_fn).order
             if type(fn).__name__ != "AccumulateGrad"}
    y.backward()
    after, error = make_torchviz_dot(y, output_name="y", params={"x": x},
                                     saved_of=lambda fn: saved.get(id(fn), []))
    assert error is None
    assert before.count("fillcolor=orange") == after.count("fillcolor=orange") > 0
