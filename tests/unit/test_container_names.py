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
