"""Issue 9, session 12: `name = <arithmetic>` and `name op= <arithmetic>` as one closure
(compiled_number_statements._fused_name: the value computed without effect, then bound inline as
compiled_targets' binder binds it, a float's `+=` computed inline) behave exactly like the generic
walk: test_compiled_blocks' differential harness (error kind, message, line, column, step count,
variables, printed text, op records) on what hands back to the per-node closures or to
Interpreter.assign (a bool, a tensor, a complex result, a float overflow, a name only an outer scope
holds, a name no scope holds), the budget cut at every step and the time check at every offset.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

NAMES = """import torch
def inner(m):
    s, q = 0.5, 0.0
    for j in range(m):
        s += j * 0.25 - 1
        s *= 1.0 + j % 2
        q = s * 2 - j
    return s + q
total = 0.0
count = 0
x = torch.tensor([1.0, 2.0])
for n in range(1, 21):
    total += 1 / n ** 2
    total -= n * 0.001
    count += n % 3
    count //= 1 + n % 2
    y = -n * 1.5 + total
    y += n
    y **= 0.5
    z = total * 2
    z += x * n
    if n % 5 == 0:
        total += inner(n % 4)
        print(n, total, count, y, z)
print(total, count, y)
"""

CASES = {
    "names": (NAMES, Limits()),
    "float_plus_bool": ("f = 1.5\nfor i in range(3):\n    f += i == 1\n    g = f * 2\nprint(f, g)\n",
                        Limits()),
    "float_plus_tensor": ("import torch\nt = torch.ones(2)\nf = 0.5\nfor i in range(3):\n    f += t * i\n"
                          "print(f)\n", Limits()),
    "float_to_complex": ("f = -2.0\nfor i in range(2):\n    f **= 0.5\n    g = (-1.0) ** 0.5 + i\n"
                         "print(f, g)\n", Limits()),
    "float_overflow": ("f = 10.0\nfor i in range(3):\n    f **= 100.0\n", Limits()),
    "float_zero_division": ("f = 1.0\nfor i in range(3):\n    f /= i - 1.0\n", Limits()),
    # CPython: UnboundLocalError (a local by the function's text, lang/unbound.py)
    "unbound_local_scope_name": (
        "total = 1.5\ndef f(k):\n    total += k * 2.0\n    return total\nprint(f(2))\n", Limits()),
    "no_scope_name": ("for i in range(2):\n    missing += i * 2.0\n", Limits()),
    "int_bits_above": ("k = 3\nfor i in range(40):\n    k *= k + i\n", Limits(max_int_bits=300)),
    "steps_at": ("t = 0.0\nfor i in range(10):\n    t += i * 0.5 + 1\n", Limits(max_steps=66)),
    "steps_above": ("t = 0.0\nfor i in range(10):\n    t += i * 0.5 + 1\n", Limits(max_steps=65)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fused_names_do_what_the_generic_walk_does(name, generic):  # noqa: F811
    source, limits = CASES[name]
    error, steps, _, _, _ = same_both_ways(source, limits, generic)
    assert steps > 0
    refused = ("_overflow", "_division", "_scope_name", "_above")
    assert (error is not None) == name.endswith(refused), (name, error)


@pytest.mark.parametrize("name", ["names", "float_plus_bool", "float_to_complex"])
def test_the_programs_print_what_python_prints(name):
    source = CASES[name][0]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(source, name, "exec"), {})  # noqa: S102 - trusted test text
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == printed.getvalue()


SHORT = NAMES.replace("range(1, 21)", "range(4, 6)")


def test_every_step_cut(generic):  # noqa: F811
    """The budget runs out at every single step of SHORT (n = 4, 5: every statement, both ways of
    the `if`, inner's loop): the same node, message and count both ways."""
    assert_every_step_cut_agrees(SHORT, generic)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    assert_time_check_agrees(NAMES, offset, generic, monkeypatch)


def test_the_fused_closures_are_the_ones_that_run(monkeypatch):
    """NAMES' number statements really go through _fused_name, and with the clock in time they
    never fall back to their per-node closures except for `z += x * n` (a tensor)."""
    from autogradlab.lang import compiled_number_statements as numbers

    made, fallbacks = [], []
    original = numbers._fused_name

    def counting(interp, node, count, raw, arithmetic, fn, per_node):
        def fallback():
            fallbacks.append(node.lineno)
            return per_node()
        made.append(node.lineno)
        return original(interp, node, count, raw, arithmetic, fn, fallback)
    monkeypatch.setattr(numbers, "_fused_name", counting)
    error, _, variables, _, _ = outcome(NAMES, Limits())
    assert error is None
    assert sorted(set(made)) == [5, 6, 7, 13, 14, 15, 16, 17, 18, 19, 21], made   # 20: binary_assign
    assert set(fallbacks) == {21}, fallbacks


def test_the_recorder_hears_the_same_assignments(generic):  # noqa: F811
    """The inline binding tells Recorder.on_assign what the binder told it: the same order of
    assignments, last line, names and op records both ways."""
    from tests.unit.test_recorder_number_assign import _state

    compiled = _state(NAMES)
    generic()
    assert _state(NAMES) == compiled
    assert compiled[0]["total"] > compiled[0]["count"] > compiled[0]["x"]
