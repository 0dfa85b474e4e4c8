"""Objects of the program's classes inside lists, tuples and dicts (lang/stored_objects.py): what the
program computes and prints with them equals real Python and PyTorch (tests/oracle.py); torch, NumPy and
the builtins that look inside a list still refuse them, naming the object; the limits count them."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import stored_objects
from tests.oracle import run_trusted, value_mismatches, without_address
from tests.unit.breakout_helpers import SMALL

LAYER = '''import torch
class Layer:
    def __init__(self, w):
        self.w = torch.tensor(w, requires_grad=True)
    def __call__(self, x):
        return x * self.w
'''
NAMED = '''class B:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"B({self.n})"
class A:
    pass
'''


def compare(source: str) -> None:
    """Printed text and the variables equal Python's (objects and lists of them by their repr text)."""
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert without_address(report.printed) == without_address(oracle.printed)
    expected = oracle.variables
    assert list(report.variables) == list(expected)
    problems = []
    for name, real in expected.items():
        problems += value_mismatches(report.variables[name], real, name)
    assert not problems, "\n".join(problems)


def refused(source: str, says: str, kind: str = "unsupported", limits: object = None) -> None:
    report = run_program(source, limits=limits) if limits is not None else run_program(source)
    assert report.error is not None and report.error.kind == kind, report.error
    assert says in report.error.message, report.error.message


def test_a_list_of_layers_runs_a_forward_and_backward_pass():
    compare(LAYER + "layers = [Layer(2.0), Layer(3.0)]\nx = torch.tensor(1.5)\nfor layer in layers:\n"
            "    x = layer(x)\nx.backward()\nprint(x, layers[0].w.grad, layers[-1].w.grad, len(layers))\n")


def test_dicts_tuples_append_and_item_assignment():
    compare(LAYER + "d = {'a': Layer(4.0)}\nd['b'] = Layer(5.0)\nd.setdefault('c', Layer(6.0))\n"
            "for k, v in d.items():\n    print(k, v.w)\nt = (Layer(1.0),)\nxs = []\nxs.append(t[0])\n"
            "xs.extend([Layer(7.0)])\nxs[0] = Layer(8.0)\nxs.insert(0, d['a'])\nprint([l.w for l in xs])\n")


def test_comprehensions_returns_arguments_unpacking_and_star_args():
    compare(LAYER + "def build(n):\n    return [Layer(float(i)) for i in range(n)]\n"
            "def first(layers):\n    return layers[0]\ndef pack(*args):\n    return list(args)\n"
            "ms = build(3)\na, *rest = ms\nb, c = rest\nprint(first(ms).w, c.w, len(pack(a, b)))\n"
            "for i, (p, q) in enumerate(zip(ms, reversed(ms))):\n    print(i, p.w, q.w)\n"
            "print(list(ms)[1].w, tuple(ms)[2].w, type(ms[0]).__name__, isinstance(ms[0], Layer))\n")


def test_operators_on_lists_of_objects_compare_identity_like_python():
    compare(NAMED + "xs = [B(1), B(2)]\nys = xs + [B(3)]\nzs = xs * 2\nxs += [A()]\n"
            "print(len(ys), len(zs), xs[0] in ys, B(1) in ys, xs == xs, xs != ys, zs[0] is zs[2])\n")


def test_lists_of_objects_print_with_their_repr():
    compare(NAMED + "xs = [B(1), (B(2),), {'k': B(3)}, A()]\nprint(xs[:3], str(xs[:3]), repr([B(4)]))\n"
            "print(f'{xs[:3]} and {[B(5)]!r}')\nxs.append(xs)\nprint(xs[:3], xs[-1][0])\nprint(xs)\n")


def test_an_object_holding_a_list_of_objects_and_attributes():
    compare(NAMED + "class Net:\n    def __init__(self):\n        self.parts = [B(i) for i in range(3)]\n"
            "    def __len__(self):\n        return len(self.parts)\nnet = Net()\nnet.parts.append(B(9))\n"
            "print(len(net), net.parts, bool([A()]))\n")


@pytest.mark.parametrize(("tail", "says"), [
    ("torch.tensor([a])\n", "the `A` object cannot be used in `torch.tensor`"),
    ("torch.tensor([[1.0], [a]])\n", "the `A` object cannot be used in `torch.tensor`"),
    ("torch.stack([a])\n", "the `A` object cannot be used in `torch.stack`"),
    ("torch.ones(2).add([a])\n", "the `A` object cannot be used in `.add()`"),
    ("np.array([a, 1])\n", "the `A` object cannot be used in `np.array`"),
    ("np.full(2, [a])\n", "np.full"),
    ("sorted([a, a, A()])\n", "'<' not supported between instances of 'A' and 'A'"),
    ("max([a, A()])\n", "'>' not supported between instances of 'A' and 'A'"),
    ("np.array({a})\n", "the `A` object cannot be used in `np.array`"),
    ("torch.tensor([{a}])\n", "the `A` object cannot be used in `torch.tensor`"),
    ("', '.join([a])\n", "the `A` object cannot be used in `.join()`"),
    ("[a] < [a]\n", "the `A` object cannot be used in `lt`"),
    ("torch.tensor(list(dict(zip([a], [1]))))\n", "the `A` object cannot be used in `torch.tensor`"),
    ("np.array({a: 1})\n", "the `A` object cannot be used in `np.array`"),
    ("torch.tensor([A])\n", "the class `A` cannot be used in `torch.tensor`"),
    ("torch.ones(*[2, a])\n", "the `A` object cannot be used in `torch.ones`"),
    ("torch.ones(2).add(**{'other': a})\n", "the `A` object cannot be used in `.add()`"),
    ("[torch]\n", "cannot be used inside a list"),
])
def test_library_calls_still_refuse_objects_inside_lists(tail, says):
    kind = "type" if "key of type" in says or "not supported between" in says else "unsupported"
    refused("import torch\nimport numpy as np\nclass A:\n    pass\na = A()\n" + tail, says, kind)


@pytest.mark.parametrize("make", ["[0.0] * 30000 + [a]", "[[0.0] * 30000, [[a]]]",
                                  "{'k': [0] * 25000, 'z': (a,)}"])
def test_an_object_after_a_long_list_is_still_found(make):
    """is_data's budgeted walk would stop before it; once an object is stored, the walk is exact."""
    refused("import torch\nclass A:\n    pass\na = A()\nxs = " + make + "\ntorch.tensor(xs)\n",
            "the `A` object cannot be used in `torch.tensor`")


def test_every_instance_counts_toward_the_total_items_just_below_and_above():
    limits = dataclasses.replace(SMALL, max_loop_iterations=10_000, max_steps=100_000)

    def program(n: int, item: str) -> str:
        return (f"class A:\n    pass\nys = []\nfor j in range({n}):\n    ys.append([{item}] * 10)\n"
                "print(len(ys))\n")
    assert run_program(program(38, "A()"), limits=limits).printed == "38\n"
    refused(program(39, "A()"), "more than 500 list and string items in all", "limit", limits)
    assert run_program(program(39, "0"), limits=limits).printed == "39\n"   # the objects made the difference


def test_repeating_a_list_of_objects_keeps_the_length_limit():
    report = run_program("class A:\n    pass\nxs = [A()] * 50\nprint(len(xs))\n", limits=SMALL)
    assert report.printed == "50\n"
    refused("class A:\n    pass\nxs = [A()] * 51\n", "would have 51 items; the limit is 50", "limit", SMALL)


def test_text_of_nested_lists_just_below_and_above_the_depth():
    def program(n: int) -> str:
        return (f"class A:\n    pass\nxs = [A()]\nfor i in range({n}):\n    xs = [xs]\n"
                "s = f'{xs}'\nprint(len(s))\n")
    limit = stored_objects.MAX_TEXT_DEPTH
    report = run_program(program(limit))
    assert report.ok and report.printed == f"{len('<__main__.A object>') + 2 * (limit + 1)}\n"
    refused(program(limit + 1), f"nested more than {limit} deep", "limit")


def test_recursion_through_repr_of_a_list_stops_at_the_call_depth():
    refused("class A:\n    def __repr__(self):\n        return str([self])\nprint([A()])\n",
            "more than 50 levels deep", "limit")


def test_bare_objects_display_like_python_without_the_address():
    source = NAMED + "a = A()\na\nB(1)\n[a, B(2)]\n(a, {'k': [B(3)]})\nA\nxs = [a]\nxs.append(xs)\nxs\n"
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok, report.error
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed
    assert report.displayed[0].text == "<__main__.A object>"


def test_a_displayed_repr_runs_under_the_limits_and_python_errors():
    refused("class A:\n    def __repr__(self):\n        return repr(self)\nA()\n", "levels deep", "limit")
    report = run_program("class A:\n    def __repr__(self):\n        return 3\nA()\n")
    assert report.error.kind == "type" and report.error.message == "__repr__ returned non-string (type int)"


def test_variables_list_objects_by_their_repr_text():
    source = NAMED + "a = A()\nb = B(2)\nxs = [a, b]\nd = {'k': b}\nn = 3\ndef make():\n    class C:\n" \
        "        pass\n    return C()\nc = make()\n"
    compare(source)
    report = run_program(source)
    assert [(name, v.kind, v.text) for name, v in report.variables.items()][:4] == [
        ("a", "object", "<__main__.A object>"), ("b", "object", "B(2)"),
        ("xs", "object", "[<__main__.A object>, B(2)]"), ("d", "object", "{'k': B(2)}")]
    assert report.variables["c"].text == "<__main__.make.<locals>.C object>"


def test_a_variables_repr_prints_nothing_and_adds_no_op_to_the_graph():
    source = LAYER + "class Loud:\n    def __repr__(self):\n        print('side effect')\n" \
        "        return str(torch.ones(2) * 3)\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n" \
        "loud = Loud()\n"
    report = run_program(source)
    assert report.ok and report.printed == ""
    assert report.variables["loud"].text == "tensor([3., 3.])"
    without = run_program(source.replace("loud = Loud()\n", ""))
    assert len(report.graph.nodes) == len(without.graph.nodes) and len(report.ops) == len(without.ops)


@pytest.mark.parametrize(("body", "why"), [
    ("        while True:\n            pass\n", "an endless __repr__ stops at its own step allowance"),
    ("        return 1 / 0\n", "a failing __repr__"),
    ("        return 3\n", "a __repr__ that returns no string"),
])
def test_a_variables_repr_that_fails_leaves_pythons_default_text(body, why):
    report = run_program("class A:\n    def __repr__(self):\n" + body + "a = A()\nn = 1\n")
    assert report.ok, why
    assert report.variables["a"].text == "<__main__.A object>", why


def test_a_failed_run_shows_the_objects_own_repr_as_a_good_run():   # (session 43: was the default text)
    report = run_program(NAMED + "b = B(1)\nraise_here = 1 / 0\n")
    assert report.error is not None and report.variables["b"].text == "B(1)"   # (after a limit: not run,
    # tests/unit/test_error_run_objects_s43.py)


def test_the_variables_table_names_the_class_and_the_json_keeps_its_contract():
    from autogradlab.jsonout import value_to_json
    from components.variables_table import table
    report = run_program(NAMED + "a = A()\nxs = [B(1)]\nd = {'k': 1}\n")
    columns = table(report.variables)
    assert columns["dtype"] == ["A", "list", "object"]
    assert columns["value"][:2] == ["<__main__.A object>", "[B(1)]"]
    assert [value_to_json(v) for v in report.variables.values()] == [{"kind": "object", "value": None}] * 3


IDIOMS = """class L:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"L{self.n}"
layers = [L(1), L(2), L(3)]
print(*layers)
print(*layers, sep=", ")
def f(a, b, c):
    return a.n + b.n + c.n
print(f(*layers), f(**{"a": layers[0], "b": layers[1], "c": layers[2]}))
print(list(map(lambda l: l.n, layers)), list(filter(lambda l: l.n > 1, layers)))
print(layers[::-1], layers.pop(), layers.index(layers[0]), layers.copy())
layers.reverse()
print(layers)
layers.remove(layers[0])
del layers[0]
print(layers, len(layers))
d = {"a": L(1)}
print(d.get("a"), d.get("z", L(0)), d.pop("a"), d)
print(sum(l.n for l in [L(4), L(5)]), any(isinstance(l, L) for l in [L(1)]))
print(all(isinstance(l, L) for l in []))
pairs = list(zip([L(1), L(2)], [10, 20]))
for (l, w) in pairs:
    print(l, w)
print([L(i) for i in range(3) if i != 1], {k: L(k) for k in range(2)})
stack = []
stack.append(L(7))
stack += [L(8)]
top = stack[-1]
print(stack, top, stack.count(top), top in stack, L(8) not in stack)
s = str(stack) + "!"
print(s, repr(stack), f"{stack!r}", len(str(layers)))
"""


def test_list_idioms_on_objects_equal_python():
    """Star arguments, map/filter, slicing, pop/index/remove/reverse/del, dict get/pop, zip, += and
    membership: each as Python does it."""
    compare(IDIOMS)


def test_a_variables_repr_can_call_methods_and_comprehensions_after_the_run():
    """The texts are made after everything else in the report, and the interpreter is released only
    after them: a __repr__ that calls a method, builds a comprehension and reads a tensor still runs
    (a release before the texts left only Python's default text)."""
    source = ("import torch\n"
              "class A:\n"
              "    def __init__(self):\n"
              "        self.w = torch.ones(2)\n"
              "    def norm(self):\n"
              "        return float(self.w.sum())\n"
              "    def __repr__(self):\n"
              "        return f'A(norm={self.norm()}, parts={[i * 2 for i in range(3)]})'\n"
              "a = A()\n"
              "pair = [a, A()]\n")
    report = run_program(source)
    assert report.ok, report.error
    assert report.variables["a"].text == "A(norm=2.0, parts=[0, 2, 4])"
    assert report.variables["pair"].text == "[A(norm=2.0, parts=[0, 2, 4]), A(norm=2.0, parts=[0, 2, 4])]"
