"""Leaves held only by a list, tuple or dict variable are labelled by their path (`xs[2]`), not a number."""

from __future__ import annotations

import torch

from autogradlab.engine import run_program
from autogradlab.engine.container_names import MAX_ITEMS, container_names


def _leaf_labels(source: str) -> list[str]:
    report = run_program(source)
    assert report.ok, report.error
    return sorted(n.label for n in report.graph.nodes if n.kind == "leaf")


def test_list_items_are_labelled_by_index():
    source = ("import torch\n"
              "xs = [torch.tensor(float(i), requires_grad=True) for i in range(3)]\n"
              "y = xs[0] * xs[1] + xs[2]\n"
              "y.backward()\n")
    assert _leaf_labels(source) == ["xs[0]", "xs[1]", "xs[2]"]


def test_dicts_tuples_and_nesting():
    source = ("import torch\n"
              "params = {'w': torch.ones(2, requires_grad=True), 'b': torch.zeros(1, requires_grad=True)}\n"
              "layers = [(torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True))]\n"
              "y = (params['w'] * layers[0][0] * layers[0][1]).sum() + params['b'].sum()\n"
              "y.backward()\n")
    assert _leaf_labels(source) == ["layers[0][0]", "layers[0][1]", "params['b']", "params['w']"]


def test_a_variable_name_wins_over_a_container_path():
    source = ("import torch\n"
              "w = torch.ones(2, requires_grad=True)\n"
              "b = torch.ones(2, requires_grad=True)\n"
              "params = [w, b]\n"
              "y = (params[0] * params[1]).sum()\n"
              "y.backward()\n")
    assert _leaf_labels(source) == ["b", "w"]


def test_a_tensor_in_no_container_keeps_its_number():
    source = ("import torch\n"
              "y = (torch.ones(2, requires_grad=True) * 2).sum()\n"
              "y.backward()\n")
    labels = _leaf_labels(source)
    assert len(labels) == 1 and labels[0].startswith("t") and labels[0][1:].isdigit()


def test_first_path_wins_and_the_walk_is_bounded():
    a = torch.ones(1)
    names = container_names({"first": [a], "second": (a,), "n": 3})
    assert names == {id(a): "first[0]"}
    deep = torch.ones(1)
    assert container_names({"d": [[[[deep]]]]}) == {}          # deeper than MAX_DEPTH levels
    assert container_names({"d": [[[deep]]]}) == {id(deep): "d[0][0][0]"}
    late = torch.ones(1)
    assert container_names({"big": [0.0] * MAX_ITEMS + [late]}) == {}
    fits = [0.0] * (MAX_ITEMS - 2) + [late]
    assert container_names({"small": fits}) == {id(late): f"small[{MAX_ITEMS - 2}]"}


def test_only_short_plain_keys_make_labels():
    t, u = torch.ones(1), torch.ones(1)
    assert container_names({"d": {"k" * 41: t, (1, 2): u}}) == {}
    assert container_names({"d": {"k" * 40: t, 7: u}}) == {id(t): f"d[{'k' * 40!r}]", id(u): "d[7]"}


def test_an_objects_attributes_are_labelled_by_their_path():
    """A model written as a plain class (`net.w`) or a list of them (`layers[0].b`): its parameters
    are named from the variable, not numbered."""
    source = ("import torch\n"
              "class Layer:\n"
              "    scale = torch.ones(1, requires_grad=True)\n"    # a class's attribute: no path
              "    def __init__(self, n):\n"
              "        self.w = torch.ones(n, requires_grad=True)\n"
              "        self.b = torch.zeros(1, requires_grad=True)\n"
              "    def __call__(self, x):\n"
              "        return x * self.w + self.b\n"
              "class Net:\n"
              "    def __init__(self):\n"
              "        self.head = Layer(2)\n"
              "        self.parts = {'first': Layer(2)}\n"
              "net = Net()\n"
              "layers = [Layer(2), Layer(2)]\n"
              "x = torch.ones(2)\n"
              "for layer in layers:\n"
              "    x = layer(x)\n"
              "y = (net.parts['first'](net.head(x)) * Layer.scale).sum()\n"
              "y.backward()\n")
    labels = _leaf_labels(source)
    assert labels[:8] == ["layers[0].b", "layers[0].w", "layers[1].b", "layers[1].w",
                          "net.head.b", "net.head.w", "net.parts['first'].b", "net.parts['first'].w"]
    assert len(labels) == 9 and labels[8].startswith("t"), labels   # Layer.scale: numbered


def test_the_walk_through_objects_is_bounded_like_lists():
    source = ("import torch\n"
              "class Box:\n"
              "    def __init__(self, inner):\n"
              "        self.inner = inner\n"
              "w = Box(Box(Box(Box(torch.ones(1, requires_grad=True)))))\n"
              "v = Box(Box(Box(torch.ones(1, requires_grad=True))))\n"
              "y = w.inner.inner.inner.inner * v.inner.inner.inner\n"
              "y.sum().backward()\n")
    labels = _leaf_labels(source)
    assert "v.inner.inner.inner" in labels                             # 3 levels: named
    assert not any(label.startswith("w.") for label in labels), labels   # 4 levels: numbered
