"""Session 40's short ways for Python-heavy lessons (issue 9) against the general path, each switch on and
off: a call's parameters told to the Recorder at once (user_functions.PARAMETERS_AT_ONCE, NameHooks.
on_parameters), the plotting-statement test's answer for a name bound to no module (plot_calls.NOT_MODULE),
`a, b = value` / `for i, x in enumerate(xs)` binding a tuple of atoms directly (compiled_targets.
TUPLE_NAMES), builtins' argument check answering all-atom arguments at once (builtin_arguments.
ATOMS_AT_ONCE) and the report converting numbers at once (report_values.NUMBERS_AT_ONCE).

Oracle: the same program with the switch off (test_compiled_blocks.outcome: error kind, message, line
and column, the step count, the variables, the printed text and the op records; the Recorder's tables;
the pickled report), and real Python for the printed text. Limits sit just below and at/above each one
(call depth, steps at every cut, the time check, loop iterations, elements)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from autogradlab.engine import name_hooks, report_values
from autogradlab.engine.run import run_program
from autogradlab.lang import (
    builtin_arguments,
    compiled,  # noqa: F401 - first (compiled_targets alone meets an import cycle)
    compiled_targets,
    plot_calls,
    user_functions,
)
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_calls_s39 import LAYERS
from tests.unit.test_compiled_blocks import outcome, same_both_ways
from tests.unit.test_recorder_number_assign import _state

SWITCHES = {"parameters": (user_functions, "PARAMETERS_AT_ONCE"), "not_module": (plot_calls, "NOT_MODULE"),
            "tuple_names": (compiled_targets, "TUPLE_NAMES"), "atoms": (builtin_arguments, "ATOMS_AT_ONCE"),
            "numbers": (report_values, "NUMBERS_AT_ONCE")}


def switched_off(monkeypatch: pytest.MonkeyPatch, names: list[str]):  # noqa: ANN201
    def run() -> None:
        for name in names:
            module, attribute = SWITCHES[name]
            monkeypatch.setattr(module, attribute, False)
    return run


@pytest.fixture(params=[[name] for name in SWITCHES] + [list(SWITCHES)], ids=[*SWITCHES, "all"])
def off(request, monkeypatch):
    """One short way off (or all of them): the general path it stands for."""
    return switched_off(monkeypatch, request.param)


LESSON = """import numpy as np
import torch


class Layer:
    def __init__(self, w):
        self.w = w

    def forward(self, x):
        self.saved = x
        return self.w * x

    def step(self, lr, g):
        self.w -= lr * g


def pair(a, b):
    return a + b, a * b


def scale(t, k):
    return t * k


layers = [Layer(np.float64(0.5)), Layer(1.5)]
xs = np.arange(0, 1, 0.25)
losses = []
for i, x in enumerate(xs):
    for layer in reversed(layers):
        x = layer.forward(x)
    s, p = pair(x, np.float64(i))
    n, (u, v) = len(xs), (s, p)
    [lo, hi] = p, abs(-s)
    losses.append(s * s)
    layers[0].step(0.1, p)
t = torch.ones(2, requires_grad=True)
y = scale(t * 2, 3.0)
z = scale(y, np.float32(2))
q, r = torch.tensor([1.0, 2.0])
print(losses[-1], layers[0].w, lo, hi, n, u, v, z, q, r, len(losses), sum(losses))
"""


def test_lesson_alike_and_as_python(off):
    error, steps, _, printed, _ = same_both_ways(LESSON, Limits(), off)
    assert error is None and steps > 0
    assert printed == python_prints(LESSON)


def test_layers_lesson_alike(off):
    error, _, _, printed, _ = same_both_ways(LAYERS, Limits(), off)
    assert error is None and printed == python_prints(LAYERS)


def test_every_step_cut_alike(off):
    source = LESSON.replace("np.arange(0, 1, 0.25)", "np.arange(0, 1, 0.5)")
    assert_every_step_cut_alike(source, off)


def test_time_check_alike(off, monkeypatch):
    assert_time_check_alike(LESSON, off, monkeypatch)


@pytest.mark.parametrize("name", ["lesson", "tensors"])
def test_recorder_tables_alike(name, monkeypatch):
    """NameHooks.on_parameters leaves the Recorder's tables as one on_assign per parameter does: tensors
    named in the function (`_local`), an op's unnamed output given to a function (`scale(t * 2, 3.0)`),
    last_line, the order of assignments."""
    source = LESSON if name == "lesson" else TENSORS
    fast = _state(source)
    switched_off(monkeypatch, ["parameters"])()
    assert _state(source) == fast


TENSORS = """import torch
x = torch.ones(3, requires_grad=True)


def f(a, b, c):
    return a * b + c


def g(obj, t):
    return t.sum()


class Box:
    pass


k = f(x * 2, 3.0, x)
x * 5
m = f(2.0, x, x.exp())
b = Box()
x + 1
s = g(b, x * k)
u = f(1, 2, 3)
print(k, m, s, u)
"""


RECURSE = ("class R:\n    def down(self, n):\n        if n == 0:\n            return 0\n"
           "        a, b = self.down(n - 1), 1\n        return a + b\n\n\nprint(R().down({n}))\n")


@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_and_above(n, fails, off):
    error, *_ = same_both_ways(RECURSE.format(n=n), Limits(max_call_depth=20), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]


ENUMERATE = ("import numpy as np\nxs = np.arange(10.0)\ntotal = 0.0\nfor i, x in enumerate(xs):\n"
             "    a, b = x, i\n    total += a * b\nprint(total)\n")


@pytest.mark.parametrize(("limit", "fails"), [(11, False), (10, False), (9, True)])
def test_loop_iterations_below_and_above(limit, fails, off):
    error, *_ = same_both_ways(ENUMERATE, Limits(max_loop_iterations=limit), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "loop iterations" in error[1]


@pytest.mark.parametrize(("total", "fails"), [(31, False), (30, False), (29, True), (15, True)])
def test_element_total_below_and_above(total, fails, off):
    error, *_ = same_both_ways(ENUMERATE, Limits(max_total_elements=total), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit"


# name -> (program, words of Python's error or the refusal)
ERRORS = {
    "too_many_values": ("a, b = 1, 2, 3\n", "too many values to unpack (expected 2)"),
    "not_enough_values": ("a, b, c = 1, 2\n", "not enough values to unpack (expected 3, got 2)"),
    # (CPython says "cannot unpack non-iterable int object": the engine's words, both ways, since before s40)
    "not_iterable": ("a, b = 5\n", "cannot unpack non-iterable int object"),
    "loop_not_enough": ("for a, b in [(1, 2), (3,)]:\n    pass\n", "not enough values to unpack"),
    "dunder_target": ("__x, y = 1, 2\n", "__x"),
    "module_item": ("import torch\na, b = 1, torch\n", "torch"),
    "function_item": ("def f():\n    return 1\n\n\na, b = 1, f\nprint(a(), b())\n", "not callable"),
    "len_of_int": ("n = len(5)\n", "object of type 'int' has no len()"),
    "len_two": ("n = len([1], [2])\n", "len() takes exactly one argument (2 given)"),
    "abs_of_text": ("n = abs('x')\n", "bad operand type for abs(): 'str'"),
    "len_of_module": ("import torch\nn = len(torch)\n", "torch"),
    "reversed_number": ("r = reversed(3.5)\n", "'float' object is not reversible"),
    "round_keyword": ("r = round(2.5, digits=1)\n", "digits"),
    "plotting_value_kept": ("import matplotlib.pyplot as plt\nline = plt.plot([1, 2])\n", "plot"),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_and_refusals_alike(name, off):
    source, words = ERRORS[name]
    error, *_ = same_both_ways(source, Limits(), off)
    assert error is not None and words in error[1], (name, error)


ALLOWED = {
    "same_name_twice": "a, a = 1, 2\nprint(a)\n",
    "nested_targets": "(a, b), c = (1, 2), 3\nprint(a, b, c)\n",
    "list_value": "a, b = [1.5, 2]\nprint(a, b)\n",
    "list_target": "[a, b] = 1, 'two'\nprint(a, b)\n",
    "star_target": "a, *b = 1, 2, 3\nprint(a, b)\n",
    "long_tuple": "a, b, c, d, e, f, g, h, i = range(9)\nprint(a, i)\n",
    "objects": "class O:\n    pass\n\n\no, k = O(), 1\no.v = k\nprint(o.v, k)\n",
    "global_in_function": ("def f():\n    global g, h\n    g, h = 1, 2.5\n    return g + h\n\n\n"
                           "print(f(), g, h)\n"),
    "nonlocal": ("def outer():\n    a = 0\n    b = 0\n\n    def inner():\n        nonlocal a, b\n"
                 "        a, b = 1, 2\n    inner()\n    return a, b\n\n\nprint(outer())\n"),
    "swap": "a, b = 1, 2\nfor k in range(3):\n    a, b = b, a + b\nprint(a, b)\n",
    "builtins_of_atoms": ("import numpy as np\nx = np.float64(-2.5)\nprint(abs(x), round(x), len('text'), "
                          "int(x), float(np.int8(3)), max(1, x), min(2.0, 3), str(x), bool(0.0), "
                          "list(reversed(range(3))), len(np.arange(4)))\n"),
    "plotting_skipped": ("import matplotlib.pyplot as plt\nxs = []\nfor k in range(3):\n"
                         "    xs.append(k)\n    plt.plot(xs)\nprint(xs)\n"),
    "plotting_from_function": ("import matplotlib.pyplot as plt\n\n\ndef show(v):\n    plt.plot(v)\n"
                               "    return v\n\n\nprint(show([1, 2]))\n"),
    "plotting_name_rebound": ("import matplotlib.pyplot as plt\nplt.plot([1])\nplt = [0]\nplt.append(1)\n"
                              "print(plt)\n"),
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_allowed_alike_and_as_python(name, off):
    source = ALLOWED[name]
    error, _, _, printed, _ = same_both_ways(source, Limits(), off)
    assert error is None, (name, error)
    if "plt" not in source:   # (no matplotlib here: the skipped plots' lessons are checked by their note)
        assert printed == python_prints(source)


REPORTED = """import numpy as np
ints = [k for k in range(5)] + [10 ** 30, True, -0]
floats = [0.1 * k for k in range(5)] + [float('nan'), float('inf'), -0.0]
scalars = [np.float64(k) / 3 for k in range(5)] + [np.float64('nan'), np.int64(7), np.float32(0.5),
                                                   np.bool_(1)]
mixed = [1j, np.complex128(1 + 2j), None, 'text', (1, 2.5), [np.float64(2)]]
one = np.float64(2.5)
two = 3
three = 1.5
four = 2j
"""


def test_report_values_alike(monkeypatch):
    fast = pickle.dumps(dataclasses.replace(run_program(REPORTED), timing_ms=0.0))
    switched_off(monkeypatch, ["numbers"])()
    assert pickle.dumps(dataclasses.replace(run_program(REPORTED), timing_ms=0.0)) == fast


def test_short_ways_are_taken(monkeypatch):
    """The lesson goes the short ways (else the tests above compare a path with itself)."""
    taken = {"parameters": 0, "atoms": 0, "tuples": 0}
    original = name_hooks.NameHooks.on_parameters

    def counted(self, *args):
        taken["parameters"] += 1
        return original(self, *args)
    monkeypatch.setattr(name_hooks.NameHooks.on_assign, "for_parameters", counted)
    original_check = builtin_arguments.require_storable

    def counted_check(*args):
        taken["atoms"] += 1
        return original_check(*args)
    monkeypatch.setattr(builtin_arguments, "require_storable", counted_check)
    original_binder = compiled_targets._names_binder

    def counted_binder(*args):
        bind = original_binder(*args)

        def counted_bind(value):
            taken["tuples"] += type(value) is tuple
            return bind(value)
        return counted_bind
    monkeypatch.setattr(compiled_targets, "_names_binder", counted_binder)
    error, *_ = outcome(LESSON, Limits())
    assert error is None and taken["parameters"] > 10 and taken["tuples"] >= 12, taken
    atoms = taken["atoms"]
    monkeypatch.setattr(builtin_arguments, "ATOMS_AT_ONCE", False)
    outcome(LESSON, Limits())
    assert taken["atoms"] - atoms > atoms, taken   # len(xs) / abs(-s): checked one by one only when off
