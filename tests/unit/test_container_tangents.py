"""Forward-mode tangents along a leaf no variable holds: one a list, tuple, dict or object of the
program's classes keeps, named by the path the graph labels it by (`params[0]`, `layers[0].w`).
The oracle is torch.func.jvp on the same program run by plain Python: the program's setup runs, the
leaf is replaced wherever it is held by the jvp's input, and the rest of the program runs on it."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions

LAYER = ("class Layer:\n"
         "    def __init__(self, n):\n"
         "        self.w = torch.randn(n, requires_grad=True)\n"
         "        self.b = torch.randn(n, requires_grad=True)\n"
         "    def __call__(self, x):\n"
         "        return torch.tanh(x * self.w + self.b)\n")
X = "x = torch.tensor([0.5, -1.0, 2.0])\n"

# (setup: makes the leaves and their holders; body: computes y from them, no backward)
CASES = {
    "list": ("params = [torch.randn(3, requires_grad=True), torch.randn(3, requires_grad=True)]\n" + X,
             "y = (torch.sin(x * params[0]) * params[1]).sum()\n"),
    "tuple": ("pair = (torch.randn(3, requires_grad=True), torch.randn(3, requires_grad=True))\n" + X,
              "y = (torch.exp(pair[0] * x) + pair[1] ** 2).sum()\n"),
    "dict": ("p = {'w': torch.randn(3, requires_grad=True), 'b': torch.randn(1, requires_grad=True)}\n" + X,
             "y = torch.tanh(x @ p['w'] + p['b']).sum()\n"),
    "object": ("class Net:\n"
               "    def __init__(self):\n"
               "        self.w = torch.randn(3, 3, requires_grad=True)\n"
               "    def forward(self, x):\n"
               "        return torch.relu(self.w @ x)\n"
               "net = Net()\n" + X,
               "y = net.forward(x).pow(2).sum()\n"),
    "layers": (LAYER + "layers = []\nfor i in range(3):\n    layers.append(Layer(3))\n" + X,
               "h = x\nfor layer in layers:\n    h = layer(h)\ny = h.sum()\n"),
    "nested": (LAYER + "model = {'layers': [Layer(3), Layer(3)]}\n" + X,
               "y = model['layers'][1](model['layers'][0](x)).sum()\n"),
    "comprehension": ("params = [torch.randn(2, requires_grad=True) for _ in range(100)]\n",
                      "y = sum((p * p * p).sum() for p in params)\n"),
    "requires_grad_": ("class L:\n"
                       "    def __init__(self):\n"
                       "        self.w = torch.randn(2) * 0.1\n"
                       "        self.w.requires_grad_()\n"
                       "ls = [L(), L()]\n",
                       "y = (ls[0].w * torch.exp(ls[1].w)).sum()\n"),
    "long_loop": ("ps = []\nfor i in range(300):\n"
                  "    ps.append(torch.full((2,), 0.01 * i, requires_grad=True))\n",
                  "y = torch.stack(ps).sin().sum()\n"),
}


def _substitute(value, leaf, new, seen):
    """`value` with every reference to `leaf` replaced by `new` (lists, tuples, dicts and objects
    copied on the way; the test's own objects, as the oracle)."""
    if value is leaf:
        return new
    if id(value) in seen:
        return seen[id(value)]
    if isinstance(value, list):
        out = seen[id(value)] = []
        out.extend(_substitute(v, leaf, new, seen) for v in value)
        return out
    if isinstance(value, tuple):
        return tuple(_substitute(v, leaf, new, seen) for v in value)
    if isinstance(value, dict):
        out = seen[id(value)] = {}
        out.update({k: _substitute(v, leaf, new, seen) for k, v in value.items()})
        return out
    if hasattr(value, "__dict__") and type(value).__module__ == "__main__":
        out = seen[id(value)] = copy.copy(value)
        out.__dict__.update({k: _substitute(v, leaf, new, seen) for k, v in vars(value).items()})
        return out
    return value


def jvp_oracle(setup: str, body: str, path: str, tangent: torch.Tensor, seed: int = 0) -> np.ndarray:
    torch.manual_seed(seed)          # the engine's generator gives the same randn (tests/oracle.py)
    ns: dict = {"torch": torch, "__name__": "__main__"}
    exec(setup, ns)  # noqa: S102 - the test's own program
    leaf = eval(path, ns)  # noqa: S307 - the test's own path

    def f(v: torch.Tensor) -> torch.Tensor:
        local = {k: _substitute(val, leaf, v, {}) for k, val in ns.items()}
        exec(body, local)  # noqa: S102
        return local["y"]

    _, jv = torch.func.jvp(f, (leaf.detach(),), (tangent.to(leaf.dtype),))
    return jv.detach().numpy()


def tangent_of(program: str, *direction: tuple[str, object]):
    report = run_program("import torch\n" + program, steps=StepOptions(direction=tuple(direction)))
    assert report.ok, report.error
    assert report.steps.direction_error is None, report.steps.direction_error
    return report


@pytest.mark.parametrize(("case", "path", "values"), [
    ("list", "params[0]", [0.0, 1.0, 0.0]),
    ("list", "params[1]", [1.0, -2.0, 0.5]),
    ("tuple", "pair[0]", [1.0, 1.0, 1.0]),
    ("tuple", "pair[1]", [0.0, 0.0, 3.0]),
    ("dict", "p['w']", [1.0, 0.0, 2.0]),
    ("dict", "p['b']", [1.0]),
    ("object", "net.w", [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, -1.0]]),
    ("layers", "layers[0].w", [1.0, 0.0, 0.0]),
    ("layers", "layers[1].b", [0.0, 1.0, 1.0]),
    ("layers", "layers[2].w", [0.5, 0.5, 0.5]),
    ("nested", "model['layers'][0].w", [1.0, 2.0, 3.0]),
    ("comprehension", "params[57]", [1.0, -1.0]),
    ("requires_grad_", "ls[1].w", [0.0, 1.0]),
    ("long_loop", "ps[299]", [1.0, 2.0]),
    ("long_loop", "ps[0]", [0.0, 1.0]),
])
def test_a_leaf_held_in_a_container_gets_the_exact_tangent(case: str, path: str, values: list):
    setup, body = CASES[case]
    report = tangent_of(setup + body, (path, values))
    trace = report.steps.tangent
    assert [name for name, _ in trace.direction] == [path]
    expected = jvp_oracle(setup, body, path, torch.tensor(values))
    np.testing.assert_allclose(trace.output_tangent.value, expected, rtol=1e-5, atol=1e-6)
    assert not [n for n in report.steps.notes if "tangent" in n or "forward-mode" in n], report.steps.notes


def test_the_path_is_the_graphs_label_of_the_leaf():
    setup, body = CASES["layers"]
    report = tangent_of(setup + body, ("layers[1].w", [1.0, 0.0, 0.0]))
    labels = {n.label for n in report.graph.nodes if n.kind == "leaf"}
    assert {"layers[0].w", "layers[1].w", "layers[2].b"} <= labels
    leaf = next(n for n in report.graph.nodes if n.label == "layers[1].w")
    first = next(e for e in report.steps.tangent.entries if leaf.id in
                 {a for a, b in report.graph.edges if b == e.node})
    assert "layers[1].w" in first.rule


def test_no_direction_seeds_the_first_container_leaf_and_no_note_says_there_is_none():
    setup, body = CASES["layers"]
    report = tangent_of(setup + body)
    (name, shown), = report.steps.tangent.direction
    assert name == "layers[0].w"
    np.testing.assert_array_equal(shown.value, [1.0, 0.0, 0.0])
    expected = jvp_oracle(setup, body, "layers[0].w", torch.tensor([1.0, 0.0, 0.0]))
    np.testing.assert_allclose(report.steps.tangent.output_tangent.value, expected, rtol=1e-5, atol=1e-6)
    assert not [n for n in report.steps.notes if n.startswith("no forward-mode steps")]


def test_several_container_leaves_at_once_add_up():
    setup, body = CASES["layers"]
    v0, v1 = torch.tensor([1.0, 0.0, 0.0]), torch.tensor([0.0, 0.0, 2.0])
    report = tangent_of(setup + body, ("layers[0].w", v0.tolist()), ("layers[2].b", v1.tolist()))
    expected = jvp_oracle(setup, body, "layers[0].w", v0) + jvp_oracle(setup, body, "layers[2].b", v1)
    np.testing.assert_allclose(report.steps.tangent.output_tangent.value, expected, rtol=1e-5, atol=1e-6)


def test_a_leaf_both_named_and_in_a_list_goes_by_its_name():
    """The graph labels it `w` (a variable wins over a path), so the direction is given to `w`, and
    the list's path is not a second name for it."""
    setup = ("w = torch.randn(3, requires_grad=True)\nb = torch.randn(3, requires_grad=True)\n"
             "params = [w, b]\n" + X)
    body = "y = (torch.sin(params[0] * x) + params[1]).sum()\n"
    report = tangent_of(setup + body, ("w", [0.0, 1.0, 0.0]))
    expected = jvp_oracle(setup, body, "w", torch.tensor([0.0, 1.0, 0.0]))
    np.testing.assert_allclose(report.steps.tangent.output_tangent.value, expected, rtol=1e-5, atol=1e-6)
    refused = run_program("import torch\n" + setup + body,
                          steps=StepOptions(direction=(("params[0]", [0.0, 1.0, 0.0]),)))
    assert refused.steps.direction_error.startswith("direction params[0]: not a named leaf")
    assert "(its leaves: w, b)" in refused.steps.direction_error


def test_a_named_leaf_comes_first_for_the_default_direction():
    """Programs whose leaves have names keep their default direction (the first named leaf)."""
    setup = "params = [torch.randn(3, requires_grad=True)]\nw = torch.randn(3, requires_grad=True)\n" + X
    body = "y = (params[0] * x + w).sum()\n"
    report = tangent_of(setup + body)
    assert [name for name, _ in report.steps.tangent.direction] == ["w"]
    assert float(report.steps.tangent.output_tangent.value) == 1.0


def test_the_refusal_lists_the_paths_that_can_be_given_a_direction():
    setup, body = CASES["dict"]
    report = run_program("import torch\n" + setup + body,
                         steps=StepOptions(direction=(("p['v']", 1.0),)))
    assert report.steps.direction_error == ("direction p['v']: not a named leaf of the output's graph "
                                            "(its leaves: p['w'], p['b'])")


def test_a_wrong_shape_for_a_path_is_refused_by_name():
    setup, body = CASES["list"]
    report = run_program("import torch\n" + setup + body,
                         steps=StepOptions(direction=(("params[0]", [1.0, 0.0]),)))
    assert report.steps.direction_error == ("direction params[0]: shape (2,) does not match the leaf's "
                                            "shape (3,)")


def test_the_tangent_run_keeps_the_seed_so_the_container_leaf_is_the_same_tensor():
    """The leaves come from randn: a tangent run with another seed would give tangents of other
    values. Two seeds, each compared with the oracle at its own seed."""
    setup, body = CASES["list"]
    for seed in (0, 7):
        report = run_program("import torch\n" + setup + body, seed=seed,
                             steps=StepOptions(direction=(("params[0]", [1.0, 1.0, 1.0]),)))
        expected = jvp_oracle(setup, body, "params[0]", torch.ones(3), seed=seed)
        np.testing.assert_allclose(report.steps.tangent.output_tangent.value, expected, rtol=1e-5, atol=1e-6)


def test_the_no_tangent_note_stays_when_truly_nothing_can_be_seeded():
    """A leaf nothing holds, and one deeper than container_names walks (three levels)."""
    program = ("import torch\ndeep = [[[[torch.randn(2, requires_grad=True)]]]]\n"
               "y = (torch.sin(deep[0][0][0][0]) * torch.tensor(2.0, requires_grad=True)).sum()\n")
    report = run_program(program, steps=StepOptions())
    assert report.steps.tangent is None
    notes = [n for n in report.steps.notes if n.startswith("no forward-mode steps")]
    assert len(notes) == 1 and "nor by a list, dict or object a variable holds" in notes[0], notes
